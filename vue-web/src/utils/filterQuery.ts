/** What a buyer wants to see; prices in cents, as the edge expects them. */
export interface ListingFilter {
  categories?: readonly string[]
  q?: string
  minPrice?: number | null
  maxPrice?: number | null
}

/**
 * Builds the query string shared by `/api/listings/stream`, `/api/listings` and `/api/listings/recent`.
 * Empty filters are left out, so two equal filters always give the same string, which is what
 * decides whether a filter change needs a new subscription.
 */
export function filterQuery(filter: ListingFilter, extra: Record<string, string | number | undefined> = {}): string {
  const params = new URLSearchParams()
  const categories = [...(filter.categories ?? [])].sort()
  if (categories.length > 0)
    params.set('categories', categories.join(','))
  const q = filter.q?.trim()
  if (q)
    params.set('q', q)
  if (filter.minPrice != null)
    params.set('minPrice', String(filter.minPrice))
  if (filter.maxPrice != null)
    params.set('maxPrice', String(filter.maxPrice))
  for (const [key, value] of Object.entries(extra)) {
    if (value !== undefined && value !== '')
      params.set(key, String(value))
  }
  return params.toString()
}

/**
 * Reads a price typed in the buyer's units ("12", "12.5", "12,50") as cents; null when empty or not a price.
 * Rounds to the cent so "0.1 + 0.2"-style float noise never shifts a boundary.
 */
export function priceToCents(text: string): number | null {
  const normalized = text.trim().replace(/\s/g, '').replace(',', '.')
  if (!/^\d+(\.\d*)?$/.test(normalized))
    return null
  return Math.round(Number.parseFloat(normalized) * 100)
}
