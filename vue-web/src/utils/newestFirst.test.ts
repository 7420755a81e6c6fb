import type { ListingEvent } from '../api/types'
import { describe, expect, it } from 'vitest'
import { insertSorted, newerFirst } from './newestFirst'

function listing(itemId: number, listedAt: number): ListingEvent {
  return {
    eventId: `${itemId}@bin.000001:${itemId}:0`,
    kind: 'listing',
    itemId,
    title: `Item ${itemId}`,
    category: 'consoles',
    priceCents: 1000,
    currency: 'EUR',
    sellerId: 1,
    listedAt,
  }
}

const ids = (list: readonly ListingEvent[]) => list.map(item => item.itemId)

describe('newestFirst', () => {
  it('orders by commit time, then by item id within the same millisecond', () => {
    const shuffled = [listing(3, 1000), listing(1, 1002), listing(4, 1000), listing(2, 999)]
    expect(ids([...shuffled].sort(newerFirst))).toEqual([1, 4, 3, 2])
  })

  it('puts a new listing on top and a late one below the newer listings', () => {
    const list = [listing(5, 2000), listing(4, 1500), listing(3, 1000)]
    expect(ids(insertSorted(list, listing(6, 2001), newerFirst))).toEqual([6, 5, 4, 3])
    expect(ids(insertSorted(list, listing(2, 1200), newerFirst))).toEqual([5, 4, 2, 3])
    expect(ids(insertSorted(list, listing(1, 10), newerFirst))).toEqual([5, 4, 3, 1])
    expect(ids(insertSorted([], listing(1, 10), newerFirst))).toEqual([1])
  })

  it('keeps a burst committed in one millisecond in insert order whatever order it arrives in', () => {
    let list: ListingEvent[] = []
    for (const itemId of [9, 7, 5, 11, 10, 8, 6])
      list = insertSorted(list, listing(itemId, 1000), newerFirst)
    expect(ids(list)).toEqual([11, 10, 9, 8, 7, 6, 5])
  })
})
