import { findOrganization, INVALID_JSON, isAdmin, isOwner, parseId, parseJsonObject, type ApiCall, type Route } from '../calls.ts'
import { errorReply, jsonReply, textReply, type Reply } from '../responses.ts'
import type { MockInvitation, MockOrganization } from '../model.ts'
import type { MockState } from '../state.ts'

const DEFAULT_PER_PAGE = 50
const STATUSES = ['active', 'inactive', 'invited']
// The roles of the fake's ROLE_ROUTES: owner, admin, workspace admin, member.
const OWNER_ROLE = 1
const ADMIN_ROLE = 2
const WORKSPACE_ADMIN_ROLE = 3
const MEMBER_ROLE = 4
const KNOWN_ROLES = [OWNER_ROLE, ADMIN_ROLE, WORKSPACE_ADMIN_ROLE, MEMBER_ROLE]

/** A row of a user listing, with what the filters look at. */
interface Row {
  view: Record<string, unknown>
  status: string
  admin: boolean
  groupIds: number[]
  workspaceIds: number[]
}

/** `GET /organizations/{id}/users` */
function listUsers(call: ApiCall): Reply {
  return listing(call, false)
}

/** `GET /organizations/{id}/users/detailed`: each user's workspaces and groups too. */
function listDetailedUsers(call: ApiCall): Reply {
  return listing(call, true)
}

function listing(call: ApiCall, detailed: boolean): Reply {
  if (parseId(call.params[0]) === undefined) return errorReply(400, 'Missing or invalid organization_id.')
  const organization = findOrganization(call)
  if (!organization || !isAdmin(organization, call.account.id)) {
    return errorReply(403, 'User is not authorized to list the organization users')
  }
  const query = parseListingQuery(call.query)
  if (typeof query === 'string') return errorReply(400, query)
  const unknownWorkspace = query.workspaces?.some((id) => !organization.workspaces.some((workspace) => workspace.id === id))
  if (detailed && unknownWorkspace) return errorReply(400, 'user cannot access specified workspace id.')

  const needle = query.filter?.toLowerCase()
  const rows = rowsOf(call.state, organization, detailed)
    .filter(({ view }) => !needle || [view.name, view.email].some((text) => String(text).toLowerCase().includes(needle)))
    .filter(({ status }) => !query.statuses || query.statuses.includes(status))
    .filter(({ admin }) => !query.onlyAdmins || admin)
    .filter(({ groupIds }) => !query.groups || groupIds.some((id) => query.groups?.includes(id)))
    .filter(({ workspaceIds }) => !query.workspaces || workspaceIds.some((id) => query.workspaces?.includes(id)))
    .sort((a, b) => String(a.view.name).localeCompare(String(b.view.name)) || Number(a.view.id) - Number(b.view.id))
  if (query.sortDir === 'desc') rows.reverse()
  const start = (query.page - 1) * query.perPage
  return {
    ...jsonReply(200, rows.slice(start, start + query.perPage).map(({ view }) => view)),
    headers: {
      'X-Page': String(query.page),
      'X-Page-Size': String(query.perPage),
      'X-Pages': String(Math.ceil(rows.length / query.perPage)),
      'X-Records': String(rows.length),
      'X-Sort-Order': query.sortDir,
    },
  }
}

interface ListingQuery {
  filter?: string
  statuses?: string[]
  onlyAdmins: boolean
  groups?: number[]
  workspaces?: number[]
  page: number
  perPage: number
  sortDir: string
}

/** The listing's parameters, or the 400 message for the first bad one. An empty value counts as absent. */
function parseListingQuery(query: URLSearchParams): ListingQuery | string {
  const parsed: ListingQuery = { onlyAdmins: false, page: 1, perPage: DEFAULT_PER_PAGE, sortDir: 'asc' }
  const value = (name: string) => query.get(name) || undefined
  const filter = value('filter')
  if (filter !== undefined) parsed.filter = filter
  const statuses = value('active_status')?.split(',')
  if (statuses?.some((status) => !STATUSES.includes(status))) {
    return "active_status parameter can contain only 'active', 'inactive' or 'invited'."
  }
  if (statuses) parsed.statuses = statuses
  const onlyAdmins = value('only_admins')
  if (onlyAdmins !== undefined && onlyAdmins !== 'true' && onlyAdmins !== 'false') {
    return "only_admins parameter can contain only 'true' or 'false'."
  }
  parsed.onlyAdmins = onlyAdmins === 'true'
  for (const [name, key] of [['page', 'page'], ['per_page', 'perPage']] as const) {
    const text = value(name)
    if (text === undefined) continue
    if (!/^-?\d+$/.test(text)) return `Invalid value sent for '${name}'.`
    if (Number(text) <= 0) return `${name} parameter must contain values > 0.`
    parsed[key] = Number(text)
  }
  const sortDir = value('sort_dir')
  if (sortDir !== undefined && sortDir !== 'asc' && sortDir !== 'desc') return "sort_dir parameter can contain only 'asc' or 'desc'."
  if (sortDir) parsed.sortDir = sortDir
  for (const name of ['groups', 'workspaces'] as const) {
    const ids = value(name)?.split(',').map(parseId)
    if (ids?.some((id) => id === undefined)) return `Invalid value sent for '${name}'.`
    if (ids) parsed[name] = ids as number[]
  }
  return parsed
}

/** Members first, then pending invitations as users who have not joined. */
function rowsOf(state: MockState, organization: MockOrganization, detailed: boolean): Row[] {
  const members = organization.memberIds.map((accountId): Row => {
    const account = state.accounts.get(accountId)
    const membership = state.membershipOf(organization, accountId)
    const admin = organization.adminIds.includes(accountId)
    const workspaces = organization.workspaces.flatMap((workspace) => {
      const user = workspace.users.find((entry) => entry.accountId === accountId)
      return user ? [{ workspace, user }] : []
    })
    const groups = organization.groups.filter((group) => group.userIds.includes(accountId))
    const inactive = membership?.inactive ?? false
    const view: Record<string, unknown> = {
      id: membership?.id,
      user_id: accountId,
      organization_id: organization.id,
      name: account?.fullname ?? '',
      email: account?.email ?? '',
      admin,
      owner: isOwner(organization, accountId),
      role_id: isOwner(organization, accountId) ? OWNER_ROLE : admin ? ADMIN_ROLE : MEMBER_ROLE,
      inactive,
      joined: true,
      invitation_id: null,
      avatar_url: '',
      can_edit_email: state.organizationsOf(accountId).length === 1,
      '2fa_enabled': false,
      workspace_count: workspaces.length,
    }
    if (detailed) {
      view.groups = groups.map((group) => ({ group_id: group.id, name: group.name }))
      view.workspaces = workspaces.map(({ workspace, user }) => {
        // Organization admins administer every workspace (see MockState.workspaceUsersOf).
        const workspaceAdmin = admin || user.admin
        return {
          workspace_id: workspace.id,
          workspace_name: workspace.name,
          workspace_user_id: user.id,
          admin: workspaceAdmin,
          active: !inactive,
          inactive,
          role_id: admin ? ADMIN_ROLE : workspaceAdmin ? WORKSPACE_ADMIN_ROLE : MEMBER_ROLE,
        }
      })
    }
    const status = inactive ? 'inactive' : 'active'
    return { view, status, admin, groupIds: groups.map((group) => group.id), workspaceIds: workspaces.map(({ workspace }) => workspace.id) }
  })
  return [...members, ...organization.invitations.map((invitation) => invitedRow(organization, invitation, detailed))]
}

/** Someone invited: their row's id is the invitation's, so `delete` can withdraw it. */
function invitedRow(organization: MockOrganization, invitation: MockInvitation, detailed: boolean): Row {
  const view: Record<string, unknown> = {
    id: invitation.id,
    user_id: null,
    organization_id: organization.id,
    name: '',
    email: invitation.email,
    admin: false,
    owner: false,
    role_id: MEMBER_ROLE,
    inactive: false,
    joined: false,
    invitation_id: invitation.id,
    workspace_count: invitation.workspaceIds.length,
  }
  if (detailed) {
    view.groups = organization.groups.filter((group) => invitation.groupIds.includes(group.id)).map((group) => ({ group_id: group.id, name: group.name }))
    view.workspaces = organization.workspaces
      .filter((workspace) => invitation.workspaceIds.includes(workspace.id))
      .map((workspace) => ({ workspace_id: workspace.id, workspace_name: workspace.name, admin: false, active: false, inactive: false }))
  }
  return { view, status: 'invited', admin: false, groupIds: invitation.groupIds, workspaceIds: invitation.workspaceIds }
}

/** The account behind an organization-user id, in whichever organization it is. */
function memberByUserId(state: MockState, organizationUserId: number): { organization: MockOrganization; accountId: number } | undefined {
  for (const organization of state.organizations.values()) {
    const accountId = organization.memberIds.find((id) => state.membershipOf(organization, id)?.id === organizationUserId)
    if (accountId !== undefined) return { organization, accountId }
  }
  return undefined
}

const PUT_FIELDS = ['email', 'name', 'inactive', 'organization_admin', 'role_id', 'groups', 'workspaces']

/** `PUT /organizations/{id}/users/{organization_user_id}`: admins change one member; answers "OK". */
function updateUser(call: ApiCall): Reply {
  if (parseId(call.params[0]) === undefined) return errorReply(400, 'Missing or invalid organization_id.')
  const organization = findOrganization(call)
  if (!organization || !isAdmin(organization, call.account.id)) {
    return errorReply(403, 'User is not authorized to update the organization user')
  }
  const payload = parseJsonObject(call.body)
  if (!payload) return errorReply(400, INVALID_JSON)
  if (!PUT_FIELDS.some((field) => payload[field] !== undefined && payload[field] !== null)) {
    return errorReply(400, 'At least one field is required.')
  }
  const changes = decodeChanges(payload)
  if (!changes) return errorReply(400, INVALID_JSON)
  if (changes.organization_admin !== undefined && changes.role_id !== undefined) {
    return errorReply(400, 'Cannot use both admin flags and role_id.')
  }
  const target = memberByUserId(call.state, parseId(call.params[1]) ?? 0)
  if (!target) return errorReply(404, 'Invalid organization user ID.')
  if (target.organization !== organization) return errorReply(400, 'User does not exist in the organization.')
  const problem = changeProblem(call.state, organization, target.accountId, changes)
  if (problem) return errorReply(400, problem)
  applyChanges(call.state, organization, target.accountId, changes)
  call.state.touch(organization)
  return textReply(200, 'OK')
}

interface Changes {
  email?: string
  name?: string
  inactive?: boolean
  organization_admin?: boolean
  role_id?: number
  groups?: number[]
  workspaces?: number[]
}

/** The payload's fields as Go would decode them; `undefined` when one has the wrong type. */
function decodeChanges(payload: Record<string, unknown>): Changes | undefined {
  const changes: Changes = {}
  const { email, name, inactive, organization_admin: admin, role_id: roleId, groups, workspaces } = payload
  for (const [text, key] of [[email, 'email'], [name, 'name']] as const) {
    if (text === undefined || text === null) continue
    if (typeof text !== 'string') return undefined
    changes[key] = text
  }
  for (const [flag, key] of [[inactive, 'inactive'], [admin, 'organization_admin']] as const) {
    if (flag === undefined || flag === null) continue
    if (typeof flag !== 'boolean') return undefined
    changes[key] = flag
  }
  if (roleId !== undefined && roleId !== null) {
    if (!Number.isInteger(roleId)) return undefined
    changes.role_id = roleId as number
  }
  if (groups !== undefined && groups !== null) {
    if (!Array.isArray(groups) || !groups.every(Number.isInteger)) return undefined
    changes.groups = groups as number[]
  }
  if (workspaces !== undefined && workspaces !== null) {
    const ids = Array.isArray(workspaces) ? workspaces.map((entry) => (entry as { workspace_id?: unknown } | null)?.workspace_id ?? 0) : undefined
    if (!ids?.every(Number.isInteger)) return undefined
    changes.workspaces = ids as number[]
  }
  return changes
}

/** The 400 message for changes Toggl refuses, checked in the spec's order. */
function changeProblem(state: MockState, organization: MockOrganization, accountId: number, changes: Changes): string | undefined {
  if (changes.role_id !== undefined && !KNOWN_ROLES.includes(changes.role_id)) return `Invalid role ID: ${changes.role_id}.`
  if (changes.role_id === OWNER_ROLE) return 'Invalid organization role.'
  if (changes.name === '') return "Field 'name' cannot be empty."
  if (changes.email !== undefined) {
    if (changes.email === '') return 'Missing e-mail.'
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(changes.email)) return `Invalid e-mail: '${changes.email}'`
    const taken = [...state.accounts.values()].some(
      (account) => account.id !== accountId && account.email.toLowerCase() === changes.email?.toLowerCase(),
    )
    if (taken) return 'Email already exists.'
  }
  const group = changes.groups?.find((id) => !organization.groups.some((known) => known.id === id))
  if (group !== undefined) return `Group '${group}' is not in Organization '${organization.id}'.`
  const workspace = changes.workspaces?.find((id) => !organization.workspaces.some((known) => known.id === id))
  if (workspace !== undefined) return `Workspace '${workspace}' is not in Organization '${organization.id}'.`
  if (isOwner(organization, accountId)) {
    if (changes.organization_admin === false || (changes.role_id !== undefined && changes.role_id !== ADMIN_ROLE)) {
      return 'Cannot remove admin privileges from owner.'
    }
    if (changes.inactive === true) return 'Cannot deactivate owner.'
  }
  // Name and email belong to the account, which other organizations share.
  const accountWide = changes.name !== undefined || changes.email !== undefined
  if (accountWide && state.organizationsOf(accountId).length > 1) return 'User has multiple organizations.'
  return undefined
}

function applyChanges(state: MockState, organization: MockOrganization, accountId: number, changes: Changes): void {
  const account = state.accounts.get(accountId)
  // Accounts may be frozen (DEMO_ACCOUNT is), so a changed one is stored as a copy.
  if (account && (changes.name !== undefined || changes.email !== undefined)) {
    state.accounts.set(accountId, { ...account, fullname: changes.name ?? account.fullname, email: changes.email ?? account.email })
  }
  const membership = state.membershipOf(organization, accountId)
  if (membership && changes.inactive !== undefined) membership.inactive = changes.inactive
  const admin = changes.organization_admin ?? (changes.role_id === undefined ? undefined : changes.role_id === ADMIN_ROLE)
  if (admin !== undefined && !isOwner(organization, accountId)) {
    organization.adminIds = organization.adminIds.filter((id) => id !== accountId)
    if (admin) organization.adminIds.push(accountId)
  }
  if (changes.groups) {
    for (const group of organization.groups) {
      const wanted = changes.groups.includes(group.id)
      group.userIds = group.userIds.filter((id) => id !== accountId)
      if (wanted) group.userIds.push(accountId)
    }
  }
  if (changes.workspaces) {
    const wanted = changes.workspaces
    state.changeMembership(organization, () => {
      for (const workspace of organization.workspaces) {
        if (wanted.includes(workspace.id)) state.joinWorkspace(workspace, accountId)
        else workspace.users = workspace.users.filter((user) => user.accountId !== accountId)
      }
    })
  }
}

/** `PATCH /organizations/{id}/users` with `{ delete: [ids] }`: removes members, withdraws invitations. */
function patchUsers(call: ApiCall): Reply {
  if (parseId(call.params[0]) === undefined) return errorReply(400, 'Missing or invalid organization_id')
  const organization = findOrganization(call)
  if (!organization || !isAdmin(organization, call.account.id)) {
    return errorReply(403, 'User is not authorized to delete the organization user')
  }
  const payload = parseJsonObject(call.body)
  const ids = payload?.delete ?? []
  if (!payload || !Array.isArray(ids) || !ids.every(Number.isInteger)) return errorReply(400, INVALID_JSON)
  if (ids.length === 0) return errorReply(400, 'At least one organization user ID must be supplied.')
  if (new Set(ids).size !== ids.length) return errorReply(400, 'Organization user IDs must be unique.')
  const members = new Map(organization.memberIds.map((accountId) => [call.state.membershipOf(organization, accountId)?.id, accountId]))
  const invitations = new Set(organization.invitations.map((invitation) => invitation.id))
  const foreign = ids.filter((id) => !members.has(id) && !invitations.has(id))
  if (foreign.length > 0) {
    return errorReply(400, `The following organization user IDs do not belong to this organization: '${foreign.join(', ')}'.`)
  }
  const owner = ids.find((id) => isOwner(organization, members.get(id) ?? 0))
  if (owner !== undefined) return errorReply(400, `Cannot remove the organization owner user with organization user ID='${owner}'.`)
  for (const id of ids) {
    const accountId = members.get(id)
    if (accountId !== undefined) call.state.removeMember(organization.id, accountId)
  }
  organization.invitations = organization.invitations.filter((invitation) => !ids.includes(invitation.id))
  call.state.touch(organization)
  return textReply(200, 'OK')
}

export const USER_ROUTES = [
  {
    pattern: /^\/organizations\/([^/]+)\/users$/,
    handlers: new Map([
      ['GET', listUsers],
      ['PATCH', patchUsers],
    ]),
  },
  { pattern: /^\/organizations\/([^/]+)\/users\/detailed$/, handlers: new Map([['GET', listDetailedUsers]]) },
  { pattern: /^\/organizations\/([^/]+)\/users\/(\d+)$/, handlers: new Map([['PUT', updateUser]]) },
] satisfies Route[]
