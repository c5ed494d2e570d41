import { copyForStorage, errorName, isExpired } from './entry.ts'
import { openCacheDatabase } from './idb-open.ts'
import { ENTRY_STORE, PARTITION_INDEX } from './idb-schema.ts'
import type { CacheConnection } from './idb-schema.ts'
import { MemoryCache } from './memory.ts'
import { resolveCacheOptions } from './options.ts'
import type { ResolvedCacheOptions } from './options.ts'
import type { CacheEntry, CacheOptions, TogglCache } from './types.ts'

type Backend = CacheConnection | MemoryCache

/**
 * A {@link TogglCache} in IndexedDB (through `idb`, loaded on first use), so cached models survive
 * page reloads and are shared by the tabs of an origin. It never fails a call: when IndexedDB is
 * missing, will not open or is blocked, it caches in memory instead and calls `onWarning` once; a
 * refused write (quota exceeded) resolves and warns; a failed read finds nothing.
 *
 * @example
 * const cache = new IndexedDbCache({ name: 'my-app', ttl: 3_600_000 })
 */
export class IndexedDbCache implements TogglCache {
  readonly ttl: number
  readonly #options: ResolvedCacheOptions
  #connecting: Promise<Backend> | undefined
  /** Set once IndexedDB failed to open; the cache stays in memory from then on. */
  #memory: MemoryCache | undefined

  constructor(options?: CacheOptions) {
    this.#options = resolveCacheOptions(options, 'IndexedDbCache')
    this.ttl = this.#options.ttl
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
      async (database) => {
        const entry = await database.get(ENTRY_STORE, [partition, key])
        if (entry === undefined) return undefined
        if (!isExpired(entry, this.#options.now())) return entry.value as T
        await this.#deleteIfStillExpired(database, [partition, key])
        return undefined
      },
    )
  }

  async put(partition: string, key: string, value: unknown): Promise<void> {
    if (this.ttl === 0) return
    // Copied before the first await: the caller may change the object while the database opens.
    const copy = copyForStorage('IndexedDbCache', key, value)
    const storedAt = this.#options.now()
    const entry: CacheEntry = { partition, key, value: copy, storedAt, expiresAt: storedAt + this.ttl }
    await this.#use(
      'writing failed (storage full?), the value was not cached',
      undefined,
      (memory) => memory.put(partition, key, copy),
      async (database) => {
        await database.put(ENTRY_STORE, entry)
      },
    )
  }

  delete(partition: string, key: string): Promise<void> {
    return this.#use(
      'deleting failed, the entry may be served until it expires',
      undefined,
      (memory) => memory.delete(partition, key),
      (database) => database.delete(ENTRY_STORE, [partition, key]),
    )
  }

  clear(partition?: string): Promise<void> {
    return this.#use(
      'clearing failed, entries may be served until they expire',
      undefined,
      (memory) => memory.clear(partition),
      (database) =>
        partition === undefined
          ? database.clear(ENTRY_STORE)
          : // Arrays sort after strings, so [partition, []] bounds every [partition, key].
            database.delete(ENTRY_STORE, IDBKeyRange.bound([partition], [partition, []])),
    )
  }

  entries(partition?: string): Promise<CacheEntry[]> {
    return this.#use(
      'listing entries failed',
      [],
      (memory) => memory.entries(partition),
      async (database) => {
        const stored =
          partition === undefined
            ? await database.getAll(ENTRY_STORE)
            : await database.getAllFromIndex(ENTRY_STORE, PARTITION_INDEX, partition)
        const now = this.#options.now()
        return stored.filter((entry) => !isExpired(entry, now))
      },
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
    inDatabase: (database: CacheConnection) => Promise<R>,
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
    const connecting: Promise<Backend> = openCacheDatabase(this.#options.name, () =>
      this.#forget(connecting),
    ).catch((error: unknown) => this.#fallBackToMemory(error))
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

  // Re-checked in a write transaction so a fresh value another tab just stored is kept.
  async #deleteIfStillExpired(database: CacheConnection, key: [string, string]): Promise<void> {
    const transaction = database.transaction(ENTRY_STORE, 'readwrite')
    const deletion = transaction.store.get(key).then((entry) => {
      if (entry !== undefined && isExpired(entry, this.#options.now())) return transaction.store.delete(key)
    })
    await Promise.all([deletion, transaction.done])
  }
}
