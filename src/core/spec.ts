import type { ApiFamily } from './api.ts'

/** What an endpoint asks the request core to send, and what comes back. */

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

export interface RequestSpec {
  method: HttpMethod
  /** Which of Toggl's APIs (and so which base URL) it goes to. @default 'track' */
  api?: ApiFamily
  /** As Toggl's spec writes it, e.g. `/organizations/5`; joined to the family's base URL. */
  path: string
  query?: Record<string, string | number | boolean | undefined>
  /** Sent as JSON. */
  body?: unknown
  signal?: AbortSignal | undefined
  /**
   * A POST that only reads (Reports v3, `…/tasks/data`): retried like a GET, shared with identical
   * ones in flight, and it does not count as a write.
   */
  read?: true
  /** The reply is a file (an export): it comes back as a `Blob`. */
  binary?: true
  /**
   * `false` for a GET, PUT or DELETE that must not be sent twice either (it e-mails someone); `true`
   * for a POST or PATCH that may (repeating it changes nothing more, as stopping a timer).
   */
  retry?: boolean
  /**
   * Credentials the request carries in its path or body (a webhook validation code, a
   * subscription secret). They are sent, but what the request reports (error messages, the URLs
   * errors and `onAttempt` name) shows `[redacted]` in their place.
   */
  secrets?: readonly string[]
}

export interface TogglReply {
  status: number
  /**
   * Parsed JSON (`null` included), the text of a non-JSON reply, a `Blob` for a binary one, or
   * `undefined` for an empty one.
   */
  data: unknown
  headers: Headers
}
