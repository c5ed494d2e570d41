import { cloneValue } from './clone.ts'
import { copiesForStorage, isExpired } from './entry.ts'
import { resolveCacheOptions } from './options.ts'
import type { ResolvedCacheOptions } from './options.ts'
import { broadcastChannelFor, type CacheChannel, type CacheChange } from './channel.ts'
import { realmLock } from './lock.ts'
import { compareStrings, SortedList } from './sorted-list.ts'
import type { CacheEntry, CacheOptions, CachePlacement, CacheRange, CacheWrite, TogglCache } from './types.ts'

type StoredValue = Omit<CacheEntry, 'partition' | 'key'>
type Placed = readonly [order: number, key: string]

const comparePlaced = (a: Placed, b: Placed): number => a[0] - b[0] || compareStrings(a[1], b[1])

/** One account's entries: by key, and in order for key prefixes and for each ordered group. */
class Partition {
  readonly values = new Map<string, StoredValue>()
  readonly keys = new SortedList<string>(compareStrings)
  readonly groups = new Map<string, SortedList<Placed>>()

  set(key: string, stored: StoredValue): void {
    const previous = this.values.get(key)
    if (previous === undefined) this.keys.add(key)
    else this.#unplace(key, previous)
    this.values.set(key, stored)
    if (stored.group !== undefined) {
      let group = this.groups.get(stored.group)
      if (!group) this.groups.set(stored.group, (group = new SortedList(comparePlaced)))
      group.add([stored.order!, key])
    }
  }

  delete(key: string): void {
    const previous = this.values.get(key)
    if (previous === undefined) return
    this.values.delete(key)
    this.keys.delete(key)
    this.#unplace(key, previous)
  }

  #unplace(key: string, stored: StoredValue): void {
    if (stored.group !== undefined) this.groups.get(stored.group)?.delete([stored.order!, key])
  }
}

/**
 * A {@link TogglCache} in a `Map`, for Node, Deno and anywhere IndexedDB is missing. Entries live
 * as long as the object; expiry is checked on read, so no timer ever keeps a process alive. Keys and
 * ordered groups are also kept sorted, so prefix listings and ranges cost O(log n + what they find).
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
  readonly #options: ResolvedCacheOptions
  readonly #partitions = new Map<string, Partition>()

  constructor(options?: CacheOptions) {
    this.#options = resolveCacheOptions(options, 'MemoryCache')
    this.ttl = this.#options.ttl
    this.channel = broadcastChannelFor(`memory:${this.#options.name}`)
    // Another instance changed its copy of these entries in Toggl: ours are stale, so they go.
    this.channel?.subscribe((message) => message.type === 'change' && this.#forget(message))
  }

  /** Locks within this realm: no other tab can see this store, so none would share a sync. */
  lock<T>(name: string, task: () => Promise<T>): Promise<T> {
    return realmLock(`memory:${this.#options.name}:${name}`, task)
  }

  async find<T>(partition: string, key: string): Promise<T | undefined> {
    return this.#find<T>(this.#partitions.get(partition), key, this.#options.now())
  }

  async findMany<T>(partition: string, keys: readonly string[]): Promise<(T | undefined)[]> {
    const entries = this.#partitions.get(partition)
    const now = this.#options.now()
    return keys.map((key) => this.#find<T>(entries, key, now))
  }

  async put(partition: string, key: string, value: unknown, placement?: CachePlacement): Promise<void> {
    await this.putMany(partition, [placement === undefined ? { key, value } : { key, value, placement }])
  }

  async putMany(partition: string, writes: readonly CacheWrite[]): Promise<void> {
    if (this.ttl === 0) return
    const storedAt = this.#options.now()
    // Every value is copied before the first is stored, so a refused one leaves nothing half-written.
    const copies = copiesForStorage('MemoryCache', writes, this.#options.warn)
    // What the keys held is older than what could not be stored: it must not be served instead.
    if (copies === undefined) return this.deleteMany(partition, writes.map(({ key }) => key))
    let entries = this.#partitions.get(partition)
    if (!entries) this.#partitions.set(partition, (entries = new Partition()))
    writes.forEach(({ key, placement }, index) => {
      const stored: StoredValue = { value: copies[index], storedAt, expiresAt: storedAt + this.ttl }
      if (placement !== undefined) Object.assign(stored, placement)
      entries.set(key, stored)
    })
  }

  async delete(partition: string, key: string): Promise<void> {
    this.#partitions.get(partition)?.delete(key)
  }

  async deleteMany(partition: string, keys: readonly string[]): Promise<void> {
    const entries = this.#partitions.get(partition)
    for (const key of keys) entries?.delete(key)
  }

  async deleteByPrefix(partition: string, prefixes: readonly string[]): Promise<void> {
    this.#forget({ type: 'change', partition, prefixes: [...prefixes] })
  }

  async keys(partition: string, prefix = ''): Promise<string[]> {
    const entries = this.#partitions.get(partition)
    return entries ? [...prefixed(entries, prefix)] : []
  }

  async range(partition: string, group: string, { from = -Infinity, to = Infinity, limit = Infinity }: CacheRange = {}): Promise<CacheEntry[]> {
    const entries = this.#partitions.get(partition)
    const placed = entries?.groups.get(group)
    if (!entries || !placed) return []
    const now = this.#options.now()
    const found: CacheEntry[] = []
    for (const [order, key] of placed.from([from, ''])) {
      if (order >= to || found.length >= limit) break
      const stored = entries.values.get(key)!
      if (isExpired(stored, now)) entries.delete(key)
      else found.push(entryOf(partition, key, stored))
    }
    return found
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
      for (const [key, stored] of this.#partitions.get(name)?.values ?? []) {
        if (!isExpired(stored, now)) listed.push(entryOf(name, key, stored))
      }
    }
    return listed
  }

  /** Nothing to release; resolves at once so callers can close any cache alike. */
  async close(): Promise<void> {}

  #forget({ partition, keys = [], prefixes = [] }: CacheChange): void {
    if (partition === undefined) return this.#partitions.clear()
    const entries = this.#partitions.get(partition)
    if (!entries) return
    for (const key of keys) entries.delete(key)
    for (const prefix of prefixes) for (const key of prefixed(entries, prefix)) entries.delete(key)
  }

  /** The value under `key` as a copy, or `undefined`; an expired entry is let go on the way. */
  #find<T>(entries: Partition | undefined, key: string, now: number): T | undefined {
    const stored = entries?.values.get(key)
    if (stored === undefined) return undefined
    if (isExpired(stored, now)) {
      entries!.delete(key)
      return undefined
    }
    return cloneValue(stored.value) as T
  }
}

/** The keys that start with `prefix`, in order; `from` reads chunk copies, so deleting them on the way is safe. */
function* prefixed(entries: Partition, prefix: string): Generator<string, void, undefined> {
  for (const key of entries.keys.from(prefix)) {
    if (!key.startsWith(prefix)) return
    yield key
  }
}

function entryOf(partition: string, key: string, stored: StoredValue): CacheEntry {
  return { partition, key, ...stored, value: cloneValue(stored.value) }
}
