import type { BasicAuth } from '../../core/auth.ts'
import type { TogglCache } from '../../cache/types.ts'
import type { EndpointOptions } from '../../core/options.ts'
import {
  ValidationCodeSchema,
  WebhookEventFiltersSchema,
  WebhookLimitsSchema,
  WebhookStateSchema,
  WebhookStatusSchema,
  WebhookSubscriptionInputSchema,
  WebhookSubscriptionListSchema,
  WebhookSubscriptionSchema,
  WebhookSubscriptionUpdateSchema,
  type WebhookLimits,
  type WebhookStatus,
  type WebhookSubscription,
  type WebhookSubscriptionInput,
} from '../../schemas/webhooks/subscriptions.ts'
import type { CallOptions, ReadOptions } from '../arguments.ts'
import { OperationEndpoint } from '../operation-endpoint.ts'
import { AcknowledgementSchema, operation } from '../operation.ts'
import type { WorkspaceRef } from '../organizations/organization-workspaces.ts'

/** A subscription's id, or a subscription model (which carries it as `subscription_id`). */
export type WebhookSubscriptionRef = number | { subscription_id: number }

const SUBSCRIPTIONS = '/subscriptions/{workspace_id}'
const SUBSCRIPTION = '/subscriptions/{workspace_id}/{subscription_id}'

// Subscriptions carry their `secret`, which no cache may hold: listings are never cached, and a
// write forgets only what could be cached under them (nothing today), not the workspace's other reads.
const STALE = [SUBSCRIPTIONS]

const LIST = operation({ api: 'webhooks', method: 'GET', path: SUBSCRIPTIONS, reply: WebhookSubscriptionListSchema })
const ADD = operation({
  api: 'webhooks',
  method: 'POST',
  path: SUBSCRIPTIONS,
  body: WebhookSubscriptionInputSchema,
  names: ['description'],
  secrets: ['secret'],
  reply: WebhookSubscriptionSchema,
  invalidates: STALE,
})
const EDIT = operation({
  api: 'webhooks',
  method: 'PUT',
  path: SUBSCRIPTION,
  body: WebhookSubscriptionUpdateSchema,
  names: ['description'],
  secrets: ['secret'],
  reply: WebhookSubscriptionSchema,
  invalidates: STALE,
})
const SET_ENABLED = operation({
  api: 'webhooks',
  method: 'PATCH',
  path: SUBSCRIPTION,
  body: WebhookStateSchema,
  reply: WebhookSubscriptionSchema,
  invalidates: STALE,
  // Setting the same state twice changes nothing more.
  retry: true,
})
const DELETE = operation({ api: 'webhooks', method: 'DELETE', path: SUBSCRIPTION, reply: WebhookSubscriptionSchema, invalidates: STALE })
const EVENT_FILTERS = operation({ api: 'webhooks', method: 'GET', path: '/event_filters', reply: WebhookEventFiltersSchema, cached: true })
const LIMITS = operation({ api: 'webhooks', method: 'GET', path: '/limits/{workspace_id}', reply: WebhookLimitsSchema, cached: true })
const PING = operation({
  api: 'webhooks',
  method: 'POST',
  path: '/ping/{workspace_id}/{subscription_id}',
  reply: WebhookStatusSchema,
  invalidates: STALE,
})
const VALIDATE = operation({
  api: 'webhooks',
  method: 'GET',
  path: '/validate/{workspace_id}/{subscription_id}/{validation_code}',
  params: { validation_code: ValidationCodeSchema },
  secrets: ['validation_code'],
  reply: AcknowledgementSchema,
})
const STATUS = operation({ api: 'webhooks', method: 'GET', path: '/status', reply: WebhookStatusSchema })

/** The fields `PUT` sends, as a subscription model holds them. */
const EDITABLE = ['url_callback', 'event_filters', 'description', 'enabled', 'secret'] as const

/**
 * Toggl's Webhooks API v1 (at `webhooksURL`): subscribe a URL of yours to a workspace's changes,
 * and manage those subscriptions. Receive the events with `createWebhookHandler` from
 * `togglkit/webhooks`. Subscriptions carry their `secret`: they are never cached, and no error
 * or log line of this client quotes a secret or a validation code.
 *
 * @example
 * const webhooks = new WebhookEndpoint(auth)
 * const subscription = await webhooks.add(workspaceId, {
 *   url_callback: 'https://hooks.example.com/toggl',
 *   event_filters: [{ entity: 'time_entry', action: '*' }],
 *   description: 'Timesheet sync',
 *   enabled: true,
 *   secret: process.env.TOGGL_WEBHOOK_SECRET!,
 * })
 */
export class WebhookEndpoint extends OperationEndpoint {
  constructor(auth: BasicAuth, cache?: TogglCache | null, options?: EndpointOptions) {
    super(auth, cache, options)
  }

  /**
   * The workspace's subscriptions (a workspace admin sees everyone's, others their own), each with
   * its `secret`: `GET /subscriptions/{workspace_id}`. Never cached, so it costs 1 request every
   * time; 403 "User not found/accessible for workspace" outside the workspace.
   */
  async collect(workspace: WorkspaceRef, options?: CallOptions): Promise<WebhookSubscription[]> {
    return this.run(LIST, 'WebhookEndpoint.collect', { path: { workspace_id: workspace } }, options)
  }

  /**
   * Subscribes a URL: `POST /subscriptions/{workspace_id}` with `{ url_callback, event_filters,
   * description, enabled, secret? }`. Toggl PINGs the URL before it answers, signed with the secret,
   * and refuses the subscription (400 "URL endpoint … responded with status … instead of 200")
   * unless the URL answers 200; a handler from `createWebhookHandler` answers with the PING's
   * validation code, which validates the subscription at once. Plan limits are Toggl's 400s
   * ("User … already reached the limit of … enabled subscriptions …", "The limit of … event
   * filters …"), as is a description already in use. A bad URL, filter or description throws
   * (`NamingError` for the description) and sends nothing.
   *
   * Never retried: when the reply is lost (a `NetworkError` or `TimeoutError`), whether Toggl made
   * the subscription is unknown. Descriptions are unique in a workspace, so sending it again cannot
   * make a second one (Toggl answers "… is already in use"), and `collect` shows whether it is
   * there. Costs 1 request.
   */
  async add(workspace: WorkspaceRef, subscription: WebhookSubscriptionInput, options?: CallOptions): Promise<WebhookSubscription> {
    return this.run(ADD, 'WebhookEndpoint.add', { path: { workspace_id: workspace }, body: subscription }, options)
  }

  /**
   * Changes a subscription: `PUT /subscriptions/{workspace_id}/{subscription_id}`, which replaces it
   * whole. Given a subscription model (from `collect` or `add`), `changes` go on top of its
   * `url_callback`, `event_filters`, `description`, `enabled` and `secret`; given an id, `changes`
   * must hold all five. Toggl checks a new URL as `add` does. 404 "subscription … for workspace …
   * was not found". Costs 1 request.
   */
  async edit(
    workspace: WorkspaceRef,
    subscription: WebhookSubscriptionRef | WebhookSubscription,
    changes: Partial<WebhookSubscriptionInput>,
    options?: CallOptions,
  ): Promise<WebhookSubscription> {
    const path = { workspace_id: workspace, subscription_id: subscription }
    return this.run(EDIT, 'WebhookEndpoint.edit', { path, body: withCurrent(subscription, changes) }, options)
  }

  /**
   * Turns deliveries on or off: `PATCH /subscriptions/{workspace_id}/{subscription_id}` with
   * `{ enabled }`. Enabling checks the URL again and counts against the plan's limit of enabled
   * subscriptions (Toggl's 400s as for `add`). Retried like a PUT (the same state twice changes
   * nothing more). Costs 1 request.
   */
  async setEnabled(workspace: WorkspaceRef, subscription: WebhookSubscriptionRef, enabled: boolean, options?: CallOptions): Promise<WebhookSubscription> {
    const path = { workspace_id: workspace, subscription_id: subscription }
    return this.run(SET_ENABLED, 'WebhookEndpoint.setEnabled', { path, body: { enabled } }, options)
  }

  /**
   * Deletes a subscription: `DELETE /subscriptions/{workspace_id}/{subscription_id}`. Answers it as
   * it was, or `null` when it was already gone (404), unless `reRaise`. Costs 1 request.
   */
  async delete(workspace: WorkspaceRef, subscription: WebhookSubscriptionRef, options?: CallOptions): Promise<WebhookSubscription | null> {
    const path = { workspace_id: workspace, subscription_id: subscription }
    try {
      return await this.run(DELETE, 'WebhookEndpoint.delete', { path }, options)
    } catch (error) {
      if (this.isQuietMiss(error, [404])) return null
      throw error
    }
  }

  /**
   * The entities and actions a filter may name: `GET /event_filters`, e.g. `{ time_entry:
   * ['created', 'updated', 'deleted'], … }`. Costs 0 requests on a cache hit, 1 otherwise.
   */
  async eventFilters(options?: ReadOptions): Promise<Record<string, string[]>> {
    return this.run(EVENT_FILTERS, 'WebhookEndpoint.eventFilters', {}, options)
  }

  /**
   * What the organization's plan allows in the workspace: `GET /limits/{workspace_id}`, `{
   * max_webhooks, max_events_per_webhook }` (enabled subscriptions per user, filters per
   * subscription). Costs 0 requests on a cache hit, 1 otherwise.
   */
  async limits(workspace: WorkspaceRef, options?: ReadOptions): Promise<WebhookLimits> {
    return this.run(LIMITS, 'WebhookEndpoint.limits', { path: { workspace_id: workspace } }, options)
  }

  /**
   * Asks Toggl to send a PING to the subscription's URL now, enabled and validated or not:
   * `POST /ping/{workspace_id}/{subscription_id}`; answers Toggl's `{ status }`. A PING to a
   * subscription not yet validated carries its validation code. Never retried (each attempt
   * PINGs). Costs 1 request.
   */
  async ping(workspace: WorkspaceRef, subscription: WebhookSubscriptionRef, options?: CallOptions): Promise<WebhookStatus> {
    const path = { workspace_id: workspace, subscription_id: subscription }
    return this.run(PING, 'WebhookEndpoint.ping', { path }, options)
  }

  /**
   * Validates a subscription with the code its PING carried (for a URL that cannot answer the
   * PING with it): `GET /validate/{workspace_id}/{subscription_id}/{validation_code}`. The code
   * never appears in an error or in `onAttempt` (`[redacted]` in the URL). 400 "…validation code
   * '…' was not found" for a wrong code, "subscription … has already been validated" when it is
   * (also after a retry whose first attempt succeeded). Costs 1 request.
   */
  async validate(workspace: WorkspaceRef, subscription: WebhookSubscriptionRef, code: string, options?: CallOptions): Promise<void> {
    const path = { workspace_id: workspace, subscription_id: subscription, validation_code: code }
    await this.run(VALIDATE, 'WebhookEndpoint.validate', { path }, options)
  }

  /** The Webhooks service's own health: `GET /status`, `{ status }`. Never cached; costs 1 request. */
  async status(options?: CallOptions): Promise<WebhookStatus> {
    return this.run(STATUS, 'WebhookEndpoint.status', {}, options)
  }
}

/** `changes` on top of what a subscription model holds; an id or other input goes on unchanged, to be checked. */
function withCurrent(subscription: unknown, changes: unknown): unknown {
  if (subscription === null || typeof subscription !== 'object' || changes === null || typeof changes !== 'object' || Array.isArray(changes)) return changes
  const current: Record<string, unknown> = {}
  for (const field of EDITABLE) {
    const value = (subscription as Record<string, unknown>)[field]
    if (value !== undefined && value !== null) current[field] = value
  }
  // A reply's filters may carry fields Toggl added since; PUT takes entity and action.
  if (Array.isArray(current.event_filters)) {
    current.event_filters = current.event_filters.map((filter: unknown) =>
      filter !== null && typeof filter === 'object' ? { entity: (filter as Record<string, unknown>).entity, action: (filter as Record<string, unknown>).action } : filter,
    )
  }
  return { ...current, ...changes }
}
