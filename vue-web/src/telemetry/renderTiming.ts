import type { ListingEvent } from '../api/types'

const receivedMark = (eventId: string) => `listcast:received:${eventId}`

/** Marks the moment a listing arrived; `reportRendered` measures from here. */
export function markReceived(eventId: string): void {
  performance.mark(receivedMark(eventId))
}

/**
 * Measures arrival → toast mounted and sends it to the edge, which joins it to the listing's trace.
 * sendBeacon because it never delays the page and survives the tab closing; it posts text/plain,
 * which the edge accepts (docs/edge-api.md). Answers the render time in milliseconds, or null if unmarked.
 */
export function reportRendered(event: ListingEvent, receivedAt: number): number | null {
  const mark = receivedMark(event.eventId)
  if (performance.getEntriesByName(mark, 'mark').length === 0)
    return null
  const measure = performance.measure(`listcast:render:${event.eventId}`, mark)
  // Entries would pile up all day in a tab that stays open.
  performance.clearMarks(mark)
  performance.clearMeasures(measure.name)
  navigator.sendBeacon?.('/api/telemetry/render', JSON.stringify({
    eventId: event.eventId,
    receivedAt,
    renderedAt: Date.now(),
    renderMs: measure.duration,
    traceparent: event.traceparent ?? null,
  }))
  return measure.duration
}
