import { INVALID_JSON, parseJsonObject, type ApiCall, type Route } from '../calls.ts'
import { parsePatch, patchEach, patchFields } from '../json-patch.ts'
import { containsText, countOf, flagOf, idListOf, idsOf, INVALID_SINCE, listed, matchesFlag, pageOf, sinceOf } from '../listing.ts'
import type { MockProject } from '../model.ts'
import { premiumFieldOf, PROJECT_PREMIUM_FIELDS } from '../plans.ts'
import { errorReply, jsonReply, type Reply } from '../responses.ts'
import { parseDay } from '../times.ts'
import { projectStatus, projectView } from '../views.ts'
import { entityIn, myWorkspaceIds, workspaceOf, type Refusal, type WorkspaceCall } from '../workspace-calls.ts'

const DEFAULT_PER_PAGE = 151
const MAX_PER_PAGE = 200
const INVALID_ID = 'Invalid project_id'
const ADMINS_ONLY = 'Only admins may create projects in this workspace'

type Check = (value: unknown) => boolean
const isText: Check = (value) => typeof value === 'string'
const isFlag: Check = (value) => typeof value === 'boolean'
const isNumber: Check = (value) => typeof value === 'number' && Number.isFinite(value)
const isInteger: Check = Number.isSafeInteger

/** The body fields a project takes: its record key (if it keeps it), type, and whether null clears it. */
const FIELDS: Record<string, { key?: keyof MockProject; check: Check; nullable?: boolean }> = {
  name: { key: 'name', check: isText },
  client_id: { key: 'clientId', check: isInteger, nullable: true },
  cid: { key: 'clientId', check: isInteger, nullable: true },
  color: { key: 'color', check: isText },
  active: { key: 'active', check: isFlag },
  is_private: { key: 'isPrivate', check: isFlag },
  start_date: { key: 'startDate', check: isText },
  end_date: { key: 'endDate', check: isText, nullable: true },
  template_id: { key: 'templateId', check: isInteger, nullable: true },
  billable: { key: 'billable', check: isFlag },
  rate: { key: 'rate', check: isNumber, nullable: true },
  currency: { key: 'currency', check: isText, nullable: true },
  fixed_fee: { key: 'fixedFee', check: isNumber, nullable: true },
  estimated_hours: { key: 'estimatedSeconds', check: isInteger, nullable: true },
  auto_estimates: { key: 'autoEstimates', check: isFlag, nullable: true },
  template: { key: 'template', check: isFlag },
  recurring: { key: 'recurring', check: isFlag },
  recurring_parameters: { key: 'recurringParameters', check: Array.isArray, nullable: true },
  external_reference: { key: 'externalReference', check: isText, nullable: true },
  // Taken and checked (it is a premium field) but without effect: the fake keeps no rate history.
  rate_change_mode: { check: isText },
}

/**
 * A project with these body fields applied (POST, PUT, or one JSON-Patch operation), checked the
 * way Toggl documents: plan, colour, client, name; or the refusal.
 */
function applyFields(call: ApiCall, found: WorkspaceCall, fields: Record<string, unknown>, project: MockProject): MockProject | Refusal {
  const changed = { ...project }
  for (const [name, value] of Object.entries(fields)) {
    const field = FIELDS[name]
    if (!field || value === undefined) continue
    if (value === null ? !field.nullable : !field.check(value)) return { status: 400, message: INVALID_JSON }
    if (field.key) Object.assign(changed, { [field.key]: name === 'estimated_hours' && value !== null ? (value as number) * 3600 : value })
  }
  const premium = premiumFieldOf(found.organization, fields, PROJECT_PREMIUM_FIELDS)
  if (premium) return { status: 402, message: premium.message }
  // Toggl's words for a blank name and a taken one are not recorded; these are the fake's.
  if (changed.name.trim() === '') return { status: 400, message: "project name can't be blank" }
  if (!/^#[0-9a-f]{6}$/i.test(changed.color)) {
    return { status: 400, message: `Error in validating color '${changed.color}'. Project color must be a hex value in the form of #[0-9a-f]{6}.` }
  }
  changed.color = changed.color.toLowerCase()
  if (changed.clientId !== null && !entityIn(call.state.clients, String(changed.clientId), found.workspace)) {
    return { status: 400, message: `Client with the ID ${changed.clientId} isn't present in workspace ${found.workspace.id}` }
  }
  for (const [name, day] of [['start_date', changed.startDate], ['end_date', changed.endDate]] as const) {
    if (day !== null && parseDay(day) === undefined) return { status: 400, message: `Invalid '${name}' value` }
  }
  if (changed.endDate !== null && changed.endDate < changed.startDate) return { status: 400, message: 'start_date should come before end_date' }
  // Names are unique per workspace and client, archived projects included.
  const taken = [...call.state.projects.values()].some(
    (other) =>
      other.id !== project.id &&
      other.deletedAt === null &&
      other.workspaceId === found.workspace.id &&
      other.clientId === changed.clientId &&
      other.name === changed.name,
  )
  if (taken) return { status: 400, message: 'Project name already exists' }
  return changed
}

/** Whether the caller may create or change projects here (`only_admins_may_create_projects`; the fake applies it to every change). */
function mayManage(found: WorkspaceCall): boolean {
  return found.admin || !found.workspace.settings.only_admins_may_create_projects
}

/**
 * `GET /workspaces/{wid}/projects`: active and archived unless `active` says otherwise (what
 * clients of v9 see; v8 listed only active ones), by name, `per_page` 151 (at most 200), a plain array.
 */
function listProjects(call: ApiCall): Reply {
  const found = workspaceOf(call)
  if ('status' in found) return found
  const { query, state } = call
  const since = sinceOf(query)
  const active = flagOf(query, 'active')
  const billable = flagOf(query, 'billable')
  const clientIds = idsOf(query, 'client_ids')
  const projectIds = idsOf(query, 'project_ids')
  const page = countOf(query, 'page', 1)
  const perPage = countOf(query, 'per_page', DEFAULT_PER_PAGE)
  if (since === null) return errorReply(400, INVALID_SINCE)
  // Toggl documents no wording for bad filters; the fake's.
  if (active === null || billable === null || billable === 'both') return errorReply(400, 'Invalid boolean filter')
  if (clientIds === null || projectIds === null || page === null || perPage === null) return errorReply(400, 'Invalid number filter')
  const statuses = query.get('statuses')?.split(',').filter((status) => status !== '')
  const descending = query.get('sort_order')?.toLowerCase() === 'desc'
  const byCreation = query.get('sort_field') === 'created_at'
  const projects = [...state.projects.values()]
    .filter((project) => project.workspaceId === found.workspace.id && listed(project, since))
    .filter((project) => active === undefined || matchesFlag(active, project.active))
    .filter((project) => billable === undefined || project.billable === (billable === 'true'))
    .filter((project) => !clientIds || (project.clientId !== null && clientIds.includes(project.clientId)))
    .filter((project) => !projectIds || projectIds.includes(project.id))
    .filter((project) => !statuses || statuses.length === 0 || statuses.includes(projectStatus(state, project)))
    .filter((project) => containsText(project.name, query.get('name')) && containsText(project.name, query.get('search')))
    .sort((a, b) => (byCreation ? a.createdAt - b.createdAt : a.name.localeCompare(b.name)) || a.id - b.id)
  if (descending) projects.reverse()
  return jsonReply(200, pageOf(projects, page, Math.min(perPage, MAX_PER_PAGE)).map((project) => projectView(state, project)))
}

/** `POST /workspaces/{wid}/projects` */
function createProject(call: ApiCall): Reply {
  const found = workspaceOf(call)
  if ('status' in found) return found
  if (!mayManage(found)) return errorReply(403, ADMINS_ONLY)
  const payload = parseJsonObject(call.body)
  if (!payload) return errorReply(400, INVALID_JSON)
  const { state } = call
  // The fields are checked on a draft with the workspace's defaults; only one that passes is stored.
  const draft = state.draftProject({ workspaceId: found.workspace.id, name: '', creatorId: call.account.id })
  const project = applyFields(call, found, payload, draft)
  if ('status' in project) return errorReply(project.status, project.message)
  state.commit('project', 'created', project, call.account.id)
  return jsonReply(200, projectView(state, project))
}

function projectOf(call: ApiCall, found: WorkspaceCall): MockProject | undefined {
  return entityIn(call.state.projects, call.params[1], found.workspace)
}

/** `GET /workspaces/{wid}/projects/{pid}`: 400 "Invalid project_id" for one it does not have. */
function getProject(call: ApiCall): Reply {
  const found = workspaceOf(call)
  if ('status' in found) return found
  const project = projectOf(call, found)
  return project ? jsonReply(200, projectView(call.state, project)) : errorReply(400, INVALID_ID)
}

/** `PUT /workspaces/{wid}/projects/{pid}`: changed fields only; `active: false` archives, `true` restores. */
function updateProject(call: ApiCall): Reply {
  const found = workspaceOf(call)
  if ('status' in found) return found
  if (!mayManage(found)) return errorReply(403, ADMINS_ONLY)
  const project = projectOf(call, found)
  if (!project) return errorReply(400, INVALID_ID)
  const payload = parseJsonObject(call.body)
  if (!payload) return errorReply(400, INVALID_JSON)
  const changed = applyFields(call, found, payload, project)
  if ('status' in changed) return errorReply(changed.status, changed.message)
  call.state.update('project', project, changed, call.account.id)
  return jsonReply(200, projectView(call.state, project))
}

/**
 * `DELETE /workspaces/{wid}/projects/{pid}`: `teDeletionMode` `delete` deletes its time entries,
 * `unassign` (the fake's default) keeps them without project; its tasks go. Answers the project's id.
 */
function deleteProject(call: ApiCall): Reply {
  const found = workspaceOf(call)
  if ('status' in found) return found
  if (!mayManage(found)) return errorReply(403, ADMINS_ONLY)
  const project = projectOf(call, found)
  if (!project) return errorReply(400, INVALID_ID)
  const mode = call.query.get('teDeletionMode') || 'unassign'
  if (mode !== 'delete' && mode !== 'unassign') return errorReply(400, 'Invalid teDeletionMode')
  call.state.remove('project', project, call.account.id, { timeEntries: mode })
  return jsonReply(200, project.id)
}

/** `PATCH /workspaces/{wid}/projects/{ids}`: JSON-Patch on each project, `{ success, failure }`, no rollback. */
function patchProjects(call: ApiCall): Reply {
  const found = workspaceOf(call)
  if ('status' in found) return found
  if (!mayManage(found)) return errorReply(403, ADMINS_ONLY)
  const ids = idListOf(call.params[1])
  if (!ids) return errorReply(400, INVALID_ID)
  const operations = parsePatch(call.body)
  if (typeof operations === 'string') return errorReply(400, operations)
  const apply = patchFields<MockProject>(operations, FIELDS, (fields, project) => {
    const changed = applyFields(call, found, fields, project)
    return 'status' in changed ? changed.message : changed
  })
  const result = patchEach(
    ids,
    (id) => entityIn(call.state.projects, String(id), found.workspace),
    apply,
    (project, patched) => call.state.update('project', project, patched, call.account.id),
    INVALID_ID,
  )
  return jsonReply(200, result)
}

/** `GET /me/projects`: the projects of every workspace the caller is in; archived ones with `include_archived=true`, deleted ones with `since`. */
function myProjects(call: ApiCall): Reply {
  const since = sinceOf(call.query)
  if (since === null) return errorReply(400, INVALID_SINCE)
  const archived = call.query.get('include_archived')
  if (archived !== null && archived !== 'true' && archived !== 'false') return errorReply(400, 'Invalid include_archived')
  const workspaces = myWorkspaceIds(call)
  const projects = [...call.state.projects.values()]
    .filter((project) => workspaces.has(project.workspaceId) && listed(project, since))
    .filter((project) => since !== undefined || archived === 'true' || project.active)
    .sort((a, b) => a.name.localeCompare(b.name) || a.id - b.id)
  return jsonReply(200, projects.map((project) => projectView(call.state, project)))
}

export const PROJECT_ROUTES = [
  { pattern: /^\/me\/projects$/, handlers: new Map([['GET', myProjects]]) },
  {
    pattern: /^\/workspaces\/(\d+)\/projects$/,
    handlers: new Map([
      ['GET', listProjects],
      ['POST', createProject],
    ]),
  },
  {
    pattern: /^\/workspaces\/(\d+)\/projects\/([^/]+)$/,
    handlers: new Map([
      ['GET', getProject],
      ['PUT', updateProject],
      ['DELETE', deleteProject],
      ['PATCH', patchProjects],
    ]),
  },
] satisfies Route[]
