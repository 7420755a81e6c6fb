import type { MaybeRefOrGetter } from 'vue'
import type { ListingEvent, PollAnswer, RecentAnswer } from '../../api/types'
import type { ListingFilter } from '../../utils/filterQuery'
import type { ListingStreamError, ListingStreamStatus, UseListingStreamOptions, UseListingStreamReturn } from './types'
import { getCurrentScope, onScopeDispose, shallowRef, toValue, watch } from 'vue'
import { ApiError, requestJson } from '../../api/http'
import { exponentialBackoff, resolveBackoff } from '../../utils/backoff'
import { filterQuery } from '../../utils/filterQuery'
import { createLruSet } from '../../utils/lruSet'
import { insertSorted, newerFirst } from '../../utils/newestFirst'

export type { ListingStreamError, ListingStreamStatus, UseListingStreamOptions, UseListingStreamReturn } from './types'

const WATCHDOG_FACTOR = 2.5

/**
 * Live listings from the edge: first paint from `/api/listings/recent`, then the SSE stream, resumed by id,
 * deduplicated by eventId, with a polling fallback. Re-subscribes when `filter` changes.
 *
 * @example
 * const { listings, status } = useListingStream(() => ({ categories: ['sneakers'] }), { onListing: toast })
 */
export function useListingStream(
  filter: MaybeRefOrGetter<ListingFilter> = {},
  options: UseListingStreamOptions = {},
): UseListingStreamReturn {
  const {
    baseUrl = '',
    immediate = true,
    backoff = exponentialBackoff(),
    pollAfterFailures = 3,
    pollInterval = 3000,
    pingInterval = 15_000,
    dedupeSize = 5000,
    limit = 5000,
    recentLimit = 50,
    onListing,
    onAuthExpired,
  } = options

  const listings = shallowRef<readonly ListingEvent[]>([])
  const status = shallowRef<ListingStreamStatus>('offline')
  const error = shallowRef<ListingStreamError | null>(null)
  const lastEventId = shallowRef<string | undefined>()

  const delay = resolveBackoff(backoff)
  const seen = createLruSet(dedupeSize)
  let source: EventSource | undefined
  let active = false
  let polling = false
  let failures = 0
  // Bumped by every open/close so answers of requests started before are ignored.
  let generation = 0
  // Listings that arrive while a snapshot is in flight, so the snapshot cannot hide them.
  let sinceSnapshot: ListingEvent[] | undefined
  let reconnectTimer: ReturnType<typeof setTimeout> | undefined
  let watchdogTimer: ReturnType<typeof setTimeout> | undefined
  let pollTimer: ReturnType<typeof setTimeout> | undefined

  const url = (path: string, extra: Record<string, string | number | undefined>) => {
    const query = filterQuery(toValue(filter), extra)
    return `${baseUrl}${path}${query ? `?${query}` : ''}`
  }

  function receive(event: ListingEvent, receivedAt: number) {
    if (!seen.add(event.eventId))
      return
    sinceSnapshot?.push(event)
    listings.value = insertSorted(listings.value, event, newerFirst).slice(0, limit)
    onListing?.(event, receivedAt)
  }

  /** Replaces the list with `items` and `arrived` (received meanwhile), newest first. */
  function applySnapshot(items: readonly ListingEvent[], arrived: readonly ListingEvent[] = []) {
    const liveIds = new Set(arrived.map(event => event.eventId))
    items.forEach(item => seen.add(item.eventId))
    listings.value = [...arrived, ...items.filter(item => !liveIds.has(item.eventId))].sort(newerFirst).slice(0, limit)
  }

  async function loadRecent(gen: number): Promise<boolean> {
    const arrived: ListingEvent[] = []
    sinceSnapshot = arrived
    try {
      const answer = await requestJson<RecentAnswer>(url('/api/listings/recent', { limit: recentLimit }))
      if (gen !== generation)
        return false
      applySnapshot(answer.items, arrived)
      lastEventId.value ??= answer.lastId ?? undefined
      return true
    }
    catch (cause) {
      if (gen === generation)
        failWith(cause)
      return false
    }
    finally {
      if (sinceSnapshot === arrived)
        sinceSnapshot = undefined
    }
  }

  function closeSource() {
    clearTimeout(watchdogTimer)
    source?.close()
    source = undefined
  }

  function stopPolling() {
    polling = false
    clearTimeout(pollTimer)
  }

  function teardown() {
    generation++
    closeSource()
    stopPolling()
    clearTimeout(reconnectTimer)
  }

  function close() {
    active = false
    teardown()
    status.value = 'offline'
  }

  function stop(code: 'replaced' | 'auth-expired', message: string) {
    close()
    error.value = { code, message }
    if (code === 'auth-expired')
      onAuthExpired?.(message)
  }

  function failWith(cause: unknown) {
    if (cause instanceof ApiError && cause.status === 401)
      stop('auth-expired', cause.message)
    else if (cause instanceof ApiError)
      fail({ code: 'http', message: cause.message })
    else
      fail({ code: 'network', message: 'The live service cannot be reached' })
  }

  /** One failure: count it, maybe start polling, and retry the stream after the backoff delay. */
  function fail(reason: ListingStreamError) {
    closeSource()
    clearTimeout(reconnectTimer)
    error.value = reason
    failures++
    if (failures >= pollAfterFailures && !polling) {
      polling = true
      void poll(generation)
    }
    status.value = polling ? 'polling' : 'reconnecting'
    const gen = generation
    reconnectTimer = setTimeout(() => void connect(gen), delay(failures))
  }

  function armWatchdog() {
    clearTimeout(watchdogTimer)
    watchdogTimer = setTimeout(() => fail({
      code: 'watchdog',
      message: `No news from the live service for ${Math.round(pingInterval * WATCHDOG_FACTOR / 1000)} s`,
    }), pingInterval * WATCHDOG_FACTOR)
  }

  const reasonOf = (event: Event, fallback: string) => {
    try {
      return (JSON.parse((event as MessageEvent).data) as { reason?: string }).reason || fallback
    }
    catch {
      return fallback
    }
  }

  function startSource(gen: number) {
    // Our own reconnects start a new EventSource, which cannot send Last-Event-ID: the id goes in the query.
    // The edge redirects the stream to its stream port: credentials make the cookie go along (CORS with credentials).
    const es = new EventSource(url('/api/listings/stream', { lastEventId: lastEventId.value }), { withCredentials: true })
    source = es
    const current = (handler: (event: MessageEvent) => void) => (event: Event) => {
      if (source === es && gen === generation)
        handler(event as MessageEvent)
    }
    const onData = current((event) => {
      armWatchdog()
      if (event.lastEventId)
        lastEventId.value = event.lastEventId
      let listing: ListingEvent
      try {
        listing = JSON.parse(event.data) as ListingEvent
      }
      catch {
        return // one malformed frame must not cost the buyer the stream
      }
      receive(listing, Date.now())
    })

    es.onopen = current(() => {
      failures = 0
      error.value = null
      stopPolling()
      status.value = 'open'
      armWatchdog()
    })
    // Every error closes this EventSource instead of letting it retry by itself: one reconnect policy
    // (jittered backoff, failure count for the polling fallback) for network errors, HTTP errors and the watchdog.
    es.onerror = current(() => fail({ code: 'network', message: 'The live connection dropped' }))
    es.addEventListener('listing', onData)
    es.addEventListener('price-drop', onData)
    es.addEventListener('ping', current(armWatchdog))
    es.addEventListener('replaced', current(event =>
      stop('replaced', reasonOf(event, 'Another tab took over the live stream'))))
    es.addEventListener('auth-expired', current(event =>
      stop('auth-expired', reasonOf(event, 'Your session expired'))))
    es.addEventListener('overflow', current(() => {
      // The edge cut us for being slow; it keeps our place, so come straight back.
      closeSource()
      status.value = 'reconnecting'
      startSource(gen)
    }))
    es.addEventListener('reset', current(() => {
      // Our resume id was unknown to the edge: the stream restarted from now, so the list is refetched.
      armWatchdog()
      lastEventId.value = undefined
      void loadRecent(gen)
    }))
  }

  async function connect(gen: number) {
    if (lastEventId.value === undefined && !(await loadRecent(gen)))
      return
    if (gen === generation)
      startSource(gen)
  }

  async function poll(gen: number) {
    try {
      const answer = await requestJson<PollAnswer>(url('/api/listings', { after: lastEventId.value }))
      if (gen !== generation || !polling)
        return
      if (answer.reset)
        applySnapshot([...answer.items].reverse())
      else
        answer.items.forEach(item => receive(item, Date.now()))
      lastEventId.value = answer.lastId ?? lastEventId.value
    }
    catch (cause) {
      if (gen !== generation || !polling)
        return
      if (cause instanceof ApiError && cause.status === 401)
        return stop('auth-expired', cause.message)
      error.value = { code: cause instanceof ApiError ? 'http' : 'network', message: 'Polling failed; retrying' }
    }
    pollTimer = setTimeout(() => void poll(gen), pollInterval)
  }

  function open() {
    teardown()
    active = true
    failures = 0
    error.value = null
    status.value = 'connecting'
    void connect(generation)
  }

  watch(() => filterQuery(toValue(filter)), () => {
    // Another filter is another stream: its ids, its dedupe memory and its first paint start over.
    listings.value = []
    lastEventId.value = undefined
    seen.clear()
    if (active)
      open()
  })

  if (getCurrentScope())
    onScopeDispose(close)

  if (immediate)
    open()

  return { listings, status, error, lastEventId, open, close }
}
