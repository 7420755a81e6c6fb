import type { ShallowRef } from 'vue'
import type { ListingEvent } from '../../api/types'

export type ListingStreamStatus = 'connecting' | 'open' | 'reconnecting' | 'polling' | 'offline'

/** Why the stream is not (or was not) delivering; a value, never thrown. */
export interface ListingStreamError {
  code: 'network' | 'watchdog' | 'http' | 'replaced' | 'auth-expired'
  message: string
}

export interface UseListingStreamOptions {
  /**
   * Prefix for the edge's `/api/...` URLs; empty means same origin, which the session cookie needs.
   * @default ''
   */
  baseUrl?: string
  /**
   * Open the stream as soon as the composable is called.
   * @default true
   */
  immediate?: boolean
  /**
   * Delay before a reconnect, in milliseconds, or a function of the consecutive failure count (1, 2, ...).
   * @default exponentialBackoff() // 0..500 ms, doubling up to 30 s, full jitter
   */
  backoff?: number | ((failures: number) => number)
  /**
   * Consecutive failures after which listings are polled while the stream keeps being retried.
   * @default 3
   */
  pollAfterFailures?: number
  /**
   * Time between two polls of `GET /api/listings?after=`, in milliseconds.
   * @default 3000
   */
  pollInterval?: number
  /**
   * The edge's `ping` interval; with no ping or event for 2.5 times this, the stream counts as dead.
   * @default 15_000
   */
  pingInterval?: number
  /**
   * How many recent event ids are remembered to drop duplicates.
   * @default 5000
   */
  dedupeSize?: number
  /**
   * Most listings kept in `listings`; the oldest fall off.
   * @default 5000
   */
  limit?: number
  /**
   * How many listings the first paint asks `GET /api/listings/recent` for.
   * @default 50
   */
  recentLimit?: number
  /** Called once per new listing (not for the first paint), with `Date.now()` when it arrived. */
  onListing?: (event: ListingEvent, receivedAt: number) => void
  /** Called when the edge ended the stream because the session expired; sign in again, then `open()`. */
  onAuthExpired?: (reason: string) => void
}

export interface UseListingStreamReturn {
  /** The first paint and everything received since, newest first by commit time (`listedAt`, then item id). */
  listings: ShallowRef<readonly ListingEvent[]>
  status: ShallowRef<ListingStreamStatus>
  error: ShallowRef<ListingStreamError | null>
  /** The opaque resume id of the last event, sent back on reconnect. */
  lastEventId: ShallowRef<string | undefined>
  /** (Re)connects; keeps the resume id so nothing is missed since `close()`. */
  open: () => void
  close: () => void
}
