// RFC 3339 as Toggl writes it: up to nanoseconds, `Z` or an offset. `Date.parse` is only specified
// for milliseconds, so the fraction is cut to three digits before it parses.
const RFC3339 = /^(\d{4}-\d{2}-\d{2})[Tt](\d{2}:\d{2}:\d{2})(?:\.(\d+))?([Zz]|[+-]\d{2}:\d{2})$/

/** Milliseconds since the epoch of an RFC 3339 timestamp, or `undefined` when it is not one. */
export function instantOf(timestamp: string): number | undefined {
  const match = RFC3339.exec(timestamp)
  if (!match) return undefined
  const [, date, time, fraction = '', zone = 'Z'] = match
  const milliseconds = fraction.padEnd(3, '0').slice(0, 3)
  const instant = Date.parse(`${date}T${time}.${milliseconds}${zone.toUpperCase()}`)
  return Number.isNaN(instant) ? undefined : instant
}
