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
export const PAYLOAD_SCHEMAS: { readonly [M in keyof WebhookPayloads]: v.GenericSchema<unknown, WebhookPayloads[M]> } = {
  time_entry: TimeEntryPayloadSchema,
  project: ProjectPayloadSchema,
  client: ClientPayloadSchema,
  tag: TagPayloadSchema,
  task: TaskPayloadSchema,
  workspace: WorkspacePayloadSchema,
  workspace_user: WorkspaceUserPayloadSchema,
  project_user: ProjectUserPayloadSchema,
  project_group: ProjectGroupPayloadSchema,
}

/** A model Toggl's webhooks report on, as `metadata.model` names it. */
export type WebhookModel = keyof typeof PAYLOAD_SCHEMAS

export interface TimeEntryPayload {
  id: number
  workspace_id?: number | null | undefined
  project_id?: number | null | undefined
  task_id?: number | null | undefined
  user_id?: number | null | undefined
  description?: string | null | undefined
  /** RFC 3339, in UTC (`…Z`). */
  start?: string | null | undefined
  /** `null` while running. */
  stop?: string | null | undefined
  /** Seconds; negative while running. */
  duration?: number | null | undefined
  billable?: boolean | null | undefined
  tags?: string[] | null | undefined
  tag_ids?: number[] | null | undefined
  duronly?: boolean | null | undefined
  /** Last change. */
  at?: string | null | undefined
  server_deleted_at?: string | null | undefined
  [key: string]: unknown
}
export interface ProjectPayload {
  id: number
  workspace_id?: number | null | undefined
  client_id?: number | null | undefined
  name?: string | null | undefined
  active?: boolean | null | undefined
  is_private?: boolean | null | undefined
  billable?: boolean | null | undefined
  color?: string | null | undefined
  at?: string | null | undefined
  server_deleted_at?: string | null | undefined
  [key: string]: unknown
}
export interface ClientPayload {
  id: number
  /** The workspace id, under the name Toggl's client replies use. */
  wid?: number | null | undefined
  name?: string | null | undefined
  archived?: boolean | null | undefined
  at?: string | null | undefined
  [key: string]: unknown
}
export interface TagPayload {
  id: number
  workspace_id?: number | null | undefined
  name?: string | null | undefined
  at?: string | null | undefined
  deleted_at?: string | null | undefined
  [key: string]: unknown
}
export interface TaskPayload {
  id: number
  workspace_id?: number | null | undefined
  project_id?: number | null | undefined
  user_id?: number | null | undefined
  name?: string | null | undefined
  active?: boolean | null | undefined
  estimated_seconds?: number | null | undefined
  tracked_seconds?: number | null | undefined
  at?: string | null | undefined
  server_deleted_at?: string | null | undefined
  [key: string]: unknown
}
export interface WorkspacePayload {
  id: number
  organization_id?: number | null | undefined
  name?: string | null | undefined
  premium?: boolean | null | undefined
  at?: string | null | undefined
  [key: string]: unknown
}
export interface WorkspaceUserPayload {
  id: number
  user_id?: number | null | undefined
  workspace_id?: number | null | undefined
  name?: string | null | undefined
  email?: string | null | undefined
  admin?: boolean | null | undefined
  role?: string | null | undefined
  active?: boolean | null | undefined
  inactive?: boolean | null | undefined
  at?: string | null | undefined
  [key: string]: unknown
}
export interface ProjectUserPayload {
  id: number
  project_id?: number | null | undefined
  user_id?: number | null | undefined
  workspace_id?: number | null | undefined
  manager?: boolean | null | undefined
  rate?: number | null | undefined
  at?: string | null | undefined
  [key: string]: unknown
}
export interface ProjectGroupPayload {
  id: number
  /** The project id. */
  pid?: number | null | undefined
  group_id?: number | null | undefined
  /** The workspace id. */
  wid?: number | null | undefined
  [key: string]: unknown
}

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
