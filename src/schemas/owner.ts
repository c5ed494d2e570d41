import * as v from 'valibot'
import { IdSchema, TimestampSchema } from './common.ts'

/** Who owns an organization (`GET /organizations/{id}/owner`). */
export const OrganizationOwnerSchema = v.looseObject({
  id: v.optional(v.nullable(IdSchema)),
  user_id: v.optional(v.nullable(IdSchema)),
  organization_id: v.optional(v.nullable(IdSchema)),
  organization_user_id: v.optional(v.nullable(IdSchema)),
  name: v.optional(v.nullable(v.string())),
  email: v.optional(v.nullable(v.string())),
  avatar_url: v.optional(v.nullable(v.string())),
  toggl_accounts_id: v.optional(v.nullable(v.string())),
  organization_user_created_at: v.optional(v.nullable(TimestampSchema)),
  organization_user_updated_at: v.optional(v.nullable(TimestampSchema)),
})

/**
 * One ownership transfer: both the current and the new owner answer, then it finishes. While it
 * runs, the answer and finish times are absent or null.
 */
export const OwnershipTransferSchema = v.looseObject({
  owner_transfer_id: IdSchema,
  organization_id: v.optional(v.nullable(IdSchema)),
  requester_id: v.optional(v.nullable(IdSchema)),
  current_owner_id: v.optional(v.nullable(IdSchema)),
  /** `null` until someone is named to take over. */
  new_owner_id: v.optional(v.nullable(IdSchema)),
  current_owner_accepted: v.optional(v.nullable(v.boolean())),
  current_owner_answered_at: v.optional(v.nullable(TimestampSchema)),
  new_owner_accepted: v.optional(v.nullable(v.boolean())),
  new_owner_answered_at: v.optional(v.nullable(TimestampSchema)),
  created_at: v.optional(v.nullable(TimestampSchema)),
  finished_at: v.optional(v.nullable(TimestampSchema)),
  /** How it ended, e.g. 'accepted', 'declined' or 'withdrawn'; empty while it runs. */
  outcome_name: v.optional(v.nullable(v.string())),
})

export const OwnershipTransferListSchema = v.array(OwnershipTransferSchema)

export type OrganizationOwner = v.InferOutput<typeof OrganizationOwnerSchema>
export type OwnershipTransfer = v.InferOutput<typeof OwnershipTransferSchema>
