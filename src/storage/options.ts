import type { Storage } from 'unstorage'
import type { CacheOptions } from '../cache/types.ts'
import { resolveCacheOptions, type ResolvedCacheOptions } from '../cache/options.ts'
import { InputError } from '../core/errors.ts'

/** Options of {@link createStorageCache}: those of every cache, and how it treats a store that fails. */
export interface StorageCacheOptions extends CacheOptions {
  /**
   * The first segment of every storage key (`<name>:<partition>:…`): caches with different names
   * share a store without sharing entries.
   * @default 'togglkit'
   */
  name?: string
  /**
   * How long one step against the store may take, in ms, before the call carries on without the
   * cache (a read is a miss, a write is skipped). A large listing (`keys`, `range`) is one step.
   * @default 1_000
   */
  timeout?: number
  /**
   * After the store failed or was too slow, how long calls do without it (at once, without waiting
   * for it) before it is tried again, in ms.
   * @default 5_000
   */
  retryAfter?: number
}

export interface ResolvedStorageOptions extends ResolvedCacheOptions {
  timeout: number
  retryAfter: number
}

/** What a {@link StorageCache} calls on the store; every unstorage `Storage` has them. */
const STORAGE_METHODS = ['getItem', 'getItems', 'setItems', 'removeItem', 'getKeys'] as const

/** Checks the storage and options (throwing {@link InputError}) and fills in the defaults. */
export function resolveStorageOptions(storage: unknown, options: StorageCacheOptions = {}): ResolvedStorageOptions {
  const where = 'createStorageCache'
  if (!isStorage(storage)) {
    throw new InputError(`${where}: storage must be an unstorage Storage (e.g. createStorage({ driver: redisDriver({ url }) }))`)
  }
  const resolved = resolveCacheOptions(options, 'StorageCache')
  const { timeout = 1_000, retryAfter = 5_000 } = options
  if (typeof timeout !== 'number' || !(timeout > 0)) {
    throw new InputError(`${where}: timeout must be a number of milliseconds > 0 (or Infinity)`)
  }
  if (typeof retryAfter !== 'number' || !(retryAfter >= 0) || retryAfter === Infinity) {
    throw new InputError(`${where}: retryAfter must be a finite number of milliseconds ≥ 0`)
  }
  return { ...resolved, timeout, retryAfter }
}

function isStorage(value: unknown): value is Storage {
  return typeof value === 'object' && value !== null && STORAGE_METHODS.every((method) => typeof (value as Record<string, unknown>)[method] === 'function')
}
