import { errorReply, toResponse } from './responses.ts'

/**
 * The fake's own limits (Toggl documents neither): it runs as a server in users' tests and in the
 * playground, where anything may send it anything, so what it keeps is bounded.
 */
export const DEFAULT_MAX_RECORDED_REQUESTS = 1000
export const DEFAULT_MAX_BODY_BYTES = 1_048_576

/** A whole number ≥ 0 for a limit option, or a RangeError naming it. */
export function limitOption(name: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback
  if (!Number.isSafeInteger(value) || (value as number) < 0) {
    throw new RangeError(`togglkit/mock: ${name} must be a whole number ≥ 0, got ${String(value)}`)
  }
  return value as number
}

/** The fake's answer to a body over its limit (its own wording; Toggl documents none). */
export function bodyTooLarge(): Response {
  return toResponse(errorReply(413, 'Request body too large'))
}

/** A request's body as text, or `undefined` once it passes `max` bytes: reading stops there. */
export async function boundedText(request: Request, max: number): Promise<string | undefined> {
  if (request.body === null) return ''
  if (Number(request.headers.get('content-length')) > max) {
    await request.body.cancel().catch(() => {})
    return undefined
  }
  const reader = request.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    size += read.value.byteLength
    if (size > max) {
      await reader.cancel().catch(() => {})
      return undefined
    }
    chunks.push(read.value)
  }
  const bytes = new Uint8Array(size)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.byteLength
  }
  return new TextDecoder().decode(bytes)
}
