import type { BasicAuth } from '../../core/auth.ts'
import type { TogglCache } from '../../cache/types.ts'
import type { EndpointOptions } from '../../core/options.ts'
import { RoleListSchema, type TogglRole } from '../../schemas/organizations/roles.ts'
import type { ReadOptions } from '../arguments.ts'
import { OperationEndpoint } from '../operation-endpoint.ts'
import { operation } from '../operation.ts'
import type { OrganizationRef } from './organizations.ts'

const LIST_ROLES = operation({ method: 'GET', path: '/organizations/{organization_id}/roles', reply: RoleListSchema, cached: true })

/**
 * The roles an organization's members can hold. They change rarely, so with a cache the list is
 * served from it while fresh.
 *
 * @example
 * const roles = await new RoleEndpoint(auth, cache).collect(organizationId)
 */
export class RoleEndpoint extends OperationEndpoint {
  constructor(auth: BasicAuth, cache?: TogglCache | null, options?: EndpointOptions) {
    super(auth, cache, options)
  }

  /**
   * Every role of the organization: `GET /organizations/{id}/roles`. Costs 0 requests on a cache
   * hit, 1 otherwise; 403 when you are not in the organization.
   */
  async collect(organization: OrganizationRef, options?: ReadOptions): Promise<TogglRole[]> {
    return this.run(LIST_ROLES, 'RoleEndpoint.collect', { path: { organization_id: organization } }, options)
  }
}
