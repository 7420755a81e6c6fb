import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createCountdown } from './countdown'

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

describe('createCountdown', () => {
  it('fires after its time', () => {
    const done = vi.fn()
    createCountdown(1000, done)
    vi.advanceTimersByTime(1000)
    expect(done).toHaveBeenCalledOnce()
  })

  it('keeps the time left across a pause', () => {
    const done = vi.fn()
    const countdown = createCountdown(1000, done)
    vi.advanceTimersByTime(600)
    countdown.pause()
    vi.advanceTimersByTime(5000)
    countdown.resume()
    vi.advanceTimersByTime(399)
    expect(done).not.toHaveBeenCalled()
    vi.advanceTimersByTime(1)
    expect(done).toHaveBeenCalledOnce()
  })

  it('waits for resume when created paused', () => {
    const done = vi.fn()
    const countdown = createCountdown(100, done, { paused: true })
    vi.advanceTimersByTime(1000)
    countdown.resume()
    vi.advanceTimersByTime(100)
    expect(done).toHaveBeenCalledOnce()
  })

  it('never fires once cancelled, even when resumed', () => {
    const done = vi.fn()
    const countdown = createCountdown(100, done)
    countdown.cancel()
    countdown.resume()
    vi.advanceTimersByTime(1000)
    expect(done).not.toHaveBeenCalled()
  })
})
