import type { BasicAuth } from '../../core/auth.ts'
import type { TogglCache } from '../../cache/types.ts'
import type { EndpointOptions } from '../../core/options.ts'
import { OrganizationNameSchema, WorkspaceNameSchema } from '../../schemas/names.ts'
import {
  CreatedOrganizationSchema,
  OrganizationListSchema,
  OrganizationSchema,
  type CreatedOrganization,
  type TogglOrganization,
} from '../../schemas/organizations/organizations.ts'
import { callOptionsOf, idOf, nameOf, type CallOptions, type ReadOptions } from '../arguments.ts'
import { TogglEndpoint, type CacheScope } from '../base.ts'
import { forgetOrganizations } from '../cache-keys.ts'
import { forgetWorkspaceModels } from '../models.ts'
import { cachedList, cachedOrganization, forgetMemberships, renameCached, storeList, storeOne } from './organization-cache.ts'

/** A model or its id: every method that names an organization takes either. */
export type OrganizationRef = number | { id: number }

/**
 * Toggl's organizations: read one, create, rename, list yours, leave. With a cache, reads are served
 * from it while fresh and every write keeps it consistent, so no call returns an organization you
 * left or a name you changed through this client.
 *
 * @example
 * const orgs = new OrganizationEndpoint(BasicAuth.fromApiToken(token), await createCache())
 * const mine = await orgs.collect()
 */
export class OrganizationEndpoint extends TogglEndpoint {
  constructor(auth: BasicAuth, cache?: TogglCache | null, options?: EndpointOptions) {
    super(auth, cache, options)
  }

  /**
   * One organization, from the cache while fresh, else `GET /organizations/{id}` (then stored).
   * Costs 0 requests on a cache hit, 1 otherwise.
   * @returns `null` when Toggl answers 404 or 403 (the cached copy is dropped), unless `reRaise`.
   */
  async get(organization: OrganizationRef, options?: ReadOptions): Promise<TogglOrganization | null> {
    const id = idOf(organization, 'OrganizationEndpoint.get', 'organization')
    const { refresh, signal } = callOptionsOf(options, 'OrganizationEndpoint.get')
    const scope = await this.cacheScope()
    if (scope && !refresh) {
      const cached = await cachedOrganization(scope, id)
      if (cached) return cached
    }
    try {
      return await this.#fetchOne(scope, id, signal)
    } catch (error) {
      if (!this.isQuietMiss(error, [404, 403])) throw error
      if (scope) await scope.guard.update(() => this.#forget(scope, id))
      return null
    }
  }

  /**
   * Creates an organization with its first workspace: `POST /organizations`. Both names are checked
   * first; a bad one throws `NamingError` and sends nothing. Never retried (a retry could create two).
   * Costs 1 request; the cached list is dropped, so the next `collect()` includes the new one.
   */
  async add(name: string, workspaceName = 'Default-Workspace', options?: CallOptions): Promise<CreatedOrganization> {
    const where = 'OrganizationEndpoint.add'
    const body = {
      name: nameOf(OrganizationNameSchema, name, where),
      workspace_name: nameOf(WorkspaceNameSchema, workspaceName, where),
    }
    const { signal } = callOptionsOf(options, where)
    const send = async () => {
      const created = await this.fetchValid({ method: 'POST', path: '/organizations', body, signal }, CreatedOrganizationSchema)
      this.core.learnWorkspaces([[created.workspace_id, created.id]])
      return created
    }
    const scope = await this.cacheScope()
    // Even a failed POST may have created it (a timeout after Toggl acted), so the lists go either way.
    return scope ? scope.guard.write(send, () => forgetMemberships(scope)) : send()
  }

  /**
   * Renames an organization: `PUT /organizations/{id}`. Toggl answers only "OK", so the model
   * returned is the cached copy with the new name (1 request), or, with no cached copy, a fresh
   * `GET` (2 requests).
   */
  async edit(organization: OrganizationRef, name: string, options?: CallOptions): Promise<TogglOrganization> {
    const where = 'OrganizationEndpoint.edit'
    const id = idOf(organization, where, 'organization')
    const body = { name: nameOf(OrganizationNameSchema, name, where) }
    const { signal } = callOptionsOf(options, where)
    const send = () => this.core.send({ method: 'PUT', path: `/organizations/${id}`, body, signal })
    const scope = await this.cacheScope()
    if (!scope) {
      await send()
      return this.#fetchOne(scope, id, signal)
    }
    let renamed: TogglOrganization | undefined
    await scope.guard.write(send, async (outcome) => {
      renamed = await renameCached(scope, id, body.name, outcome)
    })
    return renamed ?? this.#fetchOne(scope, id, signal)
  }

  /**
   * Every organization you belong to: `GET /me/organizations` (`[]` when none). Served from the
   * cache only when an earlier `collect()` stored a complete list that is still fresh.
   * Costs 0 requests then, 1 otherwise; it also fills the cache for `get`.
   */
  async collect(options?: ReadOptions): Promise<TogglOrganization[]> {
    const { refresh, signal } = callOptionsOf(options, 'OrganizationEndpoint.collect')
    const scope = await this.cacheScope()
    if (scope && !refresh) {
      const cached = await cachedList(scope)
      if (cached) return cached
    }
    const commit = scope?.guard.beginRead()
    const organizations = await this.fetchValid({ method: 'GET', path: '/me/organizations', signal }, OrganizationListSchema)
    if (scope && commit) await commit(() => storeList(scope, organizations, (id) => this.core.workspacesOf(id)))
    return organizations
  }

  /**
   * Leaves an organization: `DELETE /organizations/{id}/users/leave` (Toggl deletes it when its
   * last user leaves; there is no other delete). 404 is ignored unless `reRaise`. The cached copy
   * is dropped either way. Costs 1 request.
   */
  async delete(organization: OrganizationRef, options?: CallOptions): Promise<void> {
    const where = 'OrganizationEndpoint.delete'
    const id = idOf(organization, where, 'organization')
    const { signal } = callOptionsOf(options, where)
    const send = async () => {
      try {
        await this.core.send({ method: 'DELETE', path: `/organizations/${id}/users/leave`, signal })
      } catch (error) {
        if (!this.isQuietMiss(error, [404])) throw error
      }
    }
    const scope = await this.cacheScope()
    return scope ? scope.guard.write(send, () => this.#forget(scope, id)) : send()
  }

  /**
   * Drops an organization, what is cached about it (its workspaces' catalogue models too), and the
   * lists that named it: membership changed, or may have.
   */
  async #forget(scope: CacheScope, id: number): Promise<void> {
    await forgetOrganizations(scope, [id], (organization) => this.core.workspacesOf(organization))
    await forgetWorkspaceModels(scope, this.core.workspacesOf(id))
    await forgetMemberships(scope)
  }

  async #fetchOne(scope: CacheScope | undefined, id: number, signal: AbortSignal | undefined): Promise<TogglOrganization> {
    const commit = scope?.guard.beginRead()
    const organization = await this.fetchValid({ method: 'GET', path: `/organizations/${id}`, signal }, OrganizationSchema)
    if (scope && commit) await commit(() => storeOne(scope, organization))
    return organization
  }
}
