import type { BasicAuth } from '../../core/auth.ts'
import type { TogglCache } from '../../cache/types.ts'
import type { EndpointOptions } from '../../core/options.ts'
import {
  InvitationCodeSchema,
  InvitationInputSchema,
  InvitationResultSchema,
  type InvitationInput,
  type InvitationResult,
} from '../../schemas/organizations/invitations.ts'
import type { CallOptions } from '../arguments.ts'
import { ORGANIZATION_LIST_KEY } from '../cache-keys.ts'
import { OperationEndpoint } from '../operation-endpoint.ts'
import { AcknowledgementSchema, operation } from '../operation.ts'
import type { OrganizationRef } from './organizations.ts'

const INVITATIONS = '/organizations/{organization_id}/invitations'
const params = { invitation_code: InvitationCodeSchema }

const ADD = operation({ method: 'POST', path: INVITATIONS, body: InvitationInputSchema, reply: InvitationResultSchema })
// Each attempt may e-mail the person again, so a failed resend is left to the caller to repeat.
const RESEND = operation({
  method: 'PUT',
  path: '/organizations/{organization_id}/invitations/{invitation_id}/resend',
  reply: AcknowledgementSchema,
  retry: false,
})
// Accepting joins an organization, so a cached list of yours is no longer whole.
const ACCEPT = operation({ method: 'POST', path: '/organizations/invitations/{invitation_code}/accept', params, reply: AcknowledgementSchema, invalidates: [ORGANIZATION_LIST_KEY] })
const REJECT = operation({ method: 'POST', path: '/organizations/invitations/{invitation_code}/reject', params, reply: AcknowledgementSchema })

/**
 * Invitations to an organization: an admin sends and resends them; the person invited accepts or
 * rejects one by the code from its link.
 *
 * @example
 * const invitations = new InvitationEndpoint(auth)
 * await invitations.add(organizationId, { emails: ['ada@example.com'], workspaces: [{ workspace_id: 5 }] })
 */
export class InvitationEndpoint extends OperationEndpoint {
  constructor(auth: BasicAuth, cache?: TogglCache | null, options?: EndpointOptions) {
    super(auth, cache, options)
  }

  /**
   * Invites people to the organization and its workspaces: `POST /organizations/{id}/invitations`
   * with `invitation` as the body. Addresses are checked first (an invalid or repeated one throws
   * `InputError` and nothing is sent). Costs 1 request, never retried (a retry could e-mail twice).
   * @returns what Toggl made of each address; `messages` notes those it did not invite as asked.
   */
  async add(organization: OrganizationRef, invitation: InvitationInput, options?: CallOptions): Promise<InvitationResult> {
    return this.run(ADD, 'InvitationEndpoint.add', { path: { organization_id: organization }, body: invitation }, options)
  }

  /**
   * E-mails an invitation again: `PUT /organizations/{id}/invitations/{invitation_id}/resend`
   * (the `invitation_id` of `add`'s `data`). Costs 1 request. Unlike other PUTs it is never
   * retried automatically: each attempt may e-mail the person.
   */
  async resend(organization: OrganizationRef, invitation: number | { invitation_id: number }, options?: CallOptions): Promise<void> {
    const path = { organization_id: organization, invitation_id: invitation }
    await this.run(RESEND, 'InvitationEndpoint.resend', { path }, options)
  }

  /**
   * Joins the organization an invitation is for: `POST /organizations/invitations/{code}/accept`,
   * signed in as the person invited. Costs 1 request; a cached `OrganizationEndpoint.collect()`
   * list is dropped, so the next one includes the organization.
   */
  async accept(code: string, options?: CallOptions): Promise<void> {
    await this.run(ACCEPT, 'InvitationEndpoint.accept', { path: { invitation_code: code } }, options)
  }

  /**
   * Declines an invitation: `POST /organizations/invitations/{code}/reject`, signed in as the
   * person invited. Costs 1 request.
   */
  async reject(code: string, options?: CallOptions): Promise<void> {
    await this.run(REJECT, 'InvitationEndpoint.reject', { path: { invitation_code: code } }, options)
  }
}
