import * as v from 'valibot'
import { IdSchema, TimestampSchema } from '../common.ts'

// Custom messages on the credential fields: valibot's own would quote the value it received.
const SecretReplySchema = v.nullish(v.string('must be a string'))

/** What a subscription reacts to: an entity and an action, either of which may be `*` (any). */
const WebhookEventFilterSchema = v.looseObject({ entity: v.string(), action: v.string() })

/**
 * A webhook subscription (`GET /subscriptions/{workspace_id}`). `secret` is the key Toggl signs
 * deliveries with: togglkit hands it to you and never caches, logs or quotes it.
 */
export const WebhookSubscriptionSchema: v.GenericSchema<unknown, WebhookSubscription> = v.looseObject({
  subscription_id: IdSchema,
  workspace_id: IdSchema,
  /** Who created it; events are filtered by what this user may see. */
  user_id: IdSchema,
  /** Unique in the workspace. */
  description: v.string(),
  url_callback: v.string(),
  event_filters: v.array(WebhookEventFilterSchema),
  enabled: v.boolean(),
  secret: SecretReplySchema,
  /** `null` until the URL is validated; events flow only when it is enabled and validated. */
  validated_at: v.nullish(TimestampSchema),
  /** Events Toggl has not delivered yet (it retries failed ones). */
  has_pending_events: v.nullish(v.boolean()),
  created_at: v.nullish(TimestampSchema),
  updated_at: v.nullish(TimestampSchema),
  deleted_at: v.nullish(TimestampSchema),
})

export const WebhookSubscriptionListSchema: v.GenericSchema<unknown[], WebhookSubscription[]> = v.array(WebhookSubscriptionSchema)

export interface WebhookSubscription {
  subscription_id: number
  workspace_id: number
  /** Who created it; events are filtered by what this user may see. */
  user_id: number
  /** Unique in the workspace. */
  description: string
  url_callback: string
  event_filters: ({ entity: string; action: string } & { [key: string]: unknown })[]
  enabled: boolean
  secret?: string | null | undefined
  /** `null` until the URL is validated; events flow only when it is enabled and validated. */
  validated_at?: string | null | undefined
  /** Events Toggl has not delivered yet (it retries failed ones). */
  has_pending_events?: boolean | null | undefined
  created_at?: string | null | undefined
  updated_at?: string | null | undefined
  deleted_at?: string | null | undefined
  [key: string]: unknown
}

/** `GET /event_filters`: each entity Toggl reports on, with its actions. */
export const WebhookEventFiltersSchema: v.GenericSchema<{ [x: string]: string[] }> = v.record(v.string(), v.array(v.string()))

/** `GET /limits/{workspace_id}`: what the organization's plan allows in the workspace. */
export const WebhookLimitsSchema: v.GenericSchema<unknown, WebhookLimits> = v.looseObject({
  /** Enabled subscriptions each user may have in the workspace. */
  max_webhooks: v.number(),
  /** Event filters one subscription may have. */
  max_events_per_webhook: v.number(),
})

export interface WebhookLimits {
  /** Enabled subscriptions each user may have in the workspace. */
  max_webhooks: number
  /** Event filters one subscription may have. */
  max_events_per_webhook: number
  [key: string]: unknown
}

/** `POST /ping/…` and `GET /status`: `{ status }`. */
export const WebhookStatusSchema: v.GenericSchema<unknown, WebhookStatus> = v.looseObject({ status: v.string() })

export interface WebhookStatus {
  status: string
  [key: string]: unknown
}

/** The entities Toggl's webhooks report on (`GET /event_filters`). */
export type WebhookEntity =
  | 'client'
  | 'project'
  | 'project_group'
  | 'project_user'
  | 'tag'
  | 'task'
  | 'time_entry'
  | 'workspace'
  | 'workspace_user'

/** One event filter as `add` and `edit` take it; `*` matches any entity or action. */
export interface WebhookEventFilter {
  entity: WebhookEntity | '*'
  action: 'created' | 'updated' | 'deleted' | '*'
}

/** A new subscription, or everything one is to be (`PUT` sends it whole). */
export interface WebhookSubscriptionInput {
  /** Where Toggl POSTs events: https (http only to a loopback host, for local tests). */
  url_callback: string
  /** At least one, each once; the plan caps how many (`limits(ws).max_events_per_webhook`). */
  event_filters: WebhookEventFilter[]
  /** Unique in the workspace. */
  description: string
  enabled: boolean
  /**
   * The key Toggl signs deliveries with. Optional when creating (Toggl then makes one), required
   * for `edit`. Give your own: Toggl PINGs the URL while creating, signed with it.
   */
  secret?: string
}

/** 127.0.0.0/8, ::1 and localhost (with its subdomains): where plain http stays on this machine. */
function isLoopback(hostname: string): boolean {
  const host = hostname.toLowerCase()
  return host === 'localhost' || host.endsWith('.localhost') || host === '[::1]' || /^127(?:\.\d{1,3}){3}$/.test(host)
}

/** An https URL, or http(s) to a loopback host (Toggl itself can only reach public https URLs). */
const CallbackURLSchema = v.pipe(
  v.string('must be a string'),
  v.check((text) => {
    try {
      const { protocol, hostname } = new URL(text)
      return protocol === 'https:' || (protocol === 'http:' && isLoopback(hostname))
    } catch {
      return false
    }
  }, 'must be an https URL (http only to a loopback host such as 127.0.0.1)'),
)

// Literals, not a list spread into a template: bundlers keep such expressions, and with them these
// schemas, in apps that never subscribe.
const EventFilterInputSchema = v.strictObject(
  {
    entity: v.picklist(
      ['client', 'project', 'project_group', 'project_user', 'tag', 'task', 'time_entry', 'workspace', 'workspace_user', '*'],
      'must be one of client, project, project_group, project_user, tag, task, time_entry, workspace, workspace_user or *',
    ),
    action: v.picklist(['created', 'updated', 'deleted', '*'], 'must be created, updated, deleted or *'),
  },
  'must be an object with entity and action',
)

const EventFilterListSchema = v.pipe(
  v.array(EventFilterInputSchema, 'must be an array of { entity, action }'),
  v.minLength(1, 'must hold at least one filter'),
  v.check(
    (filters) => new Set(filters.map(({ entity, action }) => `${entity} ${action}`)).size === filters.length,
    'must not repeat a filter',
  ),
)

/** A description: with a non-space character (Toggl refuses an empty one and wants it unique in the workspace). */
const WebhookDescriptionSchema = v.pipe(
  v.string('description must be a string'),
  v.check((text) => /\S/u.test(text), 'description must not be empty'),
)

const SecretInputSchema = v.pipe(v.string('must be a string'), v.minLength(1, 'must not be empty'))

const EnabledSchema = v.boolean('must be a boolean')

/** A valid {@link WebhookSubscriptionInput}, as `POST` sends it. */
interface SubscriptionBody extends Omit<WebhookSubscriptionInput, 'secret'> {
  secret?: string | undefined
}

/** A valid {@link WebhookSubscriptionInput} with its secret, as `PUT` sends it. */
interface SubscriptionUpdateBody extends Omit<WebhookSubscriptionInput, 'secret'> {
  secret: string
}

// Written out twice rather than spread from one object: bundlers keep a spread, and with it these
// schemas, in apps that never subscribe.
export const WebhookSubscriptionInputSchema: v.GenericSchema<SubscriptionBody, SubscriptionBody> = v.strictObject(
  {
    url_callback: CallbackURLSchema,
    event_filters: EventFilterListSchema,
    description: WebhookDescriptionSchema,
    enabled: EnabledSchema,
    secret: v.optional(SecretInputSchema),
  },
  'subscription must be an object',
)

/** What `PUT` sends: every field, the secret included (Toggl wants it not empty). */
export const WebhookSubscriptionUpdateSchema: v.GenericSchema<SubscriptionUpdateBody, SubscriptionUpdateBody> = v.strictObject(
  {
    url_callback: CallbackURLSchema,
    event_filters: EventFilterListSchema,
    description: WebhookDescriptionSchema,
    enabled: EnabledSchema,
    secret: SecretInputSchema,
  },
  'changes must be an object',
)

export const WebhookStateSchema: v.GenericSchema<{ enabled: boolean }> = v.strictObject({ enabled: EnabledSchema })

/** A validation code, as a PING carries it. */
export const ValidationCodeSchema: v.GenericSchema<string, string> = v.pipe(v.string('must be a string'), v.minLength(1, 'must not be empty'))
