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
   * falls back to memory) or a write was refused (quota exceeded).
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
}

/**
 * Where endpoints keep models between calls. Every method is keyed by a partition (one per Toggl
 * account and API), so one cache can serve several accounts without mixing them. Values go in and
 * come out as structured clones: mutating a returned model never changes what is stored.
 */
export interface TogglCache {
  /** Freshness of new entries in ms (`0`: the cache stores nothing). */
  readonly ttl: number
  /** The unexpired value under `key`, or `undefined`. */
  find<T>(partition: string, key: string): Promise<T | undefined>
  /** Stores `value` (structured-clonable) under `key` for `ttl` ms. */
  put(partition: string, key: string, value: unknown): Promise<void>
  delete(partition: string, key: string): Promise<void>
  /** Removes every entry of `partition`, or of every partition when it is omitted. */
  clear(partition?: string): Promise<void>
  /** The unexpired entries of `partition` (or of all partitions), for inspection. */
  entries(partition?: string): Promise<CacheEntry[]>
  /** Releases the underlying store (closes the IndexedDB connection). */
  close(): Promise<void>
}

/** One day: organizations change rarely, and every request spent counts against the quota. */
export const DEFAULT_TTL = 86_400_000
export const DEFAULT_CACHE_NAME = 'togglkit'
