/** How {@link StoreAccess} treats a store that fails or is slow. */
export interface AccessPolicy {
  /** How long one step may take, in ms. */
  timeout: number
  /** After a failure, how long steps are not even tried, in ms. */
  retryAfter: number
  now: () => number
  warn: (message: string, cause?: unknown) => void
}

/** A step that missed its deadline (it may still finish in the background). */
class StoreTimeout extends Error {
  override name = 'StoreTimeout'
}

/**
 * Runs each step against the store under a deadline, so a call never waits on a store that is down
 * or slow longer than `timeout`. A step that fails or misses it takes the store out of use for
 * `retryAfter` ms: meanwhile steps are not tried and their callers carry on without the cache at
 * once, instead of each waiting out its own deadline. One warning per outage: it is given when the
 * store stops answering, and again only after it answered in between.
 */
export class StoreAccess {
  readonly #policy: AccessPolicy
  #outUntil = -Infinity
  #answering = true

  constructor(policy: AccessPolicy) {
    this.#policy = policy
  }

  /** Whether steps are tried now (no failure within the last `retryAfter` ms). */
  get usable(): boolean {
    return this.#policy.now() >= this.#outUntil
  }

  /** The step's result, or `undefined` when the store is out of use, failed or missed the deadline. */
  async attempt<R>(failure: string, step: () => Promise<R>): Promise<{ value: R } | undefined> {
    if (!this.usable) return undefined
    try {
      const value = await withDeadline(step(), this.#policy.timeout)
      this.#answering = true
      return { value }
    } catch (error) {
      const { retryAfter, now, warn } = this.#policy
      this.#outUntil = now() + retryAfter
      if (this.#answering) {
        this.#answering = false
        const reason = error instanceof StoreTimeout ? error.message : 'the store failed'
        warn(`${reason}: ${failure}; the cache is bypassed for ${retryAfter} ms, then tried again`, error)
      }
      return undefined
    }
  }
}

function withDeadline<R>(step: Promise<R>, timeout: number): Promise<R> {
  if (timeout === Infinity) return step
  let timer: ReturnType<typeof setTimeout> | undefined
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new StoreTimeout(`the store did not answer within ${timeout} ms`)), timeout)
  })
  // race() listens to the step too, so a step that fails after its deadline is no unhandled rejection.
  return Promise.race([step, deadline]).finally(() => clearTimeout(timer))
}
