import * as v from 'valibot'
import { IdSchema } from '../common.ts'

const TextListSchema = v.nullish(v.array(v.string()))

/** What an organization told Toggl about itself (`GET /organizations/{id}/segmentation`). */
export const OrganizationSegmentationSchema: v.GenericSchema<unknown, OrganizationSegmentation> = v.looseObject({
  organization_id: v.nullish(IdSchema),
  /** Who saved it. */
  user_id: v.nullish(IdSchema),
  full_name: v.nullish(v.string()),
  heard: TextListSchema,
  industries: TextListSchema,
  members_range: v.nullish(v.string()),
  reasons: TextListSchema,
  skipped_step: v.nullish(v.string()),
  user_segments: TextListSchema,
  demo_requested: v.nullish(v.boolean()),
})

const text = v.optional(v.string('must be a string'))
const texts = v.optional(v.array(v.string('must be a string'), 'must be an array of strings'))

/** The fields of a segmentation you can save: `PUT /organizations/{id}/segmentation`. */
export const SegmentationInputSchema: v.GenericSchema<SegmentationInput, SegmentationInput> = v.pipe(
  v.strictObject(
    {
      full_name: text,
      heard: texts,
      industries: texts,
      members_range: text,
      reasons: texts,
      skipped_step: text,
      user_segments: texts,
      demo_requested: v.optional(v.boolean('must be a boolean')),
    },
    'segmentation must be an object',
  ),
  v.check((input) => Object.values(input).some((value) => value !== undefined), 'segmentation must set at least one field'),
)

export interface OrganizationSegmentation {
  organization_id?: number | null | undefined
  /** Who saved it. */
  user_id?: number | null | undefined
  full_name?: string | null | undefined
  heard?: string[] | null | undefined
  industries?: string[] | null | undefined
  members_range?: string | null | undefined
  reasons?: string[] | null | undefined
  skipped_step?: string | null | undefined
  user_segments?: string[] | null | undefined
  demo_requested?: boolean | null | undefined
  [key: string]: unknown
}
export interface SegmentationInput {
  full_name?: string | undefined
  heard?: string[] | undefined
  industries?: string[] | undefined
  members_range?: string | undefined
  reasons?: string[] | undefined
  skipped_step?: string | undefined
  user_segments?: string[] | undefined
  demo_requested?: boolean | undefined
}
