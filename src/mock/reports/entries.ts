import type { ApiCall } from '../calls.ts'
import type { MockClient, MockProject, MockTag, MockTask, MockTimeEntry } from '../model.ts'
import type { WorkspaceCall } from '../workspace-calls.ts'
import type { ReportQuery } from './query.ts'

/** A time entry as a report counts it: its duration rounded, what it names, what it earns. */
export interface ReportEntry {
  entry: MockTimeEntry
  /** Its duration as the report shows it, rounded as asked (or as the workspace rounds). */
  seconds: number
  username: string
  email: string
  project: MockProject | undefined
  client: MockClient | undefined
  task: MockTask | undefined
  tags: MockTag[]
  /** The hourly rate in cents: the project's, else the workspace's default; `null` for none. */
  rateCents: number | null
  currency: string
  /** What it earns: billable seconds at the rate. */
  billableCents: number
}

type IdFilter = readonly (number | null)[] | undefined

/**
 * The entries a report covers, oldest first: the workspace's stopped, undeleted entries that
 * started within the range (UTC days) and pass every filter of the body. Running entries are left
 * out (they have no duration yet) and a member who is no admin sees only their own entries: both
 * the fake's rules, as Toggl documents neither.
 */
export function reportEntries(call: ApiCall, { organization, workspace, admin }: WorkspaceCall, query: ReportQuery): ReportEntry[] {
  const { state } = call
  const { body } = query
  const ids = (field: string) => (Array.isArray(body[field]) ? (body[field] as (number | null)[]) : undefined)
  const [users, timeEntries, projects, tasks, clients, tags, groups] = [
    'user_ids',
    'time_entry_ids',
    'project_ids',
    'task_ids',
    'client_ids',
    'tag_ids',
    'group_ids',
  ].map(ids)
  const groupMembers = groups && new Set(organization.groups.filter((group) => groups.includes(group.id)).flatMap((group) => group.userIds))
  const description = typeof body['description'] === 'string' ? body['description'].toLowerCase() : undefined
  const billable = typeof body['billable'] === 'boolean' ? body['billable'] : undefined
  const minimum = typeof body['min_duration_seconds'] === 'number' ? body['min_duration_seconds'] : undefined
  const maximum = typeof body['max_duration_seconds'] === 'number' ? body['max_duration_seconds'] : undefined
  const rounding = typeof body['rounding'] === 'number' ? body['rounding'] : workspace.settings.rounding
  const roundingMinutes = typeof body['rounding_minutes'] === 'number' ? body['rounding_minutes'] : workspace.settings.rounding_minutes

  const entries: ReportEntry[] = []
  for (const entry of state.timeEntries.values()) {
    if (entry.workspaceId !== workspace.id || entry.deletedAt !== null || entry.stop === null) continue
    if (entry.start < query.from || entry.start >= query.until) continue
    if (!admin && entry.userId !== call.account.id) continue
    const project = entry.projectId === null ? undefined : state.projects.get(entry.projectId)
    const client = project && project.clientId !== null ? state.clients.get(project.clientId) : undefined
    const tracked = Math.floor((entry.stop - entry.start) / 1000)
    if (!matches(users, entry.userId) || !matches(timeEntries, entry.id)) continue
    if (!matches(projects, entry.projectId) || !matches(tasks, entry.taskId)) continue
    if (!matches(clients, client?.id ?? null) || !matchesTags(tags, entry.tagIds)) continue
    if (groupMembers && !groupMembers.has(entry.userId)) continue
    if (billable !== undefined && entry.billable !== billable) continue
    // The fake's reading of "filtering attribute": the description contains the text, case aside.
    if (description !== undefined && !(entry.description ?? '').toLowerCase().includes(description)) continue
    if ((minimum !== undefined && tracked < minimum) || (maximum !== undefined && tracked > maximum)) continue

    const account = state.accounts.get(entry.userId)
    const rate = project?.rate ?? workspace.settings.default_hourly_rate
    const rateCents = rate === null ? null : Math.round(rate * 100)
    const seconds = rounded(tracked, rounding, roundingMinutes)
    entries.push({
      entry,
      seconds,
      username: account?.fullname ?? '',
      email: account?.email ?? '',
      project,
      client,
      task: entry.taskId === null ? undefined : state.tasks.get(entry.taskId),
      tags: entry.tagIds.flatMap((id) => state.tags.get(id) ?? []),
      rateCents,
      currency: project?.currency ?? workspace.settings.default_currency,
      billableCents: entry.billable && rateCents !== null ? Math.round((seconds * rateCents) / 3600) : 0,
    })
  }
  return entries.sort((a, b) => a.entry.start - b.entry.start || a.entry.id - b.entry.id)
}

/** An id filter: `null` in it stands for "none". */
function matches(filter: IdFilter, id: number | null): boolean {
  return filter === undefined || filter.includes(id)
}

/** A tag filter: any of its tags; `null` for entries without tags. */
function matchesTags(filter: IdFilter, tagIds: readonly number[]): boolean {
  if (filter === undefined) return true
  return tagIds.length === 0 ? filter.includes(null) : tagIds.some((id) => filter.includes(id))
}

/** Seconds rounded to `minutes` (0: as tracked): -1 down, 0 to the nearest, 1 up, as Toggl's rounding setting reads. */
function rounded(seconds: number, direction: number, minutes: number): number {
  if (minutes <= 0) return seconds
  const step = minutes * 60
  const round = direction < 0 ? Math.floor : direction > 0 ? Math.ceil : Math.round
  return round(seconds / step) * step
}
