import * as v from 'valibot'

const timestamp = v.string()
const id = v.pipe(v.number(), v.integer())

/** Deprecated by Toggl in favour of `subscription`, still sent. */
const TrialInfoSchema = v.looseObject({
  trial: v.boolean(),
  trial_available: v.boolean(),
  can_have_trial: v.boolean(),
  trial_end_date: v.nullish(timestamp),
  next_payment_date: v.nullish(timestamp),
  last_pricing_plan_id: v.nullish(id),
  trial_plan_id: v.nullish(id),
})

const SubscriptionSchema = v.looseObject({
  plan: v.optional(v.unknown()),
  plan_name: v.optional(v.string()),
  state: v.optional(v.string()),
  enterprise: v.optional(v.boolean()),
  seats: v.optional(v.unknown()),
  trial: v.optional(v.unknown()),
})

/**
 * An organization as `GET /organizations/{id}` and `GET /me/organizations` return it. Nullable where
 * real replies send null, deprecated and newer fields optional, and unknown fields kept, because
 * Toggl adds fields over time.
 */
export const OrganizationSchema: v.GenericSchema<unknown, TogglOrganization> = v.looseObject({
  id,
  name: v.string(),
  created_at: timestamp,
  at: timestamp,
  server_deleted_at: v.nullish(timestamp),
  suspended_at: v.nullish(timestamp),
  permissions: v.nullish(v.array(v.string())),
  /** Whether the requesting user administers it. */
  admin: v.boolean(),
  /** Whether the requesting user owns it. */
  owner: v.boolean(),
  user_count: v.number(),
  max_workspaces: v.number(),
  is_multi_workspace_enabled: v.boolean(),
  pricing_plan_id: v.nullish(v.number()),
  /** `"Free"` in the list but `""` from a single GET for the same organization: do not rely on it. */
  pricing_plan_name: v.nullish(v.string()),
  pricing_plan_enterprise: v.nullish(v.boolean()),
  is_unified: v.nullish(v.boolean()),
  trial_info: v.nullish(TrialInfoSchema),
  max_data_retention_days: v.nullish(v.number()),
  subscription: v.nullish(SubscriptionSchema),
})

export const OrganizationListSchema: v.GenericSchema<unknown[], TogglOrganization[]> = v.array(OrganizationSchema)

/** The reply to `POST /organizations`: the new organization and its first workspace. */
export const CreatedOrganizationSchema: v.GenericSchema<unknown, CreatedOrganization> = v.looseObject({
  id,
  name: v.string(),
  workspace_id: id,
  workspace_name: v.string(),
  permissions: v.nullish(v.array(v.string())),
})

export interface TogglOrganization {
  id: number
  name: string
  created_at: string
  at: string
  server_deleted_at?: string | null | undefined
  suspended_at?: string | null | undefined
  permissions?: string[] | null | undefined
  /** Whether the requesting user administers it. */
  admin: boolean
  /** Whether the requesting user owns it. */
  owner: boolean
  user_count: number
  max_workspaces: number
  is_multi_workspace_enabled: boolean
  pricing_plan_id?: number | null | undefined
  /** `"Free"` in the list but `""` from a single GET for the same organization: do not rely on it. */
  pricing_plan_name?: string | null | undefined
  pricing_plan_enterprise?: boolean | null | undefined
  is_unified?: boolean | null | undefined
  trial_info?: ({ trial: boolean; trial_available: boolean; can_have_trial: boolean; trial_end_date?: string | null | undefined; next_payment_date?: string | null | undefined; last_pricing_plan_id?: number | null | undefined; trial_plan_id?: number | null | undefined } & { [key: string]: unknown }) | null | undefined
  max_data_retention_days?: number | null | undefined
  subscription?: ({ plan?: unknown; plan_name?: string | undefined; state?: string | undefined; enterprise?: boolean | undefined; seats?: unknown; trial?: unknown } & { [key: string]: unknown }) | null | undefined
  [key: string]: unknown
}
export interface CreatedOrganization {
  id: number
  name: string
  workspace_id: number
  workspace_name: string
  permissions?: string[] | null | undefined
  [key: string]: unknown
}
