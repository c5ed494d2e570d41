// What Toggl POSTs to a subscription's URL: a PING, or an event about a change of the fake's data.
// Field names and forms as Toggl documents them: metadata ids as strings, `payload` the entity as
// the API shows it, `event_id` an integer near 8e15, RFC 3339 times.
import type { MockChange } from '../model.ts'
import type { MockState } from '../state.ts'
import type { MockSubscription } from './subscription.ts'

/** The request that made a change, when it came through the API (seed helpers make changes too). */
export interface ChangeRequest {
  method: string
  /** The whole pathname, e.g. `/api/v9/workspaces/7/time_entries`. */
  path: string
  /** The raw body; '' when none. */
  body: string
}

/** An event waiting to be sent: everything but what each attempt stamps (`timestamp`). */
export interface MockEvent {
  eventId: number
  subscriptionId: number
  fields: Record<string, unknown>
}

const rfc3339 = (ms: number) => new Date(ms).toISOString()

/**
 * Whether `subscription` hears of `change`: its workspace, a filter naming the model and action
 * (or `*`), and what its creator may see: someone who left the workspace hears nothing, and only
 * a workspace admin hears of other users' time entries (Toggl's own example of the rule).
 */
export function hears(state: MockState, subscription: MockSubscription, change: MockChange): boolean {
  if (subscription.workspaceId !== change.workspaceId) return false
  const matches = subscription.eventFilters.some(
    ({ entity, action }) => (entity === '*' || entity === change.model) && (action === '*' || action === change.action),
  )
  if (!matches) return false
  const found = state.findWorkspace(change.workspaceId)
  const access = found && state.accessOf(found.organization, found.workspace, subscription.userId)
  if (!access) return false
  return !(change.model === 'time_entry' && change.entity.user_id !== subscription.userId && access !== 'admin')
}

/** The event `subscription` gets for `change`, made by `request` when it came through the API. */
export function eventOf(eventId: number, subscription: MockSubscription, change: MockChange, request: ChangeRequest | undefined): MockEvent {
  const { entity } = change
  const owner = entity.user_id ?? entity.creator_id
  const metadata: Record<string, unknown> = {
    action: change.action,
    event_user_id: String(change.userId),
    model: change.model,
    ...(typeof owner === 'number' ? { model_owner_id: String(owner) } : {}),
    ...(request ? { path: request.path, request_type: request.method } : {}),
    ...(request && request.body !== '' ? { request_body: request.body } : {}),
    [`${change.model}_id`]: String(entity.id),
    workspace_id: String(change.workspaceId),
  }
  return {
    eventId,
    subscriptionId: subscription.id,
    fields: { event_id: eventId, created_at: rfc3339(change.at), creator_id: change.userId, metadata, payload: entity },
  }
}

/**
 * A PING from `actorId`. One to a subscription not validated yet carries its validation code and
 * the URL that validates it (`validationURL`).
 */
export function pingOf(subscription: MockSubscription, actorId: number, at: number, validationURL: string): MockEvent {
  const validation =
    subscription.validatedAt === null ? { validation_code: subscription.validationCode, validation_code_url: validationURL } : {}
  return {
    eventId: 0,
    subscriptionId: subscription.id,
    fields: {
      event_id: 0,
      created_at: rfc3339(at),
      creator_id: actorId,
      metadata: { request_type: 'POST', event_user_id: actorId },
      payload: 'ping',
      ...validation,
    },
  }
}

/** The body of one delivery attempt, stamped `at`, to the subscription's URL as it is now. */
export function bodyOf(event: MockEvent, subscription: MockSubscription, at: number): string {
  return JSON.stringify({ ...event.fields, subscription_id: subscription.id, timestamp: rfc3339(at), url_callback: subscription.urlCallback })
}

/** The validation code a PING's answer carries (`{"validation_code": "…"}`), if any. */
export function validationCodeIn(answer: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(answer)
    const code = parsed !== null && typeof parsed === 'object' ? (parsed as Record<string, unknown>).validation_code : undefined
    return typeof code === 'string' ? code : undefined
  } catch {
    return undefined
  }
}
