/**
 * `togglkit/webhooks`: receiving Toggl's webhook deliveries. Web standards only (Request, Response,
 * Web Crypto, streams), so it runs unchanged under `Deno.serve`, in edge workers, in browsers'
 * service workers and in Node (through `togglkit/webhooks/node` for `node:http`). It pulls in no
 * endpoint, no HTTP client and no cache: only valibot.
 */
export { createWebhookHandler, type WebhookHandler } from './handler.ts'
export type { WebhookDelivery, WebhookHandlerOptions } from './options.ts'
export { verifyWebhookSignature, type WebhookBody, type WebhookSignatureInput } from './signature.ts'
export { MemoryIdStore, type WebhookIdStore } from './ids.ts'
export type {
  ClientEvent,
  ProjectEvent,
  ProjectGroupEvent,
  ProjectUserEvent,
  TagEvent,
  TaskEvent,
  TimeEntryEvent,
  UnknownModelEvent,
  WebhookAction,
  WebhookEntityEvent,
  WebhookEvent,
  WebhookEventEnvelope,
  WebhookEventMetadata,
  WorkspaceEvent,
  WorkspaceUserEvent,
} from './event.ts'
export type {
  ClientPayload,
  ProjectGroupPayload,
  ProjectPayload,
  ProjectUserPayload,
  TagPayload,
  TaskPayload,
  TimeEntryPayload,
  WebhookModel,
  WebhookPayloads,
  WorkspacePayload,
  WorkspaceUserPayload,
} from './payloads.ts'
export { InputError, TogglError } from '../core/errors.ts'
