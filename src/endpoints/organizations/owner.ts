import * as v from 'valibot'
import type { BasicAuth } from '../../core/auth.ts'
import type { TogglCache } from '../../cache/types.ts'
import type { EndpointOptions } from '../../core/options.ts'
import {
  OrganizationOwnerSchema,
  OwnershipTransferListSchema,
  OwnershipTransferSchema,
  type OrganizationOwner,
  type OwnershipTransfer,
} from '../../schemas/organizations/owner.ts'
import { idOf, type CallOptions, type ReadOptions } from '../arguments.ts'
import { OperationEndpoint } from '../operation-endpoint.ts'
import { operation } from '../operation.ts'
import type { OrganizationRef } from './organizations.ts'

/** An ownership transfer or its `owner_transfer_id`. */
export type OwnershipTransferRef = number | { owner_transfer_id: number }

/** Which transfers `collectTransfers` lists. */
export interface TransferFilters {
  /** `true`: only the one still running; `false`: only finished ones. Absent: all. */
  ongoing?: boolean
}

const TRANSFERS = '/organizations/{organization_id}/owner/transfer'

const GET_OWNER = operation({ method: 'GET', path: '/organizations/{organization_id}/owner', reply: OrganizationOwnerSchema, cached: true })
const LIST_TRANSFERS = operation({
  method: 'GET',
  path: TRANSFERS,
  // Toggl takes only the words 'true' and 'false'; a boolean goes on the URL as exactly those.
  query: v.strictObject({ ongoing: v.optional(v.boolean('must be a boolean')) }, 'filters must be an object'),
  reply: OwnershipTransferListSchema,
})
const GET_TRANSFER = operation({ method: 'GET', path: '/organizations/{organization_id}/owner/transfer/{transfer_id}', reply: OwnershipTransferSchema })
const START_TRANSFER = operation({ method: 'POST', path: TRANSFERS, reply: OwnershipTransferSchema })
const ANSWER_TRANSFER = operation({
  method: 'POST',
  path: '/organizations/{organization_id}/owner/transfer/{transfer_id}/{action}',
  params: { action: v.picklist(['accept', 'decline', 'withdraw'], 'must be accept, decline or withdraw') },
  reply: OwnershipTransferSchema,
})

/**
 * An organization's owner and the transfers that hand it to someone else. With a cache the owner is
 * served from it while fresh: it changes only through a transfer, and every transfer call through
 * this client drops what is cached about the organization. Transfers themselves are never cached,
 * since the other party moves them on.
 *
 * @example
 * const owner = await new OwnerEndpoint(auth, cache).get(organizationId)
 */
export class OwnerEndpoint extends OperationEndpoint {
  constructor(auth: BasicAuth, cache?: TogglCache | null, options?: EndpointOptions) {
    super(auth, cache, options)
  }

  /**
   * The organization's owner: `GET /organizations/{id}/owner`. Costs 0 requests on a cache hit,
   * 1 otherwise.
   * @returns `null` when Toggl answers 404 or 403 (no such organization, or not yours; what is
   * cached about it is dropped), unless `reRaise`.
   */
  async get(organization: OrganizationRef, options?: ReadOptions): Promise<OrganizationOwner | null> {
    try {
      return await this.run(GET_OWNER, 'OwnerEndpoint.get', { path: { organization_id: organization } }, options)
    } catch (error) {
      if (this.isQuietMiss(error, [404, 403])) return null
      throw error
    }
  }

  /**
   * The organization's ownership transfers: `GET /organizations/{id}/owner/transfer`, with
   * `?ongoing=true|false` when `filters.ongoing` is given. Costs 1 request.
   */
  async collectTransfers(organization: OrganizationRef, filters?: TransferFilters, options?: CallOptions): Promise<OwnershipTransfer[]> {
    return this.run(LIST_TRANSFERS, 'OwnerEndpoint.collectTransfers', { path: { organization_id: organization }, query: filters }, options)
  }

  /**
   * One transfer: `GET /organizations/{id}/owner/transfer/{transfer_id}`. Costs 1 request.
   * @returns `null` when Toggl answers 404 or 403 (no such transfer, or not your organization),
   * unless `reRaise`.
   */
  async getTransfer(organization: OrganizationRef, transfer: OwnershipTransferRef, options?: CallOptions): Promise<OwnershipTransfer | null> {
    const where = 'OwnerEndpoint.getTransfer'
    const path = { organization_id: organization, transfer_id: transferIdOf(transfer, where) }
    try {
      return await this.run(GET_TRANSFER, where, { path }, options)
    } catch (error) {
      if (this.isQuietMiss(error, [404, 403])) return null
      throw error
    }
  }

  /**
   * Starts handing the organization over: `POST /organizations/{id}/owner/transfer`, with no body
   * (Toggl documents none, so no new owner is named here). Only the owner may. Costs 1 request,
   * never retried; the cached owner is dropped.
   */
  async startTransfer(organization: OrganizationRef, options?: CallOptions): Promise<OwnershipTransfer> {
    return this.run(START_TRANSFER, 'OwnerEndpoint.startTransfer', { path: { organization_id: organization } }, options)
  }

  /**
   * Agrees to a transfer, as its current or new owner: `POST …/owner/transfer/{transfer_id}/accept`.
   * Costs 1 request, never retried; the cached owner is dropped (it may have changed).
   */
  async acceptTransfer(organization: OrganizationRef, transfer: OwnershipTransferRef, options?: CallOptions): Promise<OwnershipTransfer> {
    return this.#answer(organization, transfer, 'accept', 'OwnerEndpoint.acceptTransfer', options)
  }

  /**
   * Refuses a transfer, as its current or new owner: `POST …/owner/transfer/{transfer_id}/decline`.
   * Costs 1 request, never retried; the cached owner is dropped.
   */
  async declineTransfer(organization: OrganizationRef, transfer: OwnershipTransferRef, options?: CallOptions): Promise<OwnershipTransfer> {
    return this.#answer(organization, transfer, 'decline', 'OwnerEndpoint.declineTransfer', options)
  }

  /**
   * Calls off a transfer you requested: `POST …/owner/transfer/{transfer_id}/withdraw`.
   * Costs 1 request, never retried; the cached owner is dropped.
   */
  async withdrawTransfer(organization: OrganizationRef, transfer: OwnershipTransferRef, options?: CallOptions): Promise<OwnershipTransfer> {
    return this.#answer(organization, transfer, 'withdraw', 'OwnerEndpoint.withdrawTransfer', options)
  }

  #answer(organization: OrganizationRef, transfer: OwnershipTransferRef, action: string, where: string, options: unknown): Promise<OwnershipTransfer> {
    const path = { organization_id: organization, transfer_id: transferIdOf(transfer, where), action }
    return this.run(ANSWER_TRANSFER, where, { path }, options)
  }
}

// The path's placeholder is `transfer_id`, but the model carries `owner_transfer_id`.
function transferIdOf(transfer: unknown, where: string): number {
  return idOf(transfer, where, 'transfer', 'owner_transfer_id')
}
