const WINDOW_MS = 3_600_000
const WINDOW_SECONDS = WINDOW_MS / 1000

/** Where an account stands in one quota window. */
interface QuotaStatus {
  remaining: number
  /** Seconds until the oldest counted request leaves the window; a full hour when none is in it. */
  resetsIn: number
}

/**
 * Toggl's hourly quota: a sliding 60-minute window of request times per key (account and scope).
 */
export class HourlyQuota {
  readonly #limit: number
  readonly #now: () => number
  readonly #windows = new Map<string, number[]>()

  constructor(limit: number, now: () => number) {
    if (!Number.isInteger(limit) || limit < 0) {
      throw new RangeError(`togglkit/mock: quotaPerHour must be a whole number ≥ 0 or Infinity, got ${limit}`)
    }
    this.#limit = limit
    this.#now = now
  }

  /** Counts one request unless the quota is spent; `allowed` says which. */
  take(key: string): QuotaStatus & { allowed: boolean } {
    const now = this.#now()
    const window = this.#window(key, now)
    const allowed = window.length < this.#limit
    if (allowed) window.push(now)
    return { allowed, ...this.#status(window, now) }
  }

  /** Requests each key may make per sliding hour. */
  get limit(): number {
    return this.#limit
  }

  /** The standing without counting a request, for replies that never reached the API (429). */
  peek(key: string): QuotaStatus {
    const now = this.#now()
    return this.#status(this.#window(key, now), now)
  }

  /** The key's request times still in the window; they are in order, so the expired lead. */
  #window(key: string, now: number): number[] {
    let window = this.#windows.get(key)
    if (!window) this.#windows.set(key, (window = []))
    let expired = 0
    while (expired < window.length && window[expired]! + WINDOW_MS <= now) expired++
    if (expired > 0) window.splice(0, expired)
    return window
  }

  #status(window: number[], now: number): QuotaStatus {
    const oldest = window[0]
    return {
      remaining: Math.max(0, this.#limit - window.length),
      resetsIn: oldest === undefined ? WINDOW_SECONDS : Math.ceil((oldest + WINDOW_MS - now) / 1000),
    }
  }
}

/** The window an account's request counts in: its organization's, or its own (\`null\`). */
export function quotaKeyOf(accountId: number, organizationId: number | null): string {
  return `${accountId} ${organizationId ?? 'user'}`
}

export function quotaHeaders(status: QuotaStatus): Record<string, string> {
  return {
    'X-Toggl-Quota-Remaining': String(status.remaining),
    'X-Toggl-Quota-Resets-In': String(status.resetsIn),
  }
}
