import * as v from 'valibot'
import { InputError, TogglError } from '../../core/errors.ts'
import { IdInputSchema } from '../../schemas/common.ts'
import { DayOrInstantInputSchema, startOf, utcText } from '../../schemas/time.ts'
import type { TogglTimeEntry } from '../../schemas/tracking/time-entries.ts'
import { filterOf } from '../arguments.ts'
import type { CacheScope } from '../base.ts'
import { findModel, modelsInRange, type ModelKind } from '../models.ts'
import { dayOrInstantOf, earliestListedDay } from './time-entry-range.ts'

/** Where running entries are filed in the cache's order: after every start (a range is `[from, to)`, so not +∞). */
export const RUNNING_ORDER = Number.MAX_VALUE

/** Toggl answers at most this many entries for a date range. */
const RANGE_CAP = 1000
/** What a first sync fetches unless told: the last 30 days. */
const DEFAULT_SYNC_DAYS = 30
const DAY = 86_400_000

/** One listing by date and what Toggl said with it. */
export interface Listing {
  entries: TogglTimeEntry[]
  headers: Headers
}

/**
 * Every entry that starts in [from, to), with as few requests as Toggl's cap of 1000 per listing
 * allows: a full page of entries newest first goes on from its oldest start; a full page in another
 * order is split in halves. Entries met twice (at a page's edge) are kept once.
 */
export async function entriesBetween(
  list: (query: Record<string, string>) => Promise<Listing>,
  from: number,
  to: number,
): Promise<{ entries: Map<number, TogglTimeEntry>; requests: number; first: Headers | undefined }> {
  const entries = new Map<number, TogglTimeEntry>()
  let requests = 0
  let first: Headers | undefined
  const pending: [number, number][] = [[from, to]]
  while (pending.length > 0) {
    const [start, end] = pending.pop()!
    const page = await list({ start_date: utcText(start), end_date: utcText(end) })
    requests++
    first ??= page.headers
    for (const entry of page.entries) entries.set(entry.id, entry)
    if (page.entries.length < RANGE_CAP) continue
    const starts = page.entries.map((entry) => Date.parse(entry.start))
    const newestFirst = starts.every((ms, index) => index === 0 || ms <= starts[index - 1]!)
    // Whole seconds: the next page starts again at the oldest second, so none of it is skipped.
    const oldest = Math.floor(starts.at(-1)! / 1000) * 1000 + 1000
    if (newestFirst && oldest < end) pending.push([start, oldest])
    else if (end - start > 2000) {
      const middle = start + Math.floor((end - start) / 2000) * 1000
      pending.push([start, middle], [middle, end])
    } else {
      throw new TogglError(`more than ${RANGE_CAP} time entries start within one second (${utcText(start)}); list them with a detailed report`)
    }
  }
  return { entries, requests, first }
}

/** The window a first sync covers: from the start asked for (default 30 days back) to a year ahead. */
export function syncWindow(from: unknown, where: string, now: number): { from: number; to: number } {
  const earliest = earliestListedDay(now)
  if (from === undefined) return { from: Math.max(earliest, now - DEFAULT_SYNC_DAYS * DAY), to: now + 366 * DAY }
  const start = startOf(dayOrInstantOf(from, where, 'from'))
  if (start < earliest) {
    throw new InputError(`${where}: from must not be earlier than ${new Date(earliest).toISOString().slice(0, 10)} (Toggl lists time entries 3 months back; use a detailed report for older ones)`)
  }
  return { from: start, to: now + 366 * DAY }
}

/** Two lists ascending by start, as one. */
function mergedByStart(finished: TogglTimeEntry[], running: TogglTimeEntry[]): TogglTimeEntry[] {
  if (running.length === 0) return finished
  return [...finished, ...running].sort((a, b) => Date.parse(a.start) - Date.parse(b.start))
}

/** What `query()` selects among the cached entries. */
export interface TimeEntryQuery {
  /** Entries starting at or after it (Date, RFC 3339 or `YYYY-MM-DD`). */
  start_date?: Date | string
  /** Entries starting before it (excluded, as in `collect`). */
  end_date?: Date | string
  workspace_id?: number
  project_id?: number | null
  /** Through the entry's project, as the cache knows it. */
  client_id?: number
  /** Entries carrying any of these tags. */
  tag_ids?: number[]
  billable?: boolean
  /** Text the description contains, case not counting. */
  description?: string
  running?: boolean
  /** At most this many, the earliest first. */
  limit?: number
}

const QuerySchema = v.strictObject(
  {
    start_date: v.optional(DayOrInstantInputSchema),
    end_date: v.optional(DayOrInstantInputSchema),
    workspace_id: v.optional(IdInputSchema),
    project_id: v.optional(v.nullable(IdInputSchema)),
    client_id: v.optional(IdInputSchema),
    tag_ids: v.optional(v.array(IdInputSchema, 'must be an array of ids')),
    billable: v.optional(v.boolean('must be a boolean')),
    description: v.optional(v.string('must be a string')),
    running: v.optional(v.boolean('must be a boolean')),
    limit: v.optional(v.pipe(v.number('must be a number'), v.safeInteger('must be a whole number'), v.minValue(0, 'must be ≥ 0'))),
  },
  'filter must be an object',
)

/** A project as far as a query needs it (its client), whatever else the catalogue cached with it. */
const PROJECT: ModelKind<{ id: number; client_id?: number | null | undefined }> = {
  name: 'project',
  schema: v.looseObject({ id: v.number(), client_id: v.nullish(v.number()) }),
  order: () => 0,
}

/** The cached entries a filter selects, ascending by start, from the cache's index alone. */
export async function queryEntries(scope: CacheScope, kind: ModelKind<TogglTimeEntry>, filter: unknown, where: string): Promise<TogglTimeEntry[]> {
  const query = filterOf(QuerySchema, filter, where)
  const range = {
    ...(query.start_date === undefined ? {} : { from: startOf(query.start_date) }),
    ...(query.end_date === undefined ? {} : { to: startOf(query.end_date) }),
  }
  const text = query.description?.toLowerCase()
  const clients = new Map<number, number | null | undefined>()
  const clientOf = async (projectId: number) => {
    if (!clients.has(projectId)) clients.set(projectId, (await findModel(scope, PROJECT, projectId))?.client_id)
    return clients.get(projectId)
  }
  const { start_date: _start, end_date: _end, limit, ...narrowing } = query
  // Only a range and a limit: the index stops at the limit; otherwise it reads the range and filters.
  const indexLimit = Object.keys(narrowing).length === 0 && limit !== undefined ? { limit } : {}
  const found: TogglTimeEntry[] = []
  // Finished entries come from the index by start; running ones (filed last) join where their start falls.
  const from = range.from ?? -Infinity
  const to = range.to ?? Infinity
  const running = (await modelsInRange(scope, kind, { from: RUNNING_ORDER })).filter((entry) => {
    const start = Date.parse(entry.start)
    return start >= from && start < to
  })
  const finished = await modelsInRange(scope, kind, { from, to: Math.min(to, RUNNING_ORDER), ...indexLimit })
  for (const entry of mergedByStart(finished, running)) {
    if (found.length >= (query.limit ?? Infinity)) break
    if (query.workspace_id !== undefined && entry.workspace_id !== query.workspace_id) continue
    if (query.project_id !== undefined && (entry.project_id ?? null) !== query.project_id) continue
    if (query.billable !== undefined && Boolean(entry.billable) !== query.billable) continue
    if (query.running !== undefined && (entry.stop === null) !== query.running) continue
    if (query.tag_ids && !query.tag_ids.some((id) => entry.tag_ids.includes(id))) continue
    if (text !== undefined && !(entry.description ?? '').toLowerCase().includes(text)) continue
    if (query.client_id !== undefined && (entry.project_id == null || (await clientOf(entry.project_id)) !== query.client_id)) continue
    found.push(entry)
  }
  return found
}
