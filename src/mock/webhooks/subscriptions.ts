// Toggl's Webhooks API v1 on the fake, under `/webhooks/api/v1`: subscriptions, PINGs, validation,
// the event filters, the plan's limits and the service status, with Toggl's status codes and words.
import { INVALID_JSON, parseId, parseJsonObject, type ApiCall, type Route } from '../calls.ts'
import { errorReply, jsonReply, type Reply } from '../responses.ts'
import { workspaceOf, type WorkspaceCall } from '../workspace-calls.ts'
import type { DeliveryOutcome } from './courier.ts'
import { limitsOf, subscriptionView, type MockSubscription } from './subscription.ts'

const NO_ACCESS = 'User not found/accessible for workspace'

/** The entities and actions `GET /event_filters` lists (the spec shows the form; the list is the fake's, after the models Toggl's events name). */
const EVENT_FILTERS: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
  ['client', 'project', 'project_group', 'project_user', 'tag', 'task', 'time_entry', 'workspace', 'workspace_user'].map((entity) => [
    entity,
    ['created', 'updated', 'deleted'],
  ]),
)
const ACTIONS = new Set(['created', 'updated', 'deleted', '*'])
const FILTER_WORD = /^(?:\*|\w+)$/

const notFound = (call: ApiCall) => errorReply(404, `subscription ${call.params[1]} for workspace ${call.params[0]} was not found`)

function workspaceFor(call: ApiCall): WorkspaceCall | Reply {
  return workspaceOf(call, errorReply(403, NO_ACCESS))
}

/**
 * The path's workspace and subscription, when the caller may see it (their own, or any in a
 * workspace they administer), or the reply that refuses them.
 */
function subscriptionCall(call: ApiCall): { found: WorkspaceCall; subscription: MockSubscription } | Reply {
  const found = workspaceFor(call)
  if ('status' in found) return found
  const id = parseId(call.params[1])
  const subscription = id === undefined ? undefined : call.webhooks.subscriptions.get(id)
  if (!subscription || subscription.workspaceId !== found.workspace.id) return notFound(call)
  return found.admin || subscription.userId === call.account.id ? { found, subscription } : notFound(call)
}

function viewOf(call: ApiCall, subscription: MockSubscription, deletedAt: number | null = null): Record<string, unknown> {
  return subscriptionView(subscription, call.webhooks.hasPending(subscription), deletedAt)
}

/** What a POST or PUT body asks for, checked as Toggl checks it. */
interface SubscriptionFields {
  urlCallback: string
  eventFilters: { entity: string; action: string }[]
  description: string
  enabled: boolean
  secret: string | undefined
}

/**
 * The fields of a POST or PUT body, or Toggl's 400 message. Toggl's words for each rule; a field of
 * the wrong type is "Invalid JSON input" and a missing `enabled` is `false` (the fake's rules: Go
 * decodes so). `self` is the subscription a PUT changes, `owner` whose limit counts.
 */
function fieldsOf(call: ApiCall, found: WorkspaceCall, owner: number, self: MockSubscription | undefined): SubscriptionFields | string {
  const payload = parseJsonObject(call.body)
  if (!payload) return INVALID_JSON
  const { url_callback = '', event_filters = [], description = '', enabled = false, secret } = payload
  if (typeof url_callback !== 'string' || typeof description !== 'string' || typeof enabled !== 'boolean') return INVALID_JSON
  if (secret !== undefined && secret !== null && typeof secret !== 'string') return INVALID_JSON
  if (!Array.isArray(event_filters) || !event_filters.every(isFilterObject)) return INVALID_JSON
  const workspaceId = found.workspace.id
  const others = [...call.webhooks.subscriptions.values()].filter((subscription) => subscription.workspaceId === workspaceId && subscription !== self)
  // Toggl says only "must not be empty"; that blank counts as empty is the fake's rule.
  if (description.trim() === '') return 'Subscription description must not be empty'
  if (others.some((subscription) => subscription.description === description)) {
    return `Subscription description '${description}' is already in use for workspace ${workspaceId}`
  }
  const limits = limitsOf(found.organization)
  if (event_filters.length === 0) return 'The list of event filters must not be empty'
  if (event_filters.length > limits.maxEventsPerWebhook) {
    return `The limit of ${limits.maxEventsPerWebhook} event filters for your subscription has been exceeded as you're trying to set ${event_filters.length} filters`
  }
  const seen = new Set<string>()
  for (const { entity = '', action = '' } of event_filters) {
    if (entity === '') return 'The entity field for each subscription event filter must be non-empty'
    if (!FILTER_WORD.test(entity)) return `The value '${entity}' for the filter entity can only contain letters, numbers and '_' or be '*' to match all entities`
    if (action === '') return 'The action field for each subscription event filter must be non-empty'
    if (!FILTER_WORD.test(action)) return `The value '${action}' for the filter action can only contain letters, numbers and '_' or be '*' to match all actions`
    if (!ACTIONS.has(action)) return `Invalid value '${action}' for event filter action`
    // Toggl does not show how it writes the repeated filter; `entity:action` is the fake's form.
    const key = `${entity}:${action}`
    if (seen.has(key)) return `The following event filter appears more than once for your subscription: ${key}`
    seen.add(key)
  }
  if (enabled && !(self?.enabled ?? false)) {
    const refusal = limitRefusal(call, found, owner, self)
    if (refusal) return refusal
  }
  const eventFilters = event_filters.map(({ entity = '', action = '' }) => ({ entity, action }))
  return { urlCallback: url_callback, eventFilters, description, enabled, secret: secret === null || secret === '' ? undefined : secret }
}

function isFilterObject(value: unknown): value is { entity?: string; action?: string } {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false
  const { entity, action } = value as Record<string, unknown>
  return (entity === undefined || typeof entity === 'string') && (action === undefined || typeof action === 'string')
}

/** Toggl's 400 when `owner` already has as many enabled subscriptions in the workspace as the plan allows. */
function limitRefusal(call: ApiCall, found: WorkspaceCall, owner: number, self: MockSubscription | undefined): string | undefined {
  const { maxWebhooks } = limitsOf(found.organization)
  const enabled = [...call.webhooks.subscriptions.values()].filter(
    (subscription) => subscription !== self && subscription.workspaceId === found.workspace.id && subscription.userId === owner && subscription.enabled,
  )
  return enabled.length >= maxWebhooks ? `User ${owner} already reached the limit of ${maxWebhooks} enabled subscriptions for workspace ${found.workspace.id}` : undefined
}

/**
 * Toggl's 400 when the URL did not answer a PING as it must: with 200 for POST and PATCH, any 2xx
 * for PUT (the spec's words differ so).
 */
function urlRefusal(url: string, outcome: DeliveryOutcome, wanted: '200' | '2xx'): string | undefined {
  if (outcome.error !== undefined) return `URL endpoint ${url} request failed with error: ${outcome.error}`
  const ok = wanted === '200' ? outcome.status === 200 : outcome.status >= 200 && outcome.status < 300
  return ok ? undefined : `URL endpoint ${url} responded with status ${outcome.status} instead of ${wanted}`
}

/** A secret or validation code: 32 random hex digits (Toggl's own form is not documented). */
function randomCode(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('')
}

/** `GET /subscriptions/{wid}`: a workspace admin sees everyone's, others their own. */
function listSubscriptions(call: ApiCall): Reply {
  const found = workspaceFor(call)
  if ('status' in found) return found
  const visible = [...call.webhooks.subscriptions.values()]
    .filter((subscription) => subscription.workspaceId === found.workspace.id && (found.admin || subscription.userId === call.account.id))
    .sort((a, b) => a.id - b.id)
  return jsonReply(200, visible.map((subscription) => viewOf(call, subscription)))
}

/**
 * `POST /subscriptions/{wid}`: Toggl PINGs the URL before it answers and keeps the subscription
 * only when the URL answers 200; an answer with the PING's validation code validates it. While the
 * PING is out the subscription is already kept, so a second one with its description is refused.
 */
async function createSubscription(call: ApiCall): Promise<Reply> {
  const found = workspaceFor(call)
  if ('status' in found) return found
  const fields = fieldsOf(call, found, call.account.id, undefined)
  if (typeof fields === 'string') return errorReply(400, fields)
  const subscription: MockSubscription = {
    id: call.state.nextId(),
    workspaceId: found.workspace.id,
    userId: call.account.id,
    description: fields.description,
    urlCallback: fields.urlCallback,
    eventFilters: fields.eventFilters,
    enabled: fields.enabled,
    secret: fields.secret ?? randomCode(),
    validationCode: randomCode(),
    validatedAt: null,
    createdAt: call.state.now(),
    updatedAt: null,
  }
  call.webhooks.store(subscription)
  const refusal = urlRefusal(subscription.urlCallback, await call.webhooks.ping(subscription, call.account.id, call.origin), '200')
  if (refusal) {
    call.webhooks.remove(subscription)
    return errorReply(400, refusal)
  }
  return jsonReply(200, viewOf(call, subscription))
}

/**
 * `PUT /subscriptions/{wid}/{sid}`: replaces the subscription. A new URL is PINGed first (any 2xx
 * will do) and must be validated again, unless that PING's answer carried the code; an unchanged
 * URL is not called, and a missing or empty secret keeps the current one (the fake's rules: Toggl
 * documents neither).
 */
async function updateSubscription(call: ApiCall): Promise<Reply> {
  const path = subscriptionCall(call)
  if ('status' in path) return path
  const { found, subscription } = path
  const fields = fieldsOf(call, found, subscription.userId, subscription)
  if (typeof fields === 'string') return errorReply(400, fields)
  const secret = fields.secret ?? subscription.secret
  let { validatedAt } = subscription
  if (fields.urlCallback !== subscription.urlCallback) {
    const probe: MockSubscription = { ...subscription, urlCallback: fields.urlCallback, secret, validatedAt: null }
    const refusal = urlRefusal(probe.urlCallback, await call.webhooks.ping(probe, call.account.id, call.origin), '2xx')
    if (refusal) return errorReply(400, refusal)
    if (call.webhooks.subscriptions.get(subscription.id) !== subscription) return notFound(call)
    validatedAt = probe.validatedAt
  }
  Object.assign(subscription, { ...fields, secret, validatedAt, updatedAt: call.state.now() })
  return jsonReply(200, viewOf(call, subscription))
}

/** `PATCH /subscriptions/{wid}/{sid}` `{ enabled }`: enabling counts against the limit and PINGs the URL (disabling does not: the fake's rule). */
async function patchSubscription(call: ApiCall): Promise<Reply> {
  const path = subscriptionCall(call)
  if ('status' in path) return path
  const { found, subscription } = path
  const enabled = parseJsonObject(call.body)?.['enabled']
  if (typeof enabled !== 'boolean') return errorReply(400, INVALID_JSON)
  if (enabled && !subscription.enabled) {
    const refusal =
      limitRefusal(call, found, subscription.userId, subscription) ??
      urlRefusal(subscription.urlCallback, await call.webhooks.ping(subscription, call.account.id, call.origin), '200')
    if (refusal) return errorReply(400, refusal)
  }
  subscription.enabled = enabled
  subscription.updatedAt = call.state.now()
  return jsonReply(200, viewOf(call, subscription))
}

/** `DELETE /subscriptions/{wid}/{sid}`: answers the subscription as it was, `deleted_at` set. */
function deleteSubscription(call: ApiCall): Reply {
  const path = subscriptionCall(call)
  if ('status' in path) return path
  const { subscription } = path
  const view = viewOf(call, subscription, call.state.now())
  call.webhooks.remove(subscription)
  return jsonReply(200, view)
}

/**
 * `POST /ping/{wid}/{sid}`: PINGs the URL, enabled and validated or not. `{ status }` is "OK" for a
 * 2xx answer, else what went wrong, in the words of the URL check (the fake's rule: Toggl documents
 * only the field); an unknown subscription is the 404 of the other calls (the spec lists none).
 */
async function pingSubscription(call: ApiCall): Promise<Reply> {
  const path = subscriptionCall(call)
  if ('status' in path) return path
  const { subscription } = path
  const outcome = await call.webhooks.ping(subscription, call.account.id, call.origin)
  return jsonReply(200, { status: urlRefusal(subscription.urlCallback, outcome, '2xx') ?? 'OK' })
}

/** `GET /validate/{wid}/{sid}/{code}`: validates with the code a PING carried; anyone holding the code may. */
function validateSubscription(call: ApiCall): Reply {
  const [workspace, id, segment = ''] = call.params
  const code = decoded(segment)
  const subscriptionId = parseId(id)
  const subscription = subscriptionId === undefined ? undefined : call.webhooks.subscriptions.get(subscriptionId)
  if (!subscription || String(subscription.workspaceId) !== workspace || subscription.validationCode !== code) {
    return errorReply(400, `subscription ${id} for workspace ${workspace} and validation code '${code}' was not found`)
  }
  if (subscription.validatedAt !== null) return errorReply(400, `subscription ${id} has already been validated`)
  subscription.validatedAt = call.state.now()
  return jsonReply(200, 'OK')
}

function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}

function listEventFilters(): Reply {
  return jsonReply(200, EVENT_FILTERS)
}

/** `GET /limits/{wid}`: by the organization's plan; 403 outside the workspace (the spec lists no error: the fake's rule). */
function workspaceLimits(call: ApiCall): Reply {
  const found = workspaceFor(call)
  if ('status' in found) return found
  const { maxWebhooks, maxEventsPerWebhook } = limitsOf(found.organization)
  return jsonReply(200, { max_webhooks: maxWebhooks, max_events_per_webhook: maxEventsPerWebhook })
}

/** `GET /status`: `{ status: "OK" }` (the value is the fake's; the spec gives the field). */
function serviceStatus(): Reply {
  return jsonReply(200, { status: 'OK' })
}

type Handler = (call: ApiCall) => Reply | Promise<Reply>

export const SUBSCRIPTION_ROUTES = [
  {
    pattern: /^\/subscriptions\/([^/]+)$/,
    handlers: new Map<string, Handler>([
      ['GET', listSubscriptions],
      ['POST', createSubscription],
    ]),
  },
  {
    pattern: /^\/subscriptions\/([^/]+)\/([^/]+)$/,
    handlers: new Map<string, Handler>([
      ['PUT', updateSubscription],
      ['PATCH', patchSubscription],
      ['DELETE', deleteSubscription],
    ]),
  },
  { pattern: /^\/ping\/([^/]+)\/([^/]+)$/, handlers: new Map([['POST', pingSubscription]]) },
  { pattern: /^\/validate\/([^/]+)\/([^/]+)\/([^/]+)$/, handlers: new Map([['GET', validateSubscription]]) },
  { pattern: /^\/event_filters$/, handlers: new Map([['GET', listEventFilters]]) },
  { pattern: /^\/limits\/([^/]+)$/, handlers: new Map([['GET', workspaceLimits]]) },
  { pattern: /^\/status$/, handlers: new Map([['GET', serviceStatus]]) },
] satisfies Route[]
