import type { RequestScope } from './api.ts'

/** Toggl's hourly quota as a reply reported it (`X-Toggl-Quota-*` headers, or `GET /me/quota`). */
export interface QuotaInfo {
  /** Requests left in the current sliding hour. */
  remaining: number
  /** Seconds until the window frees up again. */
  resetsIn: number
  /** When this was read, ms since the epoch. */
  at: number
  /**
   * Whose window it is: an organization's (its `/organizations/{id}/…` calls, and the
   * `/workspaces/{wid}/…` calls of its workspaces), or the user's own (`null`: `/me/…` calls and
   * creating an organization).
   */
  organizationId: number | null
  /**
   * Set, with `organizationId: null`, on the report of a workspace call whose organization this
   * client does not know yet; the window joins its organization's once a reply tells which it is.
   */
  workspaceId?: number
  /** The window's size, when Toggl said it (`GET /me/quota` does; headers do not). */
  total?: number
}

/** Toggl's quota window is a sliding hour: no window frees up later than this, in seconds. */
const QUOTA_WINDOW_SECONDS = 3600

/** A reset as Toggl reports it, capped at the window: a larger one would block an account for no reason Toggl has. */
export function cappedReset(seconds: number): number {
  return Math.min(seconds, QUOTA_WINDOW_SECONDS)
}

// Plain decimal integers as Toggl writes them: `""`, `"0x0"`, `"1e308"` or `"-0"` are no count at all
// (Number() would read several as 0, a spent quota). The count goes negative while Toggl does not enforce it.
const COUNT = /^(?:0|-?[1-9]\d{0,15})$/
const SECONDS = /^(?:0|[1-9]\d{0,15})$/

/** The quota headers of a reply, or `null` when it carries none, or a value that is no decimal integer. */
export function quotaFromHeaders(headers: Headers, at: number, scope: RequestScope): QuotaInfo | null {
  const remaining = headers.get('x-toggl-quota-remaining')
  const resetsIn = headers.get('x-toggl-quota-resets-in')
  if (remaining === null || resetsIn === null || !COUNT.test(remaining) || !SECONDS.test(resetsIn)) return null
  const info: QuotaInfo = { remaining: Number(remaining), resetsIn: cappedReset(Number(resetsIn)), at, organizationId: scope.organizationId }
  if (scope.organizationId === null && scope.workspaceId !== null) info.workspaceId = scope.workspaceId
  return info
}
