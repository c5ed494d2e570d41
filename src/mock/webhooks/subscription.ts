import type { MockOrganization } from '../model.ts'
import { changedAt } from '../times.ts'

/** A webhook subscription as the fake keeps it; replies show it with {@link subscriptionView}. */
export interface MockSubscription {
  id: number
  workspaceId: number
  /** Its creator: events are filtered by what they may see. */
  userId: number
  description: string
  urlCallback: string
  eventFilters: { entity: string; action: string }[]
  enabled: boolean
  /** The key deliveries are signed with. */
  secret: string
  /** What a PING carries until the subscription is validated. */
  validationCode: string
  /** ms since the epoch; `null` until validated. */
  validatedAt: number | null
  createdAt: number
  updatedAt: number | null
}

/** What an organization's plan allows per workspace: enabled subscriptions per user, filters per subscription. */
export interface WebhookLimits {
  maxWebhooks: number
  maxEventsPerWebhook: number
}

// Free, Starter and Premium as Toggl's pricing documents them. Enterprise is "custom": the fake's
// own numbers.
const LIMITS: Readonly<Record<string, WebhookLimits>> = {
  Free: { maxWebhooks: 1, maxEventsPerWebhook: 3 },
  Starter: { maxWebhooks: 2, maxEventsPerWebhook: 6 },
  Premium: { maxWebhooks: 3, maxEventsPerWebhook: 12 },
  Enterprise: { maxWebhooks: 10, maxEventsPerWebhook: 50 },
}

/** The limits of an organization's plan (a plan the fake does not know counts as Free). */
export function limitsOf(organization: MockOrganization): WebhookLimits {
  return LIMITS[organization.pricingPlanName] ?? (LIMITS.Free as WebhookLimits)
}

/** A subscription as Toggl's replies show it, `secret` included. */
export function subscriptionView(subscription: MockSubscription, pending: boolean, deletedAt: number | null = null): Record<string, unknown> {
  return {
    subscription_id: subscription.id,
    workspace_id: subscription.workspaceId,
    user_id: subscription.userId,
    enabled: subscription.enabled,
    description: subscription.description,
    event_filters: subscription.eventFilters.map(({ entity, action }) => ({ entity, action })),
    url_callback: subscription.urlCallback,
    secret: subscription.secret,
    validated_at: subscription.validatedAt === null ? null : changedAt(subscription.validatedAt),
    has_pending_events: pending,
    created_at: changedAt(subscription.createdAt),
    updated_at: subscription.updatedAt === null ? null : changedAt(subscription.updatedAt),
    deleted_at: deletedAt === null ? null : changedAt(deletedAt),
  }
}
