import * as v from 'valibot'
import type { BasicAuth } from '../../core/auth.ts'
import type { TogglCache } from '../../cache/types.ts'
import type { EndpointOptions } from '../../core/options.ts'
import {
  OrganizationSegmentationSchema,
  SegmentationInputSchema,
  type OrganizationSegmentation,
  type SegmentationInput,
} from '../../schemas/organizations/segmentation.ts'
import type { CallOptions } from '../arguments.ts'
import { OperationEndpoint } from '../operation-endpoint.ts'
import { operation } from '../operation.ts'
import type { OrganizationRef } from './organizations.ts'

const SEGMENTATION = '/organizations/{organization_id}/segmentation'

// Toggl answers 204 with no body for an organization that saved none.
const GET_SEGMENTATION = operation({ method: 'GET', path: SEGMENTATION, reply: v.optional(OrganizationSegmentationSchema) })
const EDIT_SEGMENTATION = operation({ method: 'PUT', path: SEGMENTATION, body: SegmentationInputSchema, reply: OrganizationSegmentationSchema })

/**
 * What an organization told Toggl about itself (industry, size, why it uses Toggl). Never cached:
 * "none saved" comes as an empty 204, which the cache cannot keep as an answer.
 *
 * @example
 * const segmentation = await new SegmentationEndpoint(auth).get(organizationId)
 */
export class SegmentationEndpoint extends OperationEndpoint {
  constructor(auth: BasicAuth, cache?: TogglCache | null, options?: EndpointOptions) {
    super(auth, cache, options)
  }

  /**
   * The organization's segmentation: `GET /organizations/{id}/segmentation`. Costs 1 request.
   * @returns `null` when the organization has saved none (Toggl's 204). 404 when you are not in it.
   */
  async get(organization: OrganizationRef, options?: CallOptions): Promise<OrganizationSegmentation | null> {
    const segmentation = await this.run(GET_SEGMENTATION, 'SegmentationEndpoint.get', { path: { organization_id: organization } }, options)
    return segmentation ?? null
  }

  /**
   * Saves the organization's segmentation: `PUT /organizations/{id}/segmentation` with the given
   * fields (at least one). Costs 1 request.
   * @returns the segmentation as Toggl stored it.
   */
  async edit(organization: OrganizationRef, segmentation: SegmentationInput, options?: CallOptions): Promise<OrganizationSegmentation> {
    return this.run(EDIT_SEGMENTATION, 'SegmentationEndpoint.edit', { path: { organization_id: organization }, body: segmentation }, options)
  }
}
