import type { IncomingMessage, ServerResponse } from 'node:http'

/** A web-standard handler, e.g. `createWebhookHandler(…)`. */
type Handler = (request: Request) => Promise<Response>

/** A `node:http` request listener, which is also Express/Connect middleware. */
export type NodeListener = (incoming: IncomingMessage, outgoing: ServerResponse) => void

/**
 * How long a connection may go on sending a body the handler did not want (too large, too slow)
 * after the answer: reading on lets the client see the answer instead of a reset connection.
 */
const LINGER_MS = 2_000

/**
 * Serves a web-standard handler (such as `createWebhookHandler`'s) from `node:http`:
 * `http.createServer(toNodeListener(handler))`, or `app.post('/toggl', toNodeListener(handler))`
 * in Express, mounted before any body parser (the signature covers the raw bytes, which a parser
 * consumes).
 *
 * The body reaches the handler as a stream, read only as far as the handler reads it: when it stops
 * early (a body over the size limit, or too slow), the rest is not buffered. The answer is sent, the
 * unread rest is discarded for a short while so the client can see the answer, then the connection
 * is closed. A client that goes away aborts `request.signal`. The handler's answer is buffered, then
 * written with its status, headers and a `Content-Length`.
 */
export function toNodeListener(handler: Handler): NodeListener {
  return (incoming, outgoing) => void serve(handler, incoming, outgoing)
}

async function serve(handler: Handler, incoming: IncomingMessage, outgoing: ServerResponse): Promise<void> {
  const aborter = new AbortController()
  outgoing.once('close', () => {
    if (!outgoing.writableFinished) aborter.abort(new Error('the client closed the connection'))
  })
  const body = bodyOf(incoming)
  let response: Response
  try {
    response = await handler(toRequest(incoming, body.stream, aborter.signal))
  } catch {
    response = new Response('internal error', { status: 500, headers: { 'content-type': 'text/plain; charset=utf-8' } })
  }
  if (aborter.signal.aborted) return
  let bytes: Uint8Array
  try {
    bytes = new Uint8Array(await response.arrayBuffer())
  } catch {
    outgoing.destroy()
    return
  }
  const headers: string[] = []
  response.headers.forEach((value, name) => {
    if (name !== 'content-length' && name !== 'transfer-encoding') headers.push(name, value)
  })
  if (!BODILESS.has(response.status)) headers.push('content-length', String(bytes.byteLength))
  outgoing.writeHead(response.status, headers).end(bytes)
  if (!incoming.complete) body.discard()
}

const BODILESS = new Set([204, 304])

function toRequest(incoming: IncomingMessage, stream: ReadableStream<Uint8Array> | null, signal: AbortSignal): Request {
  const headers = new Headers()
  const raw = incoming.rawHeaders
  for (let i = 0; i + 1 < raw.length; i += 2) headers.append(raw[i] as string, raw[i + 1] as string)
  const url = urlOf(incoming)
  const method = incoming.method ?? 'GET'
  // bodyOf gives no stream exactly for a GET or HEAD, which a Request refuses a body for.
  if (stream === null) return new Request(url, { method, headers, signal })
  // Node's Request takes a stream body only with duplex: 'half' (not yet in TypeScript's DOM types).
  const init: RequestInit & { duplex: 'half' } = { method, headers, signal, body: stream, duplex: 'half' }
  return new Request(url, init)
}

function urlOf(incoming: IncomingMessage): URL {
  const path = incoming.url ?? '/'
  try {
    return new URL(path, `http://${incoming.headers.host ?? 'localhost'}`)
  } catch {
    // A Host header that is no host: the handler reads no URL, so any placeholder does.
    return new URL(path.startsWith('/') ? path : '/', 'http://localhost')
  }
}

interface NodeBody {
  /** The body as a web stream; `null` for a GET or HEAD. */
  stream: ReadableStream<Uint8Array> | null
  /** Throws away the rest of the body as it comes, then closes the connection after {@link LINGER_MS}. */
  discard(): void
}

function bodyOf(incoming: IncomingMessage): NodeBody {
  const method = incoming.method ?? 'GET'
  let wanted = true
  const discard = () => {
    wanted = false
    incoming.resume()
    if (incoming.complete) return
    const timer = setTimeout(() => incoming.socket.destroy(), LINGER_MS)
    timer.unref()
    incoming.once('end', () => clearTimeout(timer))
  }
  if (method === 'GET' || method === 'HEAD') return { stream: null, discard }

  incoming.pause()
  let open = true
  const stream = new ReadableStream<Uint8Array>(
    {
      start(controller) {
        const finish = (error?: unknown) => {
          if (!open || !wanted) return
          open = false
          if (error === undefined) controller.close()
          else controller.error(error)
        }
        incoming.on('data', (chunk: Buffer) => {
          if (!open || !wanted) return
          controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength))
          // Back-pressure: Node stops reading the socket until the handler asks for more.
          if ((controller.desiredSize ?? 0) <= 0) incoming.pause()
        })
        incoming.once('end', () => finish())
        incoming.once('error', (error) => finish(error))
        incoming.once('close', () => {
          if (!incoming.complete) finish(new Error('the client closed the connection mid-body'))
        })
      },
      pull() {
        if (wanted) incoming.resume()
      },
      cancel() {
        // The handler wants no more: stop holding the bytes; the listener discards the rest after answering.
        wanted = false
      },
    },
    { highWaterMark: 1 },
  )
  return { stream, discard }
}
