import { InputError } from '../core/errors.ts'
import { cloneValue } from './clone.ts'

/** Whether an entry has stopped being served at `now` (ms since the epoch). */
export function isExpired(entry: { expiresAt: number }, now: number): boolean {
  return now >= entry.expiresAt
}

/**
 * The copy a cache keeps, taken at call time so later changes to the caller's object never reach
 * the store. A value structured cloning refuses (a function, a DOM node…) is the caller's mistake.
 */
export function copyForStorage(adapter: string, key: string, value: unknown): unknown {
  try {
    return cloneValue(value)
  } catch (error) {
    if (errorName(error) !== 'DataCloneError') throw error
    throw new InputError(`${adapter}.put: the value for "${key}" cannot be structured-cloned`, { cause: error })
  }
}

/** The `name` of an Error or DOMException (not every realm makes DOMException an `Error`). */
export function errorName(error: unknown): unknown {
  return typeof error === 'object' && error !== null ? (error as { name?: unknown }).name : undefined
}
