import { copiesForStorage, errorName } from './entry.ts'
import { hasIndexedDB } from './has-indexeddb.ts'
import type { IdbStore } from './idb-store.ts'
import { broadcastChannelFor, type CacheChannel } from './channel.ts'
import { originLock } from './lock.ts'
import { MemoryCache } from './memory.ts'
import { resolveCacheOptions } from './options.ts'
import type { ResolvedCacheOptions } from './options.ts'
import type { CacheEntry, CacheOptions, CachePlacement, CacheRange, CacheWrite, TogglCache } from './types.ts'

type Backend = IdbStore | MemoryCache

/**
 * A {@link TogglCache} in IndexedDB, so cached models survive page reloads and are shared by the
 * tabs of an origin. What it does in the database comes, with `idb`, in a module loaded on first use. It never fails a call: when IndexedDB is
 * missing, will not open or is blocked, it caches in memory instead and calls `onWarning` once; a
 * refused write (quota exceeded) resolves and warns; a failed read finds nothing.
 *
 * @example
 * const cache = new IndexedDbCache({ name: 'my-app', ttl: 3_600_000 })
 */
export class IndexedDbCache implements TogglCache {
  readonly ttl: number
  /** The tabs of an origin share the database; this is how they hear of each other's writes. */
  readonly channel: CacheChannel | undefined
  readonly #options: ResolvedCacheOptions
  #connecting: Promise<Backend> | undefined
  /** Set once IndexedDB failed to open; the cache stays in memory from then on. */
  #memory: MemoryCache | undefined

  constructor(options?: CacheOptions) {
    this.#options = resolveCacheOptions(options, 'IndexedDbCache')
    this.ttl = this.#options.ttl
    this.channel = broadcastChannelFor(`indexeddb:${this.#options.name}`)
    // Fallen back to memory, this tab holds copies of its own, which another tab's write makes stale.
    this.channel?.subscribe((message) => {
      const memory = this.#memory
      if (!memory || message.type !== 'change') return
      const { partition, keys = [], prefixes = [] } = message
      if (partition === undefined) void memory.clear()
      else void memory.deleteMany(partition, keys).then(() => memory.deleteByPrefix(partition, prefixes))
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
    return !((await this.#backend()) instanceof MemoryCache)
  }

  find<T>(partition: string, key: string): Promise<T | undefined> {
    return this.#use(
      'reading failed, treated as a miss',
      undefined,
      (memory) => memory.find<T>(partition, key),
      (store) => store.find<T>(partition, key),
    )
  }

  findMany<T>(partition: string, keys: readonly string[]): Promise<(T | undefined)[]> {
    return this.#use(
      'reading failed, treated as misses',
      keys.map(() => undefined),
      (memory) => memory.findMany<T>(partition, keys),
      (store) => store.findMany<T>(partition, keys),
    )
  }

  async put(partition: string, key: string, value: unknown, placement?: CachePlacement): Promise<void> {
    await this.putMany(partition, [placement === undefined ? { key, value } : { key, value, placement }])
  }

  async putMany(partition: string, writes: readonly CacheWrite[]): Promise<void> {
    if (this.ttl === 0 || writes.length === 0) return
    const storedAt = this.#options.now()
    // Copied before the first await: the caller may change the objects while the database opens.
    const copies = copiesForStorage('IndexedDbCache', writes, this.#options.warn)
    // What the keys held is older than what could not be stored: it must not be served instead.
    if (copies === undefined) return this.deleteMany(partition, writes.map(({ key }) => key))
    const entries = writes.map(({ key, placement }, index): CacheEntry => ({
      partition,
      key,
      value: copies[index],
      storedAt,
      expiresAt: storedAt + this.ttl,
      ...placement,
    }))
    await this.#use(
      'writing failed (storage full?), the value was not cached',
      undefined,
      (memory) => memory.putMany(partition, writes.map((write, index) => ({ ...write, value: copies[index] }))),
      (store) => store.putMany(entries),
    )
  }

  delete(partition: string, key: string): Promise<void> {
    return this.deleteMany(partition, [key])
  }

  deleteMany(partition: string, keys: readonly string[]): Promise<void> {
    if (keys.length === 0) return Promise.resolve()
    return this.#use(
      'deleting failed, the entry may be served until it expires',
      undefined,
      (memory) => memory.deleteMany(partition, keys),
      (store) => store.deleteMany(partition, keys),
    )
  }

  deleteByPrefix(partition: string, prefixes: readonly string[]): Promise<void> {
    if (prefixes.length === 0) return Promise.resolve()
    return this.#use(
      'deleting failed, entries may be served until they expire',
      undefined,
      (memory) => memory.deleteByPrefix(partition, prefixes),
      (store) => store.deleteByPrefix(partition, prefixes),
    )
  }

  keys(partition: string, prefix = ''): Promise<string[]> {
    return this.#use(
      'listing keys failed',
      [],
      (memory) => memory.keys(partition, prefix),
      (store) => store.keys(partition, prefix),
    )
  }

  range(partition: string, group: string, { from = -Infinity, to = Infinity, limit = Infinity }: CacheRange = {}): Promise<CacheEntry[]> {
    return this.#use(
      'reading a range failed',
      [],
      (memory) => memory.range(partition, group, { from, to, limit }),
      (store) => store.range(partition, group, from, to, limit),
    )
  }

  clear(partition?: string): Promise<void> {
    return this.#use(
      'clearing failed, entries may be served until they expire',
      undefined,
      (memory) => memory.clear(partition),
      (store) => store.clear(partition),
    )
  }

  entries(partition?: string): Promise<CacheEntry[]> {
    return this.#use(
      'listing entries failed',
      [],
      (memory) => memory.entries(partition),
      (store) => store.entries(partition),
    )
  }

  /** Closes the connection; a later call opens it again. */
  async close(): Promise<void> {
    const connecting = this.#connecting
    this.#connecting = undefined
    const backend = await connecting
    if (backend !== undefined && !(backend instanceof MemoryCache)) backend.close()
  }

  async #use<R>(
    failure: string,
    resultOnFailure: R,
    inMemory: (memory: MemoryCache) => Promise<R>,
    inDatabase: (store: IdbStore) => Promise<R>,
  ): Promise<R> {
    for (let attempt = 1; ; attempt++) {
      const connecting = this.#backend()
      const backend = await connecting
      if (backend instanceof MemoryCache) return inMemory(backend)
      try {
        return await inDatabase(backend)
      } catch (error) {
        // The connection closed under us (another tab upgrading, the browser): reopen it once.
        if (attempt === 1 && errorName(error) === 'InvalidStateError') {
          this.#forget(connecting)
          continue
        }
        this.#options.warn(`IndexedDB ${failure}`, error)
        return resultOnFailure
      }
    }
  }

  #backend(): Promise<Backend> {
    if (this.#connecting !== undefined) return this.#connecting
    if (this.#memory !== undefined) return (this.#connecting = Promise.resolve(this.#memory))
    const { name, now } = this.#options
    // Where IndexedDB is missing, neither the store's module nor idb is ever loaded.
    const opening = hasIndexedDB()
      ? import('./idb-store.ts').then(({ openIdbStore }) => openIdbStore(name, now, () => this.#forget(connecting)))
      : Promise.reject(new Error('this runtime has no IndexedDB'))
    const connecting: Promise<Backend> = opening.catch((error: unknown) => this.#fallBackToMemory(error))
    return (this.#connecting = connecting)
  }

  #forget(connecting: Promise<Backend>): void {
    if (this.#connecting === connecting) this.#connecting = undefined
  }

  #fallBackToMemory(cause: unknown): MemoryCache {
    const { name, ttl, now } = this.#options
    this.#memory = new MemoryCache({ name, ttl, now })
    this.#options.warn('IndexedDB is unavailable, caching in memory instead', cause)
    return this.#memory
  }
}
