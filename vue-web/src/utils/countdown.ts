/** A timeout that can be paused and resumed, keeping the time it had left. */
export interface Countdown {
  pause: () => void
  resume: () => void
  cancel: () => void
}

export function createCountdown(ms: number, done: () => void, { paused = false } = {}): Countdown {
  let remaining = ms
  let startedAt = 0
  let handle: ReturnType<typeof setTimeout> | undefined
  let cancelled = false

  const resume = () => {
    if (handle !== undefined || cancelled)
      return
    startedAt = Date.now()
    handle = setTimeout(done, remaining)
  }
  const pause = () => {
    if (handle === undefined)
      return
    clearTimeout(handle)
    handle = undefined
    remaining -= Date.now() - startedAt
  }
  if (!paused)
    resume()
  const cancel = () => {
    cancelled = true
    pause()
  }
  return { pause, resume, cancel }
}
