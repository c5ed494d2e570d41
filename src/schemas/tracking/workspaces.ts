import * as v from 'valibot'
import { IdSchema, SinceInputSchema } from '../common.ts'
import { withEntries } from '../entries.ts'
import { workspaceEntries, workspaceInputObject } from '../organizations/organization-workspaces.ts'

/** A workspace as `GET /me/workspaces` lists it: with the number of its active projects. */
export const ListedWorkspaceSchema: v.GenericSchema<unknown, ListedWorkspace> = v.looseObject(withEntries(workspaceEntries(), { active_project_count: v.nullish(v.number()) }))

export const ListedWorkspaceListSchema: v.GenericSchema<unknown[], ListedWorkspace[]> = v.array(ListedWorkspaceSchema)

export interface ListedWorkspace {
  server_deleted_at?: string | null | undefined
  at?: string | null | undefined
  suspended_at?: string | null | undefined
  permissions?: string[] | null | undefined
  max_data_retention_days?: number | null | undefined
  id: number
  name: string
  /** Whether you administer it (deprecated by Toggl in favour of `role`). */
  admin?: boolean | null | undefined
  organization_id: number
  default_currency?: string | null | undefined
  /** Your role in it. */
  role?: string | null | undefined
  last_modified?: string | null | undefined
  /** On a Starter subscription. */
  premium?: boolean | null | undefined
  /** On a Premium subscription. */
  business_ws?: boolean | null | undefined
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
  working_hours_in_minutes?: number | null | undefined
  csv_upload?: ({ at?: string | null | undefined; log_id?: number | null | undefined } & { [key: string]: unknown }) | null | undefined
  te_constraints?: ({ time_entry_constraints_enabled?: boolean | null | undefined; description_present?: boolean | null | undefined; project_present?: boolean | null | undefined; tag_present?: boolean | null | undefined; task_present?: boolean | null | undefined } & { [key: string]: unknown }) | null | undefined
  active_project_count?: number | null | undefined
  [key: string]: unknown
}

/** The filter of `GET /me/workspaces`. */
export const MyWorkspaceFiltersSchema: v.GenericSchema<MyWorkspaceFilters, { since?: number | undefined }> = v.strictObject(
  {
    /** Only workspaces changed (memberships included) since then; sent as UNIX seconds. */
    since: v.optional(SinceInputSchema),
  },
  'filters must be an object',
)

export interface MyWorkspaceFilters {
  /** Only workspaces changed (memberships included) since then; sent as UNIX seconds. */
  since?: string | number | Date | undefined
}

/**
 * Changes to a workspace (`PUT /workspaces/{id}`): at least one of the fields a new workspace
 * takes, sent as given. The premium ones need a paid plan (402 on Free).
 */
export const WorkspaceChangesSchema: v.GenericSchema<WorkspaceChanges, WorkspaceChanges> = v.pipe(
  v.partial(workspaceInputObject),
  v.check((changes) => Object.keys(changes).length > 0, 'changes must name at least one field'),
)

export interface WorkspaceChanges {
  name?: string | undefined
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

/** What a time entry in the workspace must have (`GET /workspaces/{id}/time_entry_constraints`). */
export const TrackerConstraintsSchema: v.GenericSchema<unknown, TrackerConstraints> = v.looseObject({
  time_entry_constraints_enabled: v.nullish(v.boolean()),
  description_present: v.nullish(v.boolean()),
  project_present: v.nullish(v.boolean()),
  tag_present: v.nullish(v.boolean()),
  task_present: v.nullish(v.boolean()),
})

export interface TrackerConstraints {
  time_entry_constraints_enabled?: boolean | null | undefined
  description_present?: boolean | null | undefined
  project_present?: boolean | null | undefined
  tag_present?: boolean | null | undefined
  task_present?: boolean | null | undefined
  [key: string]: unknown
}

/** Someone in a workspace as `GET /workspaces/{id}/users` lists them: `id` is their user id. */
export const WorkspaceMemberSchema: v.GenericSchema<unknown, WorkspaceMember> = v.looseObject({
  id: IdSchema,
  email: v.nullish(v.string()),
  fullname: v.nullish(v.string()),
  /** Deactivated in the workspace. */
  inactive: v.nullish(v.boolean()),
  /** Has joined the workspace. */
  is_active: v.nullish(v.boolean()),
  is_admin: v.nullish(v.boolean()),
  role: v.nullish(v.string()),
})

export const WorkspaceMemberListSchema: v.GenericSchema<unknown[], WorkspaceMember[]> = v.array(WorkspaceMemberSchema)

export interface WorkspaceMember {
  id: number
  email?: string | null | undefined
  fullname?: string | null | undefined
  /** Deactivated in the workspace. */
  inactive?: boolean | null | undefined
  /** Has joined the workspace. */
  is_active?: boolean | null | undefined
  is_admin?: boolean | null | undefined
  role?: string | null | undefined
  [key: string]: unknown
}

/** The filter of `GET /workspaces/{id}/users`. */
export const WorkspaceMemberFiltersSchema: v.GenericSchema<WorkspaceMemberFilters, { exclude_deleted?: boolean | undefined }> = v.strictObject(
  {
    /** Leave out users removed from the workspace. */
    exclude_deleted: v.optional(v.boolean('must be a boolean')),
  },
  'filters must be an object',
)

export interface WorkspaceMemberFilters {
  /** Leave out users removed from the workspace. */
  exclude_deleted?: boolean | undefined
}
