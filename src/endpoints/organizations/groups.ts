import type { BasicAuth } from '../../core/auth.ts'
import type { TogglCache } from '../../cache/types.ts'
import type { EndpointOptions } from '../../core/options.ts'
import {
  GroupFiltersSchema,
  GroupInputSchema,
  GroupPatchInputSchema,
  GroupPatchResultSchema,
  OrganizationGroupListSchema,
  OrganizationGroupSchema,
  type GroupFilters,
  type GroupInput,
  type GroupPatchOperation,
  type GroupPatchResult,
  type OrganizationGroup,
} from '../../schemas/organizations/groups.ts'
import type { CallOptions, ReadOptions } from '../arguments.ts'
import { OperationEndpoint } from '../operation-endpoint.ts'
import { AcknowledgementSchema, operation } from '../operation.ts'
import type { OrganizationRef } from './organizations.ts'

/** A group's id, or a group model (which carries it as `group_id`). */
export type GroupRef = number | { group_id: number }

const GROUPS = '/organizations/{organization_id}/groups'
const GROUP = '/organizations/{organization_id}/groups/{group_id}'

const LIST_GROUPS = operation({ method: 'GET', path: GROUPS, query: GroupFiltersSchema, reply: OrganizationGroupListSchema, cached: true })
const LIST_WORKSPACE_GROUPS = operation({
  method: 'GET',
  path: '/organizations/{organization_id}/workspaces/{workspace_id}/groups',
  reply: OrganizationGroupListSchema,
  cached: true,
})
const ADD_GROUP = operation({ method: 'POST', path: GROUPS, body: GroupInputSchema, names: ['name'], reply: OrganizationGroupSchema })
const EDIT_GROUP = operation({ method: 'PUT', path: GROUP, body: GroupInputSchema, names: ['name'], reply: OrganizationGroupSchema })
const PATCH_GROUP = operation({ method: 'PATCH', path: GROUP, body: GroupPatchInputSchema, reply: GroupPatchResultSchema })
const DELETE_GROUP = operation({ method: 'DELETE', path: GROUP, reply: AcknowledgementSchema })

/**
 * An organization's user groups: list them, create, change, delete. With a cache, listings are
 * served from it while fresh; any write through this client drops everything cached about the
 * organization, so the next listing shows it.
 *
 * @example
 * const groups = new GroupEndpoint(auth, cache)
 * const team = await groups.add(organizationId, { name: 'Design', users: [userId] })
 * await groups.patch(organizationId, team, [{ op: 'add', path: '/workspaces', value: [workspaceId] }])
 */
export class GroupEndpoint extends OperationEndpoint {
  constructor(auth: BasicAuth, cache?: TogglCache | null, options?: EndpointOptions) {
    super(auth, cache, options)
  }

  /**
   * The organization's groups, sorted by name: `GET /organizations/{id}/groups`, with `name` (a
   * part of the name) and `workspace` as query parameters when given. Costs 0 requests on a cache
   * hit (each filter is cached apart), 1 otherwise; 403 when you are not in the organization.
   */
  async collect(organization: OrganizationRef, filters?: GroupFilters, options?: ReadOptions): Promise<OrganizationGroup[]> {
    return this.run(LIST_GROUPS, 'GroupEndpoint.collect', { path: { organization_id: organization }, query: filters }, options)
  }

  /**
   * The groups assigned to one workspace of the organization:
   * `GET /organizations/{id}/workspaces/{workspace_id}/groups`. Costs 0 requests on a cache hit,
   * 1 otherwise; 404 for a workspace outside the organization.
   */
  async collectInWorkspace(
    organization: OrganizationRef,
    workspace: number | { id: number },
    options?: ReadOptions,
  ): Promise<OrganizationGroup[]> {
    const path = { organization_id: organization, workspace_id: workspace }
    return this.run(LIST_WORKSPACE_GROUPS, 'GroupEndpoint.collectInWorkspace', { path }, options)
  }

  /**
   * Creates a group: `POST /organizations/{id}/groups` with `{ name, users?, workspaces? }` (users
   * are account ids of members). A bad name throws `NamingError` and sends nothing; a name already
   * taken is Toggl's 400. Never retried (a retry could create two). Costs 1 request.
   */
  async add(organization: OrganizationRef, group: GroupInput, options?: CallOptions): Promise<OrganizationGroup> {
    return this.run(ADD_GROUP, 'GroupEndpoint.add', { path: { organization_id: organization }, body: group }, options)
  }

  /**
   * Changes a group: `PUT /organizations/{id}/groups/{group_id}` with `{ name, users?, workspaces? }`
   * (the name is required, as for `add`). Answers the group as it now is; 404 for an unknown
   * group. Costs 1 request.
   */
  async edit(organization: OrganizationRef, group: GroupRef, changes: GroupInput, options?: CallOptions): Promise<OrganizationGroup> {
    const path = { organization_id: organization, group_id: group }
    return this.run(EDIT_GROUP, 'GroupEndpoint.edit', { path, body: changes }, options)
  }

  /**
   * Adds or removes members or workspaces without sending the whole group:
   * `PATCH /organizations/{id}/groups/{group_id}` with the operations as the body (1 to 100, each
   * with 1 to 100 ids). Toggl applies each on its own: the result lists those it applied and those
   * it refused, with why. Not retried automatically (Toggl does not promise that a PATCH is safe
   * to repeat). Costs 1 request.
   */
  async patch(
    organization: OrganizationRef,
    group: GroupRef,
    operations: GroupPatchOperation[],
    options?: CallOptions,
  ): Promise<GroupPatchResult> {
    const path = { organization_id: organization, group_id: group }
    return this.run(PATCH_GROUP, 'GroupEndpoint.patch', { path, body: operations }, options)
  }

  /**
   * Deletes a group: `DELETE /organizations/{id}/groups/{group_id}`. 404 (already gone) is ignored
   * unless `reRaise`. Costs 1 request.
   */
  async delete(organization: OrganizationRef, group: GroupRef, options?: CallOptions): Promise<void> {
    const path = { organization_id: organization, group_id: group }
    try {
      await this.run(DELETE_GROUP, 'GroupEndpoint.delete', { path }, options)
    } catch (error) {
      if (!this.isQuietMiss(error, [404])) throw error
    }
  }
}
