import * as v from 'valibot'

/** An RFC 3339 date-time with its offset (`2024-12-16T12:00:00Z`, `…+01:00`); whether the day exists is not its concern. */
export const RFC3339: RegExp = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/
const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/

/** The UTC midnight (ms) of a `YYYY-MM-DD` day, or NaN for one that is no calendar day (2024-02-30). */
export function dayStartMs(day: string): number {
  const ms = Date.parse(`${day}T00:00:00Z`)
  return !Number.isNaN(ms) && new Date(ms).toISOString().startsWith(day) ? ms : Number.NaN
}

/** Whether `text` is a calendar day as Toggl writes it, `YYYY-MM-DD`, that exists. */
export function isCalendarDay(text: string): boolean {
  return CALENDAR_DATE.test(text) && !Number.isNaN(dayStartMs(text))
}

/** An instant as Toggl writes it: RFC 3339 in UTC, whole seconds unless it has a fraction (`2024-12-12T10:00:00Z`). */
export function utcText(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z')
}

/** `text` (RFC 3339 with any offset, as Toggl's lists send `+00:00`) in UTC, as {@link utcText} writes it. */
export function toUtc(text: string): string {
  const ms = Date.parse(text)
  return Number.isNaN(ms) ? text : utcText(ms)
}

const isValidDate = (date: Date) => !Number.isNaN(date.getTime())
const isRealDay = (text: string) => !Number.isNaN(dayStartMs(text.slice(0, 10)))

type InstantSchema = v.SchemaWithPipe<readonly [v.UnionSchema<[v.DateSchema<undefined>, v.StringSchema<undefined>], string>, v.CheckAction<string | Date, string>, v.TransformAction<string | Date, number>]>

/**
 * An instant the caller gives: a `Date`, or an RFC 3339 string with its offset (`…Z`, `…+01:00`).
 * Outputs ms since the epoch.
 */
export const InstantInputSchema: InstantSchema = v.pipe(
  v.union([v.date(), v.string()], 'must be a Date or an RFC 3339 string'),
  v.check(
    (value) => (value instanceof Date ? isValidDate(value) : RFC3339.test(value) && isRealDay(value) && !Number.isNaN(Date.parse(value))),
    'must be a valid Date or an RFC 3339 date-time with an offset (e.g. 2026-03-01T09:00:00Z)',
  ),
  v.transform((value) => (value instanceof Date ? value.getTime() : Date.parse(value))),
)

type DayOrInstantSchema = v.SchemaWithPipe<readonly [v.UnionSchema<[v.DateSchema<undefined>, v.StringSchema<undefined>], string>, v.CheckAction<string | Date, string>, v.TransformAction<string | Date, string>]>

/**
 * A date or an instant for Toggl's range parameters: a `Date` (sent as RFC 3339 in UTC), an RFC 3339
 * date-time, or a calendar day `YYYY-MM-DD` (which Toggl reads as its midnight). Outputs what is sent.
 */
export const DayOrInstantInputSchema: DayOrInstantSchema = v.pipe(
  v.union([v.date(), v.string()], 'must be a Date, an RFC 3339 string or a YYYY-MM-DD day'),
  v.check(
    (value) =>
      value instanceof Date
        ? isValidDate(value)
        : (CALENDAR_DATE.test(value) || RFC3339.test(value)) && isRealDay(value) && !Number.isNaN(Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value)),
    'must be a valid Date, an RFC 3339 date-time with an offset, or a YYYY-MM-DD day',
  ),
  v.transform((value) => (value instanceof Date ? utcText(value.getTime()) : value)),
)

/** When a {@link DayOrInstantInputSchema} value starts, in ms (a bare day: its UTC midnight, as Toggl reads it). */
export function startOf(sent: string): number {
  return Date.parse(sent.length === 10 ? `${sent}T00:00:00Z` : sent)
}
