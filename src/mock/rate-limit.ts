/**
 * Toggl's rate limit as a leaky bucket per key: each request pours in one unit, the bucket drains
 * `perSecond` units a second, and a request that would overflow `burst` units is refused.
 */
export class LeakyBucket {
  readonly #perSecond: number
  readonly #burst: number
  readonly #now: () => number
  readonly #buckets = new Map<string, { level: number; at: number }>()

  constructor(limit: { perSecond: number; burst: number }, now: () => number) {
    if (!(limit.perSecond > 0) || !(limit.burst >= 1)) {
      throw new RangeError('togglkit/mock: rateLimit needs perSecond > 0 and burst ≥ 1')
    }
    this.#perSecond = limit.perSecond
    this.#burst = limit.burst
    this.#now = now
  }

  /** Pours one request into `key`'s bucket; false when it would overflow (the request is refused). */
  admit(key: string): boolean {
    const now = this.#now()
    const bucket = this.#buckets.get(key) ?? { level: 0, at: now }
    const level = Math.max(0, bucket.level - ((now - bucket.at) / 1000) * this.#perSecond)
    const admitted = level + 1 <= this.#burst
    this.#buckets.set(key, { level: admitted ? level + 1 : level, at: now })
    return admitted
  }
}
