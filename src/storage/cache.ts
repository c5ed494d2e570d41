import type { Storage, StorageValue } from 'unstorage'
import { isExpired, tooDeepToStore, writeTtl } from '../cache/entry.ts'
import { compareStrings, startsWithKept, withoutExtensions } from '../cache/key-order.ts'
import type { CacheEntry, CachePlacement, CacheRange, CacheWrite, TogglCache } from '../cache/types.ts'
import { InputError } from '../core/errors.ts'
import { StoreAccess } from './access.ts'
import { KeyLayout, newWriteId, type IndexAddress } from './layout.ts'
import { resolveStorageOptions, type ResolvedStorageOptions, type StorageCacheOptions } from './options.ts'
import { StoreLock } from './lock.ts'
import { PendingDeletions, type DeletionBatch } from './pending.ts'
import { readRecord, recordText, type EntryRecord } from './record.ts'

const ADAPTER = 'StorageCache'
/** What an index key holds: only its name matters. */
const FILED = 1
/** A range reads the records of its candidates in batches of at least this many. */
const MIN_RANGE_BATCH = 16

/**
 * A {@link TogglCache} in an unstorage `Storage` (Redis, Cloudflare KV, Deno KV, the file system…),
 * shared by every process and machine that opens the same store: what one writes, the next read of
 * another sees. Values are stored as JSON records with a format version (see record.ts) under keys
 * laid out per account (see layout.ts), and expire through the driver's own expiry where it has one.
 *
 * It never fails a call because of the store: a store that is down, fails or is slower than
 * `timeout` makes reads misses and writes skipped, `onWarning` is told, and the store is left alone
 * for `retryAfter` ms. The keys it failed to delete or write meanwhile are deleted before the store
 * is used again, so nothing this process made stale is served once the store is back.
 */
export class StorageCache implements TogglCache {
  readonly ttl: number
  /** Other processes write the store too, so endpoints check what it returns against their schemas. */
  readonly trusted = false
  /** The store, as given; {@link close} leaves it open (dispose of it yourself). */
  readonly storage: Storage
  readonly #options: ResolvedStorageOptions
  readonly #layout: KeyLayout
  readonly #access: StoreAccess
  readonly #pending = new PendingDeletions()
  readonly #lock: StoreLock
  #flushing: Promise<boolean> | undefined

  constructor(storage: Storage, options?: StorageCacheOptions) {
    this.#options = resolveStorageOptions(storage, options)
    this.storage = storage
    this.ttl = this.#options.ttl
    this.#layout = new KeyLayout(this.#options.name)
    this.#access = new StoreAccess(this.#options)
    this.#lock = new StoreLock(storage, this.#access, (name) => this.#layout.lockKey(name))
  }

  /**
   * Runs `task` while no other holder of `name` runs one: across every process on the store where
   * it has an atomic lock (Redis: `SET NX PX`, 30 s at most), else within this process.
   */
  lock<T>(name: string, task: () => Promise<T>): Promise<T> {
    return this.#lock.run(name, task)
  }

  async find<T>(partition: string, key: string): Promise<T | undefined> {
    return this.#read('reading failed, treated as a miss', undefined, async () => {
      const record = readRecord(await this.storage.getItem(this.#layout.entryKey(partition, key)))
      return record === undefined || isExpired(record, this.#options.now()) ? undefined : (record.value as T)
    })
  }

  async findMany<T>(partition: string, keys: readonly string[]): Promise<(T | undefined)[]> {
    const misses = keys.map(() => undefined)
    if (keys.length === 0) return misses
    return this.#read('reading failed, treated as misses', misses, async () => {
      const records = await this.#records(partition, keys)
      const now = this.#options.now()
      return keys.map((key) => {
        const record = records.get(key)
        return record === undefined || isExpired(record, now) ? undefined : (record.value as T)
      })
    })
  }

  async put(partition: string, key: string, value: unknown, placement?: CachePlacement): Promise<void> {
    await this.putMany(partition, [placement === undefined ? { key, value } : { key, value, placement }])
  }

  /**
   * Writes every record, then the index keys of those filed in a group (so an index key always
   * names a record that was written). Costs two round trips where the driver pipelines, for each
   * expiry the batch's entries have (in the order they first appear).
   */
  async putMany(partition: string, writes: readonly CacheWrite[]): Promise<void> {
    if (this.ttl === 0 || writes.length === 0) return
    // Nothing of a batch that cannot be stored whole; what its keys held is older, so it goes too.
    if (tooDeepToStore(writes, this.#options.warn)) return this.deleteMany(partition, writes.map(({ key }) => key))
    const storedAt = this.#options.now()
    // Every value is turned to JSON before the first is stored, so a refused one leaves nothing half-written.
    const prepared = writes.map((write) => {
      const { key, value, placement } = write
      const ttl = writeTtl(ADAPTER, write, this.ttl)
      const record: EntryRecord = { storedAt, expiresAt: storedAt + ttl, value }
      let index: { key: string; value: StorageValue } | undefined
      if (placement !== undefined) {
        const { group, order } = checkedPlacement(placement, key)
        const writeId = newWriteId()
        Object.assign(record, { group, order, write: writeId })
        index = { key: this.#layout.indexKey({ partition, key, group, order, write: writeId }), value: FILED }
      }
      return { key, ttl, record: { key: this.#layout.entryKey(partition, key), value: recordText(ADAPTER, key, record) }, index }
    })
    // The last write of a key wins, as one after the other would; a store given both at once may not keep that order.
    const last = [...new Map(prepared.map((write) => [write.key, write])).values()]
    // The driver's own expiry (Redis EX…) frees the store of what no longer counts: one batch per expiry.
    const batches = [...new Set(last.map(({ ttl }) => ttl))].map((ttl) => ({
      options: Number.isFinite(ttl) ? { ttl: Math.ceil(ttl / 1000) } : {},
      writes: last.filter((write) => write.ttl === ttl),
    }))
    const stored = await this.#write('writing failed, the values were not cached (and older ones will be deleted)', async () => {
      for (const { options, writes } of batches) await this.storage.setItems(writes.map(({ record }) => record), options)
      for (const { options, writes } of batches) {
        const indexes = writes.flatMap(({ index }) => (index === undefined ? [] : [index]))
        if (indexes.length > 0) await this.storage.setItems(indexes, options)
      }
    })
    // The store may still hold what these values replace (or a record without its index key, or the
    // write may land late): deleting the keys once it answers again means none of that is served.
    if (!stored) this.#pending.keys(partition, last.map(({ key }) => key))
  }

  delete(partition: string, key: string): Promise<void> {
    return this.deleteMany(partition, [key])
  }

  /** Removes the records; their index keys, if any, are dropped by the next range that meets them. */
  async deleteMany(partition: string, keys: readonly string[]): Promise<void> {
    if (keys.length === 0) return
    const deleted = await this.#write('deleting failed, the entries will be deleted when the store answers again', () => this.#removeKeys(partition, keys))
    if (!deleted) this.#pending.keys(partition, keys)
  }

  /** Lists the partition once, then removes each record and index key whose key matches. */
  async deleteByPrefix(partition: string, prefixes: readonly string[]): Promise<void> {
    if (prefixes.length === 0) return
    const deleted = await this.#write('deleting failed, the entries will be deleted when the store answers again', () => this.#removePrefixed(partition, prefixes))
    if (!deleted) this.#pending.prefixes(partition, prefixes)
  }

  /** One listing of the partition's records. */
  async keys(partition: string, prefix = ''): Promise<string[]> {
    return this.#read('listing keys failed', [], async () => {
      const listed = await this.storage.getKeys(this.#layout.entryBase(partition))
      const keys: string[] = []
      for (const storageKey of listed) {
        const address = this.#layout.parse(storageKey)
        if (address?.kind === 'entry' && address.partition === partition && address.key.startsWith(prefix)) keys.push(address.key)
      }
      return keys.sort(compareStrings)
    })
  }

  /**
   * One listing of the group's index keys, then the records of those in range, in order, in
   * batches until `limit` is met. An entry counts where its record says it is filed; an index key
   * whose record was since rewritten, moved or deleted is left out and removed.
   */
  async range(partition: string, group: string, { from = -Infinity, to = Infinity, limit = Infinity }: CacheRange = {}): Promise<CacheEntry[]> {
    if (!(from < to) || limit <= 0) return []
    return this.#read('reading a range failed', [], async () => {
      const candidates: IndexAddress[] = []
      for (const storageKey of await this.storage.getKeys(this.#layout.groupBase(partition, group))) {
        const address = this.#layout.parse(storageKey)
        if (address?.kind === 'index' && address.partition === partition && address.group === group && address.order >= from && address.order < to) candidates.push(address)
      }
      candidates.sort((a, b) => a.order - b.order || compareStrings(a.key, b.key))
      const found: CacheEntry[] = []
      const listed = new Set<string>()
      const stale: string[] = []
      const now = this.#options.now()
      for (let start = 0; start < candidates.length && found.length < limit; ) {
        const batch = candidates.slice(start, (start += Math.max(limit - found.length, MIN_RANGE_BATCH)))
        const records = await this.#records(partition, [...new Set(batch.map(({ key }) => key))])
        for (const index of batch) {
          const record = records.get(index.key)
          // Records are written before their index keys, so one naming another write will never match again.
          if (record?.write !== index.write) stale.push(this.#layout.indexKey(index))
          if (record === undefined || record.group !== group || record.order !== index.order || isExpired(record, now)) continue
          if (listed.has(index.key) || found.length >= limit) continue
          listed.add(index.key)
          found.push(entryOf(partition, index.key, record))
        }
      }
      await Promise.all(stale.map((key) => this.storage.removeItem(key)))
      return found
    })
  }

  /** Lists what it removes, then removes it key by key. */
  async clear(partition?: string): Promise<void> {
    if (partition !== undefined) return this.deleteByPrefix(partition, [''])
    const cleared = await this.#write('clearing failed, the cache will be cleared when the store answers again', () => this.#removeAll())
    if (!cleared) this.#pending.everything()
  }

  async entries(partition?: string): Promise<CacheEntry[]> {
    return this.#read('listing entries failed', [], async () => {
      const base = partition === undefined ? this.#layout.namespace : this.#layout.entryBase(partition)
      const byPartition = new Map<string, string[]>()
      for (const storageKey of await this.storage.getKeys(base)) {
        const address = this.#layout.parse(storageKey)
        if (address?.kind !== 'entry' || (partition !== undefined && address.partition !== partition)) continue
        let keys = byPartition.get(address.partition)
        if (!keys) byPartition.set(address.partition, (keys = []))
        keys.push(address.key)
      }
      const now = this.#options.now()
      const listed: CacheEntry[] = []
      for (const [name, keys] of byPartition) {
        for (const [key, record] of await this.#records(name, keys)) {
          if (!isExpired(record, now)) listed.push(entryOf(name, key, record))
        }
      }
      return listed
    })
  }

  /** Waits for deletions being re-applied; the store itself stays open (it is the caller's). */
  async close(): Promise<void> {
    await this.#flushing
  }

  /** The readable records under `keys`, by key; one round trip where the driver has `getItems`. */
  async #records(partition: string, keys: readonly string[]): Promise<Map<string, EntryRecord>> {
    const keyOf = new Map(keys.map((key) => [this.#layout.entryKey(partition, key), key]))
    const records = new Map<string, EntryRecord>()
    if (keyOf.size === 0) return records
    for (const { key: storageKey, value } of await this.storage.getItems([...keyOf.keys()])) {
      const key = keyOf.get(storageKey)
      const record = readRecord(value)
      if (key !== undefined && record !== undefined) records.set(key, record)
    }
    return records
  }

  #removeKeys(partition: string, keys: Iterable<string>): Promise<unknown> {
    return Promise.all([...keys].map((key) => this.storage.removeItem(this.#layout.entryKey(partition, key))))
  }

  async #removePrefixed(partition: string, prefixes: Iterable<string>): Promise<void> {
    const kept = withoutExtensions([...prefixes])
    const listed = await this.storage.getKeys(this.#layout.partitionBase(partition))
    // '' (clear) takes everything under the partition, whatever wrote it (every other prefix extends it, so it is kept alone).
    const doomed = kept[0] === ''
      ? listed
      : listed.filter((storageKey) => {
          const address = this.#layout.parse(storageKey)
          return address !== undefined && address.partition === partition && startsWithKept(kept, address.key)
        })
    await Promise.all(doomed.map((storageKey) => this.storage.removeItem(storageKey)))
  }

  // Listed and removed key by key: unstorage's fs and memory drivers clear the whole store, whatever base they are given.
  async #removeAll(): Promise<void> {
    const listed = await this.storage.getKeys(this.#layout.namespace)
    await Promise.all(listed.map((storageKey) => this.storage.removeItem(storageKey)))
  }

  /** A read: `fallback` when the store is out of use, failed or is too slow. */
  async #read<R>(failure: string, fallback: R, step: () => Promise<R>): Promise<R> {
    if (!(await this.#caughtUp())) return fallback
    const result = await this.#access.attempt(failure, step)
    return result === undefined ? fallback : result.value
  }

  /** A write: whether it was applied (a `false` may still land later). */
  async #write(failure: string, step: () => Promise<unknown>): Promise<boolean> {
    if (!(await this.#caughtUp())) return false
    return (await this.#access.attempt(failure, step)) !== undefined
  }

  /** Applies the deletions the store missed, first; whether the store can be used now. */
  #caughtUp(): Promise<boolean> {
    if (this.#pending.empty) return Promise.resolve(true)
    return (this.#flushing ??= this.#applyPending().finally(() => (this.#flushing = undefined)))
  }

  async #applyPending(): Promise<boolean> {
    const batch = this.#pending.take()
    const applied = await this.#access.attempt('deleting what it missed failed, it will be retried', () => this.#applyBatch(batch))
    if (applied === undefined) this.#pending.restore(batch)
    return applied !== undefined
  }

  async #applyBatch({ everything, partitions }: DeletionBatch): Promise<void> {
    if (everything) return this.#removeAll()
    await Promise.all(
      [...partitions].map(([partition, { keys, prefixes }]) =>
        Promise.all([this.#removeKeys(partition, keys), prefixes.size > 0 ? this.#removePrefixed(partition, prefixes) : undefined]),
      ),
    )
  }
}

/**
 * A cache over an unstorage `Storage`, shared by every process that opens the same store.
 * `unstorage` is an optional peer dependency: only apps that import `togglkit/storage` need it.
 *
 * @example
 * import { createStorage } from 'unstorage'
 * import redisDriver from 'unstorage/drivers/redis'
 * import { createStorageCache } from 'togglkit/storage'
 *
 * const storage = createStorage({ driver: redisDriver({ url: process.env.REDIS_URL, scanCount: 1000 }) })
 * const organizations = new OrganizationEndpoint(auth, createStorageCache(storage, { ttl: 3_600_000 }))
 */
export function createStorageCache(storage: Storage, options?: StorageCacheOptions): StorageCache {
  return new StorageCache(storage, options)
}

/** A record as {@link TogglCache.entries} lists it: the write id is the adapter's own. */
function entryOf(partition: string, key: string, { write: _write, ...record }: EntryRecord): CacheEntry {
  return { partition, key, ...record }
}

function checkedPlacement(placement: CachePlacement, key: string): CachePlacement {
  const { group, order } = (typeof placement === 'object' && placement !== null ? placement : {}) as Partial<CachePlacement>
  if (typeof group !== 'string' || typeof order !== 'number' || Number.isNaN(order)) {
    throw new InputError(`${ADAPTER}.put: the placement of "${key}" must be { group: string, order: number }`)
  }
  return { group, order }
}
