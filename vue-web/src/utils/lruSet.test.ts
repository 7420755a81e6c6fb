import { describe, expect, it } from 'vitest'
import { createLruSet } from './lruSet'

describe('createLruSet', () => {
  it('reports a key added twice as a duplicate', () => {
    const set = createLruSet(10)
    expect(set.add('a')).toBe(true)
    expect(set.add('a')).toBe(false)
  })

  it('forgets the oldest key beyond its capacity', () => {
    const set = createLruSet(2)
    set.add('a')
    set.add('b')
    set.add('c')
    expect(set.has('a')).toBe(false)
    expect(set.size).toBe(2)
  })

  it('keeps a key that was seen again young', () => {
    const set = createLruSet(2)
    set.add('a')
    set.add('b')
    set.add('a')
    set.add('c')
    expect(set.has('a')).toBe(true)
    expect(set.has('b')).toBe(false)
  })

  it('rejects a capacity below one', () => {
    expect(() => createLruSet(0)).toThrow('capacity must be a positive integer: 0')
  })
})
