import * as v from 'valibot'
import type { BasicAuth } from '../../core/auth.ts'
import type { TogglCache } from '../../cache/types.ts'
import { HTTPStatusError } from '../../core/errors.ts'
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
import { findValid, forgetOrganization, ORGANIZATION_LIST_KEY as LIST_KEY, organizationKey } from '../cache-keys.ts'
import type { WriteOutcome } from '../cache-guard.ts'

/** A model or its id: every method that names an organization takes either. */
export type OrganizationRef = number | { id: number }

/** The ids of a complete `collect()` (each organization itself lives under its own key). */
const ListSchema = v.array(v.number())

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
      if (scope) await scope.guard.update(() => forget(scope, id))
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
    const send = () => this.fetchValid({ method: 'POST', path: '/organizations', body, signal }, CreatedOrganizationSchema)
    const scope = await this.cacheScope()
    // Even a failed POST may have created it (a timeout after Toggl acted), so the list goes either way.
    return scope ? scope.guard.write(send, () => scope.cache.delete(scope.partition, LIST_KEY)) : send()
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
    if (scope && commit) await commit(() => storeList(scope, organizations))
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
    return scope ? scope.guard.write(send, () => forget(scope, id)) : send()
  }

  async #fetchOne(scope: CacheScope | undefined, id: number, signal: AbortSignal | undefined): Promise<TogglOrganization> {
    const commit = scope?.guard.beginRead()
    const organization = await this.fetchValid({ method: 'GET', path: `/organizations/${id}`, signal }, OrganizationSchema)
    if (scope && commit) await commit(() => storeOne(scope, organization))
    return organization
  }
}

function cachedOrganization(scope: CacheScope, id: number): Promise<TogglOrganization | undefined> {
  return findValid(scope, organizationKey(id), OrganizationSchema)
}

async function cachedList(scope: CacheScope): Promise<TogglOrganization[] | undefined> {
  const ids = await findValid(scope, LIST_KEY, ListSchema)
  if (!ids) return undefined
  const organizations: TogglOrganization[] = []
  for (const id of ids) {
    const organization = await cachedOrganization(scope, id)
    // One member expired or dropped: the list is no longer whole, so it does not count.
    if (!organization) return undefined
    organizations.push(organization)
  }
  return organizations
}

async function storeOne(scope: CacheScope, organization: TogglOrganization): Promise<void> {
  const { cache, partition } = scope
  await cache.put(partition, organizationKey(organization.id), organization)
  const list = await findValid(scope, LIST_KEY, ListSchema)
  // A member of an organization the stored list lacks: that list is no longer complete.
  if (list && !list.includes(organization.id)) await cache.delete(partition, LIST_KEY)
}

async function storeList(scope: CacheScope, organizations: TogglOrganization[]): Promise<void> {
  const { cache, partition } = scope
  const listed = new Set(organizations.map(({ id }) => id))
  // Anything cached that the complete list lacks is an organization this account has left.
  for (const entry of await cache.entries(partition)) {
    const id = idOfKey(entry.key)
    if (id !== undefined && !listed.has(id)) await forgetOrganization(scope, id)
  }
  for (const organization of organizations) await cache.put(partition, organizationKey(organization.id), organization)
  // Written last, so a list is never found whose members were not stored.
  await cache.put(partition, LIST_KEY, [...listed])
}

/**
 * After a PUT: the cached copy with its new name, when the rename certainly is the last one Toggl
 * applied. Otherwise the copy is dropped (a clear 4xx refusal changed nothing and keeps it).
 */
async function renameCached(scope: CacheScope, id: number, name: string, outcome: WriteOutcome): Promise<TogglOrganization | undefined> {
  const refused = outcome.error instanceof HTTPStatusError && outcome.error.status < 500
  if (refused) return undefined
  const cached = outcome.alone && !outcome.error ? await cachedOrganization(scope, id) : undefined
  if (!cached) {
    await scope.cache.delete(scope.partition, organizationKey(id))
    return undefined
  }
  const renamed = { ...cached, name }
  await scope.cache.put(scope.partition, organizationKey(id), renamed)
  return renamed
}

/** Drops an organization, what is cached about it, and the list that named it: membership changed, or may have. */
async function forget(scope: CacheScope, id: number): Promise<void> {
  await forgetOrganization(scope, id)
  await scope.cache.delete(scope.partition, LIST_KEY)
}

function idOfKey(key: string): number | undefined {
  const match = /^organization:(\d+)$/.exec(key)
  return match ? Number(match[1]) : undefined
}
