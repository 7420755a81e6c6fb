import { describe, expect, it } from 'vitest'
import { exponentialBackoff, resolveBackoff } from './backoff'

describe('exponentialBackoff', () => {
  it('doubles the ceiling with every attempt', () => {
    const delay = exponentialBackoff({ base: 100, max: 10_000, random: () => 0.999_999 })
    expect([1, 2, 3, 4].map(delay)).toEqual([100, 200, 400, 800])
  })

  it('never exceeds the maximum', () => {
    const delay = exponentialBackoff({ base: 100, max: 1000, random: () => 0.999_999 })
    expect(delay(30)).toBe(1000)
  })

  it('draws a jittered delay below the ceiling', () => {
    const delay = exponentialBackoff({ base: 1000, random: () => 0.25 })
    expect(delay(3)).toBe(1000)
  })
})

describe('resolveBackoff', () => {
  it('turns a number into a constant delay', () => {
    expect(resolveBackoff(250)(7)).toBe(250)
  })

  it('keeps a function as it is', () => {
    const fn = (attempt: number) => attempt * 10
    expect(resolveBackoff(fn)).toBe(fn)
  })
})
