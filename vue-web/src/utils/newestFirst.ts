import type { ListingEvent } from '../api/types'

/**
 * Orders listings newest first: by commit time, then by item id, which grows with every insert, so listings
 * committed in the same millisecond keep their insert order. Arrival order is not enough: the pipeline processes
 * item-id partitions side by side, so a burst arrives shuffled by a few milliseconds.
 */
export function newerFirst(a: ListingEvent, b: ListingEvent): number {
  return b.listedAt - a.listedAt || b.itemId - a.itemId
}

/** `list` (sorted by `compare`) with `item` in its place: for listings arriving in order, the top. */
export function insertSorted<T>(list: readonly T[], item: T, compare: (a: T, b: T) => number): T[] {
  let at = 0
  while (at < list.length && compare(list[at], item) < 0)
    at++
  return [...list.slice(0, at), item, ...list.slice(at)]
}
