import { InputError } from '../core/errors.ts'
import { cloneValue, MAX_CLONE_DEPTH, nestsWithin } from './clone.ts'
import type { CacheEntry, CacheWrite } from './types.ts'

/**
 * Whether an entry has stopped being served at `now` (ms since the epoch). A record whose
 * `expiresAt` is missing or no number (another version wrote it, or storage damaged it) has.
 */
export function isExpired(entry: { expiresAt: unknown }, now: number): boolean {
  return !(typeof entry.expiresAt === 'number' && now < entry.expiresAt)
}

/**
 * The copy a cache keeps, taken at call time so later changes to the caller's object never reach
 * the store. A value structured cloning refuses (a function, a DOM node…) is the caller's mistake;
 * one nested too deeply to copy throws a `RangeError` (see {@link entriesForStorage}).
 */
function copyForStorage(adapter: string, key: string, value: unknown): unknown {
  try {
    return cloneValue(value)
  } catch (error) {
    if (errorName(error) !== 'DataCloneError') throw error
    throw new InputError(`${adapter}.put: the value for "${key}" cannot be structured-cloned`, { cause: error })
  }
}

/**
 * The entries a batch of writes stores, each value copied now and stamped `storedAt` for `ttl` ms
 * (or the write's own, see {@link writeTtl});
 * `undefined` after one warning when a value nests too deeply to copy (a hostile or broken reply):
 * then nothing of the batch is stored (the adapter drops what its keys held), and the call that
 * stores it goes on uncached, since a cache must never fail a call.
 */
export function entriesForStorage(
  adapter: string,
  partition: string,
  writes: readonly CacheWrite[],
  storedAt: number,
  ttl: number,
  warn: (message: string, cause?: unknown) => void,
): CacheEntry[] | undefined {
  const entries: CacheEntry[] = []
  for (const write of writes) {
    const { key, value, placement } = write
    const expiresAt = storedAt + writeTtl(adapter, write, ttl)
    try {
      entries.push({ partition, key, value: copyForStorage(adapter, key, value), storedAt, expiresAt, ...placement })
    } catch (error) {
      if (!(error instanceof RangeError)) throw error
      warn(`"${key}" nests over ${MAX_CLONE_DEPTH} levels deep: not cached`, error)
      return undefined
    }
  }
  return entries
}

/** How long a write's entry stays: its own `ttl` when it gives one (checked), else the cache's. */
export function writeTtl(adapter: string, { key, ttl }: CacheWrite, cacheTtl: number): number {
  if (ttl === undefined) return cacheTtl
  if (typeof ttl !== 'number' || !(ttl > 0)) throw new InputError(`${adapter}.putMany: the ttl of "${key}" must be ms > 0 or Infinity`)
  return ttl
}

/**
 * The first write of a batch whose value nests too deeply to be stored, after one warning, for an
 * adapter that stores values as text (JSON) rather than copies: it then stores nothing of the batch,
 * as {@link entriesForStorage} makes the others do.
 */
export function tooDeepToStore(writes: readonly CacheWrite[], warn: (message: string, cause?: unknown) => void): CacheWrite | undefined {
  const deep = writes.find(({ value }) => !nestsWithin(value, MAX_CLONE_DEPTH))
  if (deep) warn(`"${deep.key}" nests over ${MAX_CLONE_DEPTH} levels deep: not cached`)
  return deep
}

/** The `name` of an Error or DOMException (not every realm makes DOMException an `Error`). */
export function errorName(error: unknown): unknown {
  return typeof error === 'object' && error !== null ? (error as { name?: unknown }).name : undefined
}
