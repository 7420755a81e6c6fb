import type { ListingEvent } from '../api/types'

/**
 * Orders listings newest first: by commit time, then by item id, which grows with every insert, so listings
 * committed in the same millisecond keep their insert order. Arrival order is not enough: the pipeline processes
 * item-id partitions side by side, so a burst arrives shuffled by a few milliseconds.
 */
export function newerFirst(a: ListingEvent, b: ListingEvent): number {
  return b.listedAt - a.listedAt || b.itemId - a.itemId
}

/** `list` (newest first) with `event` in its place: usually the top, lower for a listing that arrived late. */
export function insertNewestFirst(list: readonly ListingEvent[], event: ListingEvent): ListingEvent[] {
  let at = 0
  while (at < list.length && newerFirst(list[at], event) < 0)
    at++
  return [...list.slice(0, at), event, ...list.slice(at)]
}
