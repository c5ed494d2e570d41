import type { MockOrganization } from '../model.ts'
import { codePoints, findOrganization, INVALID_JSON, isAdmin, isOwner, parseId, parseJsonObject, type ApiCall } from '../calls.ts'
import { isFree } from '../plans.ts'
import { errorReply, jsonReply, textReply, type Reply } from '../responses.ts'

const INVALID_ID = 'Invalid organization ID'
const MAX_NAME_LENGTH = 140

/** `GET /organizations/{id}` */
export function getOrganization(call: ApiCall): Reply {
  const organization = findOrganization(call)
  if (!organization) return errorReply(404, INVALID_ID)
  if (!organization.memberIds.includes(call.account.id)) return errorReply(404, 'User not part of organization')
  // Recorded real traffic: GET one sends an empty plan name where /me/organizations says "Free".
  return jsonReply(200, organizationView(organization, call.account.id, ''))
}

/** `GET /me/organizations` */
export function listOrganizations(call: ApiCall): Reply {
  const organizations = call.state.organizationsOf(call.account.id)
  return jsonReply(
    200,
    organizations.map((organization) => organizationView(organization, call.account.id, organization.pricingPlanName)),
  )
}

/** `POST /organizations`: a new organization with one workspace, the caller its owner. */
export function createOrganization(call: ApiCall): Reply {
  const payload = parseJsonObject(call.body)
  if (!payload) return errorReply(400, INVALID_JSON)
  const { name = null, workspace_name: workspaceName } = payload
  // Go's decoder refuses a number or object for a string field: that is a JSON error, not a name error.
  if (name !== null && typeof name !== 'string') return errorReply(400, INVALID_JSON)
  const nameProblem = organizationNameProblem(name ?? '', "Field 'name' cannot be empty.")
  if (nameProblem) return errorReply(400, nameProblem)
  if (typeof workspaceName !== 'string') return errorReply(400, 'workspace name must be provided')
  if (!/\S/u.test(workspaceName)) return errorReply(400, 'workspace name must contain non-space characters')
  if (codePoints(workspaceName) > MAX_NAME_LENGTH) {
    return errorReply(400, `workspace name must not be longer than ${MAX_NAME_LENGTH}`)
  }
  const { organization, workspace } = call.state.createOrganization({
    name: name ?? '',
    workspaceName,
    memberIds: [call.account.id],
  })
  call.state.commit('workspace', 'created', workspace, call.account.id)
  return jsonReply(200, {
    id: organization.id,
    name: organization.name,
    workspace_id: workspace.id,
    workspace_name: workspace.name,
  })
}

/** `PUT /organizations/{id}`: renames; Toggl answers only the string "OK". */
export function updateOrganization(call: ApiCall): Reply {
  const id = parseId(call.params[0])
  if (id === undefined) return errorReply(400, INVALID_ID)
  const payload = parseJsonObject(call.body)
  if (!payload) return errorReply(400, INVALID_JSON)
  const { name = null } = payload
  if (name === null) return errorReply(400, 'At least one field is required')
  if (typeof name !== 'string') return errorReply(400, INVALID_JSON)
  const nameProblem = organizationNameProblem(name, "field 'name' cannot be empty")
  if (nameProblem) return errorReply(400, nameProblem)
  const organization = call.state.organizations.get(id)
  if (!organization) return errorReply(400, INVALID_ID)
  if (!isAdmin(organization, call.account.id)) {
    return errorReply(403, 'User is not authorized to update the organization')
  }
  organization.name = name
  call.state.touch(organization)
  return jsonReply(200, 'OK')
}

/** `DELETE /organizations/{id}/users/leave`: the organization goes when its last user leaves. */
export function leaveOrganization(call: ApiCall): Reply {
  const organization = findOrganization(call)
  if (!organization) return errorReply(404, INVALID_ID)
  const accountId = call.account.id
  if (!organization.memberIds.includes(accountId)) return errorReply(400, 'The user does not belong to the organization.')
  if (isOwner(organization, accountId) && organization.memberIds.length > 1) {
    return errorReply(400, 'Cannot remove the organization owner.')
  }
  call.state.removeMember(organization.id, accountId)
  return textReply(200, 'OK')
}

/** The Organization object as Toggl sends it, seen by one account. */
function organizationView(organization: MockOrganization, accountId: number, pricingPlanName: string) {
  const free = isFree(organization)
  return {
    id: organization.id,
    name: organization.name,
    pricing_plan_id: PLAN_IDS[organization.pricingPlanName] ?? 0,
    created_at: new Date(organization.createdAt).toISOString(),
    at: new Date(organization.at).toISOString(),
    server_deleted_at: null,
    is_multi_workspace_enabled: !free,
    suspended_at: null,
    user_count: organization.memberIds.length,
    trial_info: {
      trial: false,
      trial_available: free,
      can_have_trial: free,
      trial_end_date: null,
      next_payment_date: null,
      last_pricing_plan_id: null,
      trial_plan_id: null,
    },
    is_unified: false,
    max_workspaces: 20,
    admin: isAdmin(organization, accountId),
    owner: isOwner(organization, accountId),
    permissions: null,
    pricing_plan_name: pricingPlanName,
    pricing_plan_enterprise: organization.pricingPlanName === 'Enterprise',
    max_data_retention_days: 0,
  }
}

// Toggl documents no plan ids; these stand-ins only keep the field a plausible integer.
const PLAN_IDS: Partial<Record<string, number>> = { Free: 0, Starter: 1, Premium: 2, Enterprise: 3 }

function organizationNameProblem(name: string, emptyMessage: string): string | undefined {
  if (name === '') return emptyMessage
  if (codePoints(name) > MAX_NAME_LENGTH) return `organization name too long, maximum length is ${MAX_NAME_LENGTH}`
  return undefined
}
