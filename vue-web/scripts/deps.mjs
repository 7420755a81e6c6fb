// Runs `npm ci` only when node_modules is missing or older than the lockfile: a full `npm ci` on every
// Maven build wipes and re-downloads node_modules, which costs more than the rest of the module's build.
import { execSync } from 'node:child_process'
import { statSync } from 'node:fs'

const mtime = path => statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? 0
// npm writes node_modules/.package-lock.json at the end of every install.
const installed = mtime('node_modules/.package-lock.json')
const wanted = Math.max(mtime('package-lock.json'), mtime('package.json'))

if (installed >= wanted) {
  console.log('node_modules is up to date with package-lock.json; skipping npm ci')
}
else {
  execSync('npm ci --no-audit --no-fund', { stdio: 'inherit' })
}
