/** One listing or price drop, as the edge sends it in SSE `data:` and polling answers (docs/edge-api.md). */
export interface ListingEvent {
  eventId: string
  kind: 'listing' | 'price-drop'
  itemId: number
  title: string
  description?: string | null
  category: string
  priceCents: number
  previousPriceCents?: number | null
  currency: string
  condition?: string | null
  imageUrl?: string | null
  sellerId: number
  sellerName?: string | null
  sellerRating?: number | null
  listedAt: number
  capturedAt?: number | null
  processedAt?: number | null
  edgeAt?: number | null
  traceparent?: string | null
}

/** `GET /api/listings/recent`: newest first. */
export interface RecentAnswer {
  items: ListingEvent[]
  lastId?: string | null
}

/** `GET /api/listings?after=`: oldest first; `reset` when `after` was unknown and items are the recent ones. */
export interface PollAnswer {
  items: ListingEvent[]
  lastId?: string | null
  reset?: boolean
}

export interface Session {
  subject: string
  name: string
  expiresAt: number
  categories: string[] | null
}

export interface DemoUser {
  subject: string
  name: string
  categories: string[] | null
}

/** The edge's error body: `{"error": "<code>", "reason": "<human text>"}`. */
export interface ApiErrorBody {
  error: string
  reason: string
}
