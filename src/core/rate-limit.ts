import { InputError } from './errors.ts'
import { describe } from './describe.ts'
import { sleep } from './sleep.ts'

/** How fast one account may send: `perSecond` on average, up to `burst` at once. */
export interface RateLimit {
  perSecond: number
  /** @default 1 */
  burst?: number
}

/**
 * Spaces requests with the generic cell rate algorithm: a virtual schedule, no queue and no timer
 * beyond each caller's own wait, so a burst leaves at the rate Toggl's leaky bucket accepts.
 */
export class RateScheduler {
  #interval: number
  #tolerance: number
  /** When the next request would be due if requests went out exactly on schedule. */
  #due = 0

  constructor(limit: RateLimit) {
    this.#interval = 1000 / limit.perSecond
    this.#tolerance = this.#interval * ((limit.burst ?? 1) - 1)
  }

  /** Several clients of one account may ask for different rates: the slowest one holds for all. */
  tighten(limit: RateLimit): void {
    const other = new RateScheduler(limit)
    this.#interval = Math.max(this.#interval, other.#interval)
    this.#tolerance = Math.min(this.#tolerance, other.#tolerance)
  }

  /** Resolves when this request may go; the slot is taken at once, so callers leave in call order. */
  async slot(signal: AbortSignal | undefined): Promise<void> {
    const now = performance.now()
    const due = Math.max(this.#due, now)
    const wait = due - this.#tolerance - now
    this.#due = due + this.#interval
    if (wait > 0) await sleep(wait, signal)
  }
}

export function checkRateLimit(value: unknown, where: string): RateLimit | false {
  if (value === false) return false
  const { perSecond, burst } = (value ?? {}) as Record<string, unknown>
  const isRate = typeof perSecond === 'number' && perSecond > 0 && Number.isFinite(perSecond)
  const isBurst = burst === undefined || (Number.isSafeInteger(burst) && (burst as number) >= 1)
  if (typeof value !== 'object' || value === null || !isRate || !isBurst) {
    throw new InputError(
      `${where}: options.rateLimit must be false or { perSecond > 0, burst? ≥ 1 (whole) }, got ${describe(value)}`,
    )
  }
  return { perSecond, ...(burst === undefined ? {} : { burst: burst as number }) }
}
