/**
 * A set that remembers at most `capacity` keys, forgetting the least recently added or seen.
 *
 * Dedupe by event id needs memory that cannot grow all day: the edge's replay overlap and
 * resume windows are short, so a few thousand recent ids are enough.
 */
export interface LruSet {
  /** Records `key`; answers false if it was already there (a duplicate). */
  add: (key: string) => boolean
  has: (key: string) => boolean
  clear: () => void
  readonly size: number
}

export function createLruSet(capacity: number): LruSet {
  if (!Number.isInteger(capacity) || capacity < 1)
    throw new RangeError(`capacity must be a positive integer: ${capacity}`)

  // A Map iterates in insertion order, so re-inserting a key moves it to the young end.
  const keys = new Map<string, true>()

  return {
    add(key) {
      const seen = keys.delete(key)
      keys.set(key, true)
      if (keys.size > capacity)
        keys.delete(keys.keys().next().value as string)
      return !seen
    },
    has: key => keys.has(key),
    clear: () => keys.clear(),
    get size() {
      return keys.size
    },
  }
}
