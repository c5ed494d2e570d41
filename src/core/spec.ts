/** What an endpoint asks the request core to send, and what comes back. */

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

export interface RequestSpec {
  method: HttpMethod
  /** Relative to `baseURL`, e.g. `/organizations/5`. */
  path: string
  query?: Record<string, string | number | boolean | undefined>
  /** Sent as JSON. */
  body?: unknown
  signal?: AbortSignal | undefined
  /** `false` for a GET, PUT or DELETE that must not be sent twice either (it e-mails someone). */
  retry?: false
}

export interface TogglReply {
  status: number
  /** Parsed JSON, or the text of a non-JSON reply, or `undefined` for an empty one. */
  data: unknown
  headers: Headers
}
