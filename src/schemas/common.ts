import * as v from 'valibot'
import { isCalendarDay, RFC3339 } from './time.ts'

/** A Toggl id as replies carry it. */
export const IdSchema: v.GenericSchema<number, number> = v.pipe(v.number(), v.integer())

/** An id the caller gives: a positive safe integer. */
export const IdInputSchema: v.GenericSchema<number, number> = v.pipe(
  v.number('must be a number'),
  v.safeInteger('must be a positive whole number'),
  v.minValue(1, 'must be a positive whole number'),
)

/** A count the caller gives (a page number, a page size): a positive safe integer, as an id is. */
export const PositiveCountInputSchema: v.GenericSchema<number, number> = IdInputSchema

/** Whether no value comes twice in `values`. */
export const unique = (values: readonly unknown[]): boolean => new Set(values).size === values.length

/** A list of ids the caller gives, each once. */
export const IdListInputSchema: v.GenericSchema<number[], number[]> = v.pipe(
  v.array(IdInputSchema, 'must be an array of ids'),
  v.check((ids) => unique(ids), 'must not repeat an id'),
)

/** A list Toggl leaves out (or sends as null) when it is empty, as `[]`. */
/* @__NO_SIDE_EFFECTS__ */
export function listOrEmpty<T extends v.GenericSchema>(item: T): v.NullishSchema<v.ArraySchema<T, undefined>, () => never[]> {
  return v.nullish(v.array(item), () => [])
}

/** Toggl's timestamps: RFC 3339 strings. */
export const TimestampSchema: v.GenericSchema<string, string> = v.string()

/** `{ group_id, name }`, as user and workspace-user replies list group memberships. */
export const GroupRefSchema: v.GenericSchema<{ group_id: number; name: string } & { [key: string]: unknown }> = v.looseObject({ group_id: IdSchema, name: v.string() })

/**
 * An e-mail address the caller gives: something, an @, something, a dot, something, no spaces.
 * Loose on purpose: Toggl has the last word, and a stricter pattern would refuse addresses it
 * takes (`o'brien@example.com`, internationalized names).
 */
export const EmailInputSchema: v.GenericSchema<string, string> = v.pipe(
  v.string('must be a string'),
  v.regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/u, 'must be a valid e-mail address'),
)

/** Comma-separated ids, as Toggl's list filters take them. */
export const commaSeparated = (ids: readonly number[]): string => ids.join(',')

/** An RFC 3339 timestamp with its offset (`2024-12-16T12:00:00Z`, `…+01:00`), as ms since the epoch. */
function rfc3339Ms(text: string): number | undefined {
  const ms = RFC3339.test(text) ? Date.parse(text) : Number.NaN
  return Number.isNaN(ms) ? undefined : ms
}

const SINCE = 'must be a Date, an RFC 3339 timestamp with its offset, or whole UNIX seconds'

/**
 * A `since` filter: a `Date`, an RFC 3339 string or UNIX seconds, sent as UNIX seconds (what Toggl
 * takes everywhere). A `since` listing also returns what was deleted since then.
 */
export const SinceInputSchema: v.GenericSchema<number | Date | string, number> = v.union(
  [
    v.pipe(v.number(), v.safeInteger(SINCE), v.minValue(0, SINCE)),
    v.pipe(
      v.date(),
      v.check((date) => !Number.isNaN(date.getTime()), SINCE),
      v.transform((date) => Math.floor(date.getTime() / 1000)),
    ),
    v.pipe(
      v.string(),
      v.check((text) => rfc3339Ms(text) !== undefined, SINCE),
      v.transform((text) => Math.floor(rfc3339Ms(text)! / 1000)),
    ),
  ],
  SINCE,
)

/** A calendar day as Toggl writes it, `YYYY-MM-DD`, that exists (no 2024-02-30). */
export const DayInputSchema: v.GenericSchema<string, string> = v.pipe(
  v.string('must be a date as YYYY-MM-DD'),
  v.check((text) => isCalendarDay(text), 'must be a date as YYYY-MM-DD'),
)

/** A list filter of ids the caller gives (at least one, each once), sent comma-separated. */
export const IdFilterSchema: v.GenericSchema<number[], string> = v.pipe(
  IdListInputSchema,
  v.minLength(1, 'must name at least one id'),
  v.transform((ids: number[]) => commaSeparated(ids)),
)
