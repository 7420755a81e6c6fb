import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { database, devstack, filterByKeyword, firstCategory, insertItem, openBrowser, screenshot, signIn, uniqueToken } from './support.mjs'

const { endpoints, skip } = await devstack()

describe('toasts', { skip }, () => {
  let browser, db, category

  before(async () => {
    db = await database(endpoints)
    category = await firstCategory(endpoints.edgeUrl)
  })
  after(async () => {
    await db?.end()
  })

  test('shows a toast with the title within 5 s of the insert', async () => {
    browser = await openBrowser()
    const { page } = browser
    try {
      await signIn(page, endpoints.edgeUrl)
      const token = uniqueToken('toast')
      await filterByKeyword(page, token)
      const title = `Nintendo Switch OLED ${token}`
      const itemId = await insertItem(db, { title, category })
      const toast = page.locator(`[data-testid="toast"][data-item-id="${itemId}"]`)
      await toast.waitFor({ timeout: 5000 })
      assert.match(await toast.textContent(), new RegExp(token))
      await screenshot(page, 'toast-within-5s')
    }
    finally {
      await browser.close()
    }
  })

  test('shows an XSS title literally and runs none of it', async () => {
    browser = await openBrowser()
    const { page, dialogs } = browser
    try {
      await signIn(page, endpoints.edgeUrl)
      const token = uniqueToken('xss')
      await filterByKeyword(page, token)
      const title = `<img src=x onerror=alert(1)> ${token}`
      const itemId = await insertItem(db, { title, category })
      const toast = page.locator(`[data-testid="toast"][data-item-id="${itemId}"]`)
      await toast.waitFor({ timeout: 5000 })
      assert.ok((await toast.textContent()).includes(title))
      const row = page.locator(`[data-testid="feed-row"][data-item-id="${itemId}"]`)
      assert.ok((await row.textContent()).includes(title))
      assert.equal(await page.locator('#notification-root img, #app img').count(), 0)
      await page.waitForTimeout(500) // an injected onerror would fire right after the image fails to load
      assert.deepEqual(dialogs, [])
      await screenshot(page, 'xss-title-literal')
    }
    finally {
      await browser.close()
    }
  })
})
