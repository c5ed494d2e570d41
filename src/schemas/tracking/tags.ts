import * as v from 'valibot'
import { IdListInputSchema, IdSchema, SinceInputSchema, TimestampSchema } from '../common.ts'
import { TagNameSchema } from '../names.ts'

/** A tag. */
export const TagSchema = v.looseObject({
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

export const TagListSchema = v.array(TagSchema)

export type TogglTag = v.InferOutput<typeof TagSchema>

/** The filter of `GET /workspaces/{id}/tags`. */
export const TagFiltersSchema = v.strictObject(
  {
    /** A part of the name. */
    search: v.optional(v.string('must be a string')),
  },
  'filters must be an object',
)

export type TagFilters = v.InferInput<typeof TagFiltersSchema>

/** `GET /me/tags`. */
export const MyTagFiltersSchema = v.strictObject({ since: v.optional(SinceInputSchema) }, 'filters must be an object')

export type MyTagFilters = v.InferInput<typeof MyTagFiltersSchema>

/** The body of `POST /workspaces/{id}/tags` and `PUT …/tags/{id}`. */
export const TagBodySchema = v.strictObject({ name: TagNameSchema }, 'tag must be an object')

/**
 * The body of `PATCH /workspaces/{id}/tags` (bulk delete, all or nothing): `{ delete: [ids] }`.
 * Toggl's spec documents no body; this is the form of its other bulk deletions by PATCH, and what
 * togglkit's fake takes.
 */
export const TagDeletionSchema = v.pipe(
  v.pipe(IdListInputSchema, v.minLength(2, 'must name at least two tags (one goes by DELETE)')),
  v.transform((ids) => ({ delete: ids })),
)
