import * as v from 'valibot'
import { IdSchema, SinceInputSchema } from '../common.ts'
import { withEntries } from '../entries.ts'
import { WorkspaceInputSchema, workspaceEntries } from '../organizations/organization-workspaces.ts'

/** A workspace as `GET /me/workspaces` lists it: with the number of its active projects. */
export const ListedWorkspaceSchema = v.looseObject(withEntries(workspaceEntries(), { active_project_count: v.nullish(v.number()) }))

export const ListedWorkspaceListSchema = v.array(ListedWorkspaceSchema)

export type ListedWorkspace = v.InferOutput<typeof ListedWorkspaceSchema>

/** The filter of `GET /me/workspaces`. */
export const MyWorkspaceFiltersSchema = v.strictObject(
  {
    /** Only workspaces changed (memberships included) since then; sent as UNIX seconds. */
    since: v.optional(SinceInputSchema),
  },
  'filters must be an object',
)

export type MyWorkspaceFilters = v.InferInput<typeof MyWorkspaceFiltersSchema>

/**
 * Changes to a workspace (`PUT /workspaces/{id}`): at least one of the fields a new workspace
 * takes, sent as given. The premium ones need a paid plan (402 on Free).
 */
export const WorkspaceChangesSchema = v.pipe(
  v.partial(WorkspaceInputSchema),
  v.check((changes) => Object.keys(changes).length > 0, 'changes must name at least one field'),
)

export type WorkspaceChanges = v.InferInput<typeof WorkspaceChangesSchema>

/** What a time entry in the workspace must have (`GET /workspaces/{id}/time_entry_constraints`). */
export const TrackerConstraintsSchema = v.looseObject({
  time_entry_constraints_enabled: v.nullish(v.boolean()),
  description_present: v.nullish(v.boolean()),
  project_present: v.nullish(v.boolean()),
  tag_present: v.nullish(v.boolean()),
  task_present: v.nullish(v.boolean()),
})

export type TrackerConstraints = v.InferOutput<typeof TrackerConstraintsSchema>

/** Someone in a workspace as `GET /workspaces/{id}/users` lists them: `id` is their user id. */
export const WorkspaceMemberSchema = v.looseObject({
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

export const WorkspaceMemberListSchema = v.array(WorkspaceMemberSchema)

export type WorkspaceMember = v.InferOutput<typeof WorkspaceMemberSchema>

/** The filter of `GET /workspaces/{id}/users`. */
export const WorkspaceMemberFiltersSchema = v.strictObject(
  {
    /** Leave out users removed from the workspace. */
    exclude_deleted: v.optional(v.boolean('must be a boolean')),
  },
  'filters must be an object',
)

export type WorkspaceMemberFilters = v.InferInput<typeof WorkspaceMemberFiltersSchema>
