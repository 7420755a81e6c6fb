// Entry point for `node --test vue-web/e2e/`: Node 20 only collects files named like test.mjs or
// *.test.mjs from a directory, so this loads the *.e2e.mjs suites (which also run on their own).
import { readdirSync } from 'node:fs'

const here = new URL('./', import.meta.url)
for (const file of readdirSync(here).filter(name => name.endsWith('.e2e.mjs')).sort())
  await import(new URL(file, here).href)
