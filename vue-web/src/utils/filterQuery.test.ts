import { describe, expect, it } from 'vitest'
import { filterQuery, priceToCents } from './filterQuery'

describe('filterQuery', () => {
  it('leaves out empty filters', () => {
    expect(filterQuery({ categories: [], q: '  ', minPrice: null })).toBe('')
  })

  it('sorts categories so equal selections give equal queries', () => {
    expect(filterQuery({ categories: ['sneakers', 'consoles'] }))
      .toBe(filterQuery({ categories: ['consoles', 'sneakers'] }))
  })

  it('writes every filter the edge understands', () => {
    const query = filterQuery({ categories: ['consoles'], q: 'switch oled', minPrice: 1000, maxPrice: 50_000 })
    expect(query).toBe('categories=consoles&q=switch+oled&minPrice=1000&maxPrice=50000')
  })

  it('keeps a zero price bound', () => {
    expect(filterQuery({ minPrice: 0 })).toBe('minPrice=0')
  })

  it('appends extra parameters that are set', () => {
    expect(filterQuery({ q: 'lego' }, { after: 'abc', limit: undefined })).toBe('q=lego&after=abc')
  })
})

describe('priceToCents', () => {
  it('turns whole units into cents', () => {
    expect(priceToCents('12')).toBe(1200)
  })

  it('accepts a decimal comma', () => {
    expect(priceToCents('12,5')).toBe(1250)
  })

  it('rounds to the cent', () => {
    expect(priceToCents('0.295')).toBe(30)
  })

  it('answers null for text that is not a price', () => {
    expect(priceToCents('')).toBeNull()
    expect(priceToCents('-3')).toBeNull()
    expect(priceToCents('ten')).toBeNull()
  })
})
