import type { ListingEvent } from '../api/types'
import { describe, expect, it } from 'vitest'
import { latencyStages } from './latency'

const event: ListingEvent = {
  eventId: 'e',
  kind: 'listing',
  itemId: 1,
  title: 't',
  category: 'c',
  priceCents: 1,
  currency: 'EUR',
  sellerId: 1,
  listedAt: 1000,
  capturedAt: 1005,
  processedAt: 1009,
  edgeAt: 1011,
}

describe('latencyStages', () => {
  it('splits the path from commit to screen into stages', () => {
    expect(latencyStages(event, 1020, 1.5).map(stage => stage.ms)).toEqual([5, 4, 2, 9, 1.5])
  })

  it('leaves a stage unknown when a timestamp is missing', () => {
    expect(latencyStages({ ...event, edgeAt: null }, 1020, null).map(stage => stage.ms))
      .toEqual([5, 4, null, null, null])
  })

  it('keeps a negative stage caused by second-precision commit times', () => {
    expect(latencyStages({ ...event, listedAt: 2000 }, 1020, 1)[0].ms).toBe(-995)
  })
})
