import type { MockOrganization } from './model.ts'

/** Workspace settings a Free organization may not set, with the words Toggl refuses them with (402). */
export const WORKSPACE_PREMIUM_FIELDS: Readonly<Record<string, string>> = {
  default_hourly_rate: 'Must be a premium user to use default_hourly_rate',
  default_currency: 'Must be a premium user to use default_currency',
  rounding: 'Must be a premium user to use rounding',
  rounding_minutes: 'Must be a premium user to use rounding_minutes',
  projects_billable_by_default: 'Must be a premium user to use projects_billable_by_default',
  only_admins_may_create_tags: 'restricting tag management to administrators requires a premium subscription',
}

// Toggl marks these project fields "premium feature" but documents no refusal: the wording is the
// fake's own, after the workspace fields'.
const PROJECT_PREMIUM_NAMES = [
  'billable',
  'rate',
  'currency',
  'fixed_fee',
  'estimated_hours',
  'auto_estimates',
  'template',
  'recurring',
  'recurring_parameters',
  'rate_change_mode',
]

/** Project fields a Free organization may not set, with the fake's words for the 402. */
export const PROJECT_PREMIUM_FIELDS: Readonly<Record<string, string>> = Object.fromEntries(
  PROJECT_PREMIUM_NAMES.map((field) => [field, `Must be a premium user to use ${field}`]),
)

/** What a plan restriction refuses archiving a client with (the spec's words for premium-only calls). */
export const PREMIUM_ONLY = 'Available only for premium workspaces.'

export function isFree(organization: MockOrganization): boolean {
  return organization.pricingPlanName === 'Free'
}

/**
 * The first premium field a payload sets (to anything but null) that the organization's plan does
 * not allow, with its 402 message; `undefined` when the plan allows it all.
 */
export function premiumFieldOf(
  organization: MockOrganization,
  payload: Record<string, unknown>,
  fields: Readonly<Record<string, string>>,
): { field: string; message: string } | undefined {
  if (!isFree(organization)) return undefined
  const field = Object.keys(fields).find((name) => payload[name] !== undefined && payload[name] !== null)
  return field === undefined ? undefined : { field, message: fields[field]! }
}
