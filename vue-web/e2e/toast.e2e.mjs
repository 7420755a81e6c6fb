import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { devstack, insertItem, isolatedFeed, screenshot, suiteResources } from './support.mjs'

const { endpoints, skip } = await devstack()

describe('toasts', { skip }, () => {
  const resources = suiteResources(endpoints)

  test('shows a toast with the title within 5 s of the insert', async () => {
    const { browser: { page }, db } = resources
    const { token, category } = await isolatedFeed(page, endpoints.edgeUrl, 'toast')
    const itemId = await insertItem(db, { title: `Nintendo Switch OLED ${token}`, category })
    const toast = page.locator(`[data-testid="toast"][data-item-id="${itemId}"]`)
    await toast.waitFor({ timeout: 5000 })
    assert.match(await toast.textContent(), new RegExp(token))
    await screenshot(page, 'toast-within-5s')
  })

  test('shows an XSS title literally and runs none of it', async () => {
    const { browser: { page, dialogs }, db } = resources
    const { token, category } = await isolatedFeed(page, endpoints.edgeUrl, 'xss')
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
  })
})
