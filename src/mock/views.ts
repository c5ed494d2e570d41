import type {
  MockAccount,
  MockClient,
  MockOrganization,
  MockProfile,
  MockProject,
  MockRecords,
  MockTag,
  MockTask,
  MockTimeEntry,
  MockWorkspace,
} from './model.ts'
import { secretOf } from './secrets.ts'
import { changedAt, dayOf, listedTime, repliedTime } from './times.ts'

/** What the views read of the fake's state (`MockState` is one). */
export interface ViewSource {
  readonly accounts: ReadonlyMap<number, MockAccount>
  readonly clients: ReadonlyMap<number, MockClient>
  readonly projects: ReadonlyMap<number, MockProject>
  readonly tags: ReadonlyMap<number, MockTag>
  readonly tasks: ReadonlyMap<number, MockTask>
  readonly timeEntries: ReadonlyMap<number, MockTimeEntry>
  organizationOfWorkspace(workspaceId: number): MockOrganization | undefined
  accessOf(organization: MockOrganization, workspace: MockWorkspace, accountId: number): 'admin' | 'member' | undefined
  profileOf(accountId: number): MockProfile
  defaultWorkspaceOf(accountId: number): number | null
  now(): number
}

type View = Record<string, unknown>

const deletedAt = (ms: number | null) => (ms === null ? null : changedAt(ms))

/** The `/me` user object, secrets included (the client must strip them). */
export function profileView(source: ViewSource, account: MockAccount): View {
  const profile = source.profileOf(account.id)
  return {
    id: account.id,
    api_token: account.apiToken,
    email: account.email,
    fullname: account.fullname,
    timezone: profile.timezone,
    toggl_accounts_id: secretOf(`account ${account.id}`, 22),
    default_workspace_id: source.defaultWorkspaceOf(account.id),
    beginning_of_week: profile.beginningOfWeek,
    image_url: 'https://assets.track.toggl.com/images/profile.png',
    created_at: changedAt(profile.createdAt),
    updated_at: changedAt(profile.at),
    openid_email: null,
    openid_enabled: false,
    country_id: profile.countryId,
    has_password: true,
    at: changedAt(profile.at),
    intercom_hash: secretOf(`intercom ${account.id}`, 64),
    oauth_providers: [],
    authorization_updated_at: changedAt(profile.createdAt),
  }
}

/** A workspace seen by one member: its `admin` and `role` are about them; `api_token` and `ical_url` are secrets. */
export function workspaceView(source: ViewSource, organization: MockOrganization, workspace: MockWorkspace, viewerId: number): View {
  const plan = organization.pricingPlanName
  const admin = source.accessOf(organization, workspace, viewerId) === 'admin'
  return {
    id: workspace.id,
    organization_id: organization.id,
    name: workspace.name,
    premium: plan !== 'Free',
    business_ws: plan === 'Premium' || plan === 'Enterprise',
    admin,
    role: admin ? 'admin' : 'user',
    suspended_at: null,
    server_deleted_at: null,
    ...workspace.settings,
    rate_last_updated: null,
    api_token: secretOf(`workspace ${workspace.id}`, 32),
    at: changedAt(workspace.at),
    last_modified: changedAt(workspace.at),
    logo_url: 'https://assets.track.toggl.com/images/workspace.jpg',
    ical_url: `/ical/workspace_user/${secretOf(`ical ${workspace.id} ${viewerId}`, 32)}`,
    ical_enabled: true,
    csv_upload: null,
    subscription: null,
    working_hours_in_minutes: null,
  }
}

export function clientView(client: MockClient): View {
  return {
    id: client.id,
    wid: client.workspaceId,
    name: client.name,
    archived: client.archived,
    creator_id: client.creatorId,
    at: changedAt(client.at),
    ...(client.notes === null ? {} : { notes: client.notes }),
    ...(client.externalReference === null ? {} : { external_reference: client.externalReference }),
    ...(client.deletedAt === null ? {} : { server_deleted_at: deletedAt(client.deletedAt) }),
  }
}

export function projectView(source: ViewSource, project: MockProject): View {
  const seconds = trackedSeconds(source, (entry) => entry.projectId === project.id)
  const tasks = [...source.tasks.values()].filter((task) => task.projectId === project.id && task.deletedAt === null).length
  const estimatedHours = project.estimatedSeconds === null ? null : Math.floor(project.estimatedSeconds / 3600)
  return {
    id: project.id,
    workspace_id: project.workspaceId,
    client_id: project.clientId,
    name: project.name,
    is_private: project.isPrivate,
    active: project.active,
    at: changedAt(project.at),
    created_at: changedAt(project.createdAt),
    server_deleted_at: deletedAt(project.deletedAt),
    color: project.color,
    billable: project.billable,
    // Real replies send null, not false, for a project that is no template.
    template: project.template || null,
    auto_estimates: project.autoEstimates,
    estimated_hours: estimatedHours,
    estimated_seconds: project.estimatedSeconds,
    rate: project.rate,
    rate_last_updated: null,
    currency: project.currency,
    recurring: project.recurring,
    template_id: project.templateId,
    recurring_parameters: project.recurringParameters,
    fixed_fee: project.fixedFee,
    actual_hours: Math.floor(seconds / 3600),
    actual_seconds: seconds,
    start_date: project.startDate,
    end_date: project.endDate,
    status: projectStatus(source, project),
    is_shared: false,
    tasks_count: tasks === 0 ? null : tasks,
    can_track_time: true,
    pinned: false,
    external_reference: project.externalReference,
    wid: project.workspaceId,
    cid: project.clientId,
  }
}

/** Toggl's `status`: deleted, archived, upcoming (starts later), ended (ended earlier) or active. */
export function projectStatus(source: ViewSource, project: MockProject): string {
  const today = dayOf(source.now())
  if (project.deletedAt !== null) return 'deleted'
  if (!project.active) return 'archived'
  if (project.startDate > today) return 'upcoming'
  if (project.endDate !== null && project.endDate < today) return 'ended'
  return 'active'
}

/** A tag; `server_deleted_at` and `deleted_at` appear only on a deleted one, as real replies lack them. */
export function tagView(tag: MockTag): View {
  return {
    id: tag.id,
    workspace_id: tag.workspaceId,
    name: tag.name,
    at: changedAt(tag.at),
    creator_id: tag.creatorId,
    ...(tag.deletedAt === null ? {} : { deleted_at: deletedAt(tag.deletedAt), server_deleted_at: deletedAt(tag.deletedAt) }),
  }
}

/** A task; with `meta`, the names of its project, client and assignee too. */
export function taskView(source: ViewSource, task: MockTask, meta = true): View {
  const view: View = {
    id: task.id,
    name: task.name,
    workspace_id: task.workspaceId,
    project_id: task.projectId,
    user_id: task.userId,
    recurring: false,
    active: task.active,
    at: changedAt(task.at),
    server_deleted_at: deletedAt(task.deletedAt),
    estimated_seconds: task.estimatedSeconds,
    // Toggl's field says seconds but holds milliseconds.
    tracked_seconds: trackedSeconds(source, (entry) => entry.taskId === task.id) * 1000,
    external_reference: task.externalReference,
    rate: null,
    rate_last_updated: null,
    toggl_accounts_id: null,
  }
  if (!meta) return view
  const project = source.projects.get(task.projectId)
  const client = project?.clientId == null ? undefined : source.clients.get(project.clientId)
  return {
    ...view,
    project_name: project?.name ?? '',
    project_color: project?.color ?? '',
    project_billable: project?.billable ?? false,
    project_is_private: project?.isPrivate ?? false,
    client_id: client?.id ?? null,
    client_name: client?.name ?? null,
    user_name: task.userId === null ? null : (source.accounts.get(task.userId)?.fullname ?? null),
  }
}

interface TimeEntryForm {
  /** `listed` for reads (`…+00:00`, no tags as `[]`), `replied` for create, update and stop replies (`…Z`, no tags as null). */
  form: 'listed' | 'replied'
  /** Adds the names of its project, task, client and user (`meta=true`). */
  meta?: boolean
}

/**
 * A time entry. A running one shows `duration` = −(start in epoch seconds, rounded up), as real
 * reads do; `pid`/`tid` are left out when it has no project / task.
 */
export function timeEntryView(source: ViewSource, entry: MockTimeEntry, { form, meta = false }: TimeEntryForm): View {
  const time = form === 'listed' ? listedTime : repliedTime
  const tags = entry.tagIds.map((id) => source.tags.get(id)?.name ?? '')
  const noTags = form === 'listed' ? [] : null
  const view: View = {
    id: entry.id,
    workspace_id: entry.workspaceId,
    project_id: entry.projectId,
    task_id: entry.taskId,
    billable: entry.billable,
    start: time(entry.start),
    stop: entry.stop === null ? null : time(entry.stop),
    duration: durationOf(entry),
    description: entry.description,
    tags: tags.length === 0 ? noTags : tags,
    tag_ids: entry.tagIds.length === 0 ? noTags : [...entry.tagIds],
    duronly: true,
    at: changedAt(entry.at),
    server_deleted_at: deletedAt(entry.deletedAt),
    user_id: entry.userId,
    uid: entry.userId,
    wid: entry.workspaceId,
    ...(entry.projectId === null ? {} : { pid: entry.projectId }),
    ...(entry.taskId === null ? {} : { tid: entry.taskId }),
  }
  if (!meta) return view
  const project = entry.projectId === null ? undefined : source.projects.get(entry.projectId)
  const client = project?.clientId == null ? undefined : source.clients.get(project.clientId)
  const account = source.accounts.get(entry.userId)
  return {
    ...view,
    client_id: client?.id ?? null,
    client_name: client?.name ?? null,
    project_name: project?.name ?? null,
    project_color: project?.color ?? null,
    project_active: project?.active ?? null,
    project_billable: project?.billable ?? null,
    task_name: entry.taskId === null ? null : (source.tasks.get(entry.taskId)?.name ?? null),
    user_name: account?.fullname ?? '',
    user_avatar_url: '',
  }
}

/** Seconds between the whole-second start and stop shown; negative while running. */
function durationOf(entry: MockTimeEntry): number {
  if (entry.stop === null) return -Math.ceil(entry.start / 1000)
  return Math.floor(entry.stop / 1000) - Math.floor(entry.start / 1000)
}

/** Seconds of the finished, undeleted entries that match. */
function trackedSeconds(source: ViewSource, matches: (entry: MockTimeEntry) => boolean): number {
  let seconds = 0
  for (const entry of source.timeEntries.values()) {
    if (entry.deletedAt === null && entry.stop !== null && matches(entry)) seconds += durationOf(entry)
  }
  return seconds
}

type Change = { [M in keyof MockRecords]: { model: M; record: MockRecords[M] } }[keyof MockRecords]

/** An entity as the API shows it to `viewerId` right after a change (time entries as a write reply does). */
export function viewOf(source: ViewSource, change: Change, viewerId: number): View {
  switch (change.model) {
    case 'client':
      return clientView(change.record)
    case 'project':
      return projectView(source, change.record)
    case 'tag':
      return tagView(change.record)
    case 'task':
      return taskView(source, change.record)
    case 'time_entry':
      return timeEntryView(source, change.record, { form: 'replied' })
    case 'workspace': {
      const organization = source.organizationOfWorkspace(change.record.id)
      if (!organization) throw new Error(`togglkit/mock: workspace ${change.record.id} is in no organization`)
      return workspaceView(source, organization, change.record, viewerId)
    }
  }
}
