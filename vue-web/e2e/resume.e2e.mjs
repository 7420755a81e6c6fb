import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import {
  devstack, feedCount, feedItemIds, insertItem, isolatedFeed, screenshot, suiteResources, waitForStatus,
} from './support.mjs'

const { endpoints, skip: noDevstack } = await devstack()
// Restarting the edge is the devstack's job; without a control endpoint this suite cannot cause one.
const skip = noDevstack ?? (endpoints.controlUrl ? false : 'endpoints.json has no "controlUrl": the edge cannot be restarted from here')

describe('edge restart', { skip }, () => {
  const resources = suiteResources(endpoints)

  test('resumes after an edge restart with nothing lost and nothing twice', async () => {
    const { browser: { page }, db } = resources
    const { token, category } = await isolatedFeed(page, endpoints.edgeUrl, 'resume')

    const before = await insertItem(db, { title: `Before restart ${token}`, category })
    await page.locator(`[data-testid="feed-row"][data-item-id="${before}"]`).waitFor({ timeout: 5000 })

    const restart = await fetch(new URL('/edge/restart', endpoints.controlUrl), { method: 'POST' })
    assert.ok(restart.ok, `restart answered ${restart.status}`)
    const during = await insertItem(db, { title: `During restart ${token}`, category })

    await page.locator(`[data-testid="feed-row"][data-item-id="${during}"]`).waitFor({ timeout: 60_000 })
    await waitForStatus(page, 'open', 60_000)
    await page.waitForTimeout(1500)
    assert.equal(await feedCount(page), 2)
    assert.deepEqual((await feedItemIds(page)).sort((a, b) => a - b), [before, during].sort((a, b) => a - b))
    await screenshot(page, 'resume-after-edge-restart')
  })
})
