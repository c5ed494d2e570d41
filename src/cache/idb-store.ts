import { isExpired } from './entry.ts'
import { openCacheDatabase } from './idb-open.ts'
import { withoutExtensions } from './key-order.ts'
import { ENTRY_STORE, ORDER_INDEX, partitionRange, prefixRange } from './idb-schema.ts'
import type { CacheConnection } from './idb-schema.ts'
import type { Store } from './store.ts'
import type { CacheEntry } from './types.ts'

/**
 * What `IndexedDbCache` does in the database, loaded (with `idb`) by its first call that needs the
 * database, so an app pays for none of it up front. Each method is one of the cache's, over an open
 * connection; failures are the caller's to handle.
 */
export class IdbStore implements Store {
  readonly #database: CacheConnection
  readonly #now: () => number

  constructor(database: CacheConnection, now: () => number) {
    this.#database = database
    this.#now = now
  }

  async find<T>(partition: string, key: string): Promise<T | undefined> {
    const entry = await this.#database.get(ENTRY_STORE, [partition, key])
    if (entry === undefined) return undefined
    if (!isExpired(entry, this.#now())) return entry.value as T
    await this.#deleteIfStillExpired([partition, key])
    return undefined
  }

  async findMany<T>(partition: string, keys: readonly string[]): Promise<(T | undefined)[]> {
    const transaction = this.#database.transaction(ENTRY_STORE)
    const found = await Promise.all(keys.map((key) => transaction.store.get([partition, key])))
    const now = this.#now()
    // Expired ones are misses here; they are deleted when found alone, or overwritten.
    return found.map((entry) => (entry === undefined || isExpired(entry, now) ? undefined : (entry.value as T)))
  }

  async putMany(entries: readonly CacheEntry[]): Promise<void> {
    const transaction = this.#database.transaction(ENTRY_STORE, 'readwrite')
    await Promise.all([...entries.map((entry) => transaction.store.put(entry)), transaction.done])
  }

  async deleteMany(partition: string, keys: readonly string[]): Promise<void> {
    const transaction = this.#database.transaction(ENTRY_STORE, 'readwrite')
    await Promise.all([...keys.map((key) => transaction.store.delete([partition, key])), transaction.done])
  }

  /**
   * One key cursor walks the prefixes in order, jumping from each to the next key that may start
   * with one: a run of prefixes with nothing under them costs one step, where a range delete per
   * prefix costs a request each (forgetting a thousand organizations names two thousand prefixes,
   * most of them empty). A prefix with entries is then dropped as one range, without reading it.
   */
  async deleteByPrefix(partition: string, prefixes: readonly string[]): Promise<void> {
    const sorted = withoutExtensions(prefixes)
    if (sorted.length === 0) return
    const transaction = this.#database.transaction(ENTRY_STORE, 'readwrite')
    const deletions: Promise<unknown>[] = []
    let next = 0
    let cursor = await transaction.store.openKeyCursor(IDBKeyRange.lowerBound([partition, sorted[0]!]))
    while (cursor && next < sorted.length) {
      const [keyPartition, key] = cursor.primaryKey
      if (keyPartition !== partition) break
      // The prefixes below `key` that were passed over have nothing under them.
      while (next + 1 < sorted.length && sorted[next + 1]! <= key) next++
      const prefix = sorted[next]!
      if (key.startsWith(prefix)) deletions.push(handled(transaction.store.delete(prefixRange(partition, prefix))))
      next++
      if (next >= sorted.length) break
      cursor = await cursor.continue([partition, sorted[next]!])
    }
    await Promise.all([...deletions, transaction.done])
  }

  async keys(partition: string, prefix: string): Promise<string[]> {
    const keys = await this.#database.getAllKeys(ENTRY_STORE, prefixRange(partition, prefix))
    return keys.map(([, key]) => key)
  }

  async range(partition: string, group: string, from: number, to: number, limit: number): Promise<CacheEntry[]> {
    const now = this.#now()
    const found: CacheEntry[] = []
    if (!(from < to) || limit <= 0) return found
    const bounds = IDBKeyRange.bound([partition, group, from], [partition, group, to], false, true)
    let cursor = await this.#database.transaction(ENTRY_STORE).store.index(ORDER_INDEX).openCursor(bounds)
    while (cursor && found.length < limit) {
      if (!isExpired(cursor.value, now)) found.push(cursor.value)
      cursor = await cursor.continue()
    }
    return found
  }

  clear(partition?: string): Promise<void> {
    return partition === undefined ? this.#database.clear(ENTRY_STORE) : this.#database.delete(ENTRY_STORE, partitionRange(partition))
  }

  async entries(partition?: string): Promise<CacheEntry[]> {
    const stored = await this.#database.getAll(ENTRY_STORE, partition === undefined ? undefined : partitionRange(partition))
    const now = this.#now()
    return stored.filter((entry) => !isExpired(entry, now))
  }

  close(): void {
    this.#database.close()
  }

  // Re-checked in a write transaction so a fresh value another tab just stored is kept.
  async #deleteIfStillExpired(key: [string, string]): Promise<void> {
    const transaction = this.#database.transaction(ENTRY_STORE, 'readwrite')
    const deletion = transaction.store.get(key).then((entry) => {
      if (entry !== undefined && isExpired(entry, this.#now())) return transaction.store.delete(key)
    })
    await Promise.all([deletion, transaction.done])
  }
}

/** Opens the cache database `name` (see {@link openCacheDatabase}) as a store. */
export async function openIdbStore(name: string, now: () => number, onClosed: () => void): Promise<IdbStore> {
  return new IdbStore(await openCacheDatabase(name, onClosed), now)
}

/** A request's promise, marked as handled: if the walk fails first, the transaction's failure is what the caller hears. */
function handled<T>(request: Promise<T>): Promise<T> {
  request.catch(() => {})
  return request
}
