import { dayOf } from '../times.ts'
import type { ReportEntry } from './entries.ts'
import type { ReportQuery } from './query.ts'

const DAY_MS = 86_400_000

const sum = (items: readonly ReportEntry[], pick: (item: ReportEntry) => number) => items.reduce((total, item) => total + pick(item), 0)

/** Billable time per hourly rate, as `base.BillableHourlyRate` rows. */
export function ratesOf(entries: readonly ReportEntry[]): { billable_seconds: number; hourly_rate_in_cents: number | null; currency: string }[] {
  const rates = new Map<string, { billable_seconds: number; hourly_rate_in_cents: number | null; currency: string }>()
  for (const { entry, seconds, rateCents, currency } of entries) {
    if (!entry.billable) continue
    const key = `${rateCents}:${currency}`
    const rate = rates.get(key) ?? { billable_seconds: 0, hourly_rate_in_cents: rateCents, currency }
    rate.billable_seconds += seconds
    rates.set(key, rate)
  }
  return [...rates.values()]
}

/**
 * A report's totals (`totals.ReportData`), with a graph of buckets when asked. The bucket is
 * `granularity`, else `resolution`, else what the range suggests (up to 31 days by day, up to a
 * quarter by week, else by month: the fake's rule). The fake keeps no labour costs: 0.
 */
export function totalsOf(entries: readonly ReportEntry[], query: ReportQuery, withGraph: boolean): Record<string, unknown> {
  const resolution = resolutionOf(query)
  return {
    seconds: sum(entries, (item) => item.seconds),
    tracked_days: new Set(entries.map(({ entry }) => dayOf(entry.start))).size,
    billable_amount_in_cents: sum(entries, (item) => item.billableCents),
    labour_cost_in_cents: 0,
    resolution,
    rates: ratesOf(entries),
    graph: withGraph ? bucketsOf(query, resolution).map(([from, until]) => bucketOf(entries.filter(({ entry }) => entry.start >= from && entry.start < until))) : null,
  }
}

/** One bucket of the graph: its seconds and amounts, and billable seconds by hourly rate in cents. */
function bucketOf(inside: readonly ReportEntry[]): Record<string, unknown> {
  const byRate: Record<string, number> = {}
  for (const { entry, seconds, rateCents } of inside) {
    if (entry.billable) byRate[String(rateCents ?? 0)] = (byRate[String(rateCents ?? 0)] ?? 0) + seconds
  }
  return { seconds: sum(inside, (item) => item.seconds), billable_amount_in_cents: sum(inside, (item) => item.billableCents), labour_cost_in_cents: 0, by_rate: byRate }
}

function resolutionOf({ body, from, until }: ReportQuery): string {
  for (const field of ['granularity', 'resolution']) {
    const value = body[field]
    if (value === 'day' || value === 'week' || value === 'month') return value
  }
  const days = (until - from) / DAY_MS
  return days <= 31 ? 'day' : days <= 92 ? 'week' : 'month'
}

/** The graph's buckets over the range: days, weeks from the first day, or calendar months. */
function bucketsOf({ from, until }: ReportQuery, resolution: string): [number, number][] {
  const buckets: [number, number][] = []
  for (let start = from; start < until; ) {
    const date = new Date(start)
    const next =
      resolution === 'month' ? Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1) : start + (resolution === 'week' ? 7 : 1) * DAY_MS
    buckets.push([start, Math.min(next, until)])
    start = next
  }
  return buckets
}
