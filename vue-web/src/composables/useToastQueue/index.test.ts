import type { ListingEvent } from '../../api/types'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { effectScope } from 'vue'
import { useToastQueue } from './index'

function listing(n: number): ListingEvent {
  return {
    eventId: `${n}@bin.000001:${n}:0`,
    kind: 'listing',
    itemId: n,
    title: `Item ${n}`,
    category: 'consoles',
    priceCents: 1000,
    currency: 'EUR',
    sellerId: 1,
    listedAt: 0,
  }
}

const ids = (queue: ReturnType<typeof useToastQueue>) => queue.toasts.value.map(toast => toast.listing.itemId)

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

describe('useToastQueue', () => {
  it('shows the newest toast on top', () => {
    const queue = useToastQueue()
    queue.push(listing(1), 0)
    queue.push(listing(2), 0)
    expect(ids(queue)).toEqual([2, 1])
  })

  it('drops duplicates by event id', () => {
    const queue = useToastQueue()
    expect(queue.push(listing(1), 0)).toBe(true)
    queue.dismiss(listing(1).eventId)
    expect(queue.push(listing(1), 0)).toBe(false)
    expect(queue.toasts.value).toHaveLength(0)
  })

  it('keeps the newest maxVisible toasts and counts the ones they push out as more', () => {
    const queue = useToastQueue({ maxVisible: 3 })
    const shown = [1, 2, 3, 4, 5].map(n => queue.push(listing(n), 0))
    expect(shown).toEqual([true, true, true, true, true])
    expect(ids(queue)).toEqual([5, 4, 3])
    expect(queue.more.value).toBe(2)
  })

  it('collapses a burst of 200 listings into its 4 newest and one more toast', () => {
    const queue = useToastQueue({ maxVisible: 4 })
    for (let n = 1; n <= 200; n++)
      queue.push(listing(n), 0)
    expect(ids(queue)).toEqual([200, 199, 198, 197])
    expect(queue.more.value).toBe(196)
  })

  it('moves nothing under the pointer: while paused, newcomers only count as more', () => {
    const queue = useToastQueue({ maxVisible: 2 })
    queue.push(listing(1), 0)
    queue.push(listing(2), 0)
    queue.pause()
    expect(queue.push(listing(3), 0)).toBe(false)
    expect(ids(queue)).toEqual([2, 1])
    expect(queue.more.value).toBe(1)
    queue.resume()
    expect(queue.push(listing(4), 0)).toBe(true)
    expect(ids(queue)).toEqual([4, 2])
    expect(queue.more.value).toBe(2)
  })

  it('counts a late listing older than every toast shown as more instead of pushing a newer one out', () => {
    const queue = useToastQueue({ maxVisible: 2 })
    queue.push({ ...listing(5), listedAt: 5000 }, 0)
    queue.push({ ...listing(6), listedAt: 6000 }, 0)
    expect(queue.push({ ...listing(3), listedAt: 3000 }, 0)).toBe(false)
    expect(queue.push({ ...listing(4), listedAt: 5500 }, 0)).toBe(true)
    expect(ids(queue)).toEqual([6, 4])
    expect(queue.more.value).toBe(2)
    expect(vi.getTimerCount()).toBe(3)
  })

  it('stops the countdown of a toast pushed out', () => {
    const queue = useToastQueue({ maxVisible: 1, duration: 1000 })
    queue.push(listing(1), 0)
    queue.push(listing(2), 0)
    expect(vi.getTimerCount()).toBe(2)
  })

  it('dismisses a toast after its duration', () => {
    const queue = useToastQueue({ duration: 5000 })
    queue.push(listing(1), 0)
    vi.advanceTimersByTime(4999)
    expect(queue.toasts.value).toHaveLength(1)
    vi.advanceTimersByTime(1)
    expect(queue.toasts.value).toHaveLength(0)
  })

  it('keeps toasts while paused on hover and dismisses them after the time left', () => {
    const queue = useToastQueue({ duration: 5000 })
    queue.push(listing(1), 0)
    vi.advanceTimersByTime(3000)
    queue.pause()
    vi.advanceTimersByTime(60_000)
    expect(queue.toasts.value).toHaveLength(1)
    queue.resume()
    vi.advanceTimersByTime(2000)
    expect(queue.toasts.value).toHaveLength(0)
  })

  it('starts toasts that arrive while paused only on resume', () => {
    const queue = useToastQueue({ duration: 1000 })
    queue.pause()
    queue.push(listing(1), 0)
    vi.advanceTimersByTime(5000)
    expect(queue.toasts.value).toHaveLength(1)
    queue.resume()
    vi.advanceTimersByTime(1000)
    expect(queue.toasts.value).toHaveLength(0)
  })

  it('closes one toast on dismiss', () => {
    const queue = useToastQueue()
    queue.push(listing(1), 0)
    queue.push(listing(2), 0)
    queue.dismiss(listing(2).eventId)
    expect(ids(queue)).toEqual([1])
  })

  it('makes room for a new toast once one is dismissed', () => {
    const queue = useToastQueue({ maxVisible: 1 })
    queue.push(listing(1), 0)
    queue.dismiss(listing(1).eventId)
    queue.push(listing(2), 0)
    expect(ids(queue)).toEqual([2])
  })

  it('keeps the more toast while a burst goes on and then dismisses it', () => {
    const queue = useToastQueue({ maxVisible: 1, duration: 1000 })
    queue.push(listing(1), 0)
    queue.push(listing(2), 0)
    vi.advanceTimersByTime(900)
    queue.push(listing(3), 0)
    vi.advanceTimersByTime(900)
    expect(queue.more.value).toBe(2)
    vi.advanceTimersByTime(100)
    expect(queue.more.value).toBe(0)
  })

  it('clears its timers when its scope is disposed', () => {
    const scope = effectScope()
    const queue = scope.run(() => useToastQueue())!
    queue.push(listing(1), 0)
    scope.stop()
    expect(queue.toasts.value).toHaveLength(0)
    expect(vi.getTimerCount()).toBe(0)
  })
})
