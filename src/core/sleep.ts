/** The longest delay a timer holds: past it, setTimeout fires at once. */
export const MAX_TIMER = 2 ** 31 - 1

/**
 * A wait that the caller's signal ends at once, rejecting with the signal's reason. A wait longer
 * than a timer can hold (about 24.8 days) is made of several timers, so it is never cut short.
 */
export function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    signal?.throwIfAborted()
    const until = Date.now() + ms
    let timer: ReturnType<typeof setTimeout> | undefined
    const onAbort = () => {
      clearTimeout(timer)
      reject(signal?.reason)
    }
    const wait = (left: number) => {
      timer = setTimeout(() => {
        const rest = until - Date.now()
        if (rest > 0 && left > MAX_TIMER) return wait(rest)
        signal?.removeEventListener('abort', onAbort)
        resolve()
      }, Math.min(left, MAX_TIMER))
    }
    wait(ms)
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}
