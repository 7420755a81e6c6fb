import { describe, expect, it } from 'vitest'
import { formatMs, formatPrice, formatRelative } from './format'

describe('formatPrice', () => {
  it('formats cents in the listing currency', () => {
    expect(formatPrice(12_900, 'EUR', 'en-US')).toBe('€129.00')
  })

  it('uses the currency rules of the code', () => {
    expect(formatPrice(12_900, 'JPY', 'en-US')).toBe('¥129')
  })

  it('falls back to a plain amount for an unknown currency code', () => {
    expect(formatPrice(12_950, 'bogus', 'en-US')).toBe('129.50 bogus')
  })
})

describe('formatRelative', () => {
  it('calls the last few seconds now', () => {
    expect(formatRelative(1_000_000 - 3000, 1_000_000)).toBe(formatRelative(1_000_000, 1_000_000))
  })

  it('picks the largest unit that fits', () => {
    const now = 10_000_000_000
    expect(formatRelative(now - 3 * 3_600_000, now)).toMatch(/3/)
    expect(formatRelative(now - 3 * 3_600_000, now)).toMatch(/hr|hour/)
  })
})

describe('formatMs', () => {
  it('shows milliseconds below a second', () => {
    expect(formatMs(12.4)).toBe('12 ms')
  })

  it('shows seconds from a second on', () => {
    expect(formatMs(1440)).toBe('1.4 s')
  })

  it('keeps a negative duration visible', () => {
    expect(formatMs(-420)).toBe('-420 ms')
  })

  it('shows a dash when the stage is unknown', () => {
    expect(formatMs(null)).toBe('–')
  })
})
