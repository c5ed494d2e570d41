import { findOrganization, isOwner, memberOrganization, parseId, type ApiCall, type Route } from '../calls.ts'
import { errorReply, jsonReply, type Reply } from '../responses.ts'
import type { MockOrganization, MockOwnershipTransfer } from '../model.ts'

const NO_ACCESS = 'User does not have access to this resource'
const NOT_FOUND = 'Transfer not found in the organization'

/** `GET /organizations/{id}/owner`: members only. */
function getOwner(call: ApiCall): Reply {
  const organization = findOrganization(call)
  if (!organization?.memberIds.includes(call.account.id)) return errorReply(403, NO_ACCESS)
  const [ownerId] = organization.memberIds
  const owner = ownerId === undefined ? undefined : call.state.accounts.get(ownerId)
  const membership = owner && call.state.membershipOf(organization, owner.id)
  if (!owner || !membership) return errorReply(404, 'Organization owner not found')
  const joined = new Date(membership.joinedAt).toISOString()
  return jsonReply(200, {
    id: owner.id,
    user_id: owner.id,
    organization_id: organization.id,
    organization_user_id: membership.id,
    name: owner.fullname,
    email: owner.email,
    avatar_url: '',
    toggl_accounts_id: `fake-account-${owner.id}`,
    organization_user_created_at: joined,
    organization_user_updated_at: joined,
  })
}

/** `GET /organizations/{id}/owner/transfer[?ongoing=true|false]`: members only. */
function listTransfers(call: ApiCall): Reply {
  const organization = memberOrganization(call)
  if (!organization) return errorReply(403, NO_ACCESS)
  const ongoing = call.query.get('ongoing')
  if (ongoing !== null && ongoing !== 'true' && ongoing !== 'false') {
    return errorReply(400, "'ongoing' parameter can be true or false only")
  }
  const listed = ongoing === null ? organization.transfers : organization.transfers.filter(({ finishedAt }) => (finishedAt === null) === (ongoing === 'true'))
  return jsonReply(200, listed.map((transfer) => transferView(organization, transfer)))
}

/**
 * `POST /organizations/{id}/owner/transfer`: only the owner may start one. Toggl documents no body,
 * so the transfer names no new owner.
 */
function startTransfer(call: ApiCall): Reply {
  const organization = findOrganization(call)
  if (!organization || !isOwner(organization, call.account.id)) return errorReply(403, NO_ACCESS)
  // The fake's own rule; the spec documents none: one transfer at a time, refused with the spec's
  // 400 for a start that fails.
  if (organization.transfers.some(({ finishedAt }) => finishedAt === null)) return errorReply(400, 'Cannot load organization.')
  const transfer = call.state.startTransfer(organization, call.account.id, null)
  return jsonReply(200, transferView(organization, transfer))
}

/** `GET /organizations/{id}/owner/transfer/{transfer_id}`: members only. */
function getTransfer(call: ApiCall): Reply {
  const organization = memberOrganization(call)
  if (!organization) return errorReply(403, NO_ACCESS)
  const transfer = findTransfer(organization, call.params[1])
  return transfer ? jsonReply(200, transferView(organization, transfer)) : errorReply(404, NOT_FOUND)
}

/**
 * `POST …/owner/transfer/{transfer_id}/{accept|decline|withdraw}`. The current owner (who started
 * it) and the new owner each accept or decline; a decline ends it, and once both accepted it
 * finishes and the new owner takes over. A transfer without a new owner (all the fake can start,
 * as the POST takes no body) finishes on the current owner's accept, 'accepted' but with the owner
 * unchanged. Only the requester may withdraw.
 *
 * The refusals are the fake's own rule; the spec documents none: it lists only a 400 "Cannot load
 * current user data." and a 404 "Owner not found.", so the fake answers a stranger or a member with
 * no part in the transfer 403 as the other transfer calls do, an unknown transfer 404 with
 * `getTransfer`'s words, and a finished one 400 "Transfer is already finished".
 */
function answerTransfer(call: ApiCall): Reply {
  const organization = memberOrganization(call)
  if (!organization) return errorReply(403, NO_ACCESS)
  const transfer = findTransfer(organization, call.params[1])
  if (!transfer) return errorReply(404, NOT_FOUND)
  if (transfer.finishedAt !== null) return errorReply(400, 'Transfer is already finished')
  const action = call.params[2]
  const caller = call.account.id
  const asCurrentOwner = caller === transfer.requesterId
  const asNewOwner = caller === transfer.newOwnerId
  if (action === 'withdraw' ? !asCurrentOwner : !asCurrentOwner && !asNewOwner) return errorReply(403, NO_ACCESS)
  const now = call.state.now()
  if (action === 'withdraw') return finish(call, organization, transfer, 'withdrawn')
  const accepted = action === 'accept'
  if (asCurrentOwner) Object.assign(transfer, { currentOwnerAnsweredAt: now, currentOwnerAccepted: accepted })
  if (asNewOwner) Object.assign(transfer, { newOwnerAnsweredAt: now, newOwnerAccepted: accepted })
  if (!accepted) return finish(call, organization, transfer, 'declined')
  const newOwnerAgrees = transfer.newOwnerId === null || transfer.newOwnerAccepted
  if (transfer.currentOwnerAccepted && newOwnerAgrees) return finish(call, organization, transfer, 'accepted')
  return jsonReply(200, transferView(organization, transfer))
}

/**
 * Ends a transfer; an accepted one makes its new owner the owner. They are a member: the state
 * starts no transfer to anyone else and ends a running one when its new owner leaves.
 */
function finish(call: ApiCall, organization: MockOrganization, transfer: MockOwnershipTransfer, outcome: string): Reply {
  Object.assign(transfer, { finishedAt: call.state.now(), outcome })
  const newOwnerId = transfer.newOwnerId
  if (outcome === 'accepted' && newOwnerId !== null) {
    organization.memberIds = [newOwnerId, ...organization.memberIds.filter((id) => id !== newOwnerId)]
    if (!organization.adminIds.includes(newOwnerId)) organization.adminIds.push(newOwnerId)
  }
  return jsonReply(200, transferView(organization, transfer))
}

function findTransfer(organization: MockOrganization, segment: string | undefined): MockOwnershipTransfer | undefined {
  const id = parseId(segment)
  return organization.transfers.find((transfer) => transfer.id === id)
}

function transferView(organization: MockOrganization, transfer: MockOwnershipTransfer) {
  return {
    owner_transfer_id: transfer.id,
    organization_id: organization.id,
    requester_id: transfer.requesterId,
    // Only the owner may start a transfer, so its requester is the owner it hands over from.
    current_owner_id: transfer.requesterId,
    new_owner_id: transfer.newOwnerId,
    current_owner_accepted: transfer.currentOwnerAccepted,
    current_owner_answered_at: isoOrNull(transfer.currentOwnerAnsweredAt),
    new_owner_accepted: transfer.newOwnerAccepted,
    new_owner_answered_at: isoOrNull(transfer.newOwnerAnsweredAt),
    created_at: new Date(transfer.createdAt).toISOString(),
    finished_at: isoOrNull(transfer.finishedAt),
    outcome_name: transfer.outcome,
  }
}

function isoOrNull(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString()
}

export const OWNER_ROUTES = [
  { pattern: /^\/organizations\/([^/]+)\/owner$/, handlers: new Map([['GET', getOwner]]) },
  {
    pattern: /^\/organizations\/([^/]+)\/owner\/transfer$/,
    handlers: new Map([
      ['GET', listTransfers],
      ['POST', startTransfer],
    ]),
  },
  { pattern: /^\/organizations\/([^/]+)\/owner\/transfer\/([^/]+)$/, handlers: new Map([['GET', getTransfer]]) },
  { pattern: /^\/organizations\/([^/]+)\/owner\/transfer\/([^/]+)\/(accept|decline|withdraw)$/, handlers: new Map([['POST', answerTransfer]]) },
] satisfies Route[]
