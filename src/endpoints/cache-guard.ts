import type { CacheChange } from '../cache/channel.ts'
import type { CachePlacement, CacheWrite, TogglCache } from '../cache/types.ts'
import { UNCACHED_FIELDS, withoutFields } from '../core/secrets.ts'

/** How a write to Toggl ended, as {@link CacheGuard.write} tells its `settle` step. */
export interface WriteOutcome<T = unknown> {
  /** No other write of this account started or ended while this one was in flight. */
  alone: boolean
  /** Why it failed, when it did. */
  error?: unknown
  /** What it answered, when it succeeded. */
  value?: T
}

/**
 * Keeps concurrent calls of one account from leaving stale data in its cache. A read stores its
 * answer only when no write to Toggl began or ended while it was in flight (the answer may predate
 * the write), here or in another instance on the same store (another tab); a write updates the
 * cache only when it ran alone (else the order in which Toggl applied overlapping writes is unknown,
 * so it drops instead). Cache updates run one at a time, so a check and the write it allows cannot
 * be split by another update. What a write changed in the cache is announced on the cache's
 * channel, so other instances drop their copies.
 */
export class CacheGuard {
  /** The cache as endpoints use it: what a write's settle step changes is recorded for the announcement. */
  readonly cache: TogglCache
  readonly #partition: string
  readonly #channel: TogglCache['channel']
  #epoch = 0
  #writesInFlight = 0
  #updates: Promise<unknown> = Promise.resolve()
  /** Set while a write's settle step runs: what it changes. */
  #recording: { keys: string[]; prefixes: string[] } | undefined

  constructor(cache: TogglCache, partition: string) {
    this.#partition = partition
    this.#channel = cache.channel
    this.cache = recordingView(cache, () => this.#recording)
  }

  /** Call before sending a read; call the returned function with the store step once it succeeds. */
  beginRead(): (store: () => Promise<void>) => Promise<void> {
    const epoch = this.#epoch
    const quiet = this.#writesInFlight === 0
    return (store) => this.update(() => (quiet && this.#writesInFlight === 0 && this.#epoch === epoch ? store() : Promise.resolve()))
  }

  /** Sends a write, then runs `settle` (success or failure) before the caller sees the outcome. */
  async write<T>(send: () => Promise<T>, settle: (outcome: WriteOutcome<T>) => Promise<void>): Promise<T> {
    const started = ++this.#epoch
    this.#writesInFlight++
    // Other instances stop storing what they are reading now: it may predate this write.
    this.#announce({ keys: [], prefixes: [] })
    let outcome: { value: T } | { error: unknown }
    try {
      outcome = { value: await send() }
    } catch (error) {
      outcome = { error }
    }
    await this.update(async () => {
      const alone = this.#epoch === started
      this.#epoch++
      this.#writesInFlight--
      const recorded = (this.#recording = { keys: [], prefixes: [] })
      try {
        await settle('error' in outcome ? { alone, error: outcome.error } : { alone, value: outcome.value })
      } finally {
        this.#recording = undefined
        this.#announce(recorded)
      }
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

  /** Another instance on the same store wrote to Toggl: answers read before now may be stale. */
  heardOfWrite(): void {
    this.#epoch++
  }

  #announce({ keys, prefixes }: { keys: string[]; prefixes: string[] }): void {
    this.#channel?.post({ type: 'change', partition: this.#partition, keys, prefixes })
  }
}

/**
 * `cache`, recording the keys and prefixes its writes touch whenever `recording()` gives a record,
 * and storing values without the secrets of `UNCACHED_FIELDS` (core/secrets.ts).
 */
function recordingView(cache: TogglCache, recording: () => { keys: string[]; prefixes: string[] } | undefined): TogglCache {
  const touched = (...keys: string[]) => recording()?.keys.push(...keys)
  return {
    get ttl() {
      return cache.ttl
    },
    ...(cache.trusted === undefined ? {} : { trusted: cache.trusted }),
    channel: cache.channel,
    ...(cache.lock ? { lock: cache.lock.bind(cache) } : {}),
    find: (partition, key) => cache.find(partition, key),
    findMany: (partition, keys) => cache.findMany(partition, keys),
    keys: (partition, prefix) => cache.keys(partition, prefix),
    range: (partition, group, range) => cache.range(partition, group, range),
    entries: (partition) => cache.entries(partition),
    clear: (partition) => cache.clear(partition),
    close: () => cache.close(),
    // Every value an endpoint stores passes here, whatever the adapter: no secret reaches a store.
    put: (partition, key, value, placement?: CachePlacement) => (touched(key), cache.put(partition, key, withoutFields(value, UNCACHED_FIELDS), placement)),
    putMany: (partition, writes: readonly CacheWrite[]) => (
      touched(...writes.map(({ key }) => key)),
      cache.putMany(
        partition,
        writes.map((write) => ({ ...write, value: withoutFields(write.value, UNCACHED_FIELDS) })),
      )
    ),
    delete: (partition, key) => (touched(key), cache.delete(partition, key)),
    deleteMany: (partition, keys) => (touched(...keys), cache.deleteMany(partition, keys)),
    deleteByPrefix: (partition, prefixes) => (recording()?.prefixes.push(...prefixes), cache.deleteByPrefix(partition, prefixes)),
  }
}

const guards = new WeakMap<TogglCache, Map<string, CacheGuard>>()

/**
 * One guard per cache and partition, shared by every endpoint that uses them. Writes announced by
 * other instances on the cache's channel reach the guard of their partition (every guard, for a clear).
 */
export function cacheGuardOf(cache: TogglCache, partition: string): CacheGuard {
  let byPartition = guards.get(cache)
  if (!byPartition) {
    const known = (byPartition = new Map())
    guards.set(cache, known)
    cache.channel?.subscribe((message) => {
      if (message.type !== 'change') return
      const heard = (message as CacheChange).partition
      for (const [name, guard] of known) if (heard === undefined || heard === name) guard.heardOfWrite()
    })
  }
  let guard = byPartition.get(partition)
  if (!guard) byPartition.set(partition, (guard = new CacheGuard(cache, partition)))
  return guard
}
