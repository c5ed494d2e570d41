// How Toggl writes and reads times. Every instant the fake keeps is ms since the epoch, in UTC.

const DAY_MS = 86_400_000
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt ]([01]\d|2[0-3]):([0-5]\d):([0-5]\d)(\.\d+)?([Zz]|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** An `at` field: microseconds, `Z` (`2024-12-13T00:31:47.404000Z`). */
export function changedAt(ms: number): string {
  return new Date(ms).toISOString().replace(/Z$/, '000Z')
}

/** An entry's time in listings and reads: whole seconds, `+00:00`. */
export function listedTime(ms: number): string {
  return wholeSeconds(ms).replace(/Z$/, '+00:00')
}

/** An entry's time in create, update and stop replies: whole seconds, `Z`. */
export function repliedTime(ms: number): string {
  return wholeSeconds(ms)
}

function wholeSeconds(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z')
}

/** The UTC day of an instant, `YYYY-MM-DD`. */
export function dayOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10)
}

/** An RFC 3339 time (any offset, any fraction), or `undefined` when it is not one. */
export function parseTime(text: string): number | undefined {
  const match = RFC3339.exec(text)
  if (!match || !isCalendarDay(match[1]!, match[2]!, match[3]!)) return undefined
  return Date.parse(text.replace(' ', 'T'))
}

/** A `YYYY-MM-DD` day as its first instant in UTC, or `undefined` when it is not one. */
export function parseDay(text: string): number | undefined {
  const match = DATE.exec(text)
  if (!match || !isCalendarDay(match[1]!, match[2]!, match[3]!)) return undefined
  return Date.parse(`${text}T00:00:00Z`)
}

/** A day or an RFC 3339 time, as Toggl's `start_date`, `end_date` and `before` take them. */
export function parseDayOrTime(text: string): number | undefined {
  return parseDay(text) ?? parseTime(text)
}

/** The same UTC day `months` calendar months earlier (clamped to the month's last day), at 00:00. */
export function monthsBefore(ms: number, months: number): number {
  const date = new Date(ms)
  const year = date.getUTCFullYear()
  const month = date.getUTCMonth() - months
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate()
  return Date.UTC(year, month, Math.min(date.getUTCDate(), lastDay))
}

export function daysBefore(ms: number, days: number): number {
  return ms - days * DAY_MS
}

// Date.parse rolls 2024-02-30 over into March; Toggl refuses it.
function isCalendarDay(year: string, month: string, day: string): boolean {
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)))
  return date.getUTCFullYear() === Number(year) && date.getUTCMonth() === Number(month) - 1 && date.getUTCDate() === Number(day)
}
