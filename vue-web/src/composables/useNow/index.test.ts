import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { effectScope } from 'vue'
import { useNow } from './index'

beforeEach(() => vi.useFakeTimers({ now: 1_000_000 }))
afterEach(() => vi.useRealTimers())

describe('useNow', () => {
  it('moves on once per interval', () => {
    const now = useNow(15_000)
    expect(now.value).toBe(1_000_000)
    vi.advanceTimersByTime(14_999)
    expect(now.value).toBe(1_000_000)
    vi.advanceTimersByTime(1)
    expect(now.value).toBe(1_015_000)
  })

  it('stops its timer with its scope', () => {
    const scope = effectScope()
    const now = scope.run(() => useNow(1000))!
    scope.stop()
    vi.advanceTimersByTime(5000)
    expect(now.value).toBe(1_000_000)
    expect(vi.getTimerCount()).toBe(0)
  })
})
