import * as v from 'valibot'
import { IdSchema, TimestampSchema } from '../schemas/common.ts'

// The entity an event carries, per `metadata.model`: the model as Toggl's API v9 returns it. Toggl
// documents no webhook payload schema, so each is loose (fields togglkit does not list pass
// through untouched) and only `id` is required; whatever else Toggl may leave out is nullish.

const Text = v.nullish(v.string())
const Time = v.nullish(TimestampSchema)
const Flag = v.nullish(v.boolean())
const Amount = v.nullish(v.number())
const OptionalId = v.nullish(IdSchema)

const TimeEntryPayloadSchema = v.looseObject({
  id: IdSchema,
  workspace_id: OptionalId,
  project_id: OptionalId,
  task_id: OptionalId,
  user_id: OptionalId,
  description: Text,
  /** RFC 3339, in UTC (`…Z`). */
  start: Time,
  /** `null` while running. */
  stop: Time,
  /** Seconds; negative while running. */
  duration: Amount,
  billable: Flag,
  tags: v.nullish(v.array(v.string())),
  tag_ids: v.nullish(v.array(IdSchema)),
  duronly: Flag,
  /** Last change. */
  at: Time,
  server_deleted_at: Time,
})

const ProjectPayloadSchema = v.looseObject({
  id: IdSchema,
  workspace_id: OptionalId,
  client_id: OptionalId,
  name: Text,
  active: Flag,
  is_private: Flag,
  billable: Flag,
  color: Text,
  at: Time,
  server_deleted_at: Time,
})

const ClientPayloadSchema = v.looseObject({
  id: IdSchema,
  /** The workspace id, under the name Toggl's client replies use. */
  wid: OptionalId,
  name: Text,
  archived: Flag,
  at: Time,
})

const TagPayloadSchema = v.looseObject({
  id: IdSchema,
  workspace_id: OptionalId,
  name: Text,
  at: Time,
  deleted_at: Time,
})

const TaskPayloadSchema = v.looseObject({
  id: IdSchema,
  workspace_id: OptionalId,
  project_id: OptionalId,
  user_id: OptionalId,
  name: Text,
  active: Flag,
  estimated_seconds: Amount,
  tracked_seconds: Amount,
  at: Time,
  server_deleted_at: Time,
})

const WorkspacePayloadSchema = v.looseObject({
  id: IdSchema,
  organization_id: OptionalId,
  name: Text,
  premium: Flag,
  at: Time,
})

const WorkspaceUserPayloadSchema = v.looseObject({
  id: IdSchema,
  user_id: OptionalId,
  workspace_id: OptionalId,
  name: Text,
  email: Text,
  admin: Flag,
  role: Text,
  active: Flag,
  inactive: Flag,
  at: Time,
})

const ProjectUserPayloadSchema = v.looseObject({
  id: IdSchema,
  project_id: OptionalId,
  user_id: OptionalId,
  workspace_id: OptionalId,
  manager: Flag,
  rate: Amount,
  at: Time,
})

const ProjectGroupPayloadSchema = v.looseObject({
  id: IdSchema,
  /** The project id. */
  pid: OptionalId,
  group_id: OptionalId,
  /** The workspace id. */
  wid: OptionalId,
})

/** Each model Toggl's webhooks report on (`metadata.model`), with the schema of its payload. */
export const PAYLOAD_SCHEMAS = {
  time_entry: TimeEntryPayloadSchema,
  project: ProjectPayloadSchema,
  client: ClientPayloadSchema,
  tag: TagPayloadSchema,
  task: TaskPayloadSchema,
  workspace: WorkspacePayloadSchema,
  workspace_user: WorkspaceUserPayloadSchema,
  project_user: ProjectUserPayloadSchema,
  project_group: ProjectGroupPayloadSchema,
} as const

/** A model Toggl's webhooks report on, as `metadata.model` names it. */
export type WebhookModel = keyof typeof PAYLOAD_SCHEMAS

export type TimeEntryPayload = v.InferOutput<typeof TimeEntryPayloadSchema>
export type ProjectPayload = v.InferOutput<typeof ProjectPayloadSchema>
export type ClientPayload = v.InferOutput<typeof ClientPayloadSchema>
export type TagPayload = v.InferOutput<typeof TagPayloadSchema>
export type TaskPayload = v.InferOutput<typeof TaskPayloadSchema>
export type WorkspacePayload = v.InferOutput<typeof WorkspacePayloadSchema>
export type WorkspaceUserPayload = v.InferOutput<typeof WorkspaceUserPayloadSchema>
export type ProjectUserPayload = v.InferOutput<typeof ProjectUserPayloadSchema>
export type ProjectGroupPayload = v.InferOutput<typeof ProjectGroupPayloadSchema>

/** The payload type of each model. */
export interface WebhookPayloads {
  time_entry: TimeEntryPayload
  project: ProjectPayload
  client: ClientPayload
  tag: TagPayload
  task: TaskPayload
  workspace: WorkspacePayload
  workspace_user: WorkspaceUserPayload
  project_user: ProjectUserPayload
  project_group: ProjectGroupPayload
}
