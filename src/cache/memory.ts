import { entriesForStorage } from './entry.ts'
import { resolveCacheOptions } from './options.ts'
import type { ResolvedCacheOptions } from './options.ts'
import { broadcastChannelFor, type CacheChange, type CacheChannel, type ClosableChannel } from './channel.ts'
import { realmLock } from './lock.ts'
import type { MemoryStore } from './memory-store.ts'
import type { CacheEntry, CacheOptions, CachePlacement, CacheRange, CacheWrite, TogglCache } from './types.ts'

/** The store's module, loaded once by the first memory cache of the realm. */
let storeModule: Promise<typeof import('./memory-store.ts')> | undefined

/** A new empty {@link MemoryStore}, its module loaded on first use. */
export function newMemoryStore(now: () => number): Promise<MemoryStore> {
  // A module that failed to load (a browser gone offline) is tried again by the next cache.
  storeModule ??= import('./memory-store.ts').catch((error: unknown) => {
    storeModule = undefined
    throw error
  })
  return storeModule.then(({ MemoryStore }) => new MemoryStore(now))
}

/** Drops from `store` the entries another instance changed (what this one holds of them is stale). */
export function dropChanged(store: MemoryStore, { partition, keys = [], prefixes = [] }: CacheChange): void {
  if (partition === undefined) return store.clear()
  store.deleteMany(partition, keys)
  store.deleteByPrefix(partition, prefixes)
}

/**
 * A {@link TogglCache} in a `Map`, for Node, Deno and anywhere IndexedDB is missing. Entries live
 * as long as the object; expiry is checked on read, so no timer ever keeps a process alive. Keys and
 * ordered groups are also kept sorted, so prefix listings and ranges cost O(log n + what they find).
 * Where the entries live comes in a module of its own, loaded when the first memory cache is made,
 * so an app that caches in IndexedDB carries none of it up front.
 *
 * @example
 * const cache = new MemoryCache({ ttl: 60_000 })
 */
export class MemoryCache implements TogglCache {
  readonly ttl: number
  /** Only this process writes it, and it keeps what endpoints stored after checking it. */
  readonly trusted = true
  /** Memory caches of one name (other tabs, other instances) announce their writes to each other. */
  readonly channel: CacheChannel | undefined
  readonly #channel: ClosableChannel | undefined
  readonly #options: ResolvedCacheOptions
  readonly #store: Promise<MemoryStore>
  /** The store once no call made before it loaded is still waiting: then calls reach it directly. */
  #loaded: MemoryStore | undefined
  #waiting = 0

  constructor(options?: CacheOptions) {
    this.#options = resolveCacheOptions(options, 'MemoryCache')
    this.ttl = this.#options.ttl
    this.#store = newMemoryStore(this.#options.now)
    // Until a call waits for it, a store that failed to load is nobody's unhandled rejection.
    this.#store.catch(() => {})
    this.channel = this.#channel = broadcastChannelFor(`memory:${this.#options.name}`)
    // Another instance changed its copy of these entries in Toggl: ours are stale, so they go.
    this.channel?.subscribe((message) => {
      if (message.type === 'change') void this.#use((store) => dropChanged(store, message))
    })
  }

  /** Locks within this realm: no other tab can see this store, so none would share a sync. */
  lock<T>(name: string, task: () => Promise<T>): Promise<T> {
    return realmLock(`memory:${this.#options.name}:${name}`, task)
  }

  find<T>(partition: string, key: string): Promise<T | undefined> {
    return this.#use((store) => store.find<T>(partition, key))
  }

  findMany<T>(partition: string, keys: readonly string[]): Promise<(T | undefined)[]> {
    return this.#use((store) => store.findMany<T>(partition, keys))
  }

  put(partition: string, key: string, value: unknown, placement?: CachePlacement): Promise<void> {
    return this.putMany(partition, [placement === undefined ? { key, value } : { key, value, placement }])
  }

  putMany(partition: string, writes: readonly CacheWrite[]): Promise<void> {
    if (this.ttl === 0) return Promise.resolve()
    let entries: CacheEntry[] | undefined
    try {
      // Copied now, so later changes to the caller's objects never reach the store.
      entries = entriesForStorage('MemoryCache', partition, writes, this.#options.now(), this.ttl, this.#options.warn)
    } catch (error) {
      return Promise.reject(error)
    }
    // What the keys held is older than what could not be stored: it must not be served instead.
    return this.#use((store) => (entries === undefined ? store.deleteMany(partition, writes.map(({ key }) => key)) : store.putMany(entries)))
  }

  delete(partition: string, key: string): Promise<void> {
    return this.#use((store) => store.deleteMany(partition, [key]))
  }

  deleteMany(partition: string, keys: readonly string[]): Promise<void> {
    return this.#use((store) => store.deleteMany(partition, keys))
  }

  deleteByPrefix(partition: string, prefixes: readonly string[]): Promise<void> {
    return this.#use((store) => store.deleteByPrefix(partition, prefixes))
  }

  keys(partition: string, prefix = ''): Promise<string[]> {
    return this.#use((store) => store.keys(partition, prefix))
  }

  range(partition: string, group: string, { from = -Infinity, to = Infinity, limit = Infinity }: CacheRange = {}): Promise<CacheEntry[]> {
    return this.#use((store) => store.range(partition, group, from, to, limit))
  }

  clear(partition?: string): Promise<void> {
    return this.#use((store) => store.clear(partition))
  }

  entries(partition?: string): Promise<CacheEntry[]> {
    return this.#use((store) => store.entries(partition))
  }

  /**
   * Stops hearing and telling other instances of its name (closing its `BroadcastChannel`, which
   * would otherwise keep the cache reachable for the life of the realm); it still answers alone.
   */
  async close(): Promise<void> {
    this.#channel?.close()
  }

  /**
   * Runs `operation` on the store, in call order: while it loads, calls wait for it in turn; once
   * none made before is still waiting, they reach it directly (one await less per call).
   */
  #use<R>(operation: (store: MemoryStore) => R): Promise<R> {
    const loaded = this.#loaded
    if (loaded) {
      try {
        return Promise.resolve(operation(loaded))
      } catch (error) {
        return Promise.reject(error)
      }
    }
    this.#waiting++
    return this.#store.then((store) => {
      try {
        return operation(store)
      } finally {
        if (--this.#waiting === 0) this.#loaded = store
      }
    })
  }
}
