import { findOrganization, type ApiCall, type Route } from '../calls.ts'
import { errorReply, jsonReply, type Reply } from '../responses.ts'

/** The built-in roles every organization has, as the fake describes them. */
const ROLES = [
  { role_id: 1, code: 'owner', name: 'Owner', type: 'owner', entity: 'organization', privilege_level: 100, description: 'Owns the organization and its billing' },
  { role_id: 2, code: 'admin', name: 'Organization admin', type: 'admin', entity: 'organization', privilege_level: 90, description: 'Manages members, groups and workspaces' },
  { role_id: 3, code: 'workspace_admin', name: 'Workspace admin', type: 'admin', entity: 'workspace', privilege_level: 50, description: 'Manages one workspace' },
  { role_id: 4, code: 'member', name: 'Member', type: 'guest', entity: 'workspace', privilege_level: 10, description: 'Tracks time' },
]

/** `GET /organizations/{id}/roles` */
function listRoles(call: ApiCall): Reply {
  const organization = findOrganization(call)
  if (!organization?.memberIds.includes(call.account.id)) return errorReply(403, 'User does not have access to the organization')
  return jsonReply(200, ROLES.map((role) => ({ ...role, organization_id: organization.id, permissions: [] })))
}

export const ROLE_ROUTES = [{ pattern: /^\/organizations\/([^/]+)\/roles$/, handlers: new Map([['GET', listRoles]]) }] satisfies Route[]
