import type { MockOrganization, MockWorkspace, MockWorkspaceMember } from '../model.ts'
import type { MockState } from '../state.ts'
import { codePoints, findOrganization, isAdmin, isIdList, parseId, parseJsonObject, type ApiCall, type Route } from '../calls.ts'
import { isFree, premiumFieldOf, WORKSPACE_PREMIUM_FIELDS } from '../plans.ts'
import { errorReply, jsonReply, textReply, type Reply } from '../responses.ts'

const INVALID_JSON = 'JSON is not valid'
const FORBIDDEN = 'Forbidden'
const NOT_FOUND = 'Resource can not be found'
const MAX_NAME_LENGTH = 140
const MAX_WORKSPACES = 20
// The spec gives no default page size for workspace users; the fake picks Toggl's usual 50.
const DEFAULT_PER_PAGE = 50

/** `POST /organizations/{id}/workspaces`: organization admins only. */
function createWorkspace(call: ApiCall): Reply {
  const organization = findOrganization(call)
  if (!organization?.memberIds.includes(call.account.id)) return errorReply(404, 'Organization not found/accessible')
  if (!isAdmin(organization, call.account.id)) return errorReply(403, FORBIDDEN)
  const payload = parseJsonObject(call.body)
  if (!payload) return errorReply(400, INVALID_JSON)
  const { name = null, admins = [] } = payload
  if (name === null) return errorReply(400, 'workspace name must not be nil')
  if (typeof name !== 'string' || !isIdList(admins)) return errorReply(400, INVALID_JSON)
  if (!/\S/u.test(name)) return errorReply(400, 'workspace name must contain non-space characters')
  if (codePoints(name) > MAX_NAME_LENGTH) return errorReply(400, `workspace name must not be longer than ${MAX_NAME_LENGTH}`)
  const free = isFree(organization)
  const premiumField = premiumFieldOf(organization, payload, WORKSPACE_PREMIUM_FIELDS)
  if (premiumField) return errorReply(402, premiumField.message)
  if (free && organization.workspaces.length > 0) return errorReply(400, 'Multiple workspaces are not enabled in this organization.')
  if (organization.workspaces.length >= MAX_WORKSPACES) {
    return errorReply(400, `Organization ${organization.name} can have a maximum of ${MAX_WORKSPACES} workspaces`)
  }
  if (organization.workspaces.some((workspace) => workspace.name === name)) {
    return errorReply(400, 'another workspace with same name exists in organization')
  }
  const stranger = admins.find((id) => !organization.memberIds.includes(id))
  if (stranger !== undefined) return errorReply(400, `User with id ${stranger} does not exist.`)

  // The creator administers the new workspace too, as the reply's `admin: true` tells them.
  const adminIds = [call.account.id, ...admins]
  const workspace = call.state.createWorkspace(name, [...new Set(adminIds)], adminIds)
  const { settings } = workspace
  for (const key of Object.keys(settings) as (keyof typeof settings)[]) {
    if (payload[key] !== undefined && payload[key] !== null) Object.assign(settings, { [key]: payload[key] })
  }
  organization.workspaces.push(workspace)
  call.state.touch(organization)
  call.state.commit('workspace', 'created', workspace, call.account.id)
  return jsonReply(200, {
    id: workspace.id,
    organization_id: organization.id,
    name: workspace.name,
    admin: true,
    role: 'admin',
    permissions: null,
    premium: !free,
    business_ws: organization.pricingPlanName === 'Premium' || organization.pricingPlanName === 'Enterprise',
    at: new Date(organization.at).toISOString(),
    suspended_at: null,
    ...settings,
    ical_enabled: false,
    logo_url: 'https://assets.track.toggl.com/images/workspace.jpg',
    working_hours_in_minutes: null,
  })
}

/** `GET /organizations/{id}/workspaces/statistics`: organization admins only. */
function workspaceStatistics(call: ApiCall): Reply {
  const organization = findOrganization(call)
  if (!organization) return errorReply(404, NOT_FOUND)
  if (!isAdmin(organization, call.account.id)) return errorReply(403, FORBIDDEN)
  const statistics = Object.fromEntries(
    organization.workspaces.map((workspace) => [String(workspace.id), statisticsOf(call.state, organization, workspace)]),
  )
  return jsonReply(200, statistics)
}

/** A workspace's admins, groups and members, as both statistics calls count them. */
export function statisticsOf(state: MockState, organization: MockOrganization, workspace: MockWorkspace) {
  const users = state.workspaceUsersOf(organization, workspace)
  return {
    admins: users
      .filter(({ admin }) => admin)
      .map(({ accountId }) => ({ user_id: accountId, name: state.accounts.get(accountId)?.fullname ?? '' })),
    groups_count: organization.groups.filter((group) => group.workspaceIds.includes(workspace.id)).length,
    // Distinct people, whether they are in the workspace directly, through groups, or both.
    members_count: users.length,
  }
}

/** `GET …/workspaces/{workspace_id}/workspace_users`: its members, direct or through a group, filtered and paged. */
function listWorkspaceUsers(call: ApiCall): Reply {
  const found = adminWorkspace(call)
  if ('status' in found) return found
  const { organization, workspace } = found
  const { query } = call
  const name = query.get('name')?.toLowerCase() ?? ''
  const search = query.get('search')?.toLowerCase() ?? ''
  const views = call.state
    .workspaceUsersOf(organization, workspace)
    .map((user) => workspaceUserView(call, organization, workspace, user))
    .filter((view) => view.name.toLowerCase().includes(name))
    .filter((view) => view.name.toLowerCase().includes(search) || view.email.toLowerCase().includes(search))
    .filter((view) => query.get('active') !== 'true' || !view.inactive)
    // Nobody in the fake has a custom rate.
    .filter(() => query.get('custom_rates') !== 'true')
  const page = parseId(query.get('page') ?? undefined) ?? 1
  const perPage = parseId(query.get('per_page') ?? undefined) ?? DEFAULT_PER_PAGE
  return jsonReply(200, views.slice((page - 1) * perPage, page * perPage))
}

/** `PATCH …/workspaces/{workspace_id}/workspace_users` `{ delete: [workspace-user ids] }` */
function patchWorkspaceUsers(call: ApiCall): Reply {
  const found = adminWorkspace(call)
  if ('status' in found) return found
  const { organization, workspace } = found
  const payload = parseJsonObject(call.body)
  if (!payload) return errorReply(400, INVALID_JSON)
  const ids = payload['delete'] ?? []
  if (!isIdList(ids)) return errorReply(400, INVALID_JSON)
  if (ids.length === 0) return errorReply(400, 'At least one workspace user ID must be supplied.')
  if (new Set(ids).size !== ids.length) return errorReply(400, 'Workspace user IDs must be unique')
  // Only direct members can be taken out: someone there through a group leaves with the group.
  if (!ids.every((id) => workspace.users.some((user) => user.id === id))) return errorReply(400, 'Wrong workspace user IDs')
  call.state.changeMembership(organization, () => {
    workspace.users = workspace.users.filter((user) => !ids.includes(user.id))
  })
  call.state.touch(organization)
  return textReply(200, 'OK')
}

/** The organization and workspace of a workspace-user call, or the refusal. */
function adminWorkspace(call: ApiCall): { organization: MockOrganization; workspace: MockWorkspace } | Reply {
  const organization = findOrganization(call)
  if (!organization) return errorReply(404, NOT_FOUND)
  if (!isAdmin(organization, call.account.id)) return errorReply(403, FORBIDDEN)
  const workspaceId = parseId(call.params[1])
  const workspace = organization.workspaces.find(({ id }) => id === workspaceId)
  return workspace ? { organization, workspace } : errorReply(404, NOT_FOUND)
}

function workspaceUserView(call: ApiCall, organization: MockOrganization, workspace: MockWorkspace, user: MockWorkspaceMember) {
  const account = call.state.accounts.get(user.accountId)
  const { admin } = user
  return {
    id: user.id,
    user_id: user.accountId,
    uid: user.accountId,
    workspace_id: workspace.id,
    wid: workspace.id,
    name: account?.fullname ?? '',
    email: account?.email ?? '',
    active: true,
    inactive: call.state.membershipOf(organization, user.accountId)?.inactive ?? false,
    admin,
    workspace_admin: admin,
    organization_admin: isAdmin(organization, user.accountId),
    role: admin ? 'admin' : 'user',
    is_direct: user.direct,
    group_ids: organization.groups
      .filter((group) => group.userIds.includes(user.accountId) && group.workspaceIds.includes(workspace.id))
      .map((group) => group.id),
    rate: null,
    labor_cost: null,
    timezone: 'UTC',
    '2fa_enabled': false,
    at: new Date(organization.at).toISOString(),
  }
}

export const WORKSPACE_ROUTES = [
  { pattern: /^\/organizations\/(\d+)\/workspaces$/, handlers: new Map([['POST', createWorkspace]]) },
  { pattern: /^\/organizations\/(\d+)\/workspaces\/statistics$/, handlers: new Map([['GET', workspaceStatistics]]) },
  {
    pattern: /^\/organizations\/(\d+)\/workspaces\/(\d+)\/workspace_users$/,
    handlers: new Map([
      ['GET', listWorkspaceUsers],
      ['PATCH', patchWorkspaceUsers],
    ]),
  },
] satisfies Route[]
