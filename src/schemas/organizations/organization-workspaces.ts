import * as v from 'valibot'
import { IdInputSchema, IdListInputSchema, IdSchema, TimestampSchema, unique } from '../common.ts'
import { WorkspaceNameSchema } from '../names.ts'

/**
 * A workspace (`POST /organizations/{id}/workspaces` answers the new one, `WorkspaceEndpoint` reads
 * them). Its `api_token` and `ical_url` are credentials: togglkit drops them from every reply.
 */
export const WorkspaceSchema: v.GenericSchema<unknown, TogglWorkspace> = v.looseObject(workspaceEntries())

/** A workspace's entries, for the schemas of replies that add to it (`GET /me/workspaces`). */
/* @__NO_SIDE_EFFECTS__ */
export function workspaceEntries() {
  return {
    id: IdSchema,
    name: v.string(),
    organization_id: IdSchema,
    /** Whether you administer it (deprecated by Toggl in favour of `role`). */
    admin: v.nullish(v.boolean()),
    /** Your role in it. */
    role: v.nullish(v.string()),
    permissions: v.nullish(v.array(v.string())),
    at: v.nullish(TimestampSchema),
    last_modified: v.nullish(TimestampSchema),
    suspended_at: v.nullish(TimestampSchema),
    server_deleted_at: v.nullish(TimestampSchema),
    /** On a Starter subscription. */
    premium: v.nullish(v.boolean()),
    /** On a Premium subscription. */
    business_ws: v.nullish(v.boolean()),
    default_currency: v.nullish(v.string()),
    default_hourly_rate: v.nullish(v.number()),
    rate_last_updated: v.nullish(TimestampSchema),
    /** -1 rounds down, 0 to the nearest, 1 up. */
    rounding: v.nullish(v.number()),
    rounding_minutes: v.nullish(v.number()),
    only_admins_may_create_projects: v.nullish(v.boolean()),
    only_admins_may_create_tags: v.nullish(v.boolean()),
    only_admins_see_team_dashboard: v.nullish(v.boolean()),
    projects_billable_by_default: v.nullish(v.boolean()),
    projects_enforce_billable: v.nullish(v.boolean()),
    projects_private_by_default: v.nullish(v.boolean()),
    limit_public_project_data: v.nullish(v.boolean()),
    reports_collapse: v.nullish(v.boolean()),
    hide_start_end_times: v.nullish(v.boolean()),
    disable_approvals: v.nullish(v.boolean()),
    disable_expenses: v.nullish(v.boolean()),
    disable_timesheet_view: v.nullish(v.boolean()),
    ical_enabled: v.nullish(v.boolean()),
    logo_url: v.nullish(v.string()),
    max_data_retention_days: v.nullish(v.number()),
    working_hours_in_minutes: v.nullish(v.number()),
    csv_upload: v.nullish(v.looseObject({ at: v.nullish(TimestampSchema), log_id: v.nullish(IdSchema) })),
    te_constraints: v.nullish(
      v.looseObject({
        time_entry_constraints_enabled: v.nullish(v.boolean()),
        description_present: v.nullish(v.boolean()),
        project_present: v.nullish(v.boolean()),
        tag_present: v.nullish(v.boolean()),
        task_present: v.nullish(v.boolean()),
      }),
    ),
  }
}

export interface TogglWorkspace {
  id: number
  name: string
  organization_id: number
  /** Whether you administer it (deprecated by Toggl in favour of `role`). */
  admin?: boolean | null | undefined
  /** Your role in it. */
  role?: string | null | undefined
  permissions?: string[] | null | undefined
  at?: string | null | undefined
  last_modified?: string | null | undefined
  suspended_at?: string | null | undefined
  server_deleted_at?: string | null | undefined
  /** On a Starter subscription. */
  premium?: boolean | null | undefined
  /** On a Premium subscription. */
  business_ws?: boolean | null | undefined
  default_currency?: string | null | undefined
  default_hourly_rate?: number | null | undefined
  rate_last_updated?: string | null | undefined
  /** -1 rounds down, 0 to the nearest, 1 up. */
  rounding?: number | null | undefined
  rounding_minutes?: number | null | undefined
  only_admins_may_create_projects?: boolean | null | undefined
  only_admins_may_create_tags?: boolean | null | undefined
  only_admins_see_team_dashboard?: boolean | null | undefined
  projects_billable_by_default?: boolean | null | undefined
  projects_enforce_billable?: boolean | null | undefined
  projects_private_by_default?: boolean | null | undefined
  limit_public_project_data?: boolean | null | undefined
  reports_collapse?: boolean | null | undefined
  hide_start_end_times?: boolean | null | undefined
  disable_approvals?: boolean | null | undefined
  disable_expenses?: boolean | null | undefined
  disable_timesheet_view?: boolean | null | undefined
  ical_enabled?: boolean | null | undefined
  logo_url?: string | null | undefined
  max_data_retention_days?: number | null | undefined
  working_hours_in_minutes?: number | null | undefined
  csv_upload?: ({ at?: string | null | undefined; log_id?: number | null | undefined } & { [key: string]: unknown }) | null | undefined
  te_constraints?: ({ time_entry_constraints_enabled?: boolean | null | undefined; description_present?: boolean | null | undefined; project_present?: boolean | null | undefined; tag_present?: boolean | null | undefined; task_present?: boolean | null | undefined } & { [key: string]: unknown }) | null | undefined
  [key: string]: unknown
}

/** One workspace's counts, as `GET /organizations/{id}/workspaces/statistics` lists them. */
export const WorkspaceStatisticsSchema: v.GenericSchema<unknown, WorkspaceStatistics> = v.looseObject({
  admins: v.nullish(v.array(v.looseObject({ user_id: IdSchema, name: v.nullish(v.string()) }))),
  groups_count: v.nullish(v.number()),
  members_count: v.nullish(v.number()),
})

/** Statistics by workspace id (JSON object keys, so strings). */
export const WorkspaceStatisticsMapSchema: v.GenericSchema<{ [x: string]: unknown }, { [x: string]: WorkspaceStatistics }> = v.record(v.string(), WorkspaceStatisticsSchema)

export interface WorkspaceStatistics {
  admins?: ({ user_id: number; name?: string | null | undefined } & { [key: string]: unknown })[] | null | undefined
  groups_count?: number | null | undefined
  members_count?: number | null | undefined
  [key: string]: unknown
}

/** Someone in a workspace, directly or through a group. */
export const WorkspaceUserSchema: v.GenericSchema<unknown, WorkspaceUser> = v.looseObject({
  /** The workspace-user id (what `deleteUsers` takes), not the account id. */
  id: IdSchema,
  /** The account id. */
  user_id: v.nullish(IdSchema),
  uid: v.nullish(IdSchema),
  workspace_id: v.nullish(IdSchema),
  wid: v.nullish(IdSchema),
  name: v.nullish(v.string()),
  email: v.nullish(v.string()),
  /** Accepted the invitation. */
  active: v.nullish(v.boolean()),
  /** Deactivated by an admin. */
  inactive: v.nullish(v.boolean()),
  admin: v.nullish(v.boolean()),
  workspace_admin: v.nullish(v.boolean()),
  organization_admin: v.nullish(v.boolean()),
  role: v.nullish(v.string()),
  role_id: v.nullish(IdSchema),
  /** A direct member, not only one through a group. */
  is_direct: v.nullish(v.boolean()),
  group_ids: v.nullish(v.array(IdSchema)),
  rate: v.nullish(v.number()),
  rate_last_updated: v.nullish(TimestampSchema),
  labor_cost: v.nullish(v.number()),
  labor_cost_last_updated: v.nullish(TimestampSchema),
  view_edit_billable_rates: v.nullish(v.boolean()),
  view_edit_labor_costs: v.nullish(v.boolean()),
  timezone: v.nullish(v.string()),
  avatar_file_name: v.nullish(v.string()),
  '2fa_enabled': v.nullish(v.boolean()),
  working_hours_in_minutes: v.nullish(v.number()),
  at: v.nullish(TimestampSchema),
  invitation_code: v.nullish(v.string()),
  invite_url: v.nullish(v.string()),
})

export const WorkspaceUserListSchema: v.GenericSchema<unknown[], WorkspaceUser[]> = v.array(WorkspaceUserSchema)

export interface WorkspaceUser {
  /** The workspace-user id (what `deleteUsers` takes), not the account id. */
  id: number
  /** The account id. */
  user_id?: number | null | undefined
  uid?: number | null | undefined
  workspace_id?: number | null | undefined
  wid?: number | null | undefined
  name?: string | null | undefined
  email?: string | null | undefined
  /** Accepted the invitation. */
  active?: boolean | null | undefined
  /** Deactivated by an admin. */
  inactive?: boolean | null | undefined
  admin?: boolean | null | undefined
  workspace_admin?: boolean | null | undefined
  organization_admin?: boolean | null | undefined
  role?: string | null | undefined
  role_id?: number | null | undefined
  /** A direct member, not only one through a group. */
  is_direct?: boolean | null | undefined
  group_ids?: number[] | null | undefined
  rate?: number | null | undefined
  rate_last_updated?: string | null | undefined
  labor_cost?: number | null | undefined
  labor_cost_last_updated?: string | null | undefined
  view_edit_billable_rates?: boolean | null | undefined
  view_edit_labor_costs?: boolean | null | undefined
  timezone?: string | null | undefined
  avatar_file_name?: string | null | undefined
  '2fa_enabled'?: boolean | null | undefined
  working_hours_in_minutes?: number | null | undefined
  at?: string | null | undefined
  invitation_code?: string | null | undefined
  invite_url?: string | null | undefined
  [key: string]: unknown
}

const flag = v.optional(v.boolean('must be a boolean'))

/** The fields of a new workspace, as an object schema (`WorkspaceChangesSchema` takes them all optional). */
export const workspaceInputObject = v.strictObject(
  {
    name: WorkspaceNameSchema,
    /** Account ids of the organization's members who administer it. */
    admins: v.optional(IdListInputSchema),
    /** Premium. */
    default_currency: v.optional(v.pipe(v.string('must be a string'), v.nonEmpty('must not be empty'))),
    /** Premium. */
    default_hourly_rate: v.optional(
      v.pipe(v.number('must be a number'), v.finite('must be a finite number'), v.minValue(0, 'must not be negative')),
    ),
    /** Premium: -1 rounds down, 0 to the nearest, 1 up. */
    rounding: v.optional(v.picklist([-1, 0, 1], 'must be -1 (down), 0 (nearest) or 1 (up)')),
    /** Premium. */
    rounding_minutes: v.optional(
      v.pipe(v.number('must be a number'), v.safeInteger('must be a whole number'), v.minValue(0, 'must not be negative')),
    ),
    /** Premium: how a rate change applies to existing time entries. */
    rate_change_mode: v.optional(
      v.picklist(['start-today', 'override-current', 'override-all'], "must be 'start-today', 'override-current' or 'override-all'"),
    ),
    /** Premium. */
    projects_billable_by_default: flag,
    /** Premium. */
    only_admins_may_create_tags: flag,
    only_admins_may_create_projects: flag,
    only_admins_see_team_dashboard: flag,
    projects_enforce_billable: flag,
    projects_private_by_default: flag,
    limit_public_project_data: flag,
    reports_collapse: flag,
  },
  'workspace must be an object',
)

/**
 * A new workspace in an organization. Only `name` is required. The fields marked premium need a
 * paid plan: on Free Toggl refuses the whole call with 402 (`PlanRestrictionError`).
 */
export const WorkspaceInputSchema: v.GenericSchema<WorkspaceInput, WorkspaceInput> = workspaceInputObject

export interface WorkspaceInput {
  name: string
  /** Account ids of the organization's members who administer it. */
  admins?: number[] | undefined
  /** Premium. */
  default_currency?: string | undefined
  /** Premium. */
  default_hourly_rate?: number | undefined
  /** Premium: -1 rounds down, 0 to the nearest, 1 up. */
  rounding?: 0 | 1 | -1 | undefined
  /** Premium. */
  rounding_minutes?: number | undefined
  /** Premium: how a rate change applies to existing time entries. */
  rate_change_mode?: 'start-today' | 'override-current' | 'override-all' | undefined
  /** Premium. */
  projects_billable_by_default?: boolean | undefined
  /** Premium. */
  only_admins_may_create_tags?: boolean | undefined
  only_admins_may_create_projects?: boolean | undefined
  only_admins_see_team_dashboard?: boolean | undefined
  projects_enforce_billable?: boolean | undefined
  projects_private_by_default?: boolean | undefined
  limit_public_project_data?: boolean | undefined
  reports_collapse?: boolean | undefined
}

const positive = v.pipe(v.number('must be a number'), v.safeInteger('must be a whole number'), v.minValue(1, 'must be at least 1'))

/** The filters of `GET …/workspaces/{workspace_id}/workspace_users`. */
export const WorkspaceUserFiltersSchema: v.GenericSchema<WorkspaceUserFilters, WorkspaceUserFilters> = v.strictObject(
  {
    /** Only users whose name contains this. */
    name: v.optional(v.string('must be a string')),
    /** Only users whose name or email contains this. */
    search: v.optional(v.string('must be a string')),
    page: v.optional(positive),
    per_page: v.optional(positive),
    /** Only users with (`true`) or without (`false`) a custom hourly rate. */
    custom_rates: flag,
    /** Only active users. */
    active: flag,
  },
  'filters must be an object',
)

export type WorkspaceUserFilters = {
  /** Only users whose name contains this. */
  name?: string | undefined
  /** Only users whose name or email contains this. */
  search?: string | undefined
  page?: number | undefined
  per_page?: number | undefined
  /** Only users with (`true`) or without (`false`) a custom hourly rate. */
  custom_rates?: boolean | undefined
  /** Only active users. */
  active?: boolean | undefined
}

/** A workspace user to remove: its workspace-user id, or a `WorkspaceUser` (by its `id`). */
const WorkspaceUserRefSchema = v.union(
  [IdInputSchema, v.pipe(v.object({ id: IdInputSchema }), v.transform(({ id }) => id))],
  'must be a workspace-user id or a workspace user',
)

/** The workspace users `deleteUsers` removes, turned into Toggl's `{ delete: [ids] }`. */
export const WorkspaceUserDeletionSchema: v.GenericSchema<(number | { id: number })[], { delete: number[] }> = v.pipe(
  v.array(WorkspaceUserRefSchema, 'workspace users must be an array of ids'),
  v.minLength(1, 'workspace users must name at least one'),
  v.check((ids) => unique(ids), 'workspace users must not repeat an id'),
  v.transform((ids) => ({ delete: ids })),
)
