// Intl formatters are costly to build and a busy feed formats thousands of prices: keep one per currency.
const priceFormats = new Map<string, Intl.NumberFormat>()

/** "€129.00" for 12900 EUR cents, in the buyer's locale; an unknown currency code falls back to "129.00 XYZ". */
export function formatPrice(cents: number, currency: string, locale?: string): string {
  const key = `${locale ?? ''}|${currency}`
  let format = priceFormats.get(key)
  if (!format) {
    try {
      format = new Intl.NumberFormat(locale, { style: 'currency', currency })
    }
    catch {
      return `${(cents / 100).toFixed(2)} ${currency}`
    }
    priceFormats.set(key, format)
  }
  return format.format(cents / 100)
}

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
  ['second', 1000],
]
const relativeFormat = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto', style: 'short' })

/** "now", "2 min. ago", "3 hr. ago": listings are judged by freshness. */
export function formatRelative(at: number, now = Date.now()): string {
  const diff = at - now
  if (Math.abs(diff) < 10_000)
    return relativeFormat.format(0, 'second')
  const [unit, ms] = UNITS.find(([, size]) => Math.abs(diff) >= size) ?? UNITS[UNITS.length - 1]
  return relativeFormat.format(Math.round(diff / ms), unit)
}

/** A stage duration: "12 ms", "1.4 s", "–" when unknown. Negative values are shown as they are (clock skew). */
export function formatMs(ms: number | null | undefined): string {
  if (ms == null || !Number.isFinite(ms))
    return '–'
  return Math.abs(ms) >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`
}
