import * as v from 'valibot'
import { IdListInputSchema, IdSchema, listOrEmpty, SinceInputSchema, TimestampSchema } from '../common.ts'
import { ClientNameSchema } from '../names.ts'

/** A client; Toggl names its workspace `wid`. */
export const ClientSchema: v.GenericSchema<unknown, TogglClient> = v.looseObject({
  id: IdSchema,
  wid: IdSchema,
  name: v.string(),
  archived: v.nullish(v.boolean()),
  notes: v.nullish(v.string()),
  external_reference: v.nullish(v.string()),
  creator_id: v.nullish(IdSchema),
  permissions: v.nullish(v.array(v.string())),
  at: v.nullish(TimestampSchema),
  /** Set on a deleted client, which only `since` listings show. */
  server_deleted_at: v.nullish(TimestampSchema),
})

export const ClientListSchema: v.GenericSchema<unknown[], TogglClient[]> = v.array(ClientSchema)

export interface TogglClient {
  id: number
  wid: number
  name: string
  archived?: boolean | null | undefined
  notes?: string | null | undefined
  external_reference?: string | null | undefined
  creator_id?: number | null | undefined
  permissions?: string[] | null | undefined
  at?: string | null | undefined
  /** Set on a deleted client, which only `since` listings show. */
  server_deleted_at?: string | null | undefined
  [key: string]: unknown
}

/**
 * A client as `POST /workspaces/{id}/clients` and `PUT …/clients/{id}` take it. Toggl's PUT takes
 * the whole client, so `name` is required for both.
 */
export const ClientInputSchema: v.GenericSchema<ClientInput, ClientInput> = v.strictObject(
  {
    name: ClientNameSchema,
    notes: v.optional(v.nullable(v.string('must be a string'))),
    external_reference: v.optional(v.nullable(v.string('must be a string'))),
  },
  'client must be an object',
)

export interface ClientInput {
  name: string
  notes?: string | null | undefined
  external_reference?: string | null | undefined
}

/** The filters of `GET /workspaces/{id}/clients`. */
export const ClientFiltersSchema: v.GenericSchema<ClientFilters, ClientFilters> = v.strictObject(
  {
    /** `'active'` (Toggl's default), `'archived'` or `'both'`. */
    status: v.optional(v.picklist(['active', 'archived', 'both'], "must be 'active', 'archived' or 'both'")),
    /** A part of the name, in any case. */
    name: v.optional(v.string('must be a string')),
  },
  'filters must be an object',
)

export type ClientFilters = {
  /** `'active'` (Toggl's default), `'archived'` or `'both'`. */
  status?: 'active' | 'archived' | 'both' | undefined
  /** A part of the name, in any case. */
  name?: string | undefined
}

/** What `POST …/clients/{id}/restore` brings back with the client: the named projects, or all of them. */
export const ClientRestoreSchema: v.GenericSchema<ClientRestore, ClientRestore> = v.strictObject(
  {
    projects: v.optional(IdListInputSchema),
    restore_all_projects: v.optional(v.boolean('must be a boolean')),
  },
  'body must be an object',
)

export interface ClientRestore {
  projects?: number[] | undefined
  restore_all_projects?: boolean | undefined
}

/** `POST …/clients/{id}/archive` answers the ids of the projects archived with it. */
export const ArchivedProjectIdsSchema: v.GenericSchema<number[] | null | undefined, number[]> = listOrEmpty(IdSchema)

/** `GET /me/clients`. */
export const MyClientFiltersSchema: v.GenericSchema<MyClientFilters, { since?: number | undefined }> = v.strictObject({ since: v.optional(SinceInputSchema) }, 'filters must be an object')

export interface MyClientFilters {
  since?: string | number | Date | undefined
}
