import { parseId, type ApiCall, type Route } from '../calls.ts'
import { errorReply, jsonReply, type Reply } from '../responses.ts'
import { entityIn } from '../workspace-calls.ts'
import { reportEntries, type ReportEntry } from './entries.ts'
import { durationText, fileReply, type ExportFormat } from './files.ts'
import { answerReport, invalidValue, rangeHeaders, type QueryRules, type ReportQuery } from './query.ts'
import { ratesOf, totalsOf } from './totals.ts'

const GROUPINGS = ['projects', 'clients', 'users'] as const
type Grouping = (typeof GROUPINGS)[number]

/** The sub-groupings each grouping offers (those of Toggl's summary reports since v2). */
const SUB_GROUPINGS: Readonly<Record<Grouping, readonly string[]>> = {
  projects: ['time_entries', 'tasks', 'users'],
  clients: ['time_entries', 'tasks', 'users', 'projects'],
  users: ['time_entries', 'tasks', 'projects', 'clients'],
}

/** What a part of an entry is as a group: its id (`null` for none) and its title. */
type Part = (item: ReportEntry) => { id: number | null; title: string | null }

const PARTS: Readonly<Record<string, Part>> = {
  projects: ({ project }) => ({ id: project?.id ?? null, title: project?.name ?? null }),
  clients: ({ client }) => ({ id: client?.id ?? null, title: client?.name ?? null }),
  users: ({ entry, username }) => ({ id: entry.userId, title: username }),
  tasks: ({ task }) => ({ id: task?.id ?? null, title: task?.name ?? null }),
  // Time entries are told apart by their description; Toggl gives them no id here.
  time_entries: ({ entry }) => ({ id: null, title: entry.description ?? '' }),
}

const SUMMARY_RULES: QueryRules = { allowed: { order_by: ['title', 'duration'] } }

interface SubGroup {
  id: number | null
  title: string | null
  items: ReportEntry[]
}

interface Group extends SubGroup {
  subGroups: SubGroup[]
}

interface Summary {
  grouping: Grouping
  subGrouping: string
  groups: Group[]
}

/**
 * The summary of a report's entries. Groups and sub-groups are ordered by title (by duration with
 * an export's `order_by: 'duration'`), ascending unless `order_dir: 'DESC'`, "none" last: the
 * fake's rule, as Toggl documents no order.
 */
function summaryOf(entries: readonly ReportEntry[], { body }: ReportQuery): Summary | Reply {
  const grouping = (body['grouping'] ?? 'projects') as Grouping
  if (!GROUPINGS.includes(grouping)) return invalidValue('grouping', GROUPINGS)
  const subGrouping = (body['sub_grouping'] ?? 'time_entries') as string
  if (!SUB_GROUPINGS[grouping].includes(subGrouping)) return invalidValue('sub_grouping', SUB_GROUPINGS[grouping])
  const byRate = body['distinguish_rates'] === true
  const groups = collect(entries, PARTS[grouping]!, false).map((group) => ({ ...group, subGroups: collect(group.items, PARTS[subGrouping]!, byRate) }))
  return { grouping, subGrouping, groups }
}

/** The entries by the part `part` names, in the order they first appear; by rate too with `byRate`. */
function collect(entries: readonly ReportEntry[], part: Part, byRate: boolean): SubGroup[] {
  const found = new Map<string, SubGroup>()
  for (const item of entries) {
    const { id, title } = part(item)
    const key = `${id}:${title}${byRate ? `@${item.rateCents}` : ''}`
    const group = found.get(key) ?? { id, title, items: [] }
    group.items.push(item)
    found.set(key, group)
  }
  return [...found.values()]
}

const secondsOf = (items: readonly ReportEntry[]) => items.reduce((total, item) => total + item.seconds, 0)

function ordered<G extends SubGroup>(groups: G[], { body }: ReportQuery): G[] {
  const isNone = (group: SubGroup) => group.id === null && group.title === null
  const direction = body['order_dir'] === 'DESC' ? -1 : 1
  const byDuration = body['order_by'] === 'duration'
  return [...groups].sort((a, b) => {
    if (isNone(a) !== isNone(b)) return isNone(a) ? 1 : -1
    return direction * (byDuration ? secondsOf(a.items) - secondsOf(b.items) : (a.title ?? '').localeCompare(b.title ?? ''))
  })
}

/** `POST /reports/api/v3/workspace/{wid}/summary/time_entries` */
function summaryReport(call: ApiCall): Reply {
  return answerReport(call, SUMMARY_RULES, (found, query) => {
    const summary = summaryOf(reportEntries(call, found, query), query)
    if ('status' in summary) return summary
    const withIds = query.body['include_time_entry_ids'] === true
    const groups = ordered(summary.groups, query).map((group) => ({
      id: group.id,
      sub_groups: ordered(group.subGroups, query).map((sub) => ({
        id: sub.id,
        title: sub.title,
        seconds: secondsOf(sub.items),
        rates: ratesOf(sub.items),
        ids: withIds ? sub.items.map(({ entry }) => entry.id) : null,
      })),
    }))
    const reply = jsonReply(200, { groups })
    return { ...reply, headers: { 'X-Grouping': summary.grouping, 'X-Sub-Grouping': summary.subGrouping, ...rangeHeaders(query) } }
  })
}

const LABELS: Readonly<Record<string, string>> = {
  projects: 'Project',
  clients: 'Client',
  users: 'User',
  tasks: 'Task',
  time_entries: 'Time entry',
}

/** `POST …/summary/time_entries.{csv,xlsx,pdf}`: a row per sub-group (the fake's columns). */
function summaryExport(call: ApiCall): Reply {
  const format = call.params[1] as ExportFormat
  return answerReport(call, SUMMARY_RULES, (found, query) => {
    const summary = summaryOf(reportEntries(call, found, query), query)
    if ('status' in summary) return summary
    const durations = query.body['duration_format']
    const rows = ordered(summary.groups, query).flatMap((group) =>
      ordered(group.subGroups, query).map((sub) => [group.title ?? `(no ${LABELS[summary.grouping]!.toLowerCase()})`, sub.title ?? '', durationText(secondsOf(sub.items), durations)]),
    )
    const header = [LABELS[summary.grouping]!, LABELS[summary.subGrouping]!, 'Duration']
    return fileReply(format, `Summary report ${query.startDate} - ${query.endDate}`, [header, ...rows])
  })
}

/** `POST /reports/api/v3/workspace/{wid}/projects/summary`: time per user and project, projects only. */
function projectSummaries(call: ApiCall): Reply {
  return answerReport(call, {}, (found, query) => {
    const rows = new Map<string, { user_id: number; project_id: number; tracked_seconds: number; billable_seconds: number }>()
    for (const { entry, seconds } of reportEntries(call, found, query)) {
      if (entry.projectId === null) continue
      const key = `${entry.projectId}:${entry.userId}`
      const row = rows.get(key) ?? { user_id: entry.userId, project_id: entry.projectId, tracked_seconds: 0, billable_seconds: 0 }
      row.tracked_seconds += seconds
      if (entry.billable) row.billable_seconds += seconds
      rows.set(key, row)
    }
    return jsonReply(200, [...rows.values()].sort((a, b) => a.project_id - b.project_id || a.user_id - b.user_id))
  })
}

/** `POST /reports/api/v3/workspace/{wid}/projects/{pid}/summary`: the project's totals over the range. */
function projectSummary(call: ApiCall): Reply {
  return answerReport(call, {}, (found, query) => {
    if (parseId(call.params[1]) === undefined) return errorReply(400, 'Invalid project id')
    const project = entityIn(call.state.projects, call.params[1], found.workspace)
    if (!project) return errorReply(403, 'project not found or not accessible')
    const entries = reportEntries(call, found, query).filter(({ entry }) => entry.projectId === project.id)
    return jsonReply(200, totalsOf(entries, query, false))
  })
}

const WORKSPACE = String.raw`^\/reports\/api\/v3\/workspace\/([^/]+)`
const post = (handler: (call: ApiCall) => Reply) => new Map([['POST', handler]])

export const SUMMARY_ROUTES: Route[] = [
  { pattern: new RegExp(`${WORKSPACE}/summary/time_entries$`), handlers: post(summaryReport) },
  { pattern: new RegExp(`${WORKSPACE}/summary/time_entries\\.(csv|xlsx|pdf)$`), handlers: post(summaryExport) },
  { pattern: new RegExp(`${WORKSPACE}/projects/summary$`), handlers: post(projectSummaries) },
  { pattern: new RegExp(`${WORKSPACE}/projects/([^/]+)/summary$`), handlers: post(projectSummary) },
]
