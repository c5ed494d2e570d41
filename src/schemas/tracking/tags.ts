import * as v from 'valibot'
import { IdListInputSchema, IdSchema, SinceInputSchema, TimestampSchema } from '../common.ts'
import { TagNameSchema } from '../names.ts'

/** A tag. */
export const TagSchema: v.GenericSchema<unknown, TogglTag> = v.looseObject({
  id: IdSchema,
  workspace_id: IdSchema,
  name: v.string(),
  creator_id: v.nullish(IdSchema),
  permissions: v.nullish(v.array(v.string())),
  at: v.nullish(TimestampSchema),
  /** Set on a deleted tag, which only `since` listings show. */
  deleted_at: v.nullish(TimestampSchema),
  server_deleted_at: v.nullish(TimestampSchema),
})

export const TagListSchema: v.GenericSchema<unknown[], TogglTag[]> = v.array(TagSchema)

export interface TogglTag {
  id: number
  workspace_id: number
  name: string
  creator_id?: number | null | undefined
  permissions?: string[] | null | undefined
  at?: string | null | undefined
  /** Set on a deleted tag, which only `since` listings show. */
  deleted_at?: string | null | undefined
  server_deleted_at?: string | null | undefined
  [key: string]: unknown
}

/** The filter of `GET /workspaces/{id}/tags`. */
export const TagFiltersSchema: v.GenericSchema<TagFilters, { search?: string | undefined }> = v.strictObject(
  {
    /** A part of the name. */
    search: v.optional(v.string('must be a string')),
  },
  'filters must be an object',
)

export interface TagFilters {
  /** A part of the name. */
  search?: string | undefined
}

/** `GET /me/tags`. */
export const MyTagFiltersSchema: v.GenericSchema<MyTagFilters, { since?: number | undefined }> = v.strictObject({ since: v.optional(SinceInputSchema) }, 'filters must be an object')

export interface MyTagFilters {
  since?: string | number | Date | undefined
}

/** The body of `POST /workspaces/{id}/tags` and `PUT …/tags/{id}`. */
export const TagBodySchema: v.GenericSchema<{ name: string }> = v.strictObject({ name: TagNameSchema }, 'tag must be an object')

/**
 * The body of `PATCH /workspaces/{id}/tags` (bulk delete, all or nothing): `{ delete: [ids] }`.
 * Toggl's spec documents no body; this is the form of its other bulk deletions by PATCH, and what
 * togglkit's fake takes.
 */
export const TagDeletionSchema: v.GenericSchema<number[], { delete: number[] }> = v.pipe(
  v.pipe(IdListInputSchema, v.minLength(2, 'must name at least two tags (one goes by DELETE)')),
  v.transform((ids) => ({ delete: ids })),
)
