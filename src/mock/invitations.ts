import type { MockInvitation, MockOrganization, MockState } from './state.ts'
import { findOrganization, isAdmin, parseId, parseJsonObject, type ApiCall, type Route } from './calls.ts'
import { errorReply, jsonReply, textReply, type Reply } from './responses.ts'

const FORBIDDEN = 'Forbidden'
const INVALID_JSON = 'Invalid JSON input'
const INVALID_CODE = 'Invalid invitation code'
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/u
const FREE_USER_LIMIT = 5

/** `POST /organizations/{id}/invitations`: organization admins only. */
function createInvitations(call: ApiCall): Reply {
  if (parseId(call.params[0]) === undefined) return errorReply(400, 'Invalid organization id')
  const organization = findOrganization(call)
  if (!organization || !isAdmin(organization, call.account.id)) return errorReply(403, FORBIDDEN)
  const payload = parseJsonObject(call.body)
  if (!payload) return errorReply(400, INVALID_JSON)
  const { emails = [], workspaces = [], groups = [] } = payload
  if (!isArrayOf(emails, isString) || !isArrayOf(workspaces, isObject) || !isArrayOf(groups, isId)) {
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

  const members = emails.map((email) => memberWithEmail(call.state, organization, email))
  const inactive = emails.find((_, index) => members[index]?.inactive)
  if (inactive !== undefined) return errorReply(400, `User with e-mail '${inactive}' is already an inactive member of the organization`)
  const newcomers = emails.filter((_, index) => !members[index])
  if (organization.pricingPlanName === 'Free' && organization.memberIds.length + newcomers.length > FREE_USER_LIMIT) {
    return errorReply(400, `Active user limit is ${FREE_USER_LIMIT}. Upgrade to add more active users`)
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
      recipient_id: accountWithEmail(call.state, invitation.email)?.id ?? null,
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
    messages: emails.filter((_, index) => members[index]).map((email) => `User with e-mail '${email}' is already a member of the organization`),
  })
}

/** `PUT /organizations/{id}/invitations/{invitation_id}/resend` */
function resendInvitation(call: ApiCall): Reply {
  const organization = findOrganization(call)
  if (!organization || !isAdmin(organization, call.account.id)) return errorReply(403, FORBIDDEN)
  const id = parseId(call.params[1])
  const owner = [...call.state.organizations.values()].find((candidate) => candidate.invitations.some((invitation) => invitation.id === id))
  if (!owner) return errorReply(404, 'Invitation code not found')
  if (owner !== organization) return errorReply(400, 'Organization ID and invitation organization ID mismatch')
  return jsonReply(200, 'OK')
}

/** `POST /organizations/invitations/{code}/accept`: the invited account joins. */
function acceptInvitation(call: ApiCall): Reply {
  const found = ownInvitation(call)
  if ('status' in found) return found
  const { organization, invitation } = found
  call.state.addMember(organization, call.account.id)
  for (const workspace of organization.workspaces) {
    const joins = invitation.workspaceIds.includes(workspace.id) && !workspace.users.some((user) => user.accountId === call.account.id)
    if (joins) workspace.users.push({ id: call.state.nextId(), accountId: call.account.id })
  }
  for (const group of organization.groups) {
    if (invitation.groupIds.includes(group.id) && !group.userIds.includes(call.account.id)) group.userIds.push(call.account.id)
  }
  forget(organization, invitation)
  return textReply(200, 'OK')
}

/** `POST /organizations/invitations/{code}/reject` */
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
    if (invitation.email.toLowerCase() !== call.account.email.toLowerCase()) return errorReply(403, FORBIDDEN)
    return { organization, invitation }
  }
  return errorReply(404, INVALID_CODE)
}

function forget(organization: MockOrganization, invitation: MockInvitation): void {
  organization.invitations = organization.invitations.filter((candidate) => candidate !== invitation)
}

function memberWithEmail(state: MockState, organization: MockOrganization, email: string) {
  const account = accountWithEmail(state, email)
  return account && state.membershipOf(organization, account.id)
}

function accountWithEmail(state: MockState, email: string) {
  return [...state.accounts.values()].find((account) => account.email.toLowerCase() === email.toLowerCase())
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

function isId(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) > 0
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
