/**
 * One request that several callers wait on. Each caller may abort its own wait; the request itself
 * is aborted only when every caller has given up, so one impatient caller never fails the others.
 */
export class SharedRead<T> {
  /** Only when the first caller can abort: a caller without a signal keeps the request wanted. */
  readonly #controller: AbortController | undefined
  readonly #result: Promise<T>
  #waiting = 0

  /** `onSettled` runs once the request succeeded or failed (which also keeps a failure nobody awaits from surfacing as unhandled). */
  constructor(run: (signal: AbortSignal | undefined) => Promise<T>, firstSignal: AbortSignal | undefined, onSettled: () => void) {
    this.#controller = firstSignal ? new AbortController() : undefined
    this.#result = run(this.#controller?.signal)
    this.#result.then(onSettled, onSettled)
  }

  join(signal: AbortSignal | undefined): Promise<T> {
    signal?.throwIfAborted()
    this.#waiting++
    if (!signal) return this.#result
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => {
        if (--this.#waiting === 0) this.#controller?.abort(signal.reason)
        reject(signal.reason)
      }
      signal.addEventListener('abort', onAbort, { once: true })
      this.#result.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort))
    })
  }
}
