import type { CacheChannel } from './channel.ts'

/** Options shared by every cache adapter. */
export interface CacheOptions {
  /**
   * The store's name: the IndexedDB database name. Caches with different names never share entries.
   * @default 'togglkit'
   */
  name?: string
  /**
   * How long an entry stays fresh, in milliseconds. `0` stores nothing; `Infinity` never expires.
   * @default 86_400_000 (one day)
   */
  ttl?: number
  /**
   * Told when the cache degrades instead of failing the call: IndexedDB would not open (the cache
   * falls back to memory), a write was refused (quota exceeded), a value nests too deeply to cache
   * (it is not stored), or a shared store (`createStorageCache`) is down, fails or is slower than
   * its `timeout` (reads miss, writes are skipped).
   * @default a single `console.warn` per cache
   */
  onWarning?: (message: string, cause?: unknown) => void
  /** The clock, in ms since the epoch; tests replace it. @default Date.now */
  now?: () => number
}

/** One stored value with its bookkeeping, as {@link TogglCache.entries} lists it. */
export interface CacheEntry {
  /** The account (and API) the entry belongs to; see `BasicAuth.accountKey()`. */
  partition: string
  key: string
  value: unknown
  /** When it was stored, ms since the epoch. */
  storedAt: number
  /** When it stops being served, ms since the epoch (`Infinity` for never). */
  expiresAt: number
  /** The ordered group it was filed in (see {@link CachePlacement}), if any. */
  group?: string
  /** Its place in that group. */
  order?: number
}

/**
 * Files an entry in an ordered group as well as under its key, so {@link TogglCache.range} can read
 * the group in order (time entries by their start, say) without scanning the cache.
 */
export interface CachePlacement {
  group: string
  /** A finite number or ±Infinity; entries of equal order come in key order. */
  order: number
}

/** One entry for {@link TogglCache.putMany}. */
export interface CacheWrite {
  key: string
  value: unknown
  placement?: CachePlacement
  /**
   * How long this entry stays, in ms (> 0, or `Infinity`), instead of the cache's `ttl`: for one
   * whose freshness the caller keeps in an entry of its own (a complete list keeps its members for
   * two `ttl`s, so a fresh listing need not write again the thousands that did not change). An
   * adapter that ignores it only makes the caller fetch sooner. Nothing is stored while `ttl` is 0.
   * @default the cache's `ttl`
   */
  ttl?: number
}

/** Which part of an ordered group {@link TogglCache.range} reads. */
export interface CacheRange {
  /** The smallest order included. @default -Infinity */
  from?: number
  /** The smallest order no longer included. @default Infinity */
  to?: number
  /** At most this many entries, the first ones in order. @default all */
  limit?: number
}

/**
 * Where endpoints keep models between calls. Every method is keyed by a partition (one per Toggl
 * account and API), so one cache can serve several accounts without mixing them. Values go in and
 * come out as structured clones: mutating a returned model never changes what is stored.
 *
 * Each method is one step over a key-value store: an adapter over any store that can get, set and
 * delete a key and list keys in order (or by prefix) can implement all of them. Adapters keep the
 * cost of one key independent of how many entries are cached: a Map costs O(1), IndexedDB O(log n).
 */
export interface TogglCache {
  /** Freshness of new entries in ms (`0`: the cache stores nothing). */
  readonly ttl: number
  /**
   * `true` when every value it returns was stored by this very process (a memory cache), so an
   * endpoint may serve it without checking it against its schema again. A store that other tabs,
   * processes or older versions of togglkit also write leaves this `false` or out.
   */
  readonly trusted?: boolean
  /** The unexpired value under `key`, or `undefined`. */
  find<T>(partition: string, key: string): Promise<T | undefined>
  /** The unexpired values under `keys`, in the same order (`undefined` for a miss); one round trip. */
  findMany<T>(partition: string, keys: readonly string[]): Promise<(T | undefined)[]>
  /** Stores `value` (structured-clonable) under `key` for `ttl` ms, filed under `placement` if given. */
  put(partition: string, key: string, value: unknown, placement?: CachePlacement): Promise<void>
  /** Stores several values at once (one transaction where the store has them). */
  putMany(partition: string, writes: readonly CacheWrite[]): Promise<void>
  delete(partition: string, key: string): Promise<void>
  deleteMany(partition: string, keys: readonly string[]): Promise<void>
  /** Removes every entry whose key starts with one of `prefixes` (one transaction where the store has them). */
  deleteByPrefix(partition: string, prefixes: readonly string[]): Promise<void>
  /**
   * The keys that start with `prefix` (all, without one), in code-unit order. An entry that expired
   * but was not removed yet may be listed: these are for finding what to drop, not what to serve.
   */
  keys(partition: string, prefix?: string): Promise<string[]>
  /**
   * The unexpired entries filed in `group` whose order lies in the range, ascending by order (then
   * key); costs O(log n + what it returns).
   */
  range(partition: string, group: string, range?: CacheRange): Promise<CacheEntry[]>
  /** Removes every entry of `partition`, or of every partition when it is omitted. */
  clear(partition?: string): Promise<void>
  /** The unexpired entries of `partition` (or of all partitions), for inspection. */
  entries(partition?: string): Promise<CacheEntry[]>
  /** Releases the underlying store (closes the IndexedDB connection). */
  close(): Promise<void>
  /**
   * How instances on the same store hear of each other's writes (tabs on one IndexedDB database,
   * caches of one name): endpoints announce what a write to Toggl changed here, and every other
   * instance stops trusting what it held or was about to store. Absent: no other instance can
   * see this store.
   */
  readonly channel?: CacheChannel | undefined
  /**
   * Runs `task` while no other holder of the lock `name` on this store runs one (across tabs for
   * IndexedDB, across processes for a shared store), so concurrent syncs send one request
   * between them. Absent: endpoints lock within this realm.
   */
  lock?<T>(name: string, task: () => Promise<T>): Promise<T>
}

/** One day: organizations change rarely, and every request spent counts against the quota. */
export const DEFAULT_TTL = 86_400_000
export const DEFAULT_CACHE_NAME = 'togglkit'
