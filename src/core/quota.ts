/** Toggl's hourly quota as a reply reported it (`X-Toggl-Quota-*` headers, or `GET /me/quota`). */
export interface QuotaInfo {
  /** Requests left in the current sliding hour. */
  remaining: number
  /** Seconds until the window frees up again. */
  resetsIn: number
  /** When this was read, ms since the epoch. */
  at: number
  /**
   * Whose quota it is: Toggl counts per organization for `/organizations/{id}/…`, and per user
   * (`null`) for `/me/…` and for creating an organization.
   */
  organizationId: number | null
  /** The window's size, when Toggl said it (`GET /me/quota` does; headers do not). */
  total?: number
}

/** The quota headers of a reply, or `null` when it carries none (or unreadable ones). */
export function quotaFromHeaders(headers: Headers, at: number, organizationId: number | null): QuotaInfo | null {
  const remaining = headers.get('x-toggl-quota-remaining')
  const resetsIn = headers.get('x-toggl-quota-resets-in')
  if (remaining === null || resetsIn === null) return null
  const info = { remaining: Number(remaining), resetsIn: Number(resetsIn), at, organizationId }
  return Number.isFinite(info.remaining) && Number.isFinite(info.resetsIn) ? info : null
}
