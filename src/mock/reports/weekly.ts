import type { ApiCall, Route } from '../calls.ts'
import { jsonReply, type Reply } from '../responses.ts'
import { dayOf } from '../times.ts'
import type { WorkspaceCall } from '../workspace-calls.ts'
import { reportEntries, type ReportEntry } from './entries.ts'
import { durationText, fileReply, type ExportFormat } from './files.ts'
import { answerReport, BASE_FIELDS, type QueryRules, type ReportQuery } from './query.ts'

const DAY_MS = 86_400_000
/** A weekly report covers at most a week from `start_date`: later days of the range are left out (the fake's rule). */
const WEEK_DAYS = 7

/** The JSON report takes `base.Post` alone: anything else is Toggl's "not supported". */
const REPORT_RULES: QueryRules = { only: BASE_FIELDS }
const EXPORT_RULES: QueryRules = {
  only: [...BASE_FIELDS, 'grouping', 'calculate', 'group_by_task', 'duration_format', 'date_format', 'cents_separator', 'logo_url'],
  allowed: { grouping: ['users', 'projects'], calculate: ['time', 'amounts'] },
}

/** A user's entries on one project (or none), day by day. */
interface WeeklyRow {
  items: ReportEntry[]
  /** Per day of the week: seconds, billable seconds, billable cents. */
  seconds: number[]
  billableSeconds: number[]
  billableCents: number[]
}

/** The days the report covers, and its rows by user, then project name (the fake's order); `group_by_task` has no effect in the fake. */
function weekOf(call: ApiCall, found: WorkspaceCall, query: ReportQuery): { days: string[]; rows: WeeklyRow[] } {
  const dayCount = Math.min(WEEK_DAYS, Math.round((query.until - query.from) / DAY_MS))
  const days = Array.from({ length: dayCount }, (_, day) => dayOf(query.from + day * DAY_MS))
  const rows = new Map<string, WeeklyRow>()
  for (const item of reportEntries(call, found, query)) {
    const day = Math.floor((item.entry.start - query.from) / DAY_MS)
    if (day >= dayCount) continue
    const key = `${item.entry.userId}:${item.entry.projectId}`
    const zeros = () => days.map(() => 0)
    const row = rows.get(key) ?? { items: [], seconds: zeros(), billableSeconds: zeros(), billableCents: zeros() }
    row.items.push(item)
    row.seconds[day]! += item.seconds
    if (item.entry.billable) row.billableSeconds[day]! += item.seconds
    row.billableCents[day]! += item.billableCents
    rows.set(key, row)
  }
  const title = (row: WeeklyRow) => `${row.items[0]!.username}\u0000${row.items[0]!.project?.name ?? ''}`
  return { days, rows: [...rows.values()].sort((a, b) => title(a).localeCompare(title(b))) }
}

/** `POST /reports/api/v3/workspace/{wid}/weekly/time_entries`: rows as `weekly.DataRow`. */
function weeklyReport(call: ApiCall): Reply {
  return answerReport(call, REPORT_RULES, (found, query) =>
    jsonReply(
      200,
      weekOf(call, found, query).rows.map(({ items, seconds, billableSeconds, billableCents }) => {
        const [{ entry, username, project, client, rateCents, currency }] = items as [ReportEntry]
        return {
          user_id: entry.userId,
          user_name: username,
          project_id: entry.projectId,
          project_name: project?.name ?? null,
          project_color: project?.color ?? null,
          project_hex_color: project?.color ?? null,
          client_name: client?.name ?? null,
          planned_task_id: null,
          seconds,
          billable_seconds: billableSeconds,
          billable_amounts_in_cents: billableCents,
          hourly_rate_in_cents: rateCents,
          currency,
        }
      }),
    ),
  )
}

/**
 * `POST …/weekly/time_entries.{csv,pdf}`: a line per row, a column per day and the total (the
 * fake's columns); `grouping: 'users'` puts the user first (else the project, as Toggl's weekly
 * report defaults to projects), `calculate: 'amounts'` shows billable amounts instead of durations.
 */
function weeklyExport(call: ApiCall): Reply {
  const format = call.params[1] as ExportFormat
  return answerReport(call, EXPORT_RULES, (found, query) => {
    const { days, rows } = weekOf(call, found, query)
    const byUser = query.body['grouping'] === 'users'
    const amounts = query.body['calculate'] === 'amounts'
    const cell = (value: number) => (amounts ? (value / 100).toFixed(2) : durationText(value, query.body['duration_format']))
    const lines = rows.map(({ items, seconds, billableCents }) => {
      const [{ username, project }] = items as [ReportEntry]
      const names = byUser ? [username, project?.name ?? ''] : [project?.name ?? '', username]
      const values = amounts ? billableCents : seconds
      return [...names, ...values.map(cell), cell(values.reduce((total, value) => total + value, 0))]
    })
    const header = [...(byUser ? ['User', 'Project'] : ['Project', 'User']), ...days, 'Total']
    return fileReply(format, `Weekly report ${days[0]} - ${days.at(-1)}`, [header, ...lines])
  })
}

const WORKSPACE = String.raw`^\/reports\/api\/v3\/workspace\/([^/]+)`
const post = (handler: (call: ApiCall) => Reply) => new Map([['POST', handler]])

export const WEEKLY_ROUTES: Route[] = [
  { pattern: new RegExp(`${WORKSPACE}/weekly/time_entries$`), handlers: post(weeklyReport) },
  { pattern: new RegExp(`${WORKSPACE}/weekly/time_entries\\.(csv|pdf)$`), handlers: post(weeklyExport) },
]
