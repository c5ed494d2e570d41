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
  /**
   * Whether a read lets announcements already on their way arrive before it stores: on a store other
   * instances share, a write another tab announced must stop a read that predates it from storing.
   */
  readonly #hearsFirst: boolean
  #epoch = 0
  /** Announcements heard from other instances: a read that heard one while it stored undoes its store. */
  #heard = 0
  #writesInFlight = 0
  #updates: Promise<unknown> = Promise.resolve()
  /** Set while a write's settle step runs: what it changes. */
  #recording: { keys: string[]; prefixes: string[] } | undefined

  constructor(cache: TogglCache, partition: string) {
    this.#partition = partition
    this.#channel = cache.channel
    this.#hearsFirst = cache.channel !== undefined && !cache.trusted
    this.cache = recordingView(cache, () => this.#recording)
  }

  /**
   * Call before sending a read; call the returned function with the store step once it succeeds.
   * On a store other instances share, the read first hears the announcements already on their way,
   * and looks again once it stored: if another instance began to write meanwhile (its settle may
   * have run beside this store step), what it stored goes, since it may predate that write.
   */
  beginRead(): (store: () => Promise<void>) => Promise<void> {
    const epoch = this.#epoch
    const quiet = this.#writesInFlight === 0
    const stillQuiet = () => quiet && this.#writesInFlight === 0 && this.#epoch === epoch
    return async (store) => {
      if (this.#hearsFirst) await messagesDelivered()
      await this.update(async () => {
        if (!stillQuiet()) return
        if (!this.#hearsFirst) return store()
        const heard = this.#heard
        const stored = (this.#recording = { keys: [], prefixes: [] })
        try {
          await store()
        } finally {
          this.#recording = undefined
        }
        await messagesDelivered()
        if (this.#heard !== heard) await this.cache.deleteMany(this.#partition, stored.keys)
      })
    }
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
      // Again before changing the store: a read answered before this write was applied is stale.
      this.#announce({ keys: [], prefixes: [] })
      const recorded = (this.#recording = { keys: [], prefixes: [] })
      try {
        await settle('error' in outcome ? { alone, error: outcome.error } : { alone, value: outcome.value })
      } catch {
        // A cache that failed to take the outcome must not make an applied write look failed (a
        // retry could apply it twice): what it touched goes, as far as it still lets us.
        await this.cache.deleteMany(this.#partition, recorded.keys).catch(() => {})
        await this.cache.deleteByPrefix(this.#partition, recorded.prefixes).catch(() => {})
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
    this.#heard++
  }

  /**
   * A sync stored a newer snapshot than any read in flight can hold (and moved its cursor past
   * them): those reads, here and in other instances on the store, must not store what they bring.
   * Call inside the sync's own update.
   */
  supersede(): void {
    this.#epoch++
    this.#channel?.post({ type: 'change', partition: this.#partition, keys: [], prefixes: [], sync: true })
  }

  #announce({ keys, prefixes }: { keys: string[]; prefixes: string[] }): void {
    this.#channel?.post({ type: 'change', partition: this.#partition, keys, prefixes })
  }
}

/**
 * Resolves once messages already delivered to this realm's ports are handled: in Node and Deno
 * after the event loop's I/O phase (`setImmediate`), in browsers after the next task.
 */
function messagesDelivered(): Promise<void> {
  const immediate = (globalThis as { setImmediate?: (run: () => void) => unknown }).setImmediate
  return new Promise((resolve) => (immediate ? immediate(resolve) : setTimeout(resolve, 0)))
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
      // Another instance's sync wrote its own store, unless the store is shared (a trusted cache is this process's alone).
      if (message.sync && cache.trusted) return
      const heard = (message as CacheChange).partition
      for (const [name, guard] of known) if (heard === undefined || heard === name) guard.heardOfWrite()
    })
  }
  let guard = byPartition.get(partition)
  if (!guard) byPartition.set(partition, (guard = new CacheGuard(cache, partition)))
  return guard
}
