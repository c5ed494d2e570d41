import { InputError } from '../core/errors.ts'
import { DEFAULT_CACHE_NAME, DEFAULT_TTL } from './types.ts'
import type { CacheOptions } from './types.ts'

/** {@link CacheOptions} checked and completed with their defaults. */
export interface ResolvedCacheOptions {
  name: string
  ttl: number
  warn: (message: string, cause?: unknown) => void
  now: () => number
}

/** Validates `options` (throwing {@link InputError}) and fills in the defaults. */
export function resolveCacheOptions(options: CacheOptions = {}, adapter: string): ResolvedCacheOptions {
  if (typeof options !== 'object' || options === null) {
    throw new InputError(`${adapter}: options must be an object`)
  }
  const { name = DEFAULT_CACHE_NAME, ttl = DEFAULT_TTL, onWarning, now = Date.now } = options
  if (typeof name !== 'string' || name === '') {
    throw new InputError(`${adapter}: name must be a non-empty string`)
  }
  if (typeof ttl !== 'number' || Number.isNaN(ttl) || ttl < 0) {
    throw new InputError(`${adapter}: ttl must be ms ≥ 0 or Infinity`)
  }
  if (onWarning !== undefined && typeof onWarning !== 'function') {
    throw new InputError(`${adapter}: onWarning must be a function`)
  }
  if (typeof now !== 'function') {
    throw new InputError(`${adapter}: now must be a function`)
  }
  return { name, ttl, now, warn: onWarning ?? warnOnceOnConsole(`togglkit ${adapter} "${name}"`) }
}

// A cache that cannot write usually fails on every call; one console line says it, more are noise.
function warnOnceOnConsole(prefix: string): (message: string, cause?: unknown) => void {
  let warned = false
  return (message, cause) => {
    if (warned) return
    warned = true
    console.warn(`${prefix}: ${message}`, ...(cause === undefined ? [] : [cause]))
  }
}
