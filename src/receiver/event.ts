import * as v from 'valibot'
import { IdSchema, TimestampSchema } from '../schemas/common.ts'
import type { WebhookModel, WebhookPayloads } from './payloads.ts'

// What Toggl POSTs to a subscription's URL. PINGs and entity events share the envelope; a PING's
// `payload` is the string "ping", an entity event's is the entity. Toggl writes the ids in an entity
// event's metadata as strings (a PING's `event_user_id` as a number).

/** A metadata id: Toggl sends strings; a number is taken as its decimal string. */
const IdTextSchema = v.union([v.string(), v.pipe(v.number(), v.integer(), v.transform(String))])

const envelope = {
  /** Checked here as the number `JSON.parse` makes of it; the exact digits are read from the text. */
  event_id: v.pipe(v.number(), v.integer(), v.minValue(0)),
  created_at: TimestampSchema,
  creator_id: IdSchema,
  subscription_id: IdSchema,
  timestamp: v.nullish(TimestampSchema),
  url_callback: v.nullish(v.string()),
}

export const PingSchema = v.looseObject({
  ...envelope,
  metadata: v.looseObject({
    request_type: v.nullish(v.string()),
    event_user_id: v.nullish(v.union([IdSchema, v.string()])),
  }),
  payload: v.literal('ping'),
  /** Only in a PING to a subscription not validated yet. */
  validation_code: v.nullish(v.string()),
  validation_code_url: v.nullish(v.string()),
})

const MetadataSchema = v.looseObject({
  action: v.string(),
  model: v.string(),
  path: v.nullish(v.string()),
  request_type: v.nullish(v.string()),
  request_body: v.nullish(v.string()),
  workspace_id: v.nullish(IdTextSchema),
  event_user_id: v.nullish(IdTextSchema),
  model_owner_id: v.nullish(IdTextSchema),
})

/** An entity event with its payload checked only for being an object (the model's schema comes next). */
export const EntityEnvelopeSchema = v.looseObject({
  ...envelope,
  metadata: MetadataSchema,
  // Not v.record, which takes an array too (and copies the object).
  payload: v.custom<{ [key: string]: unknown }>((payload) => typeof payload === 'object' && payload !== null && !Array.isArray(payload)),
})

/** A PING, as the handler answers it itself. */
export type WebhookPing = Omit<v.InferOutput<typeof PingSchema>, 'event_id'> & { event_id: string }

/** A change Toggl reports: what was done (`created`, `updated`, `deleted`), and where. */
export type WebhookAction = 'created' | 'updated' | 'deleted'

/**
 * Context Toggl sends with an entity event. Ids are strings, as Toggl writes them; besides the
 * fields named here Toggl adds the entity's own id under its model's name (`time_entry_id`,
 * `project_id`, …), kept as sent.
 */
export interface WebhookEventMetadata {
  /** `created`, `updated` or `deleted` (a string Toggl may add later passes through). */
  action: WebhookAction | (string & {})
  /** The model as Toggl names it, also for a model togglkit does not know (then `event.model` is `'unknown'`). */
  model: string
  /** The API path of the request that made the change, e.g. `/api/v9/workspaces/7/time_entries`. */
  path?: string | null | undefined
  /** Its method, e.g. `POST`. */
  request_type?: string | null | undefined
  /** Its body, as a JSON **string** (parse it yourself if you need it). */
  request_body?: string | null | undefined
  workspace_id?: string | null | undefined
  /** Who made the change. */
  event_user_id?: string | null | undefined
  /** Who owns the entity. */
  model_owner_id?: string | null | undefined
  [key: string]: unknown
}

/** The part every delivered event has. */
export interface WebhookEventEnvelope {
  /**
   * Toggl's id of this event as its exact decimal digits. Toggl sends a JSON number of about 8e15,
   * near `Number.MAX_SAFE_INTEGER`, past which a `number` would round it; the string never does.
   * The same event redelivered carries the same id.
   */
  event_id: string
  /** When the change happened (RFC 3339, up to nanoseconds). */
  created_at: string
  /** The Toggl user whose action made the event. */
  creator_id: number
  subscription_id: number
  /** When this delivery attempt was sent; new on each retry (RFC 3339). */
  timestamp?: string | null | undefined
  /** The URL Toggl sent it to: the subscription's `url_callback`. */
  url_callback?: string | null | undefined
  metadata: WebhookEventMetadata
}

/**
 * An entity event of model `M`. `model` repeats `metadata.model` (or says `'unknown'`) at the top
 * level so that TypeScript narrows `payload` on it: `if (event.model === 'time_entry') event.payload.start`.
 */
export interface WebhookEntityEvent<M extends WebhookModel | 'unknown', P> extends WebhookEventEnvelope {
  model: M
  /** The entity, as Toggl's API returns it (credential fields such as `api_token` removed). */
  payload: P
}

export type TimeEntryEvent = WebhookEntityEvent<'time_entry', WebhookPayloads['time_entry']>
export type ProjectEvent = WebhookEntityEvent<'project', WebhookPayloads['project']>
export type ClientEvent = WebhookEntityEvent<'client', WebhookPayloads['client']>
export type TagEvent = WebhookEntityEvent<'tag', WebhookPayloads['tag']>
export type TaskEvent = WebhookEntityEvent<'task', WebhookPayloads['task']>
export type WorkspaceEvent = WebhookEntityEvent<'workspace', WebhookPayloads['workspace']>
export type WorkspaceUserEvent = WebhookEntityEvent<'workspace_user', WebhookPayloads['workspace_user']>
export type ProjectUserEvent = WebhookEntityEvent<'project_user', WebhookPayloads['project_user']>
export type ProjectGroupEvent = WebhookEntityEvent<'project_group', WebhookPayloads['project_group']>
/** An event about a model togglkit does not know yet (`metadata.model` names it); its payload as sent. */
export type UnknownModelEvent = WebhookEntityEvent<'unknown', { [key: string]: unknown }>

/** What `onEvent` receives: one entity event, typed by its `model`. PINGs never reach it. */
export type WebhookEvent =
  | TimeEntryEvent
  | ProjectEvent
  | ClientEvent
  | TagEvent
  | TaskEvent
  | WorkspaceEvent
  | WorkspaceUserEvent
  | ProjectUserEvent
  | ProjectGroupEvent
  | UnknownModelEvent
