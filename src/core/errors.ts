/**
 * Every error togglkit throws extends {@link TogglError}, so one `instanceof` check catches them all
 * and a subclass check picks one failure. Messages name the call and the server's own words, never
 * the Authorization header or the token.
 */
export class TogglError extends Error {
  override name = 'TogglError'

  constructor(message: string, options?: { cause?: unknown }) {
    super(cut(message, MAX_MESSAGE), options)
  }

  /** A plain, secret-free form for loggers that serialize errors with `JSON.stringify`. */
  toJSON(): Record<string, unknown> {
    const fields: Record<string, unknown> = { name: this.name, message: this.message }
    for (const [key, value] of Object.entries(this)) {
      if (key !== 'name' && value !== undefined) fields[key] = value
    }
    return fields
  }
}

/** A bad argument or option, found before any request is sent. */
export class InputError extends TogglError {
  override name = 'InputError'
}

/** An organization, workspace or group name that Toggl would refuse; found before any request. */
export class NamingError extends InputError {
  override name = 'NamingError'
}

/** Which request an error belongs to: the method and the full URL (URLs never carry credentials). */
export interface RequestInfo {
  method: string
  url: string
}

/** A failure of one request; its message starts with the method and the path. */
export class RequestError extends TogglError {
  override name = 'RequestError'
  readonly method: string
  readonly url: string

  constructor(request: RequestInfo, what: string, options?: { cause?: unknown }) {
    super(`${request.method} ${pathOf(request.url)} ${what}`, options)
    this.method = request.method
    this.url = request.url
  }
}

/** The server answered with a 4xx or 5xx status. */
export class HTTPStatusError extends RequestError {
  override name = 'HTTPStatusError'
  readonly status: number
  /** The server's own words, parsed from the body (see TOGGL-API.md's recipe). */
  readonly serverMessage: string

  constructor(request: RequestInfo, status: number, serverMessage: string) {
    super(request, `failed with ${status}: ${serverMessage}`)
    this.status = status
    this.serverMessage = serverMessage
  }
}

/**
 * The hourly API quota is spent (HTTP 402 with `X-Toggl-Quota-*` headers). Not retried: waiting
 * `resetsIn` seconds is the only cure.
 */
export class QuotaError extends HTTPStatusError {
  override name = 'QuotaError'
  readonly remaining: number
  /** Seconds until the quota window lets requests through again. */
  readonly resetsIn: number
  /** `false` when togglkit refused to send because an earlier reply said the quota was spent. */
  readonly sent: boolean

  constructor(request: RequestInfo, serverMessage: string, remaining: number, resetsIn: number, sent = true) {
    super(request, 402, serverMessage)
    if (!sent) this.message = `${request.method} ${pathOf(request.url)} not sent: ${serverMessage}`
    this.message += ` (quota resets in ${resetsIn} s)`
    this.remaining = remaining
    this.resetsIn = resetsIn
    this.sent = sent
  }
}

/** HTTP 402 without quota headers: the call needs a higher Toggl plan. Never retried. */
export class PlanRestrictionError extends HTTPStatusError {
  override name = 'PlanRestrictionError'
}

/** HTTP 429: Toggl's rate limit (about one request per second per token). */
export class RateLimitError extends HTTPStatusError {
  override name = 'RateLimitError'
  /** Seconds the server asked to wait (`Retry-After`), when it said so. */
  readonly retryAfter: number | undefined

  constructor(request: RequestInfo, serverMessage: string, retryAfter: number | undefined) {
    super(request, 429, serverMessage)
    this.retryAfter = retryAfter
  }
}

/** One attempt took longer than the `timeout` option (the last attempt, after any retries). */
export class TimeoutError extends RequestError {
  override name = 'TimeoutError'
  readonly timeout: number

  constructor(request: RequestInfo, timeout: number) {
    super(request, `timed out after ${timeout} ms`)
    this.timeout = timeout
  }
}

/** No usable answer reached us: connection refused or dropped, DNS failure, a truncated body. */
export class NetworkError extends RequestError {
  override name = 'NetworkError'

  constructor(request: RequestInfo, cause: unknown) {
    super(request, `failed: ${describeCause(cause)}`, { cause })
  }
}

/** The reply was not what Toggl documents (invalid JSON, or a field of the wrong shape). */
export class ResponseValidationError extends RequestError {
  override name = 'ResponseValidationError'
  /** Where in the reply the first problem is, e.g. `$[2].name`; `$` for the whole body. */
  readonly path: string

  constructor(request: RequestInfo, path: string, problem: string) {
    const where = cut(path, MAX_PATH)
    super(request, `returned an unexpected reply at ${where}: ${cut(problem, MAX_PROBLEM)}`)
    this.path = where
  }
}

/** The most an error message carries, whatever a server or a caller handed it. */
const MAX_MESSAGE = 1000
/** A reply's field path as errors name it (a hostile reply's key may be megabytes long). */
const MAX_PATH = 200
const MAX_PROBLEM = 300

function cut(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text
}

function pathOf(url: string): string {
  try {
    const { pathname, search } = new URL(url)
    return pathname + search
  } catch {
    return url
  }
}

function describeCause(cause: unknown): string {
  if (cause === undefined || cause === null) return 'the fetch failed without saying why'
  if (!(cause instanceof Error)) return String(cause)
  // Node's fetch says only "fetch failed" and keeps the useful part (ECONNRESET…) one level down.
  const inner = cause.cause instanceof Error ? `: ${cause.cause.message}` : ''
  return cause.message + inner
}
