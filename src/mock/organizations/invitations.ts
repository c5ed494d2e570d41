import type { MockInvitation, MockOrganization } from '../model.ts'
import { sameEmail, type MockState } from '../state.ts'
import { findOrganization, isAdmin, isIdList, parseId, parseJsonObject, type ApiCall, type Route } from '../calls.ts'
import { isFree } from '../plans.ts'
import { errorReply, jsonReply, type Reply } from '../responses.ts'

const FORBIDDEN = 'Forbidden'
const INVALID_JSON = 'Invalid JSON input'
const INVALID_CODE = 'Invalid invitation code'
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/u
const FREE_USER_LIMIT = 5
const FREE_LIMIT_REACHED = `Active user limit is ${FREE_USER_LIMIT}. Upgrade to add more active users`

/** `POST /organizations/{id}/invitations`: organization admins only. */
function createInvitations(call: ApiCall): Reply {
  if (parseId(call.params[0]) === undefined) return errorReply(400, 'Invalid organization id')
  const organization = findOrganization(call)
  if (!organization || !isAdmin(organization, call.account.id)) return errorReply(403, FORBIDDEN)
  const payload = parseJsonObject(call.body)
  if (!payload) return errorReply(400, INVALID_JSON)
  const { emails = [], workspaces = [], groups = [] } = payload
  if (!isArrayOf(emails, isString) || !isArrayOf(workspaces, isObject) || !isIdList(groups)) {
    return errorReply(400, INVALID_JSON)
  }
  if (emails.length === 0) return errorReply(400, 'at least one email is required')
  if (workspaces.length === 0) return errorReply(400, 'at least one workspace is required')
  if (emails.includes('')) return errorReply(400, 'Missing e-mail')
  const invalid = emails.find((email) => !EMAIL_PATTERN.test(email))
  if (invalid !== undefined) return errorReply(400, `Invalid e-mail: '${invalid}'`)
  const workspaceIds = workspaces.map((entry) => entry['workspace_id'])
  if (!workspaceIds.every((id) => organization.workspaces.some((workspace) => workspace.id === id))) {
    return errorReply(400, 'invalid workspace ID')
  }
  // The fake's own message: the spec documents none for a group the organization does not have.
  if (!groups.every((id) => organization.groups.some((group) => group.id === id))) return errorReply(400, 'invalid group ID')

  // An address is one person whatever its case; the first spelling is the one answered.
  const addresses = emails.filter((email, index) => emails.findIndex((other) => sameEmail(other, email)) === index)
  const members = addresses.map((email) => memberWithEmail(call.state, organization, email))
  const inactive = addresses.find((_, index) => members[index]?.inactive)
  if (inactive !== undefined) return errorReply(400, `User with e-mail '${inactive}' is already an inactive member of the organization`)
  const pending = addresses.map((email) => organization.invitations.some((invitation) => sameEmail(invitation.email, email)))
  const newcomers = addresses.filter((_, index) => !members[index] && !pending[index])
  // Everyone invited may join, so pending invitations take up places as members do.
  if (isFree(organization) && activeMembers(call.state, organization) + organization.invitations.length + newcomers.length > FREE_USER_LIMIT) {
    return errorReply(400, FREE_LIMIT_REACHED)
  }
  const invitations = newcomers.map((email): MockInvitation => ({
    id: call.state.nextId(),
    code: crypto.randomUUID(),
    email,
    senderId: call.account.id,
    workspaceIds: workspaceIds as number[],
    groupIds: groups,
    createdAt: call.state.now(),
  }))
  organization.invitations.push(...invitations)
  return jsonReply(200, {
    data: invitations.map((invitation) => ({
      invitation_id: invitation.id,
      email: invitation.email,
      organization_id: organization.id,
      sender_id: invitation.senderId,
      recipient_id: call.state.accountWithEmail(invitation.email)?.id ?? null,
      invite_url: `https://track.toggl.com/invite/${invitation.code}`,
      workspaces: invitation.workspaceIds.map((id) => ({ workspace_id: id })),
    })),
    invitations: invitations.map((invitation) => ({
      code: invitation.code,
      email: invitation.email,
      organization_id: organization.id,
      organization_name: organization.name,
      sender_email: call.account.email,
      sender_name: call.account.fullname,
    })),
    messages: addresses.flatMap((email, index) => {
      if (members[index]) return [`User with e-mail '${email}' is already a member of the organization`]
      // The fake's own wording, like the one for members: the spec lists no messages.
      return pending[index] ? [`User with e-mail '${email}' has already been invited to the organization`] : []
    }),
  })
}

/** `PUT /organizations/{id}/invitations/{invitation_id}/resend`: answers the JSON string "OK". */
function resendInvitation(call: ApiCall): Reply {
  const organization = findOrganization(call)
  // The fake's own rule; the spec documents none: only the organization's admins may resend.
  if (!organization || !isAdmin(organization, call.account.id)) return errorReply(403, FORBIDDEN)
  const id = parseId(call.params[1])
  const owner = [...call.state.organizations.values()].find((candidate) => candidate.invitations.some((invitation) => invitation.id === id))
  if (!owner) return errorReply(404, 'Invitation code not found')
  if (owner !== organization) return errorReply(400, 'Organization ID and invitation organization ID mismatch')
  return jsonReply(200, 'OK')
}

/**
 * `POST /organizations/invitations/{code}/accept`: the invited account joins the organization and
 * exactly the workspaces and groups the invitation names; answers the JSON string "OK".
 */
function acceptInvitation(call: ApiCall): Reply {
  const found = ownInvitation(call)
  if ('status' in found) return found
  const { organization, invitation } = found
  const joining = !organization.memberIds.includes(call.account.id)
  // The spec documents no 400 here; the fake checks the Free limit again (a member may have been
  // reactivated since the invitation) and answers with the words of the invitation's own refusal.
  if (joining && isFree(organization) && activeMembers(call.state, organization) + 1 > FREE_USER_LIMIT) {
    return errorReply(400, FREE_LIMIT_REACHED)
  }
  call.state.addMember(organization, call.account.id, invitation.workspaceIds)
  for (const group of organization.groups) {
    if (invitation.groupIds.includes(group.id) && !group.userIds.includes(call.account.id)) group.userIds.push(call.account.id)
  }
  forget(organization, invitation)
  return jsonReply(200, 'OK')
}

/** `POST /organizations/invitations/{code}/reject`: answers the JSON string "OK". */
function rejectInvitation(call: ApiCall): Reply {
  const found = ownInvitation(call)
  if ('status' in found) return found
  forget(found.organization, found.invitation)
  return jsonReply(200, 'OK')
}

/** The invitation a code names, when it is the caller's; else the refusal. */
function ownInvitation(call: ApiCall): { organization: MockOrganization; invitation: MockInvitation } | Reply {
  const code = decoded(call.params[0] ?? '')
  for (const organization of call.state.organizations.values()) {
    const invitation = organization.invitations.find((candidate) => candidate.code === code)
    if (!invitation) continue
    if (!sameEmail(invitation.email, call.account.email)) return errorReply(403, FORBIDDEN)
    return { organization, invitation }
  }
  return errorReply(404, INVALID_CODE)
}

function forget(organization: MockOrganization, invitation: MockInvitation): void {
  organization.invitations = organization.invitations.filter((candidate) => candidate !== invitation)
}

/** Members who are not deactivated: those the Free plan's user limit counts. */
function activeMembers(state: MockState, organization: MockOrganization): number {
  return organization.memberIds.filter((accountId) => !state.membershipOf(organization, accountId)?.inactive).length
}

function memberWithEmail(state: MockState, organization: MockOrganization, email: string) {
  const account = state.accountWithEmail(email)
  return account && state.membershipOf(organization, account.id)
}

function decoded(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment)
  } catch {
    return undefined
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function isString(value: unknown): value is string {
  return typeof value === 'string'
}

function isArrayOf<T>(value: unknown, check: (item: unknown) => item is T): value is T[] {
  return Array.isArray(value) && value.every(check)
}

export const INVITATION_ROUTES = [
  { pattern: /^\/organizations\/invitations\/([^/]+)\/accept$/, handlers: new Map([['POST', acceptInvitation]]) },
  { pattern: /^\/organizations\/invitations\/([^/]+)\/reject$/, handlers: new Map([['POST', rejectInvitation]]) },
  { pattern: /^\/organizations\/([^/]+)\/invitations$/, handlers: new Map([['POST', createInvitations]]) },
  { pattern: /^\/organizations\/([^/]+)\/invitations\/([^/]+)\/resend$/, handlers: new Map([['PUT', resendInvitation]]) },
] satisfies Route[]
