import { cloneValue } from './clone.ts'
import { copyForStorage, isExpired } from './entry.ts'
import { resolveCacheOptions } from './options.ts'
import type { ResolvedCacheOptions } from './options.ts'
import type { CacheEntry, CacheOptions, TogglCache } from './types.ts'

type StoredValue = Omit<CacheEntry, 'partition' | 'key'>

/**
 * A {@link TogglCache} in a `Map`, for Node, Deno and anywhere IndexedDB is missing. Entries live
 * as long as the object; expiry is checked on read, so no timer ever keeps a process alive.
 *
 * @example
 * const cache = new MemoryCache({ ttl: 60_000 })
 */
export class MemoryCache implements TogglCache {
  readonly ttl: number
  readonly #options: ResolvedCacheOptions
  readonly #partitions = new Map<string, Map<string, StoredValue>>()

  constructor(options?: CacheOptions) {
    this.#options = resolveCacheOptions(options, 'MemoryCache')
    this.ttl = this.#options.ttl
  }

  async find<T>(partition: string, key: string): Promise<T | undefined> {
    const entries = this.#partitions.get(partition)
    const stored = entries?.get(key)
    if (stored === undefined) return undefined
    if (isExpired(stored, this.#options.now())) {
      entries?.delete(key)
      return undefined
    }
    return cloneValue(stored.value) as T
  }

  async put(partition: string, key: string, value: unknown): Promise<void> {
    if (this.ttl === 0) return
    const copy = copyForStorage('MemoryCache', key, value)
    const storedAt = this.#options.now()
    let entries = this.#partitions.get(partition)
    if (entries === undefined) this.#partitions.set(partition, (entries = new Map()))
    entries.set(key, { value: copy, storedAt, expiresAt: storedAt + this.ttl })
  }

  async delete(partition: string, key: string): Promise<void> {
    this.#partitions.get(partition)?.delete(key)
  }

  async clear(partition?: string): Promise<void> {
    if (partition === undefined) this.#partitions.clear()
    else this.#partitions.delete(partition)
  }

  async entries(partition?: string): Promise<CacheEntry[]> {
    const now = this.#options.now()
    const partitions = partition === undefined ? [...this.#partitions.keys()] : [partition]
    const listed: CacheEntry[] = []
    for (const name of partitions) {
      for (const [key, stored] of this.#partitions.get(name) ?? []) {
        if (isExpired(stored, now)) continue
        listed.push({ partition: name, key, ...stored, value: cloneValue(stored.value) })
      }
    }
    return listed
  }

  /** Nothing to release; resolves at once so callers can close any cache alike. */
  async close(): Promise<void> {}
}
