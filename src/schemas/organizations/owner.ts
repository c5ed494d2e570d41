import * as v from 'valibot'
import { IdSchema, TimestampSchema } from '../common.ts'

/** Who owns an organization (`GET /organizations/{id}/owner`). */
export const OrganizationOwnerSchema: v.GenericSchema<unknown, OrganizationOwner> = v.looseObject({
  id: v.nullish(IdSchema),
  user_id: v.nullish(IdSchema),
  organization_id: v.nullish(IdSchema),
  organization_user_id: v.nullish(IdSchema),
  name: v.nullish(v.string()),
  email: v.nullish(v.string()),
  avatar_url: v.nullish(v.string()),
  toggl_accounts_id: v.nullish(v.string()),
  organization_user_created_at: v.nullish(TimestampSchema),
  organization_user_updated_at: v.nullish(TimestampSchema),
})

/**
 * One ownership transfer: both the current and the new owner answer, then it finishes. While it
 * runs, the answer and finish times are absent or null.
 */
export const OwnershipTransferSchema: v.GenericSchema<unknown, OwnershipTransfer> = v.looseObject({
  owner_transfer_id: IdSchema,
  organization_id: v.nullish(IdSchema),
  requester_id: v.nullish(IdSchema),
  current_owner_id: v.nullish(IdSchema),
  /** `null` until someone is named to take over. */
  new_owner_id: v.nullish(IdSchema),
  current_owner_accepted: v.nullish(v.boolean()),
  current_owner_answered_at: v.nullish(TimestampSchema),
  new_owner_accepted: v.nullish(v.boolean()),
  new_owner_answered_at: v.nullish(TimestampSchema),
  created_at: v.nullish(TimestampSchema),
  finished_at: v.nullish(TimestampSchema),
  /** How it ended, e.g. 'accepted', 'declined' or 'withdrawn'; empty while it runs. */
  outcome_name: v.nullish(v.string()),
})

export const OwnershipTransferListSchema: v.GenericSchema<unknown[], OwnershipTransfer[]> = v.array(OwnershipTransferSchema)

export interface OrganizationOwner {
  id?: number | null | undefined
  user_id?: number | null | undefined
  organization_id?: number | null | undefined
  organization_user_id?: number | null | undefined
  name?: string | null | undefined
  email?: string | null | undefined
  avatar_url?: string | null | undefined
  toggl_accounts_id?: string | null | undefined
  organization_user_created_at?: string | null | undefined
  organization_user_updated_at?: string | null | undefined
  [key: string]: unknown
}
export interface OwnershipTransfer {
  owner_transfer_id: number
  organization_id?: number | null | undefined
  requester_id?: number | null | undefined
  current_owner_id?: number | null | undefined
  /** `null` until someone is named to take over. */
  new_owner_id?: number | null | undefined
  current_owner_accepted?: boolean | null | undefined
  current_owner_answered_at?: string | null | undefined
  new_owner_accepted?: boolean | null | undefined
  new_owner_answered_at?: string | null | undefined
  created_at?: string | null | undefined
  finished_at?: string | null | undefined
  /** How it ended, e.g. 'accepted', 'declined' or 'withdrawn'; empty while it runs. */
  outcome_name?: string | null | undefined
  [key: string]: unknown
}
