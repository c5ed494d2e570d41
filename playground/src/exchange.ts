import type { AttemptEvent, BasicAuth } from 'togglkit'
import { CACHE_SECRETS, REPLY_SECRETS } from '../../src/core/secrets.ts'

/** One HTTP attempt as the page saw it go out and come back, secrets redacted. */
export interface Exchange {
  /** Who sent it: the timer app, or an explorer call (`ProjectEndpoint.add`). */
  caller: string
  method: string
  url: string
  requestHeaders: [string, string][]
  requestBody: string | undefined
  /** `undefined` until the answer arrived, and for a request that got none. */
  status?: number
  responseHeaders: [string, string][]
  /** The body as text (JSON pretty-printed), a note for a file, or `undefined` while it arrives. */
  responseBody?: string
  /** Why no answer came (a dropped connection, a timeout, offline). */
  failure?: string
  /** From the library's `onAttempt`: 1 for the first try, 2 for the first retry… */
  attempt?: number
  retryIn?: number
  /** The error type the library made of this attempt, when it failed. */
  error?: string
  startedAt: number
  duration?: number
  /** Settles once the response body is recorded (read beside the library's own reading). */
  bodyRead?: Promise<void>
}

/** Fields whose values Toggl or a caller sends as credentials; shown as `[redacted]` wherever they are. */
const SECRET_FIELDS: ReadonlySet<string> = new Set([...REPLY_SECRETS, ...CACHE_SECRETS])

/**
 * A `fetch` for the library's `fetch` option that records each request and its answer as it
 * passes. Everything recorded is redacted with the account's own `auth.redact` (the token in any
 * encoding the library knows of) and the credential fields of bodies blanked, so the page never
 * shows the token; the request and answer themselves pass on untouched.
 */
export function recordingFetch(
  send: typeof globalThis.fetch,
  auth: BasicAuth,
  caller: string,
  onChange: (exchange: Exchange) => void,
): typeof globalThis.fetch {
  const redact = (text: string) => auth.redact(text)
  return async (input, init) => {
    const request = new Request(input, init)
    const exchange: Exchange = {
      caller,
      method: request.method,
      url: redact(request.url),
      requestHeaders: headerList(request.headers, redact),
      requestBody: request.body ? shownBody(await request.clone().text(), request.headers, redact) : undefined,
      responseHeaders: [],
      startedAt: Date.now(),
    }
    onChange(exchange)
    const started = performance.now()
    try {
      const response = await send(request)
      exchange.status = response.status
      exchange.responseHeaders = headerList(response.headers, redact)
      exchange.duration = performance.now() - started
      onChange(exchange)
      // Read from a copy, beside the library's own reading, so the page changes nothing about the call's timing.
      exchange.bodyRead = bodyOf(response.clone(), redact).then((body) => {
        exchange.responseBody = body
        onChange(exchange)
      })
      return response
    } catch (error) {
      exchange.failure = redact(error instanceof Error ? `${error.name}: ${error.message}` : String(error))
      exchange.duration = performance.now() - started
      onChange(exchange)
      throw error
    }
  }
}

/**
 * Adds what the library said of an attempt to the exchange it made (the latest one still without
 * it), and takes the library's URL, in which an operation's secrets (a webhook validation code in
 * the path) read `[redacted]`.
 */
export function noteAttempt(exchanges: readonly Exchange[], event: AttemptEvent, auth: BasicAuth): Exchange | undefined {
  const exchange = [...exchanges].reverse().find(({ attempt, method }) => attempt === undefined && method === event.method)
  if (!exchange) return undefined
  exchange.url = auth.redact(event.url)
  exchange.attempt = event.attempt
  if (event.retryIn !== undefined) exchange.retryIn = event.retryIn
  if (event.error !== undefined) exchange.error = event.error.name
  return exchange
}

function headerList(headers: Headers, redact: (text: string) => string): [string, string][] {
  return [...headers].map(([name, value]) => [name, redact(value)])
}

async function bodyOf(response: Response, redact: (text: string) => string): Promise<string> {
  const type = response.headers.get('content-type') ?? ''
  try {
    if (!isText(type)) {
      const bytes = (await response.arrayBuffer()).byteLength
      return `(a file: ${type || 'no content type'}, ${bytes} bytes)`
    }
    return shownBody(await response.text(), response.headers, redact)
  } catch (error) {
    return `(the body did not arrive whole: ${error instanceof Error ? error.message : String(error)})`
  }
}

/** A body as the page shows it: JSON pretty-printed with credential fields blanked, any text redacted. */
function shownBody(text: string, headers: Headers, redact: (text: string) => string): string {
  if (text === '') return ''
  if (!/[/+]json\b/i.test(headers.get('content-type') ?? '')) return redact(text)
  try {
    return redact(JSON.stringify(JSON.parse(text), (key, value: unknown) => (SECRET_FIELDS.has(key) && value !== null ? '[redacted]' : value), 2))
  } catch {
    return redact(text)
  }
}

function isText(type: string): boolean {
  return type === '' || /^text\/(?!xlsx)|[/+]json\b|xml/i.test(type)
}
