import type { ShallowRef } from 'vue'
import type { ListingEvent } from '../../api/types'
import type { Countdown } from '../../utils/countdown'
import { getCurrentScope, onScopeDispose, shallowRef } from 'vue'
import { createCountdown } from '../../utils/countdown'
import { createLruSet } from '../../utils/lruSet'
import { insertSorted, newerFirst } from '../../utils/newestFirst'

export interface Toast {
  /** The listing's eventId. */
  id: string
  listing: ListingEvent
  /** `Date.now()` when the listing arrived, for render timing. */
  receivedAt: number
}

export interface UseToastQueueOptions {
  /**
   * Listing toasts shown at once. A newcomer pushes the oldest (by commit time) out, into a single "+N more"
   * toast, or goes there itself when it is older than every toast shown; while the stack is paused (pointer or
   * focus on it) newcomers go into "+N more", so nothing moves under the pointer.
   * @default 4
   */
  maxVisible?: number
  /**
   * How long a toast stays, in milliseconds, not counting time paused.
   * @default 6000
   */
  duration?: number
  /**
   * How many event ids are remembered to drop duplicates.
   * @default 1000
   */
  dedupeSize?: number
}

export interface UseToastQueueReturn {
  /** Visible toasts, newest first by commit time, like the feed. */
  toasts: ShallowRef<readonly Toast[]>
  /** Listings pushed out of (or, while paused, kept from) the full stack, shown as one "+N more" toast when above 0. */
  more: ShallowRef<number>
  paused: ShallowRef<boolean>
  /** Queues a listing; answers true when it got a toast of its own (not a duplicate, not counted into more). */
  push: (listing: ListingEvent, receivedAt: number) => boolean
  dismiss: (id: string) => void
  dismissMore: () => void
  /** Stops every auto-dismiss countdown, e.g. while the pointer or focus is on the stack. */
  pause: () => void
  resume: () => void
  clear: () => void
}

const newerToastFirst = (a: Toast, b: Toast) => newerFirst(a.listing, b.listing)

/**
 * The queue behind the toast stack: dedupe, newest first, a small visible maximum, auto-dismiss that pauses.
 *
 * A burst never mounts more than `maxVisible` toasts, and they are its newest listings (on a marketplace the
 * newest one is the one still to be had): a newcomer takes the place of the oldest, which only raises a counter.
 */
export function useToastQueue(options: UseToastQueueOptions = {}): UseToastQueueReturn {
  const { maxVisible = 4, duration = 6000, dedupeSize = 1000 } = options

  const toasts = shallowRef<readonly Toast[]>([])
  const more = shallowRef(0)
  const paused = shallowRef(false)

  const seen = createLruSet(dedupeSize)
  const countdowns = new Map<string, Countdown>()
  let moreCountdown: Countdown | undefined

  function dismiss(id: string) {
    countdowns.get(id)?.cancel()
    countdowns.delete(id)
    toasts.value = toasts.value.filter(toast => toast.id !== id)
  }

  function dismissMore() {
    moreCountdown?.cancel()
    moreCountdown = undefined
    more.value = 0
  }

  function push(listing: ListingEvent, receivedAt: number) {
    if (!seen.add(listing.eventId))
      return false
    const toast: Toast = { id: listing.eventId, listing, receivedAt }
    const stack = insertSorted(toasts.value, toast, newerToastFirst)
    if (stack.length > maxVisible) {
      more.value++
      // Each newcomer restarts the "+N more" countdown, so it stays while a burst goes on.
      moreCountdown?.cancel()
      moreCountdown = createCountdown(duration, dismissMore, { paused: paused.value })
      const oldest = stack.pop()!
      if (paused.value || oldest === toast)
        return false
      countdowns.get(oldest.id)?.cancel()
      countdowns.delete(oldest.id)
    }
    toasts.value = stack
    countdowns.set(toast.id, createCountdown(duration, () => dismiss(toast.id), { paused: paused.value }))
    return true
  }

  const everyCountdown = () => [...countdowns.values(), ...(moreCountdown ? [moreCountdown] : [])]

  function pause() {
    paused.value = true
    everyCountdown().forEach(countdown => countdown.pause())
  }

  function resume() {
    paused.value = false
    everyCountdown().forEach(countdown => countdown.resume())
  }

  function clear() {
    everyCountdown().forEach(countdown => countdown.cancel())
    countdowns.clear()
    toasts.value = []
    dismissMore()
  }

  if (getCurrentScope())
    onScopeDispose(clear)

  return { toasts, more, paused, push, dismiss, dismissMore, pause, resume, clear }
}
