import { INVALID_JSON, parseId, parseJsonObject, type ApiCall, type Route } from '../calls.ts'
import { parsePatch, patchEach, patchList, type PatchOperation, type PatchOutcome } from '../json-patch.ts'
import { idListOf, INVALID_SINCE, listed, sinceOf } from '../listing.ts'
import type { MockTimeEntry } from '../model.ts'
import { emptyReply, errorReply, jsonReply, type Reply } from '../responses.ts'
import { daysBefore, dayOf, monthsBefore, parseDay, parseDayOrTime, parseTime } from '../times.ts'
import { timeEntryView } from '../views.ts'
import { entityIn, NO_ACCESS, workspaceOf, type Refusal, type WorkspaceCall } from '../workspace-calls.ts'
import { tagsNamed, TAG_ADMINS_ONLY } from './tags.ts'

const NOT_FOUND = 'Time entry not found'
const MAX_PATCH_IDS = 100
const MAX_RANGE_ENTRIES = 1000
// Toggl's "latest" entries without parameters: about 9 days back (the fake's rule, after toggl/mobileapp#536).
const LATEST_DAYS = 9
const RANGE_MONTHS = 3
const FIRST_YEAR = 2006
const LAST_YEAR = 2030

/** The caller's undeleted entries of the latest 9 days (the fake's reading of "latest"), newest first. */
export function latestEntries(call: ApiCall): MockTimeEntry[] {
  const from = daysBefore(call.state.now(), LATEST_DAYS)
  return ownEntries(call).filter((entry) => entry.deletedAt === null && (entry.start >= from || entry.stop === null))
}

/** Everything the caller tracked, deleted entries included, newest start first. */
function ownEntries(call: ApiCall): MockTimeEntry[] {
  return [...call.state.timeEntries.values()].filter((entry) => entry.userId === call.account.id).sort((a, b) => b.start - a.start)
}

/**
 * `GET /me/time_entries`: `since` (changes, deletions included), `before`, or `start_date` with
 * `end_date` (at most 1000, at most ~3 months back), else the latest entries. The combinations
 * Toggl refuses are refused.
 */
function listTimeEntries(call: ApiCall): Reply {
  const { query } = call
  const since = sinceOf(query)
  if (since === null) return errorReply(400, INVALID_SINCE)
  const before = query.get('before')
  const startText = query.get('start_date')
  const endText = query.get('end_date')
  if (since !== undefined && before !== null) return errorReply(400, "'since' and 'before' can not be present simultaneously")
  const dated = startText !== null || endText !== null
  // Toggl refuses these too; its wording is not recorded, so these words are the fake's own.
  if (dated && (since !== undefined || before !== null)) {
    return errorReply(400, "'start_date' and 'end_date' can not be present with 'since' or 'before'")
  }
  if (dated && (startText === null || endText === null)) return errorReply(400, "'start_date' and 'end_date' must be present together")

  const show = (entries: MockTimeEntry[]) =>
    jsonReply(200, entries.map((entry) => timeEntryView(call.state, entry, { form: 'listed', meta: query.get('meta') === 'true' })))
  if (since !== undefined) return show(ownEntries(call).filter((entry) => listed(entry, since)))
  const live = ownEntries(call).filter((entry) => entry.deletedAt === null)
  if (before !== null) {
    const end = parseDayOrTime(before)
    if (end === undefined) return errorReply(400, 'before has invalid format')
    return show(live.filter((entry) => entry.start < end))
  }
  if (startText === null || endText === null) return show(latestEntries(call))

  const start = parseDayOrTime(startText)
  if (start === undefined) return errorReply(400, 'start_date has invalid format')
  const end = parseDayOrTime(endText)
  if (end === undefined) return errorReply(400, 'end_date has invalid format')
  const earliest = monthsBefore(call.state.now(), RANGE_MONTHS)
  if (start < earliest) return errorReply(400, `start_date must not be earlier than ${dayOf(earliest)}`)
  if (end < start) return errorReply(400, 'start_date should come before end_date')
  // A bare end date means its 00:00, so that day itself is left out.
  return show(live.filter((entry) => entry.start >= start && entry.start < end).slice(0, MAX_RANGE_ENTRIES))
}

/** `GET /me/time_entries/current`: the running entry, or 200 with `null` when nothing runs. */
function currentTimeEntry(call: ApiCall): Reply {
  const running = call.state.runningEntryOf(call.account.id)
  return jsonReply(200, running ? timeEntryView(call.state, running, { form: 'listed' }) : null)
}

/** `GET /me/time_entries/{id}` */
function getTimeEntry(call: ApiCall): Reply {
  const id = parseId(call.params[0])
  const entry = id === undefined ? undefined : call.state.timeEntries.get(id)
  if (!entry || entry.deletedAt !== null || entry.userId !== call.account.id) return errorReply(404, 'Resource can not be found')
  return jsonReply(200, timeEntryView(call.state, entry, { form: 'listed', meta: call.query.get('meta') === 'true' }))
}

/** A create or update body, its fields checked for type. `null` means "clear it" where Toggl allows that. */
interface EntryInput {
  workspaceId?: number
  start?: string
  startDate?: string
  stop?: string
  duration?: number
  description?: string | null
  projectId?: number | null
  taskId?: number | null
  tags?: string[]
  tagIds?: number[]
  tagAction?: string
  billable?: boolean
  userId?: number
  createdWith?: string
}

const isString = (value: unknown): value is string => typeof value === 'string'
const isStrings = (value: unknown): value is string[] => Array.isArray(value) && value.every(isString)
const isIntegers = (value: unknown): value is number[] => Array.isArray(value) && value.every(Number.isSafeInteger)

/** The body's fields (legacy `wid`, `pid`, `tid`, `uid` too), or `undefined` when a type is wrong (Go's decoder refuses it). */
function readInput(payload: Record<string, unknown>): EntryInput | undefined {
  const input: EntryInput = {}
  const value = (name: string, legacy?: string) => payload[name] ?? (legacy === undefined ? undefined : payload[legacy])
  const fields: [keyof EntryInput, unknown, (value: unknown) => boolean, boolean][] = [
    ['workspaceId', value('workspace_id', 'wid'), Number.isSafeInteger, false],
    ['start', value('start'), isString, false],
    ['startDate', value('start_date'), isString, false],
    ['stop', value('stop'), isString, false],
    ['duration', value('duration'), Number.isSafeInteger, false],
    ['description', payload['description'], isString, true],
    ['projectId', payload['project_id'] === undefined ? payload['pid'] : payload['project_id'], Number.isSafeInteger, true],
    ['taskId', payload['task_id'] === undefined ? payload['tid'] : payload['task_id'], Number.isSafeInteger, true],
    ['tags', value('tags'), isStrings, false],
    ['tagIds', value('tag_ids'), isIntegers, false],
    ['tagAction', value('tag_action'), isString, false],
    ['billable', value('billable'), (flag) => typeof flag === 'boolean', false],
    ['userId', value('user_id', 'uid'), Number.isSafeInteger, false],
    ['createdWith', value('created_with'), isString, false],
  ]
  for (const [key, field, check, nullable] of fields) {
    if (field === undefined) continue
    if (field === null) {
      if (nullable) Object.assign(input, { [key]: null })
      continue
    }
    if (!check(field)) return undefined
    Object.assign(input, { [key]: field })
  }
  return input
}

/** `start` with `start_date`'s day put in, as Toggl lets the date part of `start_date` win. */
function startOf(input: EntryInput): number | string | undefined {
  if (input.start === undefined) return undefined
  const start = parseTime(input.start)
  if (start === undefined) return 'start has invalid format'
  if (input.startDate === undefined) return start
  const day = parseDay(input.startDate)
  if (day === undefined) return 'start_date has invalid format'
  return day + (start - (parseDay(dayOf(start)) ?? start))
}

function yearProblem(ms: number): string | undefined {
  const year = new Date(ms).getUTCFullYear()
  return year < FIRST_YEAR || year > LAST_YEAR ? `Start time year must be between ${FIRST_YEAR} and ${LAST_YEAR}` : undefined
}

interface References {
  projectId: number | null
  taskId: number | null
  tagIds: number[]
}

/** The project, task and tag ids an entry ends up with, checked against the workspace; or the refusal. */
function references(call: ApiCall, found: WorkspaceCall, input: EntryInput, entry?: MockTimeEntry): References | Refusal {
  const { state } = call
  const { workspace } = found
  let projectId = input.projectId === undefined ? (entry?.projectId ?? null) : input.projectId
  let taskId = input.taskId === undefined ? (entry?.taskId ?? null) : input.taskId
  // A new project takes the entry's task along only when the task is in it.
  const newProject = input.projectId !== undefined && input.taskId === undefined
  if (newProject && taskId !== null && state.tasks.get(taskId)?.projectId !== projectId) taskId = null
  if (taskId !== null) {
    const task = entityIn(state.tasks, String(taskId), workspace)
    // Toggl's words for a task it will not take are not recorded; these are the fake's.
    if (!task || (input.projectId !== undefined && task.projectId !== input.projectId)) {
      return { status: 400, message: 'User cannot access the selected task' }
    }
    projectId = task.projectId
  }
  if (projectId !== null && !entityIn(state.projects, String(projectId), workspace)) {
    return { status: 400, message: 'User cannot access the selected project' }
  }
  const named: number[] = []
  for (const id of input.tagIds ?? []) {
    if (!entityIn(state.tags, String(id), workspace)) return { status: 400, message: 'Invalid tag ID' }
    named.push(id)
  }
  if (input.tags !== undefined) {
    const tags = tagsNamed(call, found, input.tags)
    if (!tags) return { status: 403, message: TAG_ADMINS_ONLY }
    named.push(...tags.map(({ id }) => id))
  }
  let tagIds = entry?.tagIds ?? []
  if (input.tags !== undefined || input.tagIds !== undefined) {
    tagIds = input.tagAction === 'add' ? [...tagIds, ...named] : input.tagAction === 'delete' ? tagIds.filter((id) => !named.includes(id)) : named
  }
  return { projectId, taskId, tagIds: [...new Set(tagIds)] }
}

/**
 * `POST /workspaces/{wid}/time_entries`. `duration` < 0 starts a running entry, which stops the
 * caller's running one (the fake's rule: the facts call it uncertain); start alone makes an entry
 * that does not run (`duration: 0`, `stop: null` in the reply, `stop == start` afterwards).
 */
function createTimeEntry(call: ApiCall): Reply {
  const found = workspaceOf(call)
  if ('status' in found) return found
  const payload = parseJsonObject(call.body)
  const input = payload && readInput(payload)
  if (!input) return errorReply(400, INVALID_JSON)
  if (input.workspaceId === undefined) return errorReply(400, 'wid is required for time entry creation')
  // Toggl wants the body's workspace to be the path's; what it says otherwise is not recorded.
  if (input.workspaceId !== found.workspace.id) return errorReply(400, 'workspace_id must be the workspace of the path')
  if (input.createdWith === undefined) return errorReply(400, 'created_with needs to be provided a valid value')
  const start = startOf(input)
  if (start === undefined) return errorReply(400, 'start is required for time entry creation')
  if (typeof start === 'string') return errorReply(400, start)
  const year = yearProblem(start)
  if (year) return errorReply(400, year)
  const stop = stopOf(input, start, undefined)
  if (typeof stop === 'string') return errorReply(400, stop)
  const userId = input.userId ?? call.account.id
  if (userId !== call.account.id && !(found.admin && call.state.accessOf(found.organization, found.workspace, userId))) {
    return errorReply(403, NO_ACCESS)
  }
  const refs = references(call, found, input)
  if ('status' in refs) return errorReply(refs.status, refs.message)

  const entry = call.state.addTimeEntry(
    {
      workspaceId: found.workspace.id,
      userId,
      start,
      stop: stop.value,
      description: input.description ?? null,
      ...refs,
      billable: input.billable ?? false,
      createdWith: input.createdWith,
    },
    call.account.id,
  )
  const view = timeEntryView(call.state, entry, { form: 'replied', meta: call.query.get('meta') === 'true' })
  // The reply echoes the -1 a running entry was started with, and shows a start-only one as not stopped.
  if (stop.value === null) view.duration = input.duration
  if (stop.startOnly) Object.assign(view, { duration: 0, stop: null })
  return jsonReply(200, view)
}

/**
 * When an entry with this input ends: `null` while running, `startOnly` for an entry given only
 * its start. On an update, what the input leaves out keeps the entry's own duration or stop.
 */
function stopOf(input: EntryInput, start: number, entry: MockTimeEntry | undefined): { value: number | null; startOnly: boolean } | string {
  const { duration } = input
  if (duration !== undefined && duration < 0) {
    return input.stop === undefined ? { value: null, startOnly: false } : 'A running time entry can not have a stop time'
  }
  if (input.stop !== undefined) {
    const stop = parseTime(input.stop)
    if (stop === undefined) return 'stop has invalid format'
    if (stop < start) return 'Stop time must be after start time'
    if (duration !== undefined && Math.floor(stop / 1000) - Math.floor(start / 1000) !== duration) {
      return 'Start, stop and duration must be consistent'
    }
    return { value: stop, startOnly: false }
  }
  if (duration !== undefined) return { value: start + duration * 1000, startOnly: false }
  if (!entry) return { value: start, startOnly: true }
  // Moving the start of a finished entry keeps its stop (the fake's rule), unless that would end it before it began.
  return { value: entry.stop === null ? null : Math.max(entry.stop, start), startOnly: false }
}

/** The caller's own entry of the path's workspace, or any entry there for its admins. */
function editableEntry(call: ApiCall, found: WorkspaceCall, segment: string | undefined): MockTimeEntry | undefined {
  const entry = entityIn(call.state.timeEntries, segment, found.workspace)
  return entry && (entry.userId === call.account.id || found.admin) ? entry : undefined
}

/** `PUT /workspaces/{wid}/time_entries/{id}`: changed fields only; tags with `tag_action` add or delete. */
function updateTimeEntry(call: ApiCall): Reply {
  const found = workspaceOf(call)
  if ('status' in found) return found
  const entry = editableEntry(call, found, call.params[1])
  if (!entry) return errorReply(404, NOT_FOUND)
  const payload = parseJsonObject(call.body)
  const input = payload && readInput(payload)
  if (!input) return errorReply(400, INVALID_JSON)
  if (input.workspaceId !== undefined && input.workspaceId !== found.workspace.id) {
    return errorReply(400, 'workspace_id must be the workspace of the path')
  }
  const start = startOf(input) ?? entry.start
  if (typeof start === 'string') return errorReply(400, start)
  const year = yearProblem(start)
  if (year) return errorReply(400, year)
  const stop = stopOf(input, start, entry)
  if (typeof stop === 'string') return errorReply(400, stop)
  const refs = references(call, found, input, entry)
  if ('status' in refs) return errorReply(refs.status, refs.message)
  if (stop.value === null && entry.stop !== null) call.state.stopRunningEntry(entry.userId, start, call.account.id)
  call.state.update('time_entry', entry, {
    ...refs,
    start,
    stop: stop.value,
    ...(input.description === undefined ? {} : { description: input.description }),
    ...(input.billable === undefined ? {} : { billable: input.billable }),
  }, call.account.id)
  return jsonReply(200, timeEntryView(call.state, entry, { form: 'replied', meta: call.query.get('meta') === 'true' }))
}

/** `PATCH /workspaces/{wid}/time_entries/{ids}`: up to 100 ids, JSON-Patch, each entry on its own. */
function patchTimeEntries(call: ApiCall): Reply {
  const found = workspaceOf(call)
  if ('status' in found) return found
  const ids = idListOf(call.params[1])
  if (!ids) return errorReply(400, 'Invalid time entry ID')
  // The spec's own words for the limit; what Toggl answers past it is not recorded.
  if (ids.length > MAX_PATCH_IDS) return errorReply(400, `The limit is ${MAX_PATCH_IDS} IDs per request.`)
  const operations = parsePatch(call.body)
  if (typeof operations === 'string') return errorReply(400, operations)
  const result = patchEach(
    ids,
    (id) => editableEntry(call, found, String(id)),
    (draft) => patchEntry(call, found, draft, operations),
    (entry, patched) => {
      if (patched.stop === null && entry.stop !== null) call.state.stopRunningEntry(entry.userId, patched.start, call.account.id)
      call.state.update('time_entry', entry, patched, call.account.id)
    },
    NOT_FOUND,
  )
  return jsonReply(200, result)
}

/** One entry with the operations applied (times and references checked as PUT checks them), or why not. */
function patchEntry(call: ApiCall, found: WorkspaceCall, draft: MockTimeEntry, operations: PatchOperation[]): PatchOutcome<MockTimeEntry> {
  for (const operation of operations) {
    const problem = applyOperation(call, found, draft, operation)
    if (problem) return { failure: problem }
  }
  if (yearProblem(draft.start)) return { failure: yearProblem(draft.start)! }
  if (draft.stop !== null && draft.stop < draft.start) return { failure: 'Stop time must be after start time' }
  return { record: draft }
}

function applyOperation(call: ApiCall, found: WorkspaceCall, draft: MockTimeEntry, { op, field, value }: PatchOperation): string | undefined {
  const removing = op === 'remove'
  const invalid = `Invalid value for ${field}`
  switch (field) {
    case 'description':
      if (!removing && !isString(value) && value !== null) return invalid
      draft.description = removing ? null : (value as string | null)
      return undefined
    case 'billable':
      if (!removing && typeof value !== 'boolean') return invalid
      draft.billable = removing ? false : (value as boolean)
      return undefined
    case 'project_id':
    case 'task_id': {
      const id = removing ? null : value
      if (id !== null && !Number.isSafeInteger(id)) return invalid
      const input: EntryInput = field === 'project_id' ? { projectId: id as number | null } : { taskId: id as number | null }
      const refs = references(call, found, input, draft)
      if ('status' in refs) return refs.message
      Object.assign(draft, { projectId: refs.projectId, taskId: refs.taskId })
      return undefined
    }
    case 'tags':
    case 'tag_ids': {
      const check = field === 'tags' ? isStrings : isIntegers
      if (!check(value)) return invalid
      const named = references(call, found, field === 'tags' ? { tags: value as string[] } : { tagIds: value as number[] })
      if ('status' in named) return named.message
      draft.tagIds = patchList(draft.tagIds, { op, field, value }, named.tagIds)
      return undefined
    }
    case 'start':
    case 'stop': {
      const time = isString(value) ? parseTime(value) : undefined
      if (time === undefined) return invalid
      if (field === 'start') draft.start = time
      else draft.stop = time
      return undefined
    }
    case 'duration':
      if (!Number.isSafeInteger(value)) return invalid
      draft.stop = (value as number) < 0 ? null : draft.start + (value as number) * 1000
      return undefined
    default:
      return `Invalid path: /${field}`
  }
}

/** `PATCH /workspaces/{wid}/time_entries/{id}/stop` */
function stopTimeEntry(call: ApiCall): Reply {
  const found = workspaceOf(call)
  if ('status' in found) return found
  if (parseId(call.params[1]) === undefined) return errorReply(400, 'Invalid or missing time_entry_id')
  const entry = editableEntry(call, found, call.params[1])
  if (!entry) return errorReply(404, NOT_FOUND)
  if (entry.stop !== null) return errorReply(409, 'Time entry already stopped')
  call.state.update('time_entry', entry, { stop: Math.max(entry.start, call.state.now()) }, call.account.id)
  return jsonReply(200, timeEntryView(call.state, entry, { form: 'replied' }))
}

/** `DELETE /workspaces/{wid}/time_entries/{id}`: 200 with no body. */
function deleteTimeEntry(call: ApiCall): Reply {
  const found = workspaceOf(call)
  if ('status' in found) return found
  const entry = editableEntry(call, found, call.params[1])
  if (!entry) return errorReply(404, NOT_FOUND)
  call.state.remove('time_entry', entry, call.account.id)
  return emptyReply(200)
}

export const TIME_ENTRY_ROUTES = [
  { pattern: /^\/me\/time_entries$/, handlers: new Map([['GET', listTimeEntries]]) },
  { pattern: /^\/me\/time_entries\/current$/, handlers: new Map([['GET', currentTimeEntry]]) },
  { pattern: /^\/me\/time_entries\/(\d+)$/, handlers: new Map([['GET', getTimeEntry]]) },
  // Toggl has no GET here: listing a workspace's entries answers 405 with an empty body.
  { pattern: /^\/workspaces\/(\d+)\/time_entries$/, handlers: new Map([['POST', createTimeEntry]]) },
  {
    pattern: /^\/workspaces\/(\d+)\/time_entries\/([^/]+)$/,
    handlers: new Map([
      ['PUT', updateTimeEntry],
      ['PATCH', patchTimeEntries],
      ['DELETE', deleteTimeEntry],
    ]),
  },
  { pattern: /^\/workspaces\/(\d+)\/time_entries\/([^/]+)\/stop$/, handlers: new Map([['PATCH', stopTimeEntry]]) },
] satisfies Route[]
