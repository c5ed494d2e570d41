import type { MockGroup, MockOrganization } from '../model.ts'
import { codePoints, findOrganization, INVALID_JSON, isAdmin, parseId, parseJson, parseJsonObject, type ApiCall, type Route } from '../calls.ts'
import { errorReply, jsonReply, textReply, type Reply } from '../responses.ts'

const NO_ACCESS = 'User does not have access to this resource'
const FORBIDDEN = 'Forbidden'
const INVALID_GROUP = 'Invalid group ID.'
const MAX_NAME_LENGTH = 200
const MAX_PATCH_ITEMS = 100

/** `GET /organizations/{id}/groups`, filtered by `name` (a part, any case) and `workspace` (an id). */
function listGroups(call: ApiCall): Reply {
  const organization = findOrganization(call)
  if (!organization?.memberIds.includes(call.account.id)) return errorReply(403, NO_ACCESS)
  const name = call.query.get('name')?.toLowerCase() ?? ''
  const workspace = call.query.get('workspace') || null
  // The spec gives only "Invalid number ..."; the rest of this wording is the fake's own.
  if (workspace !== null && !/^\d+$/.test(workspace)) return errorReply(400, `Invalid number: '${workspace}'`)
  const groups = organization.groups.filter(
    (group) =>
      group.name.toLowerCase().includes(name) &&
      (workspace === null || group.workspaceIds.includes(Number(workspace))),
  )
  return jsonReply(200, sortedViews(call, organization, groups))
}

/** `GET /organizations/{id}/workspaces/{workspace_id}/groups` */
function listWorkspaceGroups(call: ApiCall): Reply {
  const organization = findOrganization(call)
  if (!organization?.memberIds.includes(call.account.id)) return errorReply(403, FORBIDDEN)
  const workspaceId = parseId(call.params[1])
  if (!organization.workspaces.some(({ id }) => id === workspaceId)) return errorReply(404, 'Resource can not be found')
  const groups = organization.groups.filter((group) => group.workspaceIds.includes(workspaceId!))
  return jsonReply(200, sortedViews(call, organization, groups))
}

/** `POST /organizations/{id}/groups` */
function createGroup(call: ApiCall): Reply {
  const organization = findOrganization(call)
  if (!organization || !isAdmin(organization, call.account.id)) return errorReply(403, NO_ACCESS)
  const payload = groupPayload(call, organization, undefined)
  if (typeof payload === 'string') return errorReply(400, payload)
  const group: MockGroup = { id: call.state.nextId(), name: payload.name, userIds: [], workspaceIds: [], at: 0 }
  organization.groups.push(group)
  return jsonReply(200, changed(call, organization, group, payload))
}

/** `PUT /organizations/{id}/groups/{group_id}`: lists left out stay as they were. */
function updateGroup(call: ApiCall): Reply {
  const organization = findOrganization(call)
  if (!organization || !isAdmin(organization, call.account.id)) return errorReply(403, FORBIDDEN)
  const group = findGroup(call, organization)
  if (!group) return errorReply(404, INVALID_GROUP)
  const payload = groupPayload(call, organization, group)
  if (typeof payload === 'string') return errorReply(400, payload)
  group.name = payload.name
  return jsonReply(200, changed(call, organization, group, payload))
}

/** `PATCH /organizations/{id}/groups/{group_id}`: each operation applied, or refused, on its own. */
function patchGroup(call: ApiCall): Reply {
  const organization = findOrganization(call)
  if (!organization || !isAdmin(organization, call.account.id)) {
    return errorReply(403, 'User does not have permission to manage user groups.')
  }
  const group = findGroup(call, organization)
  if (!group) {
    const id = parseId(call.params[1])
    const elsewhere = [...call.state.organizations.values()].some(({ groups }) => groups.some((other) => other.id === id))
    return elsewhere ? errorReply(400, 'Unknown group at organization') : errorReply(404, INVALID_GROUP)
  }
  const operations = patchOperations(parseJson(call.body))
  if (typeof operations === 'string') return errorReply(400, operations)
  const success: PatchOperation[] = []
  const failure: { message: string; patch: PatchOperation }[] = []
  for (const patch of operations) {
    const field = patch.path === '/users' ? 'userIds' : 'workspaceIds'
    const problem =
      field === 'userIds' ? unknownUser(organization, patch.value) : unknownWorkspace(organization, patch.value)
    if (problem) {
      failure.push({ message: problem, patch })
      continue
    }
    const current = group[field]
    group[field] =
      patch.op === 'add'
        ? [...new Set([...current, ...patch.value])]
        : current.filter((value) => !patch.value.includes(value))
    success.push(patch)
  }
  if (success.length > 0) stamp(call, group)
  return jsonReply(200, { success, failure })
}

/** `DELETE /organizations/{id}/groups/{group_id}` */
function deleteGroup(call: ApiCall): Reply {
  const organization = findOrganization(call)
  if (!organization || !isAdmin(organization, call.account.id)) return errorReply(403, NO_ACCESS)
  const group = findGroup(call, organization)
  if (!group) return errorReply(404, INVALID_GROUP)
  organization.groups = organization.groups.filter((other) => other !== group)
  return textReply(200, 'OK')
}

interface GroupPayload {
  name: string
  users?: number[]
  workspaces?: number[]
}

/** The checked body of a POST or PUT, or Toggl's message for what is wrong with it. */
function groupPayload(call: ApiCall, organization: MockOrganization, self: MockGroup | undefined): GroupPayload | string {
  const payload = parseJsonObject(call.body)
  if (!payload) return INVALID_JSON
  const { name = null, users = null, workspaces = null } = payload
  // Go's decoder refuses a wrong type for a field: that is a JSON error, not a name or id error.
  if ((name !== null && typeof name !== 'string') || !isIntegerListOrNull(users) || !isIntegerListOrNull(workspaces)) return INVALID_JSON
  if (name === null || name.trim() === '') return 'Group name must be present'
  if (codePoints(name) > MAX_NAME_LENGTH) return `Group name too long, maximum length is ${MAX_NAME_LENGTH}`
  if (organization.groups.some((group) => group !== self && group.name === name)) return 'Name has already been taken'
  const problem = unknownUser(organization, users ?? []) ?? unknownWorkspace(organization, workspaces ?? [])
  if (problem) return problem
  return { name, ...(users ? { users } : {}), ...(workspaces ? { workspaces } : {}) }
}

/** Applies a payload's lists, stamps the change and answers the group as it now is. */
function changed(call: ApiCall, organization: MockOrganization, group: MockGroup, payload: GroupPayload) {
  if (payload.users) group.userIds = [...new Set(payload.users)]
  if (payload.workspaces) group.workspaceIds = [...new Set(payload.workspaces)]
  stamp(call, group)
  return groupView(call, organization, group)
}

interface PatchOperation {
  op: 'add' | 'remove'
  path: '/users' | '/workspaces'
  value: number[]
}

/** The operations of a PATCH body, or Toggl's message for what is wrong with them. */
function patchOperations(body: unknown): PatchOperation[] | string {
  if (!Array.isArray(body)) return INVALID_JSON
  const operations: PatchOperation[] = []
  for (const item of body) {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) return INVALID_JSON
    const { op, path, value = null } = item as Record<string, unknown>
    if (typeof op !== 'string' || typeof path !== 'string' || !isIntegerListOrNull(value)) return INVALID_JSON
    operations.push({ op, path, value: value ?? [] } as PatchOperation)
  }
  if (operations.length > MAX_PATCH_ITEMS) return 'Too many operations'
  for (const { op, path, value } of operations) {
    if (!['add', 'remove'].includes(op) || !['/users', '/workspaces'].includes(path)) return 'Unsupported operation'
    if (value.length === 0 || value.length > MAX_PATCH_ITEMS) return 'Value not present, or too many per patch operation'
  }
  return operations
}

// Wider than calls.ts's isIdList on purpose: Go decodes any integer, and Toggl then names the id it does not know.
function isIntegerListOrNull(value: unknown): value is number[] | null {
  return value === null || (Array.isArray(value) && value.every((id) => Number.isSafeInteger(id)))
}

function unknownUser(organization: MockOrganization, accountIds: readonly number[]): string | undefined {
  const stranger = accountIds.find((id) => !organization.memberIds.includes(id))
  return stranger === undefined ? undefined : `User ${stranger} not exists in the organization ${organization.id}`
}

function unknownWorkspace(organization: MockOrganization, workspaceIds: readonly number[]): string | undefined {
  const stranger = workspaceIds.find((id) => !organization.workspaces.some((workspace) => workspace.id === id))
  return stranger === undefined ? undefined : `Workspace ${stranger} not exists in the organization ${organization.id}`
}

function findGroup(call: ApiCall, organization: MockOrganization): MockGroup | undefined {
  const id = parseId(call.params[1])
  return organization.groups.find((group) => group.id === id)
}

/** Records a change of the group at the fake's clock. */
function stamp(call: ApiCall, group: MockGroup): void {
  group.at = call.state.now()
}

function sortedViews(call: ApiCall, organization: MockOrganization, groups: MockGroup[]) {
  return [...groups].sort((a, b) => a.name.localeCompare(b.name)).map((group) => groupView(call, organization, group))
}

/** A group as Toggl sends it: its members with their names and standing, and its workspace ids. */
function groupView(call: ApiCall, organization: MockOrganization, group: MockGroup) {
  return {
    group_id: group.id,
    name: group.name,
    at: new Date(group.at).toISOString(),
    permissions: null,
    users: group.userIds.map((accountId) => ({
      user_id: accountId,
      name: call.state.accounts.get(accountId)?.fullname ?? '',
      avatar_url: '',
      inactive: call.state.membershipOf(organization, accountId)?.inactive ?? false,
      joined: true,
    })),
    workspaces: group.workspaceIds,
  }
}

export const GROUP_ROUTES = [
  {
    pattern: /^\/organizations\/([^/]+)\/groups$/,
    handlers: new Map([
      ['GET', listGroups],
      ['POST', createGroup],
    ]),
  },
  {
    pattern: /^\/organizations\/([^/]+)\/groups\/([^/]+)$/,
    handlers: new Map([
      ['PUT', updateGroup],
      ['PATCH', patchGroup],
      ['DELETE', deleteGroup],
    ]),
  },
  { pattern: /^\/organizations\/([^/]+)\/workspaces\/([^/]+)\/groups$/, handlers: new Map([['GET', listWorkspaceGroups]]) },
] satisfies Route[]
