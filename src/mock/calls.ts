import type { HourlyQuota } from './hourly-quota.ts'
import type { Reply } from './responses.ts'
import type { MockAccount, MockOrganization } from './model.ts'
import type { MockState } from './state.ts'
import type { WebhookDeliveries } from './webhooks/delivery.ts'

/** One authenticated call to a route. */
export interface ApiCall {
  state: MockState
  account: MockAccount
  /** The path's variable segments, e.g. the organization id. */
  params: readonly string[]
  /** The query parameters. */
  query: URLSearchParams
  /** The raw request body ('' when none). */
  body: string
  /** The hourly quota, `undefined` when the fake runs without one. */
  quota: HourlyQuota | undefined
  /** Webhook subscriptions and what the fake sends them. */
  webhooks: WebhookDeliveries
  /** The origin the request was addressed to, for URLs the fake hands out (a PING's `validation_code_url`). */
  origin: string
}

/**
 * A path pattern and its handler per method; capture groups become `ApiCall.params`. A handler
 * that must wait (the Webhooks API calls the subscriber's URL) answers a promise.
 */
export interface Route {
  pattern: RegExp
  handlers: Map<string, (call: ApiCall) => Reply | Promise<Reply>>
}

export const INVALID_JSON = 'Invalid JSON input'

export function isOwner(organization: MockOrganization, accountId: number): boolean {
  return organization.memberIds[0] === accountId
}

export function isAdmin(organization: MockOrganization, accountId: number): boolean {
  return organization.memberIds.includes(accountId) && organization.adminIds.includes(accountId)
}

/** The organization named by the first path segment, if it exists (member or not). */
export function findOrganization(call: ApiCall): MockOrganization | undefined {
  const id = parseId(call.params[0])
  return id === undefined ? undefined : call.state.organizations.get(id)
}

/** The organization named by the first path segment, when the caller is one of its members. */
export function memberOrganization(call: ApiCall): MockOrganization | undefined {
  const organization = findOrganization(call)
  return organization?.memberIds.includes(call.account.id) ? organization : undefined
}

/** A JSON array of ids as the client sends them: positive safe integers. */
export function isIdList(value: unknown): value is number[] {
  return Array.isArray(value) && value.every((id) => Number.isSafeInteger(id) && id > 0)
}

/** A path segment as Toggl's ids are: a positive safe integer, digits only. */
export function parseId(segment: string | undefined): number | undefined {
  if (segment === undefined || !/^\d+$/.test(segment)) return undefined
  const id = Number(segment)
  return Number.isSafeInteger(id) && id > 0 ? id : undefined
}

/** The body as a JSON object; `null` counts as an empty one, as Go decodes it into an empty payload. */
export function parseJsonObject(text: string): Record<string, unknown> | undefined {
  const value = parseJson(text)
  if (value === null) return {}
  return typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined
}

/** The body as JSON, or `undefined` when it is not JSON at all. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

/** Toggl counts characters as Unicode code points: one emoji is one character. */
export function codePoints(text: string): number {
  return [...text].length
}
