import { INVALID_JSON, parseId, parseJsonObject, type ApiCall, type Route } from '../calls.ts'
import { parsePatch, patchEach, patchFields } from '../json-patch.ts'
import { containsText, countOf, flagOf, idListOf, INVALID_SINCE, listed, matchesFlag, pageOf, sinceOf } from '../listing.ts'
import type { MockProject, MockTask } from '../model.ts'
import { errorReply, jsonReply, type Reply } from '../responses.ts'
import { dayOf, parseDay } from '../times.ts'
import { taskView } from '../views.ts'
import { entityIn, myWorkspaceIds, workspaceOf, type WorkspaceCall } from '../workspace-calls.ts'

const INVALID_PROJECT = 'Invalid project_id'
const INVALID_TASK = 'Invalid task_id'
const ARCHIVED_PROJECT = 'Project not found/accessible, Can not change tasks of archived project'
const DEFAULT_PER_PAGE = 50
const SORT_FIELDS = ['name', 'created_at']

const byName = (a: MockTask, b: MockTask) => a.name.localeCompare(b.name) || a.id - b.id

/** The fields a task body takes: the record key, whether null clears it, and the check. */
const FIELDS: Record<string, { key: keyof MockTask; nullable: boolean; check: (value: unknown) => boolean }> = {
  name: { key: 'name', nullable: false, check: (value) => typeof value === 'string' },
  active: { key: 'active', nullable: false, check: (value) => typeof value === 'boolean' },
  estimated_seconds: { key: 'estimatedSeconds', nullable: true, check: Number.isSafeInteger },
  user_id: { key: 'userId', nullable: true, check: Number.isSafeInteger },
  external_reference: { key: 'externalReference', nullable: true, check: (value) => typeof value === 'string' },
}

/** A task with these body fields applied, or the 400 message. */
function applyFields(call: ApiCall, found: WorkspaceCall, fields: Record<string, unknown>, task: MockTask): MockTask | string {
  const changed = { ...task }
  for (const [name, value] of Object.entries(fields)) {
    const field = FIELDS[name]
    if (!field || value === undefined) continue
    if (value === null ? !field.nullable : !field.check(value)) return INVALID_JSON
    Object.assign(changed, { [field.key]: value })
  }
  // Toggl's words for a blank name are not recorded; the fake's.
  if (changed.name.trim() === '') return "task name can't be blank"
  if (changed.userId !== null && !call.state.accessOf(found.organization, found.workspace, changed.userId)) {
    return `User ${changed.userId} not exists in the workspace.`
  }
  return changed
}

interface ProjectCall {
  found: WorkspaceCall
  project: MockProject
}

/** The path's workspace and project (second segment), or the reply that refuses them. */
function projectCall(call: ApiCall): ProjectCall | Reply {
  const found = workspaceOf(call)
  if ('status' in found) return found
  const project = entityIn(call.state.projects, call.params[1], found.workspace)
  return project ? { found, project } : errorReply(400, INVALID_PROJECT)
}

/** The path's workspace, project and task (third segment, of that project), or the reply that refuses them. */
function taskCall(call: ApiCall): (ProjectCall & { task: MockTask }) | Reply {
  const path = projectCall(call)
  if ('status' in path) return path
  const task = entityIn(call.state.tasks, call.params[2], path.found.workspace)
  return task?.projectId === path.project.id ? { ...path, task } : errorReply(400, INVALID_TASK)
}

function projectTasks(call: ApiCall, project: MockProject): MockTask[] {
  return [...call.state.tasks.values()].filter((task) => task.deletedAt === null && task.projectId === project.id).sort(byName)
}

/**
 * `GET /workspaces/{wid}/tasks`: wrapped and paged (`page` 1, `per_page` 50), by name or
 * `created_at`. Only active tasks unless `active` says otherwise (v8's documented default; v9
 * documents none). `start_date`/`end_date` bound the day each task was created (the fake's reading).
 */
function listWorkspaceTasks(call: ApiCall): Reply {
  const found = workspaceOf(call)
  if ('status' in found) return found
  const { query, state } = call
  const since = sinceOf(query)
  const active = flagOf(query, 'active')
  const page = countOf(query, 'page', 1)
  const perPage = countOf(query, 'per_page', DEFAULT_PER_PAGE)
  const sortField = query.get('sort_field') || 'name'
  const sortOrder = (query.get('sort_order') || 'ASC').toUpperCase()
  const projectId = query.get('pid')
  const from = query.get('start_date')
  const until = query.get('end_date')
  if (since === null) return errorReply(400, INVALID_SINCE)
  // Toggl documents no wording for bad parameters; the fake's.
  if (active === null || page === null || perPage === null || !SORT_FIELDS.includes(sortField) || !['ASC', 'DESC'].includes(sortOrder)) {
    return errorReply(400, 'Invalid parameter')
  }
  const badDay = (day: string | null) => day !== null && parseDay(day) === undefined
  if ((projectId !== null && parseId(projectId) === undefined) || badDay(from) || badDay(until)) return errorReply(400, 'Invalid parameter')
  const tasks = [...state.tasks.values()]
    .filter((task) => task.workspaceId === found.workspace.id && listed(task, since))
    .filter((task) => matchesFlag(active ?? 'true', task.active))
    .filter((task) => projectId === null || task.projectId === Number(projectId))
    .filter((task) => (from === null || dayOf(task.createdAt) >= from) && (until === null || dayOf(task.createdAt) <= until))
    .filter((task) => containsText(task.name, query.get('search')))
    .sort((a, b) => (sortField === 'created_at' ? a.createdAt - b.createdAt || a.id - b.id : byName(a, b)))
  if (sortOrder === 'DESC') tasks.reverse()
  return jsonReply(200, {
    data: pageOf(tasks, page, perPage).map((task) => taskView(state, task)),
    page,
    per_page: perPage,
    sort_field: sortField,
    sort_order: sortOrder,
    total_count: tasks.length,
  })
}

/** `GET …/projects/{pid}/tasks`: a plain array, all of them unless `active=true`. */
function listProjectTasks(call: ApiCall): Reply {
  const path = projectCall(call)
  if ('status' in path) return path
  const { project } = path
  const onlyActive = call.query.get('active') === 'true'
  const tasks = projectTasks(call, project).filter((task) => !onlyActive || task.active)
  return jsonReply(200, tasks.map((task) => taskView(call.state, task)))
}

/** `POST …/projects/{pid}/tasks` `{ name, active?, estimated_seconds?, user_id?, external_reference? }` */
function createTask(call: ApiCall): Reply {
  const path = projectCall(call)
  if ('status' in path) return path
  const { found, project } = path
  if (!project.active) return errorReply(400, ARCHIVED_PROJECT)
  const payload = parseJsonObject(call.body)
  if (!payload) return errorReply(400, INVALID_JSON)
  // The fields are checked on a blank task (id 0: not stored); the state adds the one that passes.
  const blank: MockTask = {
    id: 0,
    workspaceId: project.workspaceId,
    createdAt: 0,
    at: 0,
    deletedAt: null,
    projectId: project.id,
    name: '',
    active: true,
    estimatedSeconds: null,
    userId: null,
    externalReference: null,
  }
  const checked = applyFields(call, found, payload, blank)
  if (typeof checked === 'string') return errorReply(400, checked)
  const { name, active, estimatedSeconds, userId, externalReference } = checked
  const task = call.state.addTask({ projectId: project.id, name, active, estimatedSeconds, userId, externalReference }, call.account.id)
  return jsonReply(200, taskView(call.state, task))
}

/** `GET …/projects/{pid}/tasks/{tid}` */
function getTask(call: ApiCall): Reply {
  const path = taskCall(call)
  return 'status' in path ? path : jsonReply(200, taskView(call.state, path.task))
}

/** `PUT …/projects/{pid}/tasks/{tid}`: changed fields only; `active: false` marks it done. */
function updateTask(call: ApiCall): Reply {
  const path = taskCall(call)
  if ('status' in path) return path
  const { found, project, task } = path
  if (!project.active) return errorReply(400, ARCHIVED_PROJECT)
  const payload = parseJsonObject(call.body)
  if (!payload) return errorReply(400, INVALID_JSON)
  const changed = applyFields(call, found, payload, task)
  if (typeof changed === 'string') return errorReply(400, changed)
  call.state.update('task', task, changed, call.account.id)
  return jsonReply(200, taskView(call.state, task))
}

/** `DELETE …/projects/{pid}/tasks/{tid}`: its time entries keep their project, without the task. */
function deleteTask(call: ApiCall): Reply {
  const path = taskCall(call)
  if ('status' in path) return path
  const { task } = path
  call.state.remove('task', task, call.account.id)
  return jsonReply(200, 'OK')
}

/** `PATCH …/projects/{pid}/tasks/{ids}`: JSON-Patch on each task, `{ success, failure }`, no rollback. */
function patchTasks(call: ApiCall): Reply {
  const path = projectCall(call)
  if ('status' in path) return path
  const { found, project } = path
  if (!project.active) return errorReply(400, ARCHIVED_PROJECT)
  const ids = idListOf(call.params[2])
  if (!ids) return errorReply(400, INVALID_TASK)
  const operations = parsePatch(call.body)
  if (typeof operations === 'string') return errorReply(400, operations)
  const result = patchEach(
    ids,
    (id) => projectTasks(call, project).find((task) => task.id === id),
    patchFields<MockTask>(operations, FIELDS, (fields, task) => applyFields(call, found, fields, task)),
    (task, patched) => call.state.update('task', task, patched, call.account.id),
    INVALID_TASK,
  )
  return jsonReply(200, result)
}

/**
 * `GET /me/tasks`: tasks of every workspace the caller is in, active ones unless
 * `include_not_active=true`; `since` adds deleted ones; `offset`/`per_page` page (all by default).
 * Project and client names only with `meta=true`.
 */
function myTasks(call: ApiCall): Reply {
  const { query } = call
  const since = sinceOf(query)
  if (since === null) return errorReply(400, INVALID_SINCE)
  const notActive = query.get('include_not_active')
  if (notActive !== null && notActive !== 'true' && notActive !== 'false') return errorReply(400, 'Invalid include_not_active')
  const offset = query.get('offset')
  const skip = offset === null || offset === '' ? 0 : /^\d+$/.test(offset) ? Number(offset) : undefined
  const workspaces = myWorkspaceIds(call)
  const tasks = [...call.state.tasks.values()]
    .filter((task) => workspaces.has(task.workspaceId) && listed(task, since))
    .filter((task) => since !== undefined || notActive === 'true' || task.active)
    .sort((a, b) => a.id - b.id)
  const perPage = countOf(query, 'per_page', Math.max(tasks.length, 1))
  if (skip === undefined || perPage === null) return errorReply(400, 'Invalid parameter')
  const meta = query.get('meta') === 'true'
  return jsonReply(200, tasks.slice(skip, skip + perPage).map((task) => taskView(call.state, task, meta)))
}

export const TASK_ROUTES = [
  { pattern: /^\/me\/tasks$/, handlers: new Map([['GET', myTasks]]) },
  { pattern: /^\/workspaces\/(\d+)\/tasks$/, handlers: new Map([['GET', listWorkspaceTasks]]) },
  {
    pattern: /^\/workspaces\/(\d+)\/projects\/([^/]+)\/tasks$/,
    handlers: new Map([
      ['GET', listProjectTasks],
      ['POST', createTask],
    ]),
  },
  {
    pattern: /^\/workspaces\/(\d+)\/projects\/([^/]+)\/tasks\/([^/]+)$/,
    handlers: new Map([
      ['GET', getTask],
      ['PUT', updateTask],
      ['DELETE', deleteTask],
      ['PATCH', patchTasks],
    ]),
  },
] satisfies Route[]
