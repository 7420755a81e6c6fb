import type { ListingEvent } from '../api/types'

/** One pipeline stage of a listing, in milliseconds; null when a timestamp is missing. */
export interface Stage {
  name: string
  ms: number | null
}

const between = (from?: number | null, to?: number | null) => (from != null && to != null ? to - from : null)

/**
 * The stages from the database commit to the toast on screen.
 * listedAt is the binlog's commit time, refined by cdc-ingest to the row's updated_at within the binlog's
 * second; where neither has milliseconds, commit→capture can read negative or up to a second too long, and the
 * panel shows it as it is.
 */
export function latencyStages(event: ListingEvent, receivedAt: number, renderMs: number | null): Stage[] {
  return [
    { name: 'commit → capture', ms: between(event.listedAt, event.capturedAt) },
    { name: 'capture → processed', ms: between(event.capturedAt, event.processedAt) },
    { name: 'processed → edge', ms: between(event.processedAt, event.edgeAt) },
    { name: 'edge → browser', ms: between(event.edgeAt, receivedAt) },
    { name: 'render', ms: renderMs },
  ]
}
