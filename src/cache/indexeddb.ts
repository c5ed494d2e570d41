import { entriesForStorage, errorName } from './entry.ts'
import { hasIndexedDB } from './has-indexeddb.ts'
import { broadcastChannelFor, type CacheChannel, type ClosableChannel } from './channel.ts'
import { originLock } from './lock.ts'
import type { MemoryStore } from './memory-store.ts'
import { dropChanged, newMemoryStore } from './memory.ts'
import { resolveCacheOptions } from './options.ts'
import type { ResolvedCacheOptions } from './options.ts'
import type { Store } from './store.ts'
import type { CacheEntry, CacheOptions, CachePlacement, CacheRange, CacheWrite, TogglCache } from './types.ts'

/**
 * A {@link TogglCache} in IndexedDB, so cached models survive page reloads and are shared by the
 * tabs of an origin. What it does in the database comes with `idb` in a module loaded on first use,
 * so an app carries none of it up front. It never fails a call: when IndexedDB is missing, will not
 * open or is blocked, it caches in memory instead and calls `onWarning` once; a refused write
 * (quota exceeded) resolves and warns; a failed read finds nothing.
 *
 * @example
 * const cache = new IndexedDbCache({ name: 'my-app', ttl: 3_600_000 })
 */
export class IndexedDbCache implements TogglCache {
  readonly ttl: number
  /** The tabs of an origin share the database; this is how they hear of each other's writes. */
  readonly channel: CacheChannel | undefined
  readonly #channel: ClosableChannel | undefined
  readonly #options: ResolvedCacheOptions
  #connecting: Promise<Store> | undefined
  /** Set once IndexedDB failed to open; the cache stays in memory from then on. */
  #memory: MemoryStore | undefined

  constructor(options?: CacheOptions) {
    this.#options = resolveCacheOptions(options, 'IndexedDbCache')
    this.ttl = this.#options.ttl
    this.channel = this.#channel = broadcastChannelFor(`indexeddb:${this.#options.name}`)
    // Fallen back to memory, this tab holds copies of its own, which another tab's write makes stale.
    this.channel?.subscribe((message) => {
      if (this.#memory && message.type === 'change') dropChanged(this.#memory, message)
    })
  }

  /** Locks across the origin's tabs (Web Locks), which share the database. */
  lock<T>(name: string, task: () => Promise<T>): Promise<T> {
    return originLock(`togglkit:${this.#options.name}:${name}`, task)
  }

  /**
   * Opens the database now instead of on first use. Resolves `true` when entries persist in
   * IndexedDB, `false` when the cache fell back to memory.
   */
  async connect(): Promise<boolean> {
    const backend = await this.#backend()
    return backend !== this.#memory
  }

  find<T>(partition: string, key: string): Promise<T | undefined> {
    return this.#use('reading failed, treated as a miss', undefined, (store) => store.find<T>(partition, key))
  }

  findMany<T>(partition: string, keys: readonly string[]): Promise<(T | undefined)[]> {
    return this.#use('reading failed, treated as misses', keys.map(() => undefined), (store) => store.findMany<T>(partition, keys))
  }

  async put(partition: string, key: string, value: unknown, placement?: CachePlacement): Promise<void> {
    await this.putMany(partition, [placement === undefined ? { key, value } : { key, value, placement }])
  }

  async putMany(partition: string, writes: readonly CacheWrite[]): Promise<void> {
    if (this.ttl === 0 || writes.length === 0) return
    // Copied before the first await: the caller may change the objects while the database opens.
    const entries = entriesForStorage('IndexedDbCache', partition, writes, this.#options.now(), this.ttl, this.#options.warn)
    // What the keys held is older than what could not be stored: it must not be served instead.
    if (entries === undefined) return this.deleteMany(partition, writes.map(({ key }) => key))
    await this.#use('writing failed (storage full?), the value was not cached', undefined, (store) => store.putMany(entries))
  }

  delete(partition: string, key: string): Promise<void> {
    return this.deleteMany(partition, [key])
  }

  deleteMany(partition: string, keys: readonly string[]): Promise<void> {
    if (keys.length === 0) return Promise.resolve()
    return this.#use('deleting failed, the entry may be served until it expires', undefined, (store) => store.deleteMany(partition, keys))
  }

  deleteByPrefix(partition: string, prefixes: readonly string[]): Promise<void> {
    if (prefixes.length === 0) return Promise.resolve()
    return this.#use('deleting failed, entries may be served until they expire', undefined, (store) => store.deleteByPrefix(partition, prefixes))
  }

  keys(partition: string, prefix = ''): Promise<string[]> {
    return this.#use('listing keys failed', [], (store) => store.keys(partition, prefix))
  }

  range(partition: string, group: string, { from = -Infinity, to = Infinity, limit = Infinity }: CacheRange = {}): Promise<CacheEntry[]> {
    return this.#use('reading a range failed', [], (store) => store.range(partition, group, from, to, limit))
  }

  clear(partition?: string): Promise<void> {
    return this.#use('clearing failed, entries may be served until they expire', undefined, (store) => store.clear(partition))
  }

  entries(partition?: string): Promise<CacheEntry[]> {
    return this.#use('listing entries failed', [], (store) => store.entries(partition))
  }

  /**
   * Closes the connection (a later call opens it again) and the channel to other tabs, which would
   * otherwise keep the cache reachable for the life of the page: a closed cache no longer hears them.
   */
  async close(): Promise<void> {
    this.#channel?.close()
    const connecting = this.#connecting
    this.#connecting = undefined
    ;(await connecting)?.close()
  }

  async #use<R>(failure: string, resultOnFailure: R, run: (store: Store) => R | Promise<R>): Promise<R> {
    for (let attempt = 1; ; attempt++) {
      const connecting = this.#backend()
      let store: Store | undefined
      try {
        store = await connecting
        return await run(store)
      } catch (error) {
        // The connection closed under us (another tab upgrading, the browser): reopen it once.
        if (attempt === 1 && store !== undefined && store !== this.#memory && errorName(error) === 'InvalidStateError') {
          this.#forget(connecting)
          continue
        }
        // Not even the memory store loaded (a browser gone offline): the next call tries again.
        if (store === undefined) this.#forget(connecting)
        this.#options.warn(`IndexedDB ${failure}`, error)
        return resultOnFailure
      }
    }
  }

  #backend(): Promise<Store> {
    if (this.#connecting !== undefined) return this.#connecting
    if (this.#memory !== undefined) return (this.#connecting = Promise.resolve(this.#memory))
    const { name, now } = this.#options
    // Where IndexedDB is missing, neither the store's module nor idb is ever loaded.
    const opening: Promise<Store> = hasIndexedDB()
      ? import('./idb-store.ts').then(({ openIdbStore }) => openIdbStore(name, now, () => this.#forget(connecting)))
      : Promise.reject(new Error('this runtime has no IndexedDB'))
    const connecting = opening.catch((error: unknown) => this.#fallBackToMemory(error))
    return (this.#connecting = connecting)
  }

  #forget(connecting: Promise<Store>): void {
    if (this.#connecting === connecting) this.#connecting = undefined
  }

  async #fallBackToMemory(cause: unknown): Promise<MemoryStore> {
    this.#memory = await newMemoryStore(this.#options.now)
    this.#options.warn('IndexedDB is unavailable, caching in memory instead', cause)
    return this.#memory
  }
}
