import * as v from 'valibot'
import { DayInputSchema, IdInputSchema, IdSchema, SinceInputSchema, TimestampSchema } from '../common.ts'
import { optionalEntries, withEntries } from '../entries.ts'
import { TaskNameSchema } from '../names.ts'
import { patchOperationsSchema, type PatchOperation } from './patch.ts'

/** A task of a project. `active: false` means done. */
export const TaskSchema: v.GenericSchema<unknown, TogglTask> = v.looseObject({
  id: IdSchema,
  name: v.string(),
  workspace_id: IdSchema,
  project_id: IdSchema,
  /** The assignee. */
  user_id: v.nullish(IdSchema),
  active: v.boolean(),
  estimated_seconds: v.nullish(v.number()),
  /** Despite its name, in **milliseconds** (Toggl's own note). */
  tracked_seconds: v.nullish(v.number()),
  recurring: v.nullish(v.boolean()),
  rate: v.nullish(v.number()),
  rate_last_updated: v.nullish(TimestampSchema),
  external_reference: v.nullish(v.string()),
  toggl_accounts_id: v.nullish(v.string()),
  project_name: v.nullish(v.string()),
  project_color: v.nullish(v.string()),
  project_billable: v.nullish(v.boolean()),
  project_is_private: v.nullish(v.boolean()),
  client_id: v.nullish(IdSchema),
  client_name: v.nullish(v.string()),
  user_name: v.nullish(v.string()),
  avatar_url: v.nullish(v.string()),
  permissions: v.nullish(v.array(v.string())),
  at: v.nullish(TimestampSchema),
  /** Set on a deleted task, which only `since` listings show. */
  server_deleted_at: v.nullish(TimestampSchema),
})

export const TaskListSchema: v.GenericSchema<unknown[], TogglTask[]> = v.array(TaskSchema)

export interface TogglTask {
  id: number
  name: string
  workspace_id: number
  project_id: number
  /** The assignee. */
  user_id?: number | null | undefined
  active: boolean
  estimated_seconds?: number | null | undefined
  /** Despite its name, in **milliseconds** (Toggl's own note). */
  tracked_seconds?: number | null | undefined
  recurring?: boolean | null | undefined
  rate?: number | null | undefined
  rate_last_updated?: string | null | undefined
  external_reference?: string | null | undefined
  toggl_accounts_id?: string | null | undefined
  project_name?: string | null | undefined
  project_color?: string | null | undefined
  project_billable?: boolean | null | undefined
  project_is_private?: boolean | null | undefined
  client_id?: number | null | undefined
  client_name?: string | null | undefined
  user_name?: string | null | undefined
  avatar_url?: string | null | undefined
  permissions?: string[] | null | undefined
  at?: string | null | undefined
  /** Set on a deleted task, which only `since` listings show. */
  server_deleted_at?: string | null | undefined
  [key: string]: unknown
}

/** One page of `GET /workspaces/{id}/tasks`: Toggl wraps the tasks with the paging it applied. */
export const TaskPageSchema: v.GenericSchema<unknown, TaskPage> = v.looseObject({
  data: v.nullish(TaskListSchema, () => []),
  page: v.nullish(v.number()),
  per_page: v.nullish(v.number()),
  sort_field: v.nullish(v.string()),
  sort_order: v.nullish(v.string()),
  /** How many tasks match, over all pages. */
  total_count: v.nullish(v.number()),
})

export interface TaskPage {
  data: ({ id: number; name: string; workspace_id: number; project_id: number; user_id?: number | null | undefined; active: boolean; estimated_seconds?: number | null | undefined; tracked_seconds?: number | null | undefined; recurring?: boolean | null | undefined; rate?: number | null | undefined; rate_last_updated?: string | null | undefined; external_reference?: string | null | undefined; toggl_accounts_id?: string | null | undefined; project_name?: string | null | undefined; project_color?: string | null | undefined; project_billable?: boolean | null | undefined; project_is_private?: boolean | null | undefined; client_id?: number | null | undefined; client_name?: string | null | undefined; user_name?: string | null | undefined; avatar_url?: string | null | undefined; permissions?: string[] | null | undefined; at?: string | null | undefined; server_deleted_at?: string | null | undefined } & { [key: string]: unknown })[]
  page?: number | null | undefined
  per_page?: number | null | undefined
  sort_field?: string | null | undefined
  sort_order?: string | null | undefined
  /** How many tasks match, over all pages. */
  total_count?: number | null | undefined
  [key: string]: unknown
}

const seconds = v.pipe(v.number('must be a number'), v.safeInteger('must be whole seconds'), v.minValue(0, 'must not be negative'))

/** The fields a task takes, which `TaskEndpoint.patch` can change too. */
export type TaskField = 'name' | 'active' | 'estimated_seconds' | 'user_id' | 'external_reference'

const TASK_FIELDS = {
  name: TaskNameSchema,
  /** `false` marks it done. */
  active: v.boolean('must be a boolean'),
  estimated_seconds: v.nullable(seconds),
  /** The assignee (a user of the workspace). */
  user_id: v.nullable(IdInputSchema),
  external_reference: v.nullable(v.string('must be a string')),
} satisfies Record<TaskField, v.GenericSchema>

const OPTIONAL_FIELDS = optionalEntries(TASK_FIELDS)

/** A new task (`POST …/projects/{id}/tasks`): `name` is required. */
export const TaskInputSchema: v.GenericSchema<TaskInput, TaskInput> = v.strictObject(withEntries(OPTIONAL_FIELDS, { name: TaskNameSchema }), 'task must be an object')

export interface TaskInput {
  /** The assignee (a user of the workspace). */
  user_id?: number | null | undefined
  /** `false` marks it done. */
  active?: boolean | undefined
  external_reference?: string | null | undefined
  estimated_seconds?: number | null | undefined
  name: string
}

/** Changes to a task (`PUT …/tasks/{id}`): at least one field, only those sent. */
export const TaskChangesSchema: v.GenericSchema<TaskChanges, TaskChanges> = v.pipe(
  v.strictObject(OPTIONAL_FIELDS, 'changes must be an object'),
  v.check((changes) => Object.keys(changes).length > 0, 'changes must name at least one field'),
)

export interface TaskChanges {
  name?: string | undefined
  /** `false` marks it done. */
  active?: boolean | undefined
  estimated_seconds?: number | null | undefined
  /** The assignee (a user of the workspace). */
  user_id?: number | null | undefined
  external_reference?: string | null | undefined
}

/** One operation of `TaskEndpoint.patch`, e.g. `{ op: 'replace', path: '/active', value: false }`. */
export type TaskPatchOperation = PatchOperation<TaskField>

/** The body of `PATCH …/projects/{id}/tasks/{ids}`. */
export const TaskPatchSchema: v.GenericSchema<PatchOperation<string>[], PatchOperation<string>[]> = patchOperationsSchema('task', TASK_FIELDS, ['estimated_seconds', 'user_id', 'external_reference'])

/** The filters of `GET /workspaces/{id}/tasks` (every one optional). */
export const TaskFiltersSchema: v.GenericSchema<TaskFilters, { active?: boolean | 'both' | undefined; since?: number | undefined; pid?: number | undefined; start_date?: string | undefined; end_date?: string | undefined; search?: string | undefined; sort_field?: 'name' | 'created_at' | undefined; sort_order?: 'ASC' | 'DESC' | 'asc' | 'desc' | undefined; per_page?: number | undefined }> = v.pipe(
  v.strictObject(
    {
      /** `true` active only (what Toggl lists without it), `false` done only, `'both'` all. */
      active: v.optional(v.union([v.boolean(), v.literal('both')], "must be true, false or 'both'")),
      since: v.optional(SinceInputSchema),
      /** Only the tasks of this project. */
      pid: v.optional(IdInputSchema),
      /** `YYYY-MM-DD`. */
      start_date: v.optional(DayInputSchema),
      end_date: v.optional(DayInputSchema),
      /** A part of the name. */
      search: v.optional(v.string('must be a string')),
      sort_field: v.optional(v.picklist(['name', 'created_at'], "must be 'name' or 'created_at'")),
      sort_order: v.optional(v.picklist(['ASC', 'DESC', 'asc', 'desc'], "must be 'ASC' or 'DESC'")),
      /** Tasks per request. @default 200 */
      per_page: v.optional(v.pipe(v.number('must be a number'), v.safeInteger('must be a whole number'), v.minValue(1, 'must be at least 1'))),
    },
    'filters must be an object',
  ),
  v.check(({ start_date, end_date }) => start_date === undefined || end_date === undefined || start_date <= end_date, 'end_date must not be before start_date'),
)

export interface TaskFilters {
  /** `true` active only (what Toggl lists without it), `false` done only, `'both'` all. */
  active?: boolean | 'both' | undefined
  since?: string | number | Date | undefined
  /** Only the tasks of this project. */
  pid?: number | undefined
  /** `YYYY-MM-DD`. */
  start_date?: string | undefined
  end_date?: string | undefined
  /** A part of the name. */
  search?: string | undefined
  sort_field?: 'name' | 'created_at' | undefined
  sort_order?: 'asc' | 'desc' | 'ASC' | 'DESC' | undefined
  /**
   * Tasks per request.
   * @default 200
   */
  per_page?: number | undefined
}

/** `GET /me/tasks`: done ones too with `include_not_active`; `meta` adds project and client names. */
export const MyTaskFiltersSchema: v.GenericSchema<MyTaskFilters, { since?: number | undefined; include_not_active?: string | undefined; meta?: boolean | undefined }> = v.strictObject(
  {
    since: v.optional(SinceInputSchema),
    include_not_active: v.optional(v.pipe(v.boolean('must be a boolean'), v.transform(String))),
    meta: v.optional(v.boolean('must be a boolean')),
  },
  'filters must be an object',
)

export interface MyTaskFilters {
  since?: string | number | Date | undefined
  include_not_active?: boolean | undefined
  meta?: boolean | undefined
}
