import * as v from 'valibot'
import { DayInputSchema, IdFilterSchema, IdInputSchema, IdSchema, SinceInputSchema, TimestampSchema } from '../common.ts'
import { optionalEntries, withEntries, withoutEntries } from '../entries.ts'
import { ProjectNameSchema } from '../names.ts'
import { patchOperationsSchema, type PatchOperation } from './patch.ts'

/** A project. Toggl sends nulls where the spec promises values, and fields it lacks; both are kept. */
export const ProjectSchema: v.GenericSchema<unknown, TogglProject> = v.looseObject({
  id: IdSchema,
  workspace_id: IdSchema,
  client_id: v.nullish(IdSchema),
  name: v.string(),
  /** The client's name, where Toggl adds it. */
  client_name: v.nullish(v.string()),
  /** `false` once archived. */
  active: v.boolean(),
  is_private: v.nullish(v.boolean()),
  color: v.nullish(v.string()),
  billable: v.nullish(v.boolean()),
  template: v.nullish(v.boolean()),
  template_id: v.nullish(IdSchema),
  auto_estimates: v.nullish(v.boolean()),
  estimated_hours: v.nullish(v.number()),
  estimated_seconds: v.nullish(v.number()),
  actual_hours: v.nullish(v.number()),
  actual_seconds: v.nullish(v.number()),
  rate: v.nullish(v.number()),
  rate_last_updated: v.nullish(TimestampSchema),
  currency: v.nullish(v.string()),
  fixed_fee: v.nullish(v.number()),
  recurring: v.nullish(v.boolean()),
  recurring_parameters: v.nullish(v.array(v.unknown())),
  /** `YYYY-MM-DD`. */
  start_date: v.nullish(v.string()),
  end_date: v.nullish(v.string()),
  /** `upcoming`, `active`, `ended`, `archived` or `deleted`. */
  status: v.nullish(v.string()),
  is_shared: v.nullish(v.boolean()),
  tasks_count: v.nullish(v.number()),
  can_track_time: v.nullish(v.boolean()),
  pinned: v.nullish(v.boolean()),
  external_reference: v.nullish(v.string()),
  permissions: v.nullish(v.array(v.string())),
  at: v.nullish(TimestampSchema),
  created_at: v.nullish(TimestampSchema),
  /** Set on a deleted project, which only `since` listings show. */
  server_deleted_at: v.nullish(TimestampSchema),
  wid: v.nullish(IdSchema),
  cid: v.nullish(IdSchema),
})

export const ProjectListSchema: v.GenericSchema<unknown[], TogglProject[]> = v.array(ProjectSchema)

export interface TogglProject {
  id: number
  workspace_id: number
  client_id?: number | null | undefined
  name: string
  /** The client's name, where Toggl adds it. */
  client_name?: string | null | undefined
  /** `false` once archived. */
  active: boolean
  is_private?: boolean | null | undefined
  color?: string | null | undefined
  billable?: boolean | null | undefined
  template?: boolean | null | undefined
  template_id?: number | null | undefined
  auto_estimates?: boolean | null | undefined
  estimated_hours?: number | null | undefined
  estimated_seconds?: number | null | undefined
  actual_hours?: number | null | undefined
  actual_seconds?: number | null | undefined
  rate?: number | null | undefined
  rate_last_updated?: string | null | undefined
  currency?: string | null | undefined
  fixed_fee?: number | null | undefined
  recurring?: boolean | null | undefined
  recurring_parameters?: unknown[] | null | undefined
  /** `YYYY-MM-DD`. */
  start_date?: string | null | undefined
  end_date?: string | null | undefined
  /** `upcoming`, `active`, `ended`, `archived` or `deleted`. */
  status?: string | null | undefined
  is_shared?: boolean | null | undefined
  tasks_count?: number | null | undefined
  can_track_time?: boolean | null | undefined
  pinned?: boolean | null | undefined
  external_reference?: string | null | undefined
  permissions?: string[] | null | undefined
  at?: string | null | undefined
  created_at?: string | null | undefined
  /** Set on a deleted project, which only `since` listings show. */
  server_deleted_at?: string | null | undefined
  wid?: number | null | undefined
  cid?: number | null | undefined
  [key: string]: unknown
}

/** `#` and six lower-case hex digits, as Toggl requires; upper-case digits are sent lower-cased. */
export const ColorInputSchema: v.GenericSchema<string, string> = v.pipe(
  v.string('must be a string'),
  v.regex(/^#[0-9a-f]{6}$/i, 'must be a hex colour such as #0b83d9'),
  v.toLowerCase(),
)

const flag = v.optional(v.boolean('must be a boolean'))
const amount = v.pipe(v.number('must be a number'), v.finite('must be a finite number'), v.minValue(0, 'must not be negative'))
const hours = v.pipe(v.number('must be a number'), v.safeInteger('must be a whole number'), v.minValue(0, 'must not be negative'))
const text = v.pipe(v.string('must be a string'), v.nonEmpty('must not be empty'))

/** The fields a project takes. */
type ProjectField = ProjectPatchField | 'rate_change_mode'

/** The fields a project takes, each with its rule (null clears the ones that may be empty). */
const PROJECT_FIELDS = {
  name: ProjectNameSchema,
  client_id: v.nullable(IdInputSchema),
  /** `#` and six hex digits. */
  color: ColorInputSchema,
  /** `false` archives it, `true` restores it. */
  active: v.boolean('must be a boolean'),
  is_private: v.boolean('must be a boolean'),
  /** `YYYY-MM-DD`. */
  start_date: DayInputSchema,
  end_date: v.nullable(DayInputSchema),
  template_id: v.nullable(IdInputSchema),
  external_reference: v.nullable(v.string('must be a string')),
  /** Premium. */
  billable: v.boolean('must be a boolean'),
  /** Premium: the hourly rate. */
  rate: v.nullable(amount),
  /** Premium. */
  rate_change_mode: v.picklist(['start-today', 'override-current', 'override-all'], "must be 'start-today', 'override-current' or 'override-all'"),
  /** Premium. */
  currency: v.nullable(text),
  /** Premium. */
  fixed_fee: v.nullable(amount),
  /** Premium: whole hours. */
  estimated_hours: v.nullable(hours),
  /** Premium. */
  auto_estimates: v.nullable(v.boolean('must be a boolean')),
  /** Premium. */
  template: v.boolean('must be a boolean'),
  /** Premium. */
  recurring: v.boolean('must be a boolean'),
  /** Premium. */
  recurring_parameters: v.nullable(v.array(v.record(v.string(), v.unknown()), 'must be an array of objects')),
} satisfies Record<ProjectField, v.GenericSchema>

const OPTIONAL_FIELDS = optionalEntries(PROJECT_FIELDS)

/** A timeframe ends on or after its start (when both are given). */
const inOrder = <T extends { start_date?: string | undefined; end_date?: string | null | undefined }>(project: T): boolean =>
  project.start_date === undefined || project.end_date == null || project.start_date <= project.end_date

/**
 * A new project (`POST /workspaces/{id}/projects`): `name` is required, the rest optional. The
 * fields marked premium need a paid plan: on Free Toggl refuses the call with 402.
 */
export const ProjectInputSchema: v.GenericSchema<ProjectInput, ProjectInput> = v.pipe(
  v.strictObject(withEntries(OPTIONAL_FIELDS, { name: ProjectNameSchema }), 'project must be an object'),
  v.check(inOrder, 'end_date must not be before start_date'),
)

export interface ProjectInput {
  /** `false` archives it, `true` restores it. */
  active?: boolean | undefined
  /** Premium: the hourly rate. */
  rate?: number | null | undefined
  /** Premium. */
  rate_change_mode?: 'start-today' | 'override-current' | 'override-all' | undefined
  external_reference?: string | null | undefined
  client_id?: number | null | undefined
  is_private?: boolean | undefined
  /** `#` and six hex digits. */
  color?: string | undefined
  /** Premium. */
  billable?: boolean | undefined
  /** Premium. */
  template?: boolean | undefined
  template_id?: number | null | undefined
  /** Premium. */
  auto_estimates?: boolean | null | undefined
  /** Premium: whole hours. */
  estimated_hours?: number | null | undefined
  /** Premium. */
  currency?: string | null | undefined
  /** Premium. */
  fixed_fee?: number | null | undefined
  /** Premium. */
  recurring?: boolean | undefined
  /** Premium. */
  recurring_parameters?: { [x: string]: unknown }[] | null | undefined
  /** `YYYY-MM-DD`. */
  start_date?: string | undefined
  end_date?: string | null | undefined
  name: string
}

/** Changes to a project (`PUT …/projects/{id}`): at least one field, only those sent. */
export const ProjectChangesSchema: v.GenericSchema<ProjectChanges, ProjectChanges> = v.pipe(
  v.strictObject(OPTIONAL_FIELDS, 'changes must be an object'),
  v.check((changes) => Object.keys(changes).length > 0, 'changes must name at least one field'),
  v.check(inOrder, 'end_date must not be before start_date'),
)

export interface ProjectChanges {
  name?: string | undefined
  client_id?: number | null | undefined
  /** `#` and six hex digits. */
  color?: string | undefined
  /** `false` archives it, `true` restores it. */
  active?: boolean | undefined
  is_private?: boolean | undefined
  /** `YYYY-MM-DD`. */
  start_date?: string | undefined
  end_date?: string | null | undefined
  template_id?: number | null | undefined
  external_reference?: string | null | undefined
  /** Premium. */
  billable?: boolean | undefined
  /** Premium: the hourly rate. */
  rate?: number | null | undefined
  /** Premium. */
  rate_change_mode?: 'start-today' | 'override-current' | 'override-all' | undefined
  /** Premium. */
  currency?: string | null | undefined
  /** Premium. */
  fixed_fee?: number | null | undefined
  /** Premium: whole hours. */
  estimated_hours?: number | null | undefined
  /** Premium. */
  auto_estimates?: boolean | null | undefined
  /** Premium. */
  template?: boolean | undefined
  /** Premium. */
  recurring?: boolean | undefined
  /** Premium. */
  recurring_parameters?: { [x: string]: unknown }[] | null | undefined
}

const PATCHABLE = withoutEntries(PROJECT_FIELDS, ['rate_change_mode']) satisfies Record<ProjectPatchField, v.GenericSchema>

/** The fields `ProjectEndpoint.patch` can change: every field a project takes but `rate_change_mode`. */
export type ProjectPatchField =
  | 'name'
  | 'client_id'
  | 'color'
  | 'active'
  | 'is_private'
  | 'start_date'
  | 'end_date'
  | 'template_id'
  | 'external_reference'
  | 'billable'
  | 'rate'
  | 'currency'
  | 'fixed_fee'
  | 'estimated_hours'
  | 'auto_estimates'
  | 'template'
  | 'recurring'
  | 'recurring_parameters'

/** One operation of `ProjectEndpoint.patch`, e.g. `{ op: 'replace', path: '/color', value: '#0b83d9' }`. */
export type ProjectPatchOperation = PatchOperation<ProjectPatchField>

/** The body of `PATCH /workspaces/{id}/projects/{ids}`. */
export const ProjectPatchSchema: v.GenericSchema<PatchOperation<string>[], PatchOperation<string>[]> = patchOperationsSchema('project', PATCHABLE, [
  'client_id',
  'end_date',
  'template_id',
  'external_reference',
  'rate',
  'currency',
  'fixed_fee',
  'estimated_hours',
  'auto_estimates',
  'recurring_parameters',
])

const STATUSES = ['upcoming', 'active', 'ended', 'archived', 'deleted'] as const

/**
 * The filters of `GET /workspaces/{id}/projects` (every one optional). Lists of ids and statuses
 * are sent comma-separated; `since` as UNIX seconds.
 */
export const ProjectFiltersSchema: v.GenericSchema<ProjectFilters, { active?: boolean | 'both' | undefined; since?: number | undefined; billable?: boolean | undefined; user_ids?: string | undefined; client_ids?: string | undefined; group_ids?: string | undefined; project_ids?: string | undefined; statuses?: string | undefined; name?: string | undefined; search?: string | undefined; only_me?: boolean | undefined; only_editable?: boolean | undefined; only_templates?: boolean | undefined; sort_field?: 'name' | 'created_at' | undefined; sort_order?: 'asc' | 'desc' | 'ASC' | 'DESC' | undefined; sort_pinned?: boolean | undefined; per_page?: number | undefined }> = v.strictObject(
  {
    /** `true` active only, `false` archived only, `'both'` all (Toggl's default shows both). */
    active: v.optional(v.union([v.boolean(), v.literal('both')], "must be true, false or 'both'")),
    since: v.optional(SinceInputSchema),
    billable: flag,
    user_ids: v.optional(IdFilterSchema),
    client_ids: v.optional(IdFilterSchema),
    group_ids: v.optional(IdFilterSchema),
    project_ids: v.optional(IdFilterSchema),
    statuses: v.optional(
      v.pipe(
        v.array(v.picklist(STATUSES, `must each be one of ${STATUSES.join(', ')}`), 'must be an array of statuses'),
        v.minLength(1, 'must name at least one status'),
        v.transform((statuses) => [...new Set(statuses)].join(',')),
      ),
    ),
    /** A part of the name. */
    name: v.optional(v.string('must be a string')),
    search: v.optional(v.string('must be a string')),
    only_me: flag,
    only_editable: flag,
    only_templates: flag,
    sort_field: v.optional(v.picklist(['name', 'created_at'], "must be 'name' or 'created_at'")),
    sort_order: v.optional(v.picklist(['asc', 'desc', 'ASC', 'DESC'], "must be 'asc' or 'desc'")),
    sort_pinned: flag,
    /** Projects per request, at most 200 (Toggl's maximum). @default 200 */
    per_page: v.optional(v.pipe(v.number('must be a number'), v.safeInteger('must be a whole number'), v.minValue(1, 'must be at least 1'), v.maxValue(200, 'must be at most 200 (Toggl’s maximum)'))),
  },
  'filters must be an object',
)

export interface ProjectFilters {
  /** `true` active only, `false` archived only, `'both'` all (Toggl's default shows both). */
  active?: boolean | 'both' | undefined
  since?: string | number | Date | undefined
  billable?: boolean | undefined
  user_ids?: number[] | undefined
  client_ids?: number[] | undefined
  group_ids?: number[] | undefined
  project_ids?: number[] | undefined
  statuses?: ('active' | 'archived' | 'upcoming' | 'ended' | 'deleted')[] | undefined
  /** A part of the name. */
  name?: string | undefined
  search?: string | undefined
  only_me?: boolean | undefined
  only_editable?: boolean | undefined
  only_templates?: boolean | undefined
  sort_field?: 'name' | 'created_at' | undefined
  sort_order?: 'asc' | 'desc' | 'ASC' | 'DESC' | undefined
  sort_pinned?: boolean | undefined
  /**
   * Projects per request, at most 200 (Toggl's maximum).
   * @default 200
   */
  per_page?: number | undefined
}

/** What `DELETE …/projects/{id}` does with the project's time entries. */
export const ProjectDeletionSchema: v.GenericSchema<ProjectDeletion, { teDeletionMode?: 'delete' | 'unassign' | undefined }> = v.strictObject(
  {
    /** `'delete'` deletes them, `'unassign'` keeps them without a project. */
    teDeletionMode: v.optional(v.picklist(['delete', 'unassign'], "must be 'delete' or 'unassign'")),
  },
  'options must be an object',
)

export interface ProjectDeletion {
  /** `'delete'` deletes them, `'unassign'` keeps them without a project. */
  teDeletionMode?: 'delete' | 'unassign' | undefined
}

/** `GET /me/projects`: archived ones too with `include_archived` (sent as the word, as Toggl wants). */
export const MyProjectFiltersSchema: v.GenericSchema<MyProjectFilters, { include_archived?: string | undefined; since?: number | undefined }> = v.strictObject(
  {
    include_archived: v.optional(v.pipe(v.boolean('must be a boolean'), v.transform(String))),
    since: v.optional(SinceInputSchema),
  },
  'filters must be an object',
)

export interface MyProjectFilters {
  include_archived?: boolean | undefined
  since?: string | number | Date | undefined
}
