import type { TogglCache } from '../cache/types.ts'

/** How a write to Toggl ended, as {@link CacheGuard.write} tells its `settle` step. */
export interface WriteOutcome {
  /** No other write of this account started or ended while this one was in flight. */
  alone: boolean
  /** Why it failed, when it did. */
  error?: unknown
}

/**
 * Keeps concurrent calls of one account from leaving stale data in its cache. A read stores its
 * answer only when no write to Toggl began or ended while it was in flight (the answer may predate
 * the write); a write updates the cache only when it ran alone (else the order in which Toggl
 * applied overlapping writes is unknown, so it drops instead). Cache updates run one at a time, so
 * a check and the write it allows cannot be split by another update.
 */
export class CacheGuard {
  #epoch = 0
  #writesInFlight = 0
  #updates: Promise<unknown> = Promise.resolve()

  /** Call before sending a read; call the returned function with the store step once it succeeds. */
  beginRead(): (store: () => Promise<void>) => Promise<void> {
    const epoch = this.#epoch
    const quiet = this.#writesInFlight === 0
    return (store) => this.update(() => (quiet && this.#writesInFlight === 0 && this.#epoch === epoch ? store() : Promise.resolve()))
  }

  /** Sends a write, then runs `settle` (success or failure) before the caller sees the outcome. */
  async write<T>(send: () => Promise<T>, settle: (outcome: WriteOutcome) => Promise<void>): Promise<T> {
    const started = ++this.#epoch
    this.#writesInFlight++
    let outcome: { value: T } | { error: unknown }
    try {
      outcome = { value: await send() }
    } catch (error) {
      outcome = { error }
    }
    await this.update(() => {
      const alone = this.#epoch === started
      this.#epoch++
      this.#writesInFlight--
      return settle('error' in outcome ? { alone, error: outcome.error } : { alone })
    })
    if ('error' in outcome) throw outcome.error
    return outcome.value
  }

  /** Runs `change` after every cache update queued before it. */
  update(change: () => Promise<void>): Promise<void> {
    const next = this.#updates.then(change)
    this.#updates = next.catch(() => {})
    return next
  }
}

const guards = new WeakMap<TogglCache, Map<string, CacheGuard>>()

/** One guard per cache and partition, shared by every endpoint that uses them. */
export function cacheGuardOf(cache: TogglCache, partition: string): CacheGuard {
  let byPartition = guards.get(cache)
  if (!byPartition) guards.set(cache, (byPartition = new Map()))
  let guard = byPartition.get(partition)
  if (!guard) byPartition.set(partition, (guard = new CacheGuard()))
  return guard
}
