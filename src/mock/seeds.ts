import type { MockTimeEntryConstraints, MockWorkspaceSettings } from './model.ts'

/** A client to add with `MockState.addClient`. */
export interface MockClientSeed {
  workspaceId: number
  name: string
  /** @default false */
  archived?: boolean
  notes?: string | null
  externalReference?: string | null
  /** @default the workspace's first member */
  creatorId?: number
}

/** A project to add with `MockState.addProject`. */
export interface MockProjectSeed {
  workspaceId: number
  name: string
  clientId?: number | null
  /** `#` and six hex digits. @default one of Toggl's palette, in turn */
  color?: string
  /** @default true */
  active?: boolean
  /** @default the workspace's `projects_private_by_default` */
  isPrivate?: boolean
  /** @default the workspace's `projects_billable_by_default` on a paid plan, else false */
  billable?: boolean
  template?: boolean
  templateId?: number | null
  autoEstimates?: boolean | null
  estimatedSeconds?: number | null
  rate?: number | null
  fixedFee?: number | null
  currency?: string | null
  /** `YYYY-MM-DD`. @default the day it is added */
  startDate?: string
  endDate?: string | null
  recurring?: boolean
  recurringParameters?: unknown[] | null
  externalReference?: string | null
  /** @default the workspace's first member */
  creatorId?: number
}

/** A tag to add with `MockState.addTag`. */
export interface MockTagSeed {
  workspaceId: number
  name: string
  /** @default the workspace's first member */
  creatorId?: number
}

/** A task to add with `MockState.addTask`; it belongs to its project's workspace. */
export interface MockTaskSeed {
  projectId: number
  name: string
  /** `false` for a task that is done. @default true */
  active?: boolean
  estimatedSeconds?: number | null
  /** The assignee. */
  userId?: number | null
  externalReference?: string | null
}

/** A time entry to add with `MockState.addTimeEntry`. */
export interface MockTimeEntrySeed {
  workspaceId: number
  /** @default the workspace's first member */
  userId?: number
  /** A `Date`, an RFC 3339 string or ms since the epoch. */
  start: Date | string | number
  /**
   * When it ended; `null` leaves it running (and stops the user's running entry). Without `stop`
   * and `duration` it ends when it starts, as Toggl stores a start-only entry.
   */
  stop?: Date | string | number | null
  /** Seconds; used when `stop` is absent. */
  duration?: number
  description?: string | null
  projectId?: number | null
  /** The task's project is taken when `projectId` is absent. */
  taskId?: number | null
  tagIds?: number[]
  /** @default false */
  billable?: boolean
  /** @default 'togglkit/mock' */
  createdWith?: string
}

/** The settings a new workspace starts with, as Toggl describes them. */
export function defaultSettings(): MockWorkspaceSettings {
  return {
    default_currency: 'USD',
    // Real replies send null until a rate is set.
    default_hourly_rate: null,
    rounding: 1,
    rounding_minutes: 0,
    only_admins_may_create_projects: false,
    only_admins_may_create_tags: false,
    only_admins_see_team_dashboard: false,
    projects_billable_by_default: true,
    projects_enforce_billable: false,
    projects_private_by_default: true,
    limit_public_project_data: false,
    reports_collapse: true,
    hide_start_end_times: false,
  }
}

export function defaultConstraints(): MockTimeEntryConstraints {
  return {
    time_entry_constraints_enabled: false,
    description_present: false,
    project_present: false,
    tag_present: false,
    task_present: false,
  }
}

// Toggl's project palette; a new project without a colour takes the next one.
const PROJECT_COLORS = [
  '#0b83d9', '#9e5bd9', '#d94182', '#e36a00', '#bf7000', '#2da608', '#06a893',
  '#c9806b', '#465bb3', '#990099', '#c7af14', '#566614', '#d92b2b', '#525266',
]

export function paletteColor(index: number): string {
  return PROJECT_COLORS[index % PROJECT_COLORS.length]!
}

/** A seed's time as ms since the epoch; throws for one that is no time at all. */
export function instantOf(value: Date | string | number, what: string): number {
  const ms = value instanceof Date ? value.getTime() : typeof value === 'string' ? Date.parse(value) : value
  if (!Number.isFinite(ms)) throw new Error(`togglkit/mock: ${what} is not a time: ${String(value)}`)
  return ms
}

/** A user's preferences before they change any: a few of Toggl's keys, in its mixed case. */
export function defaultPreferences(): Record<string, unknown> {
  return {
    date_format: 'MM/DD/YYYY',
    timeofday_format: 'H:mm',
    duration_format: 'improved',
    pg_time_zone_name: 'utc',
    record_timeline: false,
    send_product_emails: true,
    send_weekly_report: true,
    send_timer_notifications: true,
    send_added_to_project_notification: true,
    show_timeline_in_day_view: false,
    collapseTimeEntries: true,
    manualMode: false,
  }
}
