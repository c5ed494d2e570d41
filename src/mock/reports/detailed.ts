import type { ApiCall, Route } from '../calls.ts'
import { jsonReply, type Reply } from '../responses.ts'
import { dayOf, listedTime } from '../times.ts'
import { reportEntries, type ReportEntry } from './entries.ts'
import { durationText, fileReply, type ExportFormat } from './files.ts'
import { answerReport, rangeHeaders, type ReportQuery } from './query.ts'
import { totalsOf } from './totals.ts'

/** Toggl's page size when `page_size` is left out. */
const DEFAULT_PAGE_SIZE = 50

/** A row of the report: one entry, or alike entries when `grouped`. */
type Row = readonly ReportEntry[]

/** What makes entries alike for a grouped report (the fake's reading of "grouped"). */
const likeness = ({ entry }: ReportEntry) =>
  JSON.stringify([entry.userId, entry.projectId, entry.taskId, entry.description, entry.billable, [...entry.tagIds].sort()])

const ORDERS: Readonly<Record<string, (row: Row) => number | string>> = {
  date: (row) => row[0]!.entry.start,
  user: (row) => row[0]!.username,
  duration: (row) => row.reduce((total, item) => total + item.seconds, 0),
  description: (row) => row[0]!.entry.description ?? '',
  last_update: (row) => Math.max(...row.map(({ entry }) => entry.at)),
}

/**
 * The report's rows in order: by `order_by` (date when left out), ascending unless `order_dir` is
 * `DESC` (Toggl documents no default direction; ascending, as its v2 reports' default, is the fake's
 * rule), ties by the first entry's id.
 */
function rowsOf(entries: readonly ReportEntry[], { body }: ReportQuery): Row[] {
  let rows: Row[] = entries.map((item) => [item])
  if (body['grouped'] === true) {
    const alike = new Map<string, ReportEntry[]>()
    for (const item of entries) {
      const key = likeness(item)
      const row = alike.get(key)
      if (row) row.push(item)
      else alike.set(key, [item])
    }
    rows = [...alike.values()]
  }
  const key = ORDERS[(body['order_by'] as string | undefined) ?? 'date']!
  const direction = body['order_dir'] === 'DESC' ? -1 : 1
  return rows.sort((a, b) => {
    const [x, y] = [key(a), key(b)]
    const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y))
    return order * direction || a[0]!.entry.id - b[0]!.entry.id
  })
}

/** A row as `detailed.GroupedTimeEntry`; `enrich_response` adds the names an export shows. */
function rowView(row: Row, rowNumber: number, { body }: ReportQuery): Record<string, unknown> {
  const [first] = row as [ReportEntry]
  const { entry, project } = first
  const hide = body['hide_amounts'] === true
  const view: Record<string, unknown> = {
    user_id: entry.userId,
    username: first.username,
    project_id: entry.projectId,
    task_id: entry.taskId,
    billable: entry.billable,
    description: entry.description ?? '',
    tag_ids: entry.tagIds,
    billable_amount_in_cents: hide ? null : row.reduce((total, item) => total + item.billableCents, 0),
    hourly_rate_in_cents: hide ? null : first.rateCents,
    currency: first.currency,
    row_number: rowNumber,
    time_entries: row.map((item) => ({
      id: item.entry.id,
      seconds: item.seconds,
      start: listedTime(item.entry.start),
      stop: listedTime(item.entry.stop!),
      at: listedTime(item.entry.at),
    })),
  }
  if (body['enrich_response'] !== true) return view
  return {
    ...view,
    email: first.email,
    project_name: project?.name ?? null,
    project_color: project?.color ?? null,
    project_hex: project?.color ?? null,
    client_name: first.client?.name ?? null,
    task_name: first.task?.name ?? null,
    tag_names: first.tags.map((tag) => tag.name),
  }
}

/**
 * Where a page starts: at `first_row_number` (from 1), else at the row whose first entry is
 * `first_id`, else at the top (the fake's reading of Toggl's cursor). `first_timestamp` is ignored.
 */
function startOf(rows: readonly Row[], { body }: ReportQuery): number {
  const rowNumber = body['first_row_number']
  if (typeof rowNumber === 'number' && rowNumber >= 1) return rowNumber - 1
  const id = body['first_id']
  const index = typeof id === 'number' ? rows.findIndex((row) => row[0]!.entry.id === id) : -1
  return Math.max(0, index)
}

/**
 * `POST /reports/api/v3/workspace/{wid}/search/time_entries`: one page of rows; while more follow,
 * `X-Next-ID` (the next row's first entry) and `X-Next-Row-Number` say where the next page starts.
 * A `page_size` below 1 counts as left out (Go's zero value).
 */
function searchTimeEntries(call: ApiCall): Reply {
  return answerReport(call, {}, (found, query) => {
    const rows = rowsOf(reportEntries(call, found, query), query)
    const asked = query.body['page_size']
    const size = typeof asked === 'number' && asked >= 1 ? asked : DEFAULT_PAGE_SIZE
    const start = startOf(rows, query)
    const page = rows.slice(start, start + size).map((row, index) => rowView(row, start + index + 1, query))
    const next = rows[start + size]
    const headers = next ? { 'X-Next-ID': String(next[0]!.entry.id), 'X-Next-Row-Number': String(start + size + 1) } : {}
    return { ...jsonReply(200, page), headers: { ...headers, ...rangeHeaders(query) } }
  })
}

/** `POST …/search/time_entries/totals` */
function searchTotals(call: ApiCall): Reply {
  return answerReport(call, {}, (found, query) => {
    const totals = totalsOf(reportEntries(call, found, query), query, query.body['with_graph'] === true)
    return { ...jsonReply(200, totals), headers: rangeHeaders(query) }
  })
}

const COLUMNS = ['User', 'Email', 'Client', 'Project', 'Task', 'Description', 'Billable', 'Start date', 'Start time', 'End date', 'End time', 'Duration', 'Tags']

/** `POST …/search/time_entries.{csv,xlsx,pdf}`: every row of the report, one line per entry (the fake's columns); paging fields are ignored. */
function exportTimeEntries(call: ApiCall): Reply {
  const format = call.params[1] as ExportFormat
  return answerReport(call, {}, (found, query) => {
    const durations = query.body['duration_format']
    const lines = rowsOf(reportEntries(call, found, query), query).flatMap((row) =>
      row.map(({ entry, username, email, client, project, task, tags, seconds }) => [
        username,
        email,
        client?.name ?? '',
        project?.name ?? '',
        task?.name ?? '',
        entry.description ?? '',
        entry.billable ? 'Yes' : 'No',
        dayOf(entry.start),
        clockOf(entry.start),
        dayOf(entry.stop!),
        clockOf(entry.stop!),
        durationText(seconds, durations),
        tags.map((tag) => tag.name).join(', '),
      ]),
    )
    return fileReply(format, `Detailed report ${query.startDate} - ${query.endDate}`, [COLUMNS, ...lines])
  })
}

/** `HH:MM:SS` in UTC. */
const clockOf = (ms: number) => new Date(ms).toISOString().slice(11, 19)

const WORKSPACE = String.raw`^\/reports\/api\/v3\/workspace\/([^/]+)`
const post = (handler: (call: ApiCall) => Reply) => new Map([['POST', handler]])

export const DETAILED_ROUTES: Route[] = [
  { pattern: new RegExp(`${WORKSPACE}/search/time_entries$`), handlers: post(searchTimeEntries) },
  { pattern: new RegExp(`${WORKSPACE}/search/time_entries/totals$`), handlers: post(searchTotals) },
  { pattern: new RegExp(`${WORKSPACE}/search/time_entries\\.(csv|xlsx|pdf)$`), handlers: post(exportTimeEntries) },
]
