export interface ExponentialBackoffOptions {
  /**
   * Delay ceiling before jitter for the first retry, in milliseconds.
   * @default 500
   */
  base?: number
  /**
   * Largest delay ceiling, in milliseconds.
   * @default 30_000
   */
  max?: number
  /**
   * Source of randomness in [0, 1), injectable so tests are deterministic.
   * @default Math.random
   */
  random?: () => number
}

/**
 * Exponential backoff with "full jitter": a delay drawn uniformly from [0, min(max, base * 2^(attempt-1))].
 *
 * Full jitter rather than a fixed `retry:`: when an edge restarts, every buyer reconnects at once,
 * and spreading them over the whole window keeps the new edge from being hit by one wave.
 */
export function exponentialBackoff(options: ExponentialBackoffOptions = {}): (attempt: number) => number {
  const { base = 500, max = 30_000, random = Math.random } = options
  return (attempt) => {
    const ceiling = Math.min(max, base * 2 ** Math.max(0, attempt - 1))
    return Math.round(ceiling * random())
  }
}

/** Turns the `backoff` option (a fixed delay or a function of the attempt) into a function. */
export function resolveBackoff(backoff: number | ((attempt: number) => number)): (attempt: number) => number {
  return typeof backoff === 'function' ? backoff : () => backoff
}
