/** Toggl's hourly quota as the last reply reported it (`X-Toggl-Quota-*` headers). */
export interface QuotaInfo {
  /** Requests left in the current sliding hour. */
  remaining: number
  /** Seconds until the window frees up again. */
  resetsIn: number
  /** When this was read, ms since the epoch. */
  at: number
}

/** The quota headers of a reply, or `null` when it carries none (or unreadable ones). */
export function quotaFromHeaders(headers: Headers, at: number): QuotaInfo | null {
  const remaining = headers.get('x-toggl-quota-remaining')
  const resetsIn = headers.get('x-toggl-quota-resets-in')
  if (remaining === null || resetsIn === null) return null
  const info = { remaining: Number(remaining), resetsIn: Number(resetsIn), at }
  return Number.isFinite(info.remaining) && Number.isFinite(info.resetsIn) ? info : null
}
