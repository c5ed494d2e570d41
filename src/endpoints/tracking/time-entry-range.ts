import * as v from 'valibot'
import { describe } from '../../core/describe.ts'
import { InputError } from '../../core/errors.ts'
import { DayOrInstantInputSchema, InstantInputSchema, startOf } from '../../schemas/time.ts'
import type { CacheScope } from '../base.ts'
import type { SyncState } from '../sync.ts'

/** Toggl lists time entries by date at most this many months back, and `since` should stay within it. */
export const RANGE_MONTHS = 3

const FIELDS = ['since', 'before', 'start_date', 'end_date']

/** The first day (UTC midnight, ms) Toggl still lists by date at `now`: the same day, three months back. */
export function earliestListedDay(now: number): number {
  const day = new Date(now)
  day.setUTCHours(0, 0, 0, 0)
  day.setUTCMonth(day.getUTCMonth() - RANGE_MONTHS)
  return day.getTime()
}

/**
 * Whether a sync with a cursor fetches in full all the same: Toggl no longer lists from its cursor
 * (a day's margin), or what its last full fetch stored may have expired from the cache (a minute's).
 */
export function fullFetchDue(scope: CacheScope, state: SyncState, now: number): boolean {
  return state.cursor * 1000 < earliestListedDay(now) + 86_400_000 || now - state.fullAt >= scope.cache.ttl - 60_000
}

/**
 * The query of `GET /me/time_entries` for a range, refusing what Toggl refuses: `since` with
 * `before`, either with the date pair, one date alone, a start before its end, a date range
 * reaching past three months, or a `since` older than that.
 */
export function timeEntryRangeQuery(range: unknown, where: string, now: number): Record<string, string> {
  if (range === null || typeof range !== 'object' || Array.isArray(range)) {
    throw new InputError(`${where}: range must be an object ({ since }, { before } or { start_date, end_date }), got ${describe(range)}`)
  }
  const given = range as Record<string, unknown>
  const unknown = Object.keys(given).find((field) => !FIELDS.includes(field))
  if (unknown !== undefined) throw new InputError(`${where}: ${unknown} is not a field Toggl takes here`)
  const has = (field: string) => given[field] !== undefined
  if (has('since') && has('before')) throw new InputError(`${where}: since and before cannot be given together (Toggl refuses it)`)
  const dated = has('start_date') || has('end_date')
  if (dated && (has('since') || has('before'))) {
    throw new InputError(`${where}: start_date and end_date cannot be given with since or before (Toggl refuses it)`)
  }
  if (dated && !(has('start_date') && has('end_date'))) throw new InputError(`${where}: start_date and end_date must be given together`)
  const earliest = earliestListedDay(now)
  if (has('since')) {
    const seconds = sinceSeconds(given.since, where)
    if (seconds * 1000 < earliest) {
      throw new InputError(`${where}: since must be within the last ${RANGE_MONTHS} months (Toggl's limit); list older entries by a report`)
    }
    return { since: String(seconds) }
  }
  if (has('before')) return { before: dayOrInstantOf(given.before, where, 'before') }
  if (!dated) return {}
  const start_date = dayOrInstantOf(given.start_date, where, 'start_date')
  const end_date = dayOrInstantOf(given.end_date, where, 'end_date')
  if (startOf(start_date) < earliest) {
    throw new InputError(`${where}: start_date must not be earlier than ${new Date(earliest).toISOString().slice(0, 10)} (Toggl lists ${RANGE_MONTHS} months back)`)
  }
  if (startOf(end_date) < startOf(start_date)) throw new InputError(`${where}: start_date must come before end_date`)
  return { start_date, end_date }
}

/** `since` as Toggl takes it: unix seconds, from a Date, an RFC 3339 string or a number of seconds. */
function sinceSeconds(value: unknown, where: string): number {
  if (typeof value === 'number') {
    if (Number.isFinite(value) && value >= 0) return Math.floor(value)
    throw new InputError(`${where}: since must be unix seconds ≥ 0, a Date or an RFC 3339 string, got ${describe(value)}`)
  }
  const result = v.safeParse(InstantInputSchema, value)
  if (!result.success) throw new InputError(`${where}: since ${result.issues[0].message}, got ${describe(value)}`)
  return Math.floor(result.output / 1000)
}

/** A range bound (Date, RFC 3339 or `YYYY-MM-DD`) as it is sent, or an `InputError` naming `field`. */
export function dayOrInstantOf(value: unknown, where: string, field: string): string {
  const result = v.safeParse(DayOrInstantInputSchema, value)
  if (!result.success) throw new InputError(`${where}: ${field} ${result.issues[0].message}, got ${describe(value)}`)
  return result.output
}
