import { parseId } from './calls.ts'
import type { MockStamped } from './model.ts'

/**
 * The `since` parameter (UNIX seconds) of a listing: `undefined` when absent, `null` when it is no
 * whole number (the caller answers 400 "Invalid since", the fake's wording).
 */
export function sinceOf(query: URLSearchParams): number | null | undefined {
  const text = query.get('since')
  if (text === null || text === '') return undefined
  return /^\d+$/.test(text) ? Number(text) : null
}

export const INVALID_SINCE = 'Invalid since'

/**
 * Whether an entity belongs in a listing: without `since`, only live ones; with it, those changed
 * at or after that second, deleted ones included (inclusive, so a cursor taken at a change's
 * second misses nothing: the fake's rule).
 */
export function listed(entity: MockStamped, since: number | undefined): boolean {
  return since === undefined ? entity.deletedAt === null : entity.at >= since * 1000
}

/** A `true`/`false`/`both` filter; `null` for another value. */
export function flagOf(query: URLSearchParams, name: string): 'true' | 'false' | 'both' | undefined | null {
  const text = query.get(name)
  if (text === null || text === '') return undefined
  return text === 'true' || text === 'false' || text === 'both' ? text : null
}

/** Keeps what an active/archived filter asks for: `true` the active, `false` the others, `both` all. */
export function matchesFlag(flag: 'true' | 'false' | 'both', active: boolean): boolean {
  return flag === 'both' || (flag === 'true') === active
}

/** Ids given as `a=1,2` or `a=1&a=2`; `null` when one is not an id. */
export function idsOf(query: URLSearchParams, name: string): number[] | undefined | null {
  const parts = query.getAll(name).flatMap((value) => value.split(',')).filter((part) => part !== '')
  if (parts.length === 0) return undefined
  const ids = parts.map((part) => parseId(part))
  return ids.every((id) => id !== undefined) ? ids : null
}

/** A comma-separated id list in a path segment (`1,2,3`); `undefined` when one is not an id. */
export function idListOf(segment: string | undefined): number[] | undefined {
  const ids = (segment ?? '').split(',').map((part) => parseId(part))
  return ids.length > 0 && ids.every((id) => id !== undefined) ? [...new Set(ids)] : undefined
}

/** A positive whole-number parameter, `fallback` when absent, `null` when malformed. */
export function countOf(query: URLSearchParams, name: string, fallback: number): number | null {
  const text = query.get(name)
  if (text === null || text === '') return fallback
  return parseId(text) ?? null
}

/** One page of a list, 1-based. */
export function pageOf<T>(items: readonly T[], page: number, perPage: number): T[] {
  return items.slice((page - 1) * perPage, page * perPage)
}

/** Case-insensitive substring match, as Toggl's `name` and `search` filters work. */
export function containsText(text: string, needle: string | null): boolean {
  return needle === null || needle === '' || text.toLowerCase().includes(needle.toLowerCase())
}
