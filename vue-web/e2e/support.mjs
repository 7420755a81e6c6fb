// Shared set-up for the e2e suites: the running devstack (endpoints.json), Debian's chromium, MariaDB inserts.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { after, before } from 'node:test'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import mysql from 'mysql2/promise'
import { chromium } from 'playwright-core'

const here = dirname(fileURLToPath(import.meta.url))
const repo = resolve(here, '../..')
const screenshots = resolve(here, '../target/e2e-screenshots')

// Flags the machine needs: without the background-networking ones chromium keeps dialling Google's hosts.
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
]

/** The devstack's endpoints, or a reason why the suites must skip. */
export async function devstack() {
  const file = process.env.LISTCAST_ENDPOINTS ?? join(repo, '.listcast/dev/endpoints.json')
  let endpoints
  try {
    endpoints = JSON.parse(readFileSync(file, 'utf8'))
  }
  catch {
    return { skip: `no running devstack: ${file} is missing (start one with ./listcast dev)` }
  }
  try {
    const health = await fetch(new URL('/api/taxonomy', endpoints.edgeUrl), { signal: AbortSignal.timeout(3000) })
    if (!health.ok)
      return { skip: `edge at ${endpoints.edgeUrl} answered ${health.status} to /api/taxonomy` }
  }
  catch (cause) {
    return { skip: `edge at ${endpoints.edgeUrl} does not answer: ${cause.message}` }
  }
  return { endpoints }
}

/** A fresh browser profile each time, so no cookie or cache from an earlier run leaks in. */
export async function openBrowser() {
  const profile = mkdtempSync(join(tmpdir(), 'listcast-e2e-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 860 },
  })
  const page = context.pages()[0] ?? await context.newPage()
  const dialogs = []
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message())
    void dialog.dismiss()
  })
  return {
    page,
    dialogs,
    async close() {
      await context.close()
      rmSync(profile, { recursive: true, force: true })
    },
  }
}

export async function screenshot(page, name) {
  mkdirSync(screenshots, { recursive: true })
  await page.screenshot({ path: join(screenshots, `${name}.png`) })
}

/**
 * Signs in as a demo user allowed every category (unless the session cookie already did), and waits for the
 * live stream.
 */
export async function signIn(page, edgeUrl) {
  const users = await (await fetch(new URL('/api/dev/users', edgeUrl))).json()
  const user = users.find(candidate => candidate.categories == null) ?? users[0]
  await page.goto(edgeUrl)
  const button = page.getByTestId(`signin-user-${user.subject}`)
  await button.or(page.getByTestId('connection-status')).first().waitFor()
  if (await button.isVisible())
    await button.click()
  await waitForStatus(page, 'open')
  return user
}

export async function waitForStatus(page, status, timeout = 15_000) {
  await page.locator(`[data-testid="connection-status"][data-status="${status}"]`).waitFor({ timeout })
}

/**
 * Narrows the feed to titles holding `token`, so listings from anyone else (the devstack simulator,
 * other suites) cannot change what a test counts. Waits for the re-subscribed, empty feed.
 */
export async function filterByKeyword(page, token) {
  await page.getByTestId('filter-keyword').fill(token)
  await page.waitForFunction(() => document.querySelector('[data-testid="feed-count"]')?.textContent === '0')
  await waitForStatus(page, 'open')
}

export async function feedCount(page) {
  return Number(await page.getByTestId('feed-count').textContent())
}

/** Every item id in the feed, read by scrolling the virtual list from top to bottom (it renders only visible rows). */
export async function feedItemIds(page) {
  return page.evaluate(async () => {
    const scroller = document.querySelector('[data-testid="feed-scroller"]')
    const ids = new Map()
    const frame = () => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))
    for (let top = 0; ; top += scroller.clientHeight / 2) {
      scroller.scrollTop = top
      await frame()
      for (const row of document.querySelectorAll('[data-testid="feed-row"]'))
        ids.set(row.dataset.eventId, Number(row.dataset.itemId))
      if (top >= scroller.scrollHeight)
        break
    }
    scroller.scrollTop = 0
    return [...ids.values()]
  })
}

export async function database(endpoints) {
  const { host, port, user, password, database: name } = endpoints.mariadb
  return mysql.createConnection({ host, port, user, password, database: name })
}

export async function firstCategory(edgeUrl) {
  const { categories } = await (await fetch(new URL('/api/taxonomy', edgeUrl))).json()
  return categories[0] ?? 'other'
}

/** Lists an item the way the marketplace does: one committed INSERT with status LISTED. Answers its id. */
export async function insertItem(db, { title, category, sellerId = 1 + Math.floor(Math.random() * 5), priceCents = 4900 }) {
  const [result] = await db.execute(
    `INSERT INTO items (seller_id, title, description, category, price_cents, currency, item_condition, image_url, status)
     VALUES (?, ?, ?, ?, ?, 'EUR', 'good', NULL, 'LISTED')`,
    [sellerId, title, `Listed by the vue-web e2e suite: ${title}`, category, priceCents],
  )
  return result.insertId
}

/** A word no other listing has, to filter the feed down to one test's items. */
/**
 * A browser and a database connection for one suite, opened before its tests and closed after them.
 * The returned object is filled in by the `before` hook.
 */
export function suiteResources(endpoints) {
  const resources = {}
  before(async () => {
    resources.db = await database(endpoints)
    resources.browser = await openBrowser()
  })
  after(async () => {
    await resources.browser?.close()
    await resources.db?.end()
  })
  return resources
}

/**
 * Signs in and narrows the feed to a keyword unique to this test, so listings other tests (or a simulator)
 * add never change its counts. Returns the keyword and a category to list in.
 */
export async function isolatedFeed(page, edgeUrl, prefix) {
  await signIn(page, edgeUrl)
  const token = uniqueToken(prefix)
  await filterByKeyword(page, token)
  return { token, category: await firstCategory(edgeUrl) }
}

export const uniqueToken = prefix => `${prefix}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`
