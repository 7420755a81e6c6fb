import type { ListingEvent } from '../../api/types'
import type { UseListingStreamOptions } from './index'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { effectScope, nextTick, shallowRef } from 'vue'
import { useListingStream } from './index'

/** Stands in for the browser's EventSource: records instances, lets tests open, fail and feed them. */
class FakeEventSource {
  static instances: FakeEventSource[] = []
  onopen: ((event: Event) => void) | null = null
  onerror: ((event: Event) => void) | null = null
  closed = false
  private listeners = new Map<string, Array<(event: Event) => void>>()

  constructor(readonly url: string, readonly init?: EventSourceInit) {
    FakeEventSource.instances.push(this)
  }

  static get last() {
    return FakeEventSource.instances.at(-1)!
  }

  addEventListener(type: string, listener: (event: Event) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener])
  }

  close() {
    this.closed = true
  }

  open() {
    this.onopen?.(new Event('open'))
  }

  fail() {
    this.onerror?.(new Event('error'))
  }

  emit(type: string, data: unknown, id = '') {
    const event = new MessageEvent(type, { data: JSON.stringify(data), lastEventId: id })
    this.listeners.get(type)?.forEach(listener => listener(event))
  }

  get resumeId() {
    return new URL(this.url, 'http://edge').searchParams.get('lastEventId')
  }
}

function listing(n: number): ListingEvent {
  return {
    eventId: `${n}@bin.000001:${n}:0`,
    kind: 'listing',
    itemId: n,
    title: `Item ${n}`,
    category: 'consoles',
    priceCents: 1000 + n,
    currency: 'EUR',
    sellerId: 1,
    listedAt: 1_764_780_000_000,
  }
}

let answers: Record<string, { status: number, body: unknown }>
let fetchMock: ReturnType<typeof vi.fn>

/** Sets what the edge answers for a path from now on. */
function answer(path: string, body: unknown, status = 200) {
  answers[path] = { status, body }
}

function requestedPaths() {
  return fetchMock.mock.calls.map(([url]) => String(url))
}

const settle = () => vi.advanceTimersByTimeAsync(0)

function start(options: UseListingStreamOptions = {}, filter = shallowRef({})) {
  const scope = effectScope()
  const stream = scope.run(() => useListingStream(filter, { backoff: 1000, ...options }))!
  return { ...stream, scope, filter }
}

beforeEach(() => {
  vi.useFakeTimers()
  FakeEventSource.instances = []
  vi.stubGlobal('EventSource', FakeEventSource)
  answers = {}
  answer('/api/listings/recent', { items: [listing(2), listing(1)], lastId: 'r-2' })
  fetchMock = vi.fn(async (url: string) => {
    const path = new URL(url, 'http://edge').pathname
    const { status, body } = answers[path] ?? { status: 404, body: { error: 'not-found', reason: path } }
    return { ok: status < 300, status, statusText: '', json: async () => body }
  })
  vi.stubGlobal('fetch', fetchMock)
})

afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

describe('useListingStream', () => {
  it('shows the recent listings as the first paint', async () => {
    const { listings } = start()
    await settle()
    expect(listings.value.map(item => item.itemId)).toEqual([2, 1])
  })

  it('opens the stream where the first paint ended, with cookies', async () => {
    start()
    await settle()
    expect(FakeEventSource.last.resumeId).toBe('r-2')
    expect(FakeEventSource.last.init).toEqual({ withCredentials: true })
  })

  it('sends the filter with every request', async () => {
    start({}, shallowRef({ categories: ['consoles'], minPrice: 500 }))
    await settle()
    expect(requestedPaths()[0]).toBe('/api/listings/recent?categories=consoles&minPrice=500&limit=50')
    expect(FakeEventSource.last.url).toBe('/api/listings/stream?categories=consoles&minPrice=500&lastEventId=r-2')
  })

  it('sets status to open on open', async () => {
    const { status } = start()
    expect(status.value).toBe('connecting')
    await settle()
    FakeEventSource.last.open()
    expect(status.value).toBe('open')
  })

  it('puts new listings on top and reports each with its arrival time', async () => {
    const onListing = vi.fn()
    const { listings } = start({ onListing })
    await settle()
    FakeEventSource.last.emit('listing', listing(3), 'id-3')
    expect(listings.value.map(item => item.itemId)).toEqual([3, 2, 1])
    expect(onListing).toHaveBeenCalledWith(listing(3), Date.now())
  })

  it('drops duplicates by event id', async () => {
    const onListing = vi.fn()
    const { listings } = start({ onListing })
    await settle()
    FakeEventSource.last.emit('listing', listing(3), 'id-3')
    FakeEventSource.last.emit('listing', listing(3), 'id-3b')
    FakeEventSource.last.emit('listing', listing(2), 'id-2')
    expect(listings.value).toHaveLength(3)
    expect(onListing).toHaveBeenCalledTimes(1)
  })

  it('keeps at most limit listings', async () => {
    const { listings } = start({ limit: 2 })
    await settle()
    FakeEventSource.last.emit('listing', listing(3), 'id-3')
    expect(listings.value.map(item => item.itemId)).toEqual([3, 2])
  })

  it('reconnects after the backoff delay when the connection drops', async () => {
    const backoff = vi.fn(() => 2000)
    const { status, error } = start({ backoff })
    await settle()
    FakeEventSource.last.open()
    FakeEventSource.last.fail()
    expect(status.value).toBe('reconnecting')
    expect(error.value?.code).toBe('network')
    expect(FakeEventSource.instances[0].closed).toBe(true)
    await vi.advanceTimersByTimeAsync(1999)
    expect(FakeEventSource.instances).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(FakeEventSource.instances).toHaveLength(2)
    expect(backoff).toHaveBeenCalledWith(1)
  })

  it('grows the backoff with consecutive failures and resets it once open', async () => {
    const backoff = vi.fn(() => 10)
    start({ backoff, pollAfterFailures: 99 })
    await settle()
    FakeEventSource.last.fail()
    await vi.advanceTimersByTimeAsync(10)
    FakeEventSource.last.fail()
    await vi.advanceTimersByTimeAsync(10)
    FakeEventSource.last.open()
    FakeEventSource.last.fail()
    expect(backoff.mock.calls).toEqual([[1], [2], [1]])
  })

  it('passes the last event id when it reconnects', async () => {
    start()
    await settle()
    FakeEventSource.last.open()
    FakeEventSource.last.emit('listing', listing(3), 'id-3')
    FakeEventSource.last.fail()
    await vi.advanceTimersByTimeAsync(1000)
    expect(FakeEventSource.last.resumeId).toBe('id-3')
    expect(requestedPaths()).toHaveLength(1)
  })

  it('reconnects when no ping arrives for 2.5 ping intervals', async () => {
    const { status, error } = start({ pingInterval: 10_000 })
    await settle()
    FakeEventSource.last.open()
    await vi.advanceTimersByTimeAsync(24_999)
    expect(status.value).toBe('open')
    await vi.advanceTimersByTimeAsync(1)
    expect(status.value).toBe('reconnecting')
    expect(error.value?.code).toBe('watchdog')
    expect(FakeEventSource.instances[0].closed).toBe(true)
  })

  it('keeps the stream while pings arrive', async () => {
    const { status } = start({ pingInterval: 10_000 })
    await settle()
    FakeEventSource.last.open()
    for (let i = 0; i < 5; i++) {
      await vi.advanceTimersByTimeAsync(20_000)
      FakeEventSource.last.emit('ping', { at: Date.now() })
    }
    expect(status.value).toBe('open')
    expect(FakeEventSource.instances).toHaveLength(1)
  })

  it('falls back to polling after repeated failures', async () => {
    answer('/api/listings', { items: [listing(3), listing(4)], lastId: 'p-4' })
    const onListing = vi.fn()
    const { status, listings, lastEventId } = start({ pollAfterFailures: 2, onListing })
    await settle()
    FakeEventSource.last.fail()
    await vi.advanceTimersByTimeAsync(1000)
    FakeEventSource.last.fail()
    await settle()
    expect(status.value).toBe('polling')
    expect(requestedPaths()).toContain('/api/listings?after=r-2')
    expect(listings.value.map(item => item.itemId)).toEqual([4, 3, 2, 1])
    expect(lastEventId.value).toBe('p-4')
    expect(onListing).toHaveBeenCalledTimes(2)
  })

  it('polls again every poll interval', async () => {
    answer('/api/listings', { items: [], lastId: 'r-2' })
    start({ pollAfterFailures: 1, pollInterval: 5000, backoff: 60_000 })
    await settle()
    FakeEventSource.last.fail()
    await settle()
    await vi.advanceTimersByTimeAsync(10_000)
    expect(requestedPaths().filter(path => path.startsWith('/api/listings?'))).toHaveLength(3)
  })

  it('returns to the stream when it recovers while polling', async () => {
    answer('/api/listings', { items: [], lastId: 'p-9' })
    const { status } = start({ pollAfterFailures: 1, pollInterval: 500, backoff: 1000 })
    await settle()
    FakeEventSource.last.fail()
    await settle()
    await vi.advanceTimersByTimeAsync(1000)
    expect(status.value).toBe('polling')
    expect(FakeEventSource.last.resumeId).toBe('p-9')
    FakeEventSource.last.open()
    expect(status.value).toBe('open')
    const polls = requestedPaths().length
    await vi.advanceTimersByTimeAsync(5000)
    expect(requestedPaths()).toHaveLength(polls)
  })

  it('stops with status offline when another tab replaces the stream', async () => {
    const { status, error } = start()
    await settle()
    FakeEventSource.last.open()
    FakeEventSource.last.emit('replaced', { reason: 'too many streams' })
    FakeEventSource.last.fail()
    await vi.advanceTimersByTimeAsync(60_000)
    expect(status.value).toBe('offline')
    expect(error.value).toEqual({ code: 'replaced', message: 'too many streams' })
    expect(FakeEventSource.instances).toHaveLength(1)
  })

  it('reconnects at once with the last id on overflow', async () => {
    start()
    await settle()
    FakeEventSource.last.open()
    FakeEventSource.last.emit('listing', listing(3), 'id-3')
    FakeEventSource.last.emit('overflow', { reason: 'slow' })
    expect(FakeEventSource.instances).toHaveLength(2)
    expect(FakeEventSource.instances[0].closed).toBe(true)
    expect(FakeEventSource.last.resumeId).toBe('id-3')
  })

  it('goes offline and asks for sign-in when auth expires', async () => {
    const onAuthExpired = vi.fn()
    const { status, error } = start({ onAuthExpired })
    await settle()
    FakeEventSource.last.open()
    FakeEventSource.last.emit('auth-expired', { reason: 'token expired' })
    await vi.advanceTimersByTimeAsync(60_000)
    expect(status.value).toBe('offline')
    expect(error.value?.code).toBe('auth-expired')
    expect(onAuthExpired).toHaveBeenCalledWith('token expired')
    expect(FakeEventSource.instances).toHaveLength(1)
  })

  it('goes offline when the first paint answers 401', async () => {
    answer('/api/listings/recent', { error: 'unauthorized', reason: 'no session' }, 401)
    const onAuthExpired = vi.fn()
    const { status } = start({ onAuthExpired })
    await settle()
    expect(status.value).toBe('offline')
    expect(onAuthExpired).toHaveBeenCalledWith('no session')
  })

  it('retries the first paint when the edge cannot be reached', async () => {
    fetchMock.mockRejectedValueOnce(new TypeError('fetch failed'))
    const { status, listings } = start()
    await settle()
    expect(status.value).toBe('reconnecting')
    await vi.advanceTimersByTimeAsync(1000)
    expect(listings.value).toHaveLength(2)
    expect(FakeEventSource.instances).toHaveLength(1)
  })

  it('clears the resume id and refetches recent listings on reset', async () => {
    const { listings, lastEventId } = start()
    await settle()
    FakeEventSource.last.open()
    FakeEventSource.last.emit('listing', listing(3), 'id-3')
    answer('/api/listings/recent', { items: [listing(7), listing(6)], lastId: 'r-7' })
    FakeEventSource.last.emit('reset', { reason: 'resume id too old' })
    expect(lastEventId.value).toBeUndefined()
    FakeEventSource.last.emit('listing', listing(8), 'id-8')
    await settle()
    expect(listings.value.map(item => item.itemId)).toEqual([8, 7, 6])
    expect(lastEventId.value).toBe('id-8')
    expect(FakeEventSource.instances).toHaveLength(1)
  })

  it('re-subscribes when the filter changes', async () => {
    const { filter, listings } = start()
    await settle()
    FakeEventSource.last.emit('listing', listing(3), 'id-3')
    answer('/api/listings/recent', { items: [listing(3)], lastId: 'c-3' })
    filter.value = { q: 'switch' }
    await nextTick()
    await settle()
    expect(FakeEventSource.instances[0].closed).toBe(true)
    expect(FakeEventSource.last.url).toBe('/api/listings/stream?q=switch&lastEventId=c-3')
    expect(listings.value.map(item => item.itemId)).toEqual([3])
  })

  it('does not open before open() when not immediate', async () => {
    const { status, open } = start({ immediate: false })
    await settle()
    expect(status.value).toBe('offline')
    expect(fetchMock).not.toHaveBeenCalled()
    open()
    await settle()
    expect(FakeEventSource.instances).toHaveLength(1)
  })

  it('closes the stream when its scope is disposed', async () => {
    const { scope, status } = start()
    await settle()
    FakeEventSource.last.open()
    scope.stop()
    expect(FakeEventSource.last.closed).toBe(true)
    expect(status.value).toBe('offline')
  })
})
