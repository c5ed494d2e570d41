import { codePoints, INVALID_JSON, isIdList, parseJsonObject, type ApiCall, type Route } from '../calls.ts'
import { INVALID_SINCE, sinceOf } from '../listing.ts'
import type { MockTimeEntryConstraints, MockWorkspaceSettings } from '../model.ts'
import { statisticsOf } from '../organizations/organization-workspaces.ts'
import { premiumFieldOf, WORKSPACE_PREMIUM_FIELDS } from '../plans.ts'
import { errorReply, jsonReply, type Reply } from '../responses.ts'
import { workspaceView } from '../views.ts'
import { NO_ACCESS, workspaceOf } from '../workspace-calls.ts'

const MAX_NAME_LENGTH = 140

/**
 * `GET /me/workspaces`: each with its `active_project_count`; `since` keeps those changed since
 * then, and reports the ones the caller lost access to since then as deleted (`server_deleted_at`).
 */
function myWorkspaces(call: ApiCall): Reply {
  const since = sinceOf(call.query)
  if (since === null) return errorReply(400, INVALID_SINCE)
  const { state } = call
  const workspaces = state
    .workspacesOf(call.account.id)
    .filter(({ workspace }) => since === undefined || workspace.at >= since * 1000)
    .map(({ organization, workspace }) => {
      const active = [...state.projects.values()].filter((project) => project.workspaceId === workspace.id && project.deletedAt === null && project.active)
      return { ...workspaceView(state, organization, workspace, call.account.id), active_project_count: active.length }
    })
  const left =
    since === undefined
      ? []
      : state.departuresOf(call.account.id, since * 1000).map(({ organization, workspace, at }) => ({
          ...workspaceView(state, organization, workspace, call.account.id),
          server_deleted_at: new Date(at).toISOString(),
          active_project_count: 0,
        }))
  return jsonReply(200, [...workspaces, ...left])
}

/** `GET /workspaces/{wid}`: 403 for one the caller is not in. */
function getWorkspace(call: ApiCall): Reply {
  const found = workspaceOf(call)
  if ('status' in found) return found
  return jsonReply(200, workspaceView(call.state, found.organization, found.workspace, call.account.id))
}

type SettingCheck = (value: unknown) => boolean
const isFlag: SettingCheck = (value) => typeof value === 'boolean'
const SETTING_CHECKS: Record<keyof MockWorkspaceSettings, SettingCheck> = {
  default_currency: (value) => typeof value === 'string',
  default_hourly_rate: (value) => typeof value === 'number' && value >= 0,
  rounding: (value) => value === -1 || value === 0 || value === 1,
  rounding_minutes: (value) => Number.isSafeInteger(value) && Number(value) >= 0,
  only_admins_may_create_projects: isFlag,
  only_admins_may_create_tags: isFlag,
  only_admins_see_team_dashboard: isFlag,
  projects_billable_by_default: isFlag,
  projects_enforce_billable: isFlag,
  projects_private_by_default: isFlag,
  limit_public_project_data: isFlag,
  reports_collapse: isFlag,
  hide_start_end_times: isFlag,
}

/**
 * `PUT /workspaces/{wid}`: its admins only; changed fields only. `admins` names every admin
 * among its direct members (the fake's reading). Premium settings on a Free plan are a 402.
 */
function updateWorkspace(call: ApiCall): Reply {
  const found = workspaceOf(call)
  if ('status' in found) return found
  if (!found.admin) return errorReply(403, NO_ACCESS)
  const payload = parseJsonObject(call.body)
  if (!payload) return errorReply(400, INVALID_JSON)
  const { organization, workspace } = found
  const { name, admins } = payload
  const settings = Object.entries(payload).filter(([key, value]) => key in SETTING_CHECKS && value !== null && value !== undefined)
  if ((name !== undefined && name !== null && typeof name !== 'string') || (admins !== undefined && admins !== null && !isIdList(admins))) {
    return errorReply(400, INVALID_JSON)
  }
  if (settings.some(([key, value]) => !SETTING_CHECKS[key as keyof MockWorkspaceSettings](value))) return errorReply(400, INVALID_JSON)
  const premium = premiumFieldOf(organization, payload, WORKSPACE_PREMIUM_FIELDS)
  if (premium) return errorReply(402, premium.message)
  if (typeof name === 'string') {
    if (!/\S/u.test(name)) return errorReply(400, 'workspace name must contain non-space characters')
    if (codePoints(name) > MAX_NAME_LENGTH) return errorReply(400, `workspace name must not be longer than ${MAX_NAME_LENGTH}`)
    if (organization.workspaces.some((other) => other !== workspace && other.name === name)) {
      return errorReply(400, 'another workspace with same name exists in organization')
    }
  }
  if (Array.isArray(admins)) {
    const stranger = admins.find((id) => !workspace.users.some((user) => user.accountId === id))
    if (stranger !== undefined) return errorReply(400, `User with id ${stranger} does not exist.`)
    for (const user of workspace.users) user.admin = admins.includes(user.accountId)
  }
  if (typeof name === 'string') workspace.name = name
  Object.assign(workspace.settings, Object.fromEntries(settings))
  call.state.commit('workspace', 'updated', workspace, call.account.id)
  return jsonReply(200, workspaceView(call.state, organization, workspace, call.account.id))
}

/** `GET /workspaces/{wid}/statistics`: `{ admins: [{ user_id, name }], groups_count, members_count }`. */
function workspaceStatistics(call: ApiCall): Reply {
  const found = workspaceOf(call)
  if ('status' in found) return found
  return jsonReply(200, statisticsOf(call.state, found.organization, found.workspace))
}

const CONSTRAINTS: (keyof MockTimeEntryConstraints)[] = [
  'time_entry_constraints_enabled',
  'description_present',
  'project_present',
  'tag_present',
  'task_present',
]

/** `GET /workspaces/{wid}/time_entry_constraints`; the spec answers 400 "Workspace not found" for one the caller cannot see. */
function getConstraints(call: ApiCall): Reply {
  const found = workspaceOf(call, errorReply(400, 'Workspace not found'))
  if ('status' in found) return found
  return jsonReply(200, found.workspace.constraints)
}

/** `POST /workspaces/{wid}/time_entry_constraints`: admins only; changed flags only; answers `{ wid }`. */
function updateConstraints(call: ApiCall): Reply {
  const found = workspaceOf(call, errorReply(400, 'Workspace not found'))
  if ('status' in found) return found
  if (!found.admin) return errorReply(400, 'Admin permissions required')
  const payload = parseJsonObject(call.body)
  if (!payload) return errorReply(400, INVALID_JSON)
  const changes = CONSTRAINTS.filter((key) => payload[key] !== undefined && payload[key] !== null)
  if (changes.some((key) => typeof payload[key] !== 'boolean')) return errorReply(400, INVALID_JSON)
  for (const key of changes) found.workspace.constraints[key] = payload[key] as boolean
  call.state.commit('workspace', 'updated', found.workspace, call.account.id)
  return jsonReply(200, { wid: found.workspace.id })
}

/** `GET /workspaces/{wid}/users`: everyone in it, by account id. */
function workspaceUsers(call: ApiCall): Reply {
  const found = workspaceOf(call)
  if ('status' in found) return found
  const { state } = call
  const { organization, workspace } = found
  return jsonReply(
    200,
    state.workspaceUsersOf(organization, workspace).map((user) => {
      const account = state.accounts.get(user.accountId)
      return {
        id: user.accountId,
        email: account?.email ?? '',
        fullname: account?.fullname ?? '',
        inactive: state.membershipOf(organization, user.accountId)?.inactive ?? false,
        is_active: true,
        is_admin: user.admin,
        role: user.admin ? 'admin' : 'user',
      }
    }),
  )
}

export const TRACKING_WORKSPACE_ROUTES = [
  { pattern: /^\/me\/workspaces$/, handlers: new Map([['GET', myWorkspaces]]) },
  {
    pattern: /^\/workspaces\/(\d+)$/,
    handlers: new Map([
      ['GET', getWorkspace],
      ['PUT', updateWorkspace],
    ]),
  },
  { pattern: /^\/workspaces\/(\d+)\/statistics$/, handlers: new Map([['GET', workspaceStatistics]]) },
  {
    pattern: /^\/workspaces\/(\d+)\/time_entry_constraints$/,
    handlers: new Map([
      ['GET', getConstraints],
      ['POST', updateConstraints],
    ]),
  },
  { pattern: /^\/workspaces\/(\d+)\/users$/, handlers: new Map([['GET', workspaceUsers]]) },
] satisfies Route[]
