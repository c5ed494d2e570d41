import * as v from 'valibot'
import { IdInputSchema, IdSchema } from '../common.ts'
import { InstantInputSchema, toUtc, utcText } from '../time.ts'

/** Toggl's range for a time entry's start: 400 "Start time year must be between 2006 and 2030". */
const FIRST_YEAR = 2006
const LAST_YEAR = 2030

const RawTimeEntrySchema = v.looseObject({
  id: IdSchema,
  workspace_id: IdSchema,
  user_id: v.nullish(IdSchema),
  project_id: v.nullish(IdSchema),
  task_id: v.nullish(IdSchema),
  start: v.string(),
  stop: v.nullish(v.string()),
  duration: v.number(),
  description: v.nullish(v.string()),
  tags: v.nullish(v.array(v.string())),
  tag_ids: v.nullish(v.array(IdSchema)),
  billable: v.nullish(v.boolean()),
  at: v.nullish(v.string()),
  server_deleted_at: v.nullish(v.string()),
})

/**
 * A time entry as togglkit returns it, made consistent whatever call answered: `start` and `stop` in
 * UTC (`…Z`; Toggl's lists say `+00:00`), `tags` and `tag_ids` always arrays (Toggl sends `null` or
 * `[]` for the same entry depending on the call), and while it runs `stop: null` with `duration: -1`
 * (Toggl answers -1 on start and −(start in seconds) on later reads; use {@link elapsedSeconds}).
 * A finished entry always has its `stop`, start + duration. Toggl's other fields are kept.
 */
export interface TogglTimeEntry {
  id: number
  workspace_id: number
  user_id?: number | null | undefined
  project_id?: number | null | undefined
  task_id?: number | null | undefined
  /** RFC 3339 in UTC. */
  start: string
  /** RFC 3339 in UTC; `null` while the entry runs. */
  stop: string | null
  /** Seconds; -1 while the entry runs. */
  duration: number
  description?: string | null | undefined
  tags: string[]
  tag_ids: number[]
  billable?: boolean | null | undefined
  /** Last change, as Toggl stamped it. */
  at?: string | null | undefined
  /** Set on entries deleted since a `since` listing's time. */
  server_deleted_at?: string | null | undefined
  [field: string]: unknown
}

function consistent(raw: v.InferOutput<typeof RawTimeEntrySchema>): TogglTimeEntry {
  const start = toUtc(raw.start)
  const running = raw.duration < 0
  const stop = running ? null : raw.stop ? toUtc(raw.stop) : utcText(Date.parse(start) + raw.duration * 1000)
  return { ...raw, start, stop, duration: running ? -1 : raw.duration, tags: raw.tags ?? [], tag_ids: raw.tag_ids ?? [] }
}

export const TimeEntrySchema: v.GenericSchema<unknown, TogglTimeEntry> = v.pipe(RawTimeEntrySchema, v.transform(consistent))
export const TimeEntryListSchema: v.GenericSchema<unknown, TogglTimeEntry[]> = v.array(TimeEntrySchema)
/** `GET /me/time_entries/current`: the running entry, or `null` (Toggl's 200 with body `null`). */
export const CurrentTimeEntrySchema: v.GenericSchema<unknown, TogglTimeEntry | null> = v.nullable(TimeEntrySchema)

/**
 * How long an entry has run at `at` (ms since the epoch, default now), in whole seconds: its
 * duration when finished, else the time since its start.
 */
export function elapsedSeconds(entry: Pick<TogglTimeEntry, 'start' | 'duration'>, at: number = Date.now()): number {
  return entry.duration >= 0 ? entry.duration : Math.max(0, Math.floor((at - Date.parse(entry.start)) / 1000))
}

/** Whether an entry is running (Toggl's negative duration). */
export function isRunning(entry: Pick<TogglTimeEntry, 'duration'>): boolean {
  return entry.duration < 0
}

const startYearIsToggl = (ms: number) => {
  const year = new Date(ms).getUTCFullYear()
  return year >= FIRST_YEAR && year <= LAST_YEAR
}
const StartSchema = v.pipe(InstantInputSchema, v.check(startYearIsToggl, `start must be in the years ${FIRST_YEAR} to ${LAST_YEAR}`))

const WholeSeconds = v.pipe(v.number('must be a number'), v.safeInteger('must be whole seconds'))

/** What the fields of a new or changed entry accept, shared by start, add and edit. */
const entryFields = {
  description: v.optional(v.nullable(v.pipe(v.string('must be a string'), v.maxLength(3000, 'must be at most 3000 characters')))),
  project_id: v.optional(v.nullable(IdInputSchema)),
  task_id: v.optional(v.nullable(IdInputSchema)),
  tags: v.optional(
    v.pipe(
      v.array(v.pipe(v.string('must be a string'), v.check((tag) => /\S/u.test(tag), 'must not be blank')), 'must be an array of tag names'),
      v.maxLength(200, 'must name at most 200 tags'),
    ),
  ),
  tag_ids: v.optional(v.pipe(v.array(IdInputSchema, 'must be an array of ids'), v.maxLength(200, 'must name at most 200 tags'))),
  billable: v.optional(v.boolean('must be a boolean')),
  user_id: v.optional(IdInputSchema),
  shared_with_user_ids: v.optional(v.array(IdInputSchema, 'must be an array of ids')),
  /** The app name Toggl records; togglkit sends "togglkit" unless told. */
  created_with: v.optional(v.pipe(v.string('must be a string'), v.maxLength(200, 'must be at most 200 characters'))),
}

/** The entry fields with more of an operation's own; a call, since a spread at module level would stay in every bundle. */
/* @__NO_SIDE_EFFECTS__ */
function withEntryFields<const E extends v.ObjectEntries>(own: E): typeof entryFields & E {
  return { ...entryFields, ...own }
}

/** The entry's own fields, as start, add and edit take them (and send them). */
interface TimeEntryFields {
  description?: string | null | undefined
  project_id?: number | null | undefined
  task_id?: number | null | undefined
  tags?: string[] | undefined
  tag_ids?: number[] | undefined
  billable?: boolean | undefined
  user_id?: number | undefined
  shared_with_user_ids?: number[] | undefined
  /** The app name Toggl records; togglkit sends "togglkit" unless told. */
  created_with?: string | undefined
}

/** `start(ws, entry)`: what a running entry may carry; `start` defaults to now. */
export const TimeEntryStartInputSchema: v.GenericSchema<TimeEntryStart, StartBody> = v.strictObject(withEntryFields({ start: v.optional(StartSchema) }))
export interface TimeEntryStart extends TimeEntryFields {
  start?: string | Date | undefined
}
/** A valid {@link TimeEntryStart}, `start` in ms since the epoch. */
interface StartBody extends TimeEntryFields {
  start?: number | undefined
}

/** `add(ws, entry)`: a finished entry, `start` with `duration` or `stop` (both must agree). */
export const TimeEntryAddInputSchema: v.GenericSchema<TimeEntryInput, AddBody> = v.pipe(
  v.strictObject(
    withEntryFields({
      start: StartSchema,
      duration: v.optional(v.pipe(v.number('must be a number'), v.safeInteger('must be whole seconds'), v.minValue(0, 'must be ≥ 0 (use start() for a running entry)'))),
      stop: v.optional(StartSchema),
    }),
  ),
  v.check((entry) => entry.duration !== undefined || entry.stop !== undefined, 'a finished entry needs duration or stop'),
  v.check((entry) => entry.stop === undefined || entry.stop >= entry.start, 'stop must not be before start'),
  v.check(
    (entry) => entry.duration === undefined || entry.stop === undefined || entry.start + entry.duration * 1000 === entry.stop,
    'start + duration must equal stop when both are given',
  ),
)
export interface TimeEntryInput extends TimeEntryFields {
  start: string | Date
  duration?: number | undefined
  stop?: string | Date | undefined
}
/** A valid {@link TimeEntryInput}, `start` and `stop` in ms since the epoch. */
interface AddBody extends TimeEntryFields {
  start: number
  duration?: number | undefined
  stop?: number | undefined
}

/** `edit(ws, entry, changes)`: any of the entry's fields (at least one); `tag_action` says how `tags`/`tag_ids` apply. */
export const TimeEntryChangesSchema: v.GenericSchema<TimeEntryChanges, EditBody> = v.pipe(
  v.strictObject(
    withEntryFields({
      start: v.optional(StartSchema),
      stop: v.optional(v.nullable(StartSchema)),
      duration: v.optional(WholeSeconds),
      tag_action: v.optional(v.picklist(['add', 'delete'], 'must be "add" or "delete"')),
    }),
  ),
  v.check((changes) => Object.keys(changes).length > 0, 'must change at least one field'),
)
export interface TimeEntryChanges extends TimeEntryFields {
  start?: string | Date | undefined
  stop?: string | Date | null | undefined
  duration?: number | undefined
  tag_action?: 'delete' | 'add' | undefined
}
/** Valid {@link TimeEntryChanges}, `start` and `stop` in ms since the epoch. */
interface EditBody extends TimeEntryFields {
  start?: number | undefined
  stop?: number | null | undefined
  duration?: number | undefined
  tag_action?: 'add' | 'delete' | undefined
}

const PATCH_OP = v.picklist(['add', 'remove', 'replace'], 'must be "add", "remove" or "replace"')
const StartText = v.pipe(StartSchema, v.transform(utcText))

/* @__NO_SIDE_EFFECTS__ */
function patchOf<const P extends string, S extends v.GenericSchema>(path: P, value: S) {
  return v.strictObject({ op: PATCH_OP, path: v.literal(path), value })
}

// Written out, not mapped from a table: bundlers drop a literal list in apps that never patch, not a computed one.
const PatchOperationSchema = v.variant(
  'path',
  [
    patchOf('/description', v.nullable(v.string('must be a string'))),
    patchOf('/billable', v.boolean('must be a boolean')),
    patchOf('/project_id', v.nullable(IdInputSchema)),
    patchOf('/task_id', v.nullable(IdInputSchema)),
    patchOf('/tags', v.array(v.string('must be a string'), 'must be an array of tag names')),
    patchOf('/tag_ids', v.array(IdInputSchema, 'must be an array of ids')),
    patchOf('/start', StartText),
    patchOf('/stop', StartText),
    patchOf('/duration', WholeSeconds),
    patchOf('/user_id', IdInputSchema),
  ],
  'path must be one of /description, /billable, /project_id, /task_id, /tags, /tag_ids, /start, /stop, /duration, /user_id',
)

/** A path of an entry that `patch` can change. */
export type TimeEntryPatchPath =
  | '/description'
  | '/billable'
  | '/project_id'
  | '/task_id'
  | '/tags'
  | '/tag_ids'
  | '/start'
  | '/stop'
  | '/duration'
  | '/user_id'

/** One JSON-Patch operation of `patch(ws, entries, operations)`. */
export interface TimeEntryPatchOperation {
  op: 'add' | 'remove' | 'replace'
  path: TimeEntryPatchPath
  value: unknown
}

export const TimeEntryPatchOperationsSchema: v.GenericSchema<unknown, TimeEntryPatchOperation[]> = v.pipe(
  v.array(PatchOperationSchema, 'must be an array of patch operations'),
  v.minLength(1, 'must hold at least one operation'),
)

/** Toggl's partial-success reply to a bulk PATCH: the ids it changed, and why it refused the rest. */
export interface TimeEntryPatchResult {
  success: number[]
  failure: { id: number; message: string }[]
}

export const TimeEntryPatchResultSchema: v.GenericSchema<unknown, TimeEntryPatchResult> = v.pipe(
  v.object({
    success: v.nullish(v.array(IdSchema)),
    failure: v.nullish(v.array(v.looseObject({ id: IdSchema, message: v.string() }))),
  }),
  v.transform(({ success, failure }) => ({ success: success ?? [], failure: (failure ?? []).map(({ id, message }) => ({ id, message })) })),
)

/** Which entries `collect(range)` lists; Toggl takes one of these forms and refuses the others. */
export type TimeEntryRange =
  | { since: Date | string | number }
  | { before: Date | string }
  | { start_date: Date | string; end_date: Date | string }
  | Record<string, never>

