import type { BasicAuth } from '../../core/auth.ts'
import type { TogglCache } from '../../cache/types.ts'
import { describe } from '../../core/describe.ts'
import { InputError } from '../../core/errors.ts'
import type { EndpointOptions } from '../../core/options.ts'
import {
  OrganizationUserChangesSchema,
  OrganizationUserDeletionSchema,
  OrganizationUserListSchema,
  UserListingSchema,
  UserPageQuerySchema,
  type OrganizationUser,
  type OrganizationUserChanges,
  type UserListing,
  type UserPageQuery,
} from '../../schemas/organizations/organization-users.ts'
import { callOptionsOf, idOf, type CallOptions } from '../arguments.ts'
import { OperationEndpoint, pagesByNumber, type PreparedCall } from '../operation-endpoint.ts'
import { AcknowledgementSchema, operation, type Operation } from '../operation.ts'
import type { OrganizationRef } from './organizations.ts'
import { pageOf, type Page, type PageIterator } from '../pages.ts'

/** Toggl's page size when `per_page` is left out. */
const DEFAULT_PER_PAGE = 50

type Listing = Operation<OrganizationUser[]>

const USERS_PATH = '/organizations/{organization_id}/users'
const DETAILED_PATH = '/organizations/{organization_id}/users/detailed'

const listing = (path: string, query: typeof UserPageQuerySchema | typeof UserListingSchema): Listing =>
  operation({ method: 'GET', path, query, reply: OrganizationUserListSchema })

const USERS_PAGE = listing(USERS_PATH, UserPageQuerySchema)
const DETAILED_PAGE = listing(DETAILED_PATH, UserPageQuerySchema)
const USERS_LISTING = listing(USERS_PATH, UserListingSchema)
const DETAILED_LISTING = listing(DETAILED_PATH, UserListingSchema)

const EDIT_USER = operation({
  method: 'PUT',
  path: '/organizations/{organization_id}/users/{organization_user_id}',
  body: OrganizationUserChangesSchema,
  names: ['name'],
  reply: AcknowledgementSchema,
})

const DELETE_USERS = operation({ method: 'PATCH', path: USERS_PATH, body: OrganizationUserDeletionSchema, reply: AcknowledgementSchema })

/**
 * The members of an organization and the people invited to it (admins only). Listings come in
 * pages (`X-Page`, `X-Pages`, `X-Records`) and are never cached: they change whenever someone
 * accepts an invitation elsewhere. Writes drop everything cached about the organization.
 *
 * @example
 * const users = new OrganizationUserEndpoint(auth, cache)
 * for await (const user of users.iterate(organizationId, { active_status: ['active'] })) console.log(user.email)
 */
export class OrganizationUserEndpoint extends OperationEndpoint {
  constructor(auth: BasicAuth, cache?: TogglCache | null, options?: EndpointOptions) {
    super(auth, cache, options)
  }

  /**
   * One page of the organization's users: `GET /organizations/{id}/users` with the query's filters,
   * `page` and `per_page` (Toggl's defaults: page 1, 50 per page). Costs 1 request. 403 when you
   * are not an admin of the organization.
   */
  async page(organization: OrganizationRef, query?: UserPageQuery, options?: CallOptions): Promise<Page<OrganizationUser>> {
    return this.#page(USERS_PAGE, 'OrganizationUserEndpoint.page', organization, query, options)
  }

  /**
   * Like {@link page}, with each user's workspaces and groups: `GET /organizations/{id}/users/detailed`.
   * Costs 1 request.
   */
  async detailedPage(organization: OrganizationRef, query?: UserPageQuery, options?: CallOptions): Promise<Page<OrganizationUser>> {
    return this.#page(DETAILED_PAGE, 'OrganizationUserEndpoint.detailedPage', organization, query, options)
  }

  /**
   * Every user of the organization, page by page as the loop asks (`GET /organizations/{id}/users`
   * with `page` and `per_page`, 50 unless given). Costs 1 request per page; breaking out of the loop
   * sends no more, and `cost()` tells the number of pages up front. Bad input throws `InputError`
   * right here, before anything is sent.
   */
  iterate(organization: OrganizationRef, filters?: UserListing, options?: CallOptions): PageIterator<OrganizationUser> {
    return this.#iterate(USERS_LISTING, 'OrganizationUserEndpoint.iterate', organization, filters, options)
  }

  /**
   * Like {@link iterate}, with each user's workspaces and groups (`GET /organizations/{id}/users/detailed`).
   * Costs 1 request per page.
   */
  iterateDetailed(organization: OrganizationRef, filters?: UserListing, options?: CallOptions): PageIterator<OrganizationUser> {
    return this.#iterate(DETAILED_LISTING, 'OrganizationUserEndpoint.iterateDetailed', organization, filters, options)
  }

  /**
   * Changes one organization user: `PUT /organizations/{id}/users/{organization_user_id}` with the
   * changes as the body (at least one field; `organization_admin` and `role_id` not together; a bad
   * `name` throws `NamingError`). Toggl answers "OK". Costs 1 request and drops everything cached
   * about the organization.
   */
  async edit(
    organization: OrganizationRef,
    organizationUser: number | { id: number },
    changes: OrganizationUserChanges,
    options?: CallOptions,
  ): Promise<void> {
    const path = { organization_id: organization, organization_user_id: organizationUser }
    await this.run(EDIT_USER, 'OrganizationUserEndpoint.edit', { path, body: changes }, options)
  }

  /**
   * Removes organization users (or withdraws invitations): `PATCH /organizations/{id}/users` with
   * `{ delete: [ids] }`, at least one, each once. The owner cannot be removed. Costs 1 request and
   * drops everything cached about the organization.
   */
  async delete(organization: OrganizationRef, organizationUsers: ReadonlyArray<number | { id: number }>, options?: CallOptions): Promise<void> {
    const where = 'OrganizationUserEndpoint.delete'
    const body = idsOf(organizationUsers, where)
    await this.run(DELETE_USERS, where, { path: { organization_id: organization }, body }, options)
  }

  async #page(listing: Listing, where: string, organization: unknown, query: unknown, options: unknown): Promise<Page<OrganizationUser>> {
    const { signal } = callOptionsOf(options, where)
    const call = this.prepare(listing, where, { path: { organization_id: organization }, query, signal })
    const { page = '1', per_page = String(DEFAULT_PER_PAGE) } = call.spec.query
    return this.#fetchPage(call, { page: Number(page), perPage: Number(per_page) })
  }

  #iterate(listing: Listing, where: string, organization: unknown, filters: unknown, options: unknown): PageIterator<OrganizationUser> {
    const { signal } = callOptionsOf(options, where)
    const call = this.prepare(listing, where, { path: { organization_id: organization }, query: filters, signal })
    return pagesByNumber(call, DEFAULT_PER_PAGE, (pageCall, asked) => this.#fetchPage(pageCall, asked))
  }

  async #fetchPage(call: PreparedCall<OrganizationUser[]>, asked: { page: number; perPage: number }): Promise<Page<OrganizationUser>> {
    const { data, headers } = await this.performWithHeaders(call)
    return pageOf(data, headers, asked)
  }
}

/** Organization-user ids from ids or models; whether there are any, each once, is the body schema's check. */
function idsOf(values: unknown, where: string): number[] {
  if (!Array.isArray(values)) throw new InputError(`${where}: organization users must be an array of ids, got ${describe(values)}`)
  return values.map((value, index) => idOf(value, where, `organization users[${index}]`))
}
