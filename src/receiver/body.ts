/** A body read whole, or why it was not: too large (413), too slow (408) or broken off (400). */
export type BodyRead = { bytes: Uint8Array; status?: never } | { status: 400 | 408 | 413; bytes?: never }

export interface BodyLimits {
  /** Bytes the body may have; more is a 413, found without reading past the limit. */
  maxBytes: number
  /** Milliseconds the whole body may take to arrive; `Infinity` waits forever. */
  timeout: number
}

/**
 * Reads `request`'s body as bytes, chunk by chunk, within `limits`: a declared `Content-Length` over
 * the limit is refused before reading; otherwise reading stops (and the stream is cancelled) as soon
 * as the bytes pass the limit or the deadline passes, so memory holds at most the limit and one chunk.
 */
export async function readBody(request: Request, { maxBytes, timeout }: BodyLimits): Promise<BodyRead> {
  const declared = request.headers.get('content-length')
  if (declared !== null && /^\d+$/.test(declared) && Number(declared) > maxBytes) {
    discardBody(request)
    return { status: 413 }
  }
  if (request.body === null) return { bytes: new Uint8Array(0) }

  let reader: ReadableStreamDefaultReader<Uint8Array>
  try {
    reader = request.body.getReader()
  } catch {
    return { status: 400 }
  }
  let timedOut = false
  // Cancelling ends a pending read at once (it resolves as done), so the loop sees the deadline.
  const timer = Number.isFinite(timeout)
    ? setTimeout(() => {
        timedOut = true
        reader.cancel(new Error('the request body took too long')).catch(() => {})
      }, timeout)
    : undefined
  const chunks: Uint8Array[] = []
  let length = 0
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (timedOut) return { status: 408 }
      if (done) break
      if (!(value instanceof Uint8Array)) return cancelled(reader, 400)
      length += value.byteLength
      if (length > maxBytes) return cancelled(reader, 413)
      chunks.push(value)
    }
  } catch {
    return { status: timedOut ? 408 : 400 }
  } finally {
    clearTimeout(timer)
  }
  return { bytes: concat(chunks, length) }
}

/** Tells the body's source that nobody will read it (a Node adapter then stops buffering it). */
export function discardBody(request: Request): void {
  if (request.body === null || request.body.locked) return
  request.body.cancel().catch(() => {})
}

function cancelled(reader: ReadableStreamDefaultReader<Uint8Array>, status: 400 | 413): BodyRead {
  reader.cancel().catch(() => {})
  return { status }
}

function concat(chunks: Uint8Array[], length: number): Uint8Array {
  if (chunks.length === 1) return chunks[0] as Uint8Array
  const bytes = new Uint8Array(length)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.byteLength
  }
  return bytes
}
