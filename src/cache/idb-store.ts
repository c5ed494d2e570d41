import type { IDBPObjectStore } from 'idb'
import { isExpired } from './entry.ts'
import { openCacheDatabase } from './idb-open.ts'
import { ENTRY_STORE, ORDER_INDEX, partitionRange, prefixRange } from './idb-schema.ts'
import type { CacheConnection, CacheDatabase } from './idb-schema.ts'
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

  async deleteByPrefix(partition: string, prefixes: readonly string[]): Promise<void> {
    const transaction = this.#database.transaction(ENTRY_STORE, 'readwrite')
    // A range delete: IndexedDB drops the whole key range without reading it first.
    const deletions = prefixes.map((prefix) =>
      prefix.endsWith('\uffff') ? deleteListed(transaction.store, partition, prefix) : transaction.store.delete(prefixRange(partition, prefix)),
    )
    await Promise.all([...deletions, transaction.done])
  }

  async keys(partition: string, prefix: string): Promise<string[]> {
    const keys = await this.#database.getAllKeys(ENTRY_STORE, prefixRange(partition, prefix))
    return keys.map(([, key]) => key).filter((key) => key.startsWith(prefix))
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

/** Deletes one by one the keys a range cannot bound exactly (a prefix ending in U+FFFF). */
async function deleteListed(store: IDBPObjectStore<CacheDatabase, [typeof ENTRY_STORE], typeof ENTRY_STORE, 'readwrite'>, partition: string, prefix: string): Promise<void> {
  const keys = await store.getAllKeys(prefixRange(partition, prefix))
  await Promise.all(keys.filter(([, key]) => key.startsWith(prefix)).map((key) => store.delete(key)))
}
