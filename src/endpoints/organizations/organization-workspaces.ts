import type { BasicAuth } from '../../core/auth.ts'
import type { TogglCache } from '../../cache/types.ts'
import type { EndpointOptions } from '../../core/options.ts'
import {
  WorkspaceInputSchema,
  WorkspaceSchema,
  WorkspaceStatisticsMapSchema,
  WorkspaceUserDeletionSchema,
  WorkspaceUserFiltersSchema,
  WorkspaceUserListSchema,
  type TogglWorkspace,
  type WorkspaceInput,
  type WorkspaceStatistics,
  type WorkspaceUser,
  type WorkspaceUserFilters,
} from '../../schemas/organizations/organization-workspaces.ts'
import type { CallOptions, ReadOptions } from '../arguments.ts'
import { OperationEndpoint } from '../operation-endpoint.ts'
import { AcknowledgementSchema, operation, OWN_SCOPE } from '../operation.ts'
import type { OrganizationRef } from './organizations.ts'

const WORKSPACES = '/organizations/{organization_id}/workspaces'
// Written out whole: a bundler keeps a template literal, and with it every operation, in apps that use none.
const WORKSPACE_USERS = '/organizations/{organization_id}/workspaces/{workspace_id}/workspace_users'

const ADD = operation({
  method: 'POST',
  path: WORKSPACES,
  body: WorkspaceInputSchema,
  names: ['name'],
  reply: WorkspaceSchema,
  // The creator is in the new workspace, so their own workspace list changed too.
  invalidates: [OWN_SCOPE, '/me/workspaces'],
  learn: (workspace, ids) => [[workspace.id, ids.organization_id!]],
})
const STATISTICS = operation({
  method: 'GET',
  path: '/organizations/{organization_id}/workspaces/statistics',
  reply: WorkspaceStatisticsMapSchema,
  cached: true,
  // Keyed by the ids of the organization's workspaces.
  learn: (statistics, ids) => Object.keys(statistics).map((workspaceId) => [Number(workspaceId), ids.organization_id!] as const),
})
const LIST_USERS = operation({ method: 'GET', path: WORKSPACE_USERS, query: WorkspaceUserFiltersSchema, reply: WorkspaceUserListSchema })
const DELETE_USERS = operation({ method: 'PATCH', path: WORKSPACE_USERS, body: WorkspaceUserDeletionSchema, reply: AcknowledgementSchema })

/** A model or its id, wherever a method names a workspace. */
export type WorkspaceRef = number | { id: number }

/**
 * The workspaces of an organization, as its admins manage them: create one, see who is in each,
 * remove people from one. Statistics are cached; any write under the organization makes them stale.
 *
 * @example
 * const workspaces = new OrganizationWorkspaceEndpoint(auth, cache)
 * const created = await workspaces.add(organizationId, { name: 'Research' })
 */
export class OrganizationWorkspaceEndpoint extends OperationEndpoint {
  constructor(auth: BasicAuth, cache?: TogglCache | null, options?: EndpointOptions) {
    super(auth, cache, options)
  }

  /**
   * Creates a workspace in the organization: `POST /organizations/{id}/workspaces` with `workspace`
   * as the body. A bad name throws `NamingError`, another bad field `InputError`, and nothing is sent.
   * Costs 1 request, never retried (a retry could create two). A premium-only field on a Free
   * organization fails with `PlanRestrictionError` (402); a second workspace on Free with 400.
   */
  async add(organization: OrganizationRef, workspace: WorkspaceInput, options?: CallOptions): Promise<TogglWorkspace> {
    return this.run(ADD, 'OrganizationWorkspaceEndpoint.add', { path: { organization_id: organization }, body: workspace }, options)
  }

  /**
   * Each workspace's admins, member count and group count, by workspace id (a string, as JSON keys
   * are): `GET /organizations/{id}/workspaces/statistics`. Costs 0 requests on a cache hit, 1
   * otherwise.
   */
  async statistics(organization: OrganizationRef, options?: ReadOptions): Promise<Record<string, WorkspaceStatistics>> {
    return this.run(STATISTICS, 'OrganizationWorkspaceEndpoint.statistics', { path: { organization_id: organization } }, options)
  }

  /**
   * The people in one workspace, directly or through a group:
   * `GET /organizations/{id}/workspaces/{workspace_id}/workspace_users`, `filters` as the query
   * (`page` and `per_page` pick a slice). Costs 1 request; not cached, since people join by
   * accepting invitations, which no write of yours announces.
   */
  async users(
    organization: OrganizationRef,
    workspace: WorkspaceRef,
    filters?: WorkspaceUserFilters,
    options?: CallOptions,
  ): Promise<WorkspaceUser[]> {
    const path = { organization_id: organization, workspace_id: workspace }
    return this.run(LIST_USERS, 'OrganizationWorkspaceEndpoint.users', { path, query: filters }, options)
  }

  /**
   * Removes people from one workspace (they stay in the organization):
   * `PATCH /organizations/{id}/workspaces/{workspace_id}/workspace_users` with
   * `{ delete: [workspace-user ids] }`. Takes workspace-user ids (a `WorkspaceUser`'s `id`, not its
   * `user_id`), at least one, each once. Costs 1 request.
   */
  async deleteUsers(
    organization: OrganizationRef,
    workspace: WorkspaceRef,
    workspaceUsers: readonly (number | { id: number })[],
    options?: CallOptions,
  ): Promise<void> {
    const path = { organization_id: organization, workspace_id: workspace }
    await this.run(DELETE_USERS, 'OrganizationWorkspaceEndpoint.deleteUsers', { path, body: workspaceUsers }, options)
  }
}
