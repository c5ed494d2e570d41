import { cloneValue } from './clone.ts'
import { isExpired } from './entry.ts'
import { compareStrings } from './key-order.ts'
import { SortedList } from './sorted-list.ts'
import type { Store } from './store.ts'
import type { CacheEntry } from './types.ts'

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
 * What `MemoryCache` (and an `IndexedDbCache` that fell back to memory) keeps, loaded on first use
 * so an app that caches in IndexedDB carries none of it up front. Entries live in `Map`s; keys and
 * ordered groups are also kept sorted, so prefix listings and ranges cost O(log n + what they find).
 * Values come in already copied and go out as copies.
 */
export class MemoryStore implements Store {
  readonly #partitions = new Map<string, Partition>()
  readonly #now: () => number

  constructor(now: () => number) {
    this.#now = now
  }

  find<T>(partition: string, key: string): T | undefined {
    return this.#find<T>(this.#partitions.get(partition), key, this.#now())
  }

  findMany<T>(partition: string, keys: readonly string[]): (T | undefined)[] {
    const entries = this.#partitions.get(partition)
    const now = this.#now()
    return keys.map((key) => this.#find<T>(entries, key, now))
  }

  putMany(entries: readonly CacheEntry[]): void {
    for (const { partition, key, value, storedAt, expiresAt, group, order } of entries) {
      let held = this.#partitions.get(partition)
      if (!held) this.#partitions.set(partition, (held = new Partition()))
      held.set(key, group === undefined ? { value, storedAt, expiresAt } : { value, storedAt, expiresAt, group, order: order! })
    }
  }

  deleteMany(partition: string, keys: readonly string[]): void {
    const entries = this.#partitions.get(partition)
    for (const key of keys) entries?.delete(key)
  }

  deleteByPrefix(partition: string, prefixes: readonly string[]): void {
    const entries = this.#partitions.get(partition)
    if (!entries) return
    for (const prefix of prefixes) for (const key of prefixed(entries, prefix)) entries.delete(key)
  }

  keys(partition: string, prefix: string): string[] {
    const entries = this.#partitions.get(partition)
    return entries ? [...prefixed(entries, prefix)] : []
  }

  range(partition: string, group: string, from: number, to: number, limit: number): CacheEntry[] {
    const entries = this.#partitions.get(partition)
    const placed = entries?.groups.get(group)
    if (!entries || !placed) return []
    const now = this.#now()
    const found: CacheEntry[] = []
    for (const [order, key] of placed.from([from, ''])) {
      if (order >= to || found.length >= limit) break
      const stored = entries.values.get(key)!
      if (isExpired(stored, now)) entries.delete(key)
      else found.push(entryOf(partition, key, stored))
    }
    return found
  }

  clear(partition?: string): void {
    if (partition === undefined) this.#partitions.clear()
    else this.#partitions.delete(partition)
  }

  entries(partition?: string): CacheEntry[] {
    const now = this.#now()
    const partitions = partition === undefined ? [...this.#partitions.keys()] : [partition]
    const listed: CacheEntry[] = []
    for (const name of partitions) {
      for (const [key, stored] of this.#partitions.get(name)?.values ?? []) {
        if (!isExpired(stored, now)) listed.push(entryOf(name, key, stored))
      }
    }
    return listed
  }

  /** Nothing to release. */
  close(): void {}

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
