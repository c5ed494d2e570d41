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

/** The quota headers of a reply, or `null` when it carries none (or unreadable ones). */
export function quotaFromHeaders(headers: Headers, at: number, scope: RequestScope): QuotaInfo | null {
  const remaining = headers.get('x-toggl-quota-remaining')
  const resetsIn = headers.get('x-toggl-quota-resets-in')
  if (remaining === null || resetsIn === null) return null
  const info: QuotaInfo = { remaining: Number(remaining), resetsIn: Number(resetsIn), at, organizationId: scope.organizationId }
  if (scope.organizationId === null && scope.workspaceId !== null) info.workspaceId = scope.workspaceId
  return Number.isFinite(info.remaining) && Number.isFinite(info.resetsIn) ? info : null
}
