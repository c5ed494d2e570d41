/** What a route answers; the request pipeline adds the quota headers and makes it a `Response`. */
export interface Reply {
  status: number
  /** The encoded body (bytes for a binary file); absent for an empty one. */
  body?: string | Uint8Array<ArrayBuffer>
  contentType?: string
  headers?: Record<string, string>
}

export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8'
const TEXT_CONTENT_TYPE = 'text/plain; charset=utf-8'

export function jsonReply(status: number, value: unknown): Reply {
  return { status, body: JSON.stringify(value), contentType: JSON_CONTENT_TYPE }
}

/** Toggl's usual error: the message as a JSON-encoded string, quotes included. */
export function errorReply(status: number, message: string): Reply {
  return jsonReply(status, message)
}

export function textReply(status: number, text: string): Reply {
  return { status, body: text, contentType: TEXT_CONTENT_TYPE }
}

export function emptyReply(status: number, headers?: Record<string, string>): Reply {
  return headers ? { status, headers } : { status }
}

export function toResponse(reply: Reply, extraHeaders: Record<string, string> = {}): Response {
  const headers = new Headers(reply.headers)
  if (reply.contentType !== undefined) headers.set('content-type', reply.contentType)
  for (const [name, value] of Object.entries(extraHeaders)) headers.set(name, value)
  return new Response(reply.body ?? null, { status: reply.status, headers })
}
