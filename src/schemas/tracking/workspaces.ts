import * as v from 'valibot'
import { IdSchema, SinceInputSchema } from '../common.ts'
import { withEntries } from '../entries.ts'
import { workspaceEntries, workspaceInputObject, type TogglWorkspace, type WorkspaceInput } from '../organizations/organization-workspaces.ts'

/** A workspace as `GET /me/workspaces` lists it: with the number of its active projects. */
export const ListedWorkspaceSchema: v.GenericSchema<unknown, ListedWorkspace> = v.looseObject(withEntries(workspaceEntries(), { active_project_count: v.nullish(v.number()) }))

export const ListedWorkspaceListSchema: v.GenericSchema<unknown[], ListedWorkspace[]> = v.array(ListedWorkspaceSchema)

export interface ListedWorkspace extends TogglWorkspace {
  active_project_count?: number | null | undefined
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

export interface WorkspaceChanges extends Omit<WorkspaceInput, 'name'> {
  name?: string | undefined
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
