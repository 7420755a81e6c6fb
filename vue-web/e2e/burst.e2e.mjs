import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { devstack, feedCount, feedItemIds, insertItem, isolatedFeed, screenshot, suiteResources } from './support.mjs'

const { endpoints, skip } = await devstack()
const BURST = 100

describe('burst', { skip }, () => {
  const resources = suiteResources(endpoints)

  test('a burst of 100 listings adds exactly 100 rows and the page stays responsive', async () => {
    const { browser: { page }, db } = resources
    const { token, category } = await isolatedFeed(page, endpoints.edgeUrl, 'burst')

    const inserted = []
    for (let n = 0; n < BURST; n++)
      inserted.push(await insertItem(db, { title: `Burst ${n} ${token}`, category, priceCents: 1000 + n }))

    await page.waitForFunction(
      want => Number(document.querySelector('[data-testid="feed-count"]')?.textContent) >= want,
      BURST,
      { timeout: 30_000 },
    )
    // Late duplicates (replay overlap, reconnects) would show up as a count above 100.
    await page.waitForTimeout(1500)
    assert.equal(await feedCount(page), BURST)
    const ids = await feedItemIds(page)
    assert.equal(new Set(ids).size, ids.length, 'no item twice in the feed')
    assert.deepEqual([...ids].sort((a, b) => a - b), [...inserted].sort((a, b) => a - b))
    // the inserts were committed one after another, and arrive shuffled by the processor's partitions
    assert.deepEqual(ids, [...inserted].reverse(), 'newest listing first, in commit order')
    assert.equal(await page.getByTestId('toast').count() <= 4, true, 'excess toasts collapse')
    assert.equal(await page.getByTestId('toast-more').count(), 1)
    await screenshot(page, 'burst-100')

    const started = Date.now()
    await page.getByTestId('feed-row').first().click()
    await page.getByTestId('listing-drawer').waitFor({ timeout: 1000 })
    assert.ok(Date.now() - started < 1000, `click answered in ${Date.now() - started} ms`)
    await screenshot(page, 'burst-click-answers')
  })
})
