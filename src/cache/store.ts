import type { CacheEntry } from './types.ts'

/**
 * What a cache adapter does in its storage, in a module of its own that the adapter loads on first
 * use (`MemoryStore`, `IdbStore`), so an app carries no storage code up front. The adapter checks
 * its arguments, copies and stamps what it stores and keeps the order of calls; a store only keeps.
 * Its methods answer at once or with a promise.
 */
export interface Store {
  find<T>(partition: string, key: string): Awaitable<T | undefined>
  findMany<T>(partition: string, keys: readonly string[]): Awaitable<(T | undefined)[]>
  putMany(entries: readonly CacheEntry[]): Awaitable<void>
  deleteMany(partition: string, keys: readonly string[]): Awaitable<void>
  deleteByPrefix(partition: string, prefixes: readonly string[]): Awaitable<void>
  keys(partition: string, prefix: string): Awaitable<string[]>
  range(partition: string, group: string, from: number, to: number, limit: number): Awaitable<CacheEntry[]>
  clear(partition?: string): Awaitable<void>
  entries(partition?: string): Awaitable<CacheEntry[]>
  close(): void
}

export type Awaitable<T> = T | Promise<T>
