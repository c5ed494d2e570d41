import { sleep } from '../core/sleep.ts'
import { JSON_CONTENT_TYPE } from './responses.ts'

/** A failure to simulate instead of the normal answer; see `TogglMock.inject`. */
export type MockFault =
  /** Answers this status; the body defaults to the status text as a JSON string, e.g. `"Bad Gateway"`. */
  | { type: 'status'; status: number; body?: string; headers?: Record<string, string> }
  /** Waits, then answers normally. */
  | { type: 'delay'; ms: number }
  /** Never answers; settles only when the request's signal aborts, so nothing is left pending. */
  | { type: 'hang' }
  /** 200 with a JSON content type and a body that is not valid JSON. */
  | { type: 'malformed-json' }
  /** 200 whose Content-Length promises the whole body, but the body fails after half its bytes. */
  | { type: 'truncated' }
  /** No HTTP answer at all, as when the connection drops (`Response.error()`). */
  | { type: 'drop' }
  /** A proxy's HTML error page, as nginx or a load balancer sends it. */
  | { type: 'html'; status: number }

/** Refuses a fault that could never be answered, so a typo fails at `inject`, not mid-test. */
export function checkFault(fault: MockFault): void {
  if ((fault.type === 'status' || fault.type === 'html') && !isHttpStatus(fault.status)) {
    throw new RangeError(`togglkit/mock: a ${fault.type} fault needs a status from 200 to 599, got ${fault.status}`)
  }
  if (fault.type === 'delay' && !(fault.ms >= 0)) {
    throw new RangeError(`togglkit/mock: a delay fault needs ms ≥ 0, got ${fault.ms}`)
  }
}

/**
 * The fault's answer, or `undefined` once a delay is over, meaning "now answer normally". Rejects
 * with the abort reason when the request is aborted while waiting.
 */
export async function answerFault(fault: MockFault, signal: AbortSignal): Promise<Response | undefined> {
  switch (fault.type) {
    case 'status':
      return statusResponse(fault.status, fault.body, fault.headers)
    case 'delay':
      await sleep(fault.ms, signal)
      return undefined
    case 'hang':
      return waitForAbort(signal)
    case 'malformed-json':
      return new Response('{"id": 1, "name": ', { status: 200, headers: { 'content-type': JSON_CONTENT_TYPE } })
    case 'truncated':
      return truncatedResponse()
    case 'drop':
      return Response.error()
    case 'html':
      return htmlResponse(fault.status)
  }
}

function statusResponse(status: number, body: string | undefined, extraHeaders: Record<string, string> = {}): Response {
  const headers = new Headers({ 'content-type': JSON_CONTENT_TYPE })
  for (const [name, value] of Object.entries(extraHeaders)) headers.set(name, value)
  const content = NULL_BODY_STATUSES.has(status) ? null : (body ?? JSON.stringify(statusText(status)))
  return new Response(content, { status, headers })
}

function htmlResponse(status: number): Response {
  const title = `${status} ${statusText(status)}`
  const page = `<html>\n<head><title>${title}</title></head>\n<body>\n<center><h1>${title}</h1></center>\n<hr><center>nginx</center>\n</body>\n</html>\n`
  return new Response(NULL_BODY_STATUSES.has(status) ? null : page, {
    status,
    headers: { 'content-type': 'text/html' },
  })
}

const TRUNCATED_BODY = JSON.stringify({
  id: 9_000_001,
  name: 'Truncated Organization',
  workspace_id: 8_000_001,
  workspace_name: 'Default-Workspace',
})

function truncatedResponse(): Response {
  const bytes = new TextEncoder().encode(TRUNCATED_BODY)
  let halfSent = false
  // Erroring from pull (not start) lets the first half reach the reader before the failure.
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (halfSent) {
        controller.error(new TypeError('terminated', { cause: new Error('the connection closed mid-body') }))
        return
      }
      halfSent = true
      controller.enqueue(bytes.slice(0, bytes.length >> 1))
    },
  })
  return new Response(body, {
    status: 200,
    headers: { 'content-type': JSON_CONTENT_TYPE, 'content-length': String(bytes.length) },
  })
}

function waitForAbort(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    if (signal.aborted) return reject(signal.reason)
    signal.addEventListener('abort', () => reject(signal.reason), { once: true })
  })
}

const NULL_BODY_STATUSES = new Set([204, 205, 304])

const STATUS_TEXT: Partial<Record<number, string>> = {
  200: 'OK',
  400: 'Bad Request',
  401: 'Unauthorized',
  402: 'Payment Required',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  408: 'Request Timeout',
  409: 'Conflict',
  410: 'Gone',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
}

function statusText(status: number): string {
  return STATUS_TEXT[status] ?? `HTTP ${status}`
}

function isHttpStatus(status: number): boolean {
  return Number.isInteger(status) && status >= 200 && status <= 599
}
