import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { bodyTooLarge, DEFAULT_MAX_BODY_BYTES, limitOption } from './limits.ts'
import type { TogglMock } from './mock.ts'

/** A fake served on a real port. */
export interface MockServer {
  /** The API's base URL, e.g. `http://127.0.0.1:43123/api/v9`. */
  baseURL: string
  /** e.g. `http://127.0.0.1:43123` */
  origin: string
  /** Stops the server at once: open and hanging connections are destroyed, not waited for. */
  close(): Promise<void>
}

export interface ServeOptions extends ListenerOptions {
  /** @default 0 (any free port) */
  port?: number
  /** @default '127.0.0.1' */
  host?: string
}

export interface ListenerOptions {
  /**
   * The largest request body read, in bytes; a longer one is answered 413 without reaching the
   * handler, and what is left of it is read and dropped, never kept.
   * @default the fake's `maxBodyBytes`, or 1 MiB for a plain handler
   */
  maxBodyBytes?: number
}

type Handler = (request: Request) => Promise<Response>

// Toggl's own base path, for a plain handler that cannot tell us its own.
const DEFAULT_BASE_PATH = '/api/v9'

/**
 * Serves a fake (or any web-standard handler) over Node's `http`, keeping faults real on the wire: a
 * dropped connection is a destroyed socket, a truncated body stops short of its Content-Length, and
 * a client that goes away aborts the `Request.signal` the handler sees.
 */
export async function serveTogglMock(target: TogglMock | Handler, options: ServeOptions = {}): Promise<MockServer> {
  const basePath = typeof target === 'function' ? DEFAULT_BASE_PATH : target.basePath
  const sockets = new Set<Socket>()
  const server = createServer(toNodeListener(target, options))
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.once('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  })
  const { address, port } = server.address() as AddressInfo
  const origin = `http://${urlHost(address)}:${port}`

  let closing: Promise<void> | undefined
  return {
    origin,
    baseURL: origin + basePath,
    close() {
      closing ??= new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()))
        for (const socket of sockets) socket.destroy()
      })
      return closing
    },
  }
}

/**
 * The fake (or any web-standard handler) as a Node request listener, which is also Connect-style
 * middleware (Vite's dev server mounts it so).
 */
export function toNodeListener(
  target: TogglMock | Handler,
  options: ListenerOptions = {},
): (incoming: IncomingMessage, outgoing: ServerResponse) => void {
  const handle = typeof target === 'function' ? target : target.handle
  const maxBodyBytes = limitOption('maxBodyBytes', options.maxBodyBytes, typeof target === 'function' ? DEFAULT_MAX_BODY_BYTES : target.maxBodyBytes)
  return (incoming, outgoing) => void respond(incoming, outgoing, handle, maxBodyBytes)
}

async function respond(incoming: IncomingMessage, outgoing: ServerResponse, handle: Handler, maxBodyBytes: number): Promise<void> {
  const aborter = new AbortController()
  outgoing.once('close', () => {
    if (!outgoing.writableFinished) aborter.abort(new Error('the client closed the connection'))
  })
  let response: Response
  try {
    const request = await toRequest(incoming, aborter.signal, maxBodyBytes)
    response = request === undefined ? bodyTooLarge() : await handle(request)
  } catch (error) {
    // After an abort nobody is listening; otherwise the handler itself failed.
    if (!aborter.signal.aborted) {
      outgoing.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end(`togglkit/mock: ${String(error)}`)
    }
    return
  }
  // The client left while the handler worked (e.g. during a delay): nobody to answer.
  if (aborter.signal.aborted) return
  if (response.type === 'error') {
    incoming.socket.destroy()
    return
  }
  try {
    await send(response, outgoing)
  } catch {
    // A body that fails midway (the truncated fault) ends the connection short of Content-Length,
    // which is what a client sees when a server dies mid-reply.
    outgoing.destroy()
  }
}

/** The web request, or `undefined` when its body passes `maxBodyBytes` (the rest is read and dropped). */
async function toRequest(incoming: IncomingMessage, signal: AbortSignal, maxBodyBytes: number): Promise<Request | undefined> {
  const headers = new Headers()
  const raw = incoming.rawHeaders
  for (let i = 0; i + 1 < raw.length; i += 2) headers.append(raw[i] ?? '', raw[i + 1] ?? '')
  const method = incoming.method ?? 'GET'
  // The fake reads only the path; the host is whatever the client addressed.
  const url = new URL(incoming.url ?? '/', `http://${incoming.headers.host ?? 'localhost'}`)
  if (method === 'GET' || method === 'HEAD') return new Request(url, { method, headers, signal })
  const chunks: Uint8Array[] = []
  let size = 0
  for await (const chunk of incoming) {
    size += (chunk as Uint8Array).byteLength
    // Read to the end all the same, so the 413 reaches a client still sending.
    if (size <= maxBodyBytes) chunks.push(chunk as Uint8Array)
  }
  if (size > maxBodyBytes) return undefined
  return new Request(url, { method, headers, signal, body: new Uint8Array(Buffer.concat(chunks)) })
}

async function send(response: Response, outgoing: ServerResponse): Promise<void> {
  const headers = Object.fromEntries(response.headers)
  if (headers['content-length'] === undefined) {
    // Buffered so the reply carries a Content-Length, as Toggl's do, instead of chunked encoding.
    const body = new Uint8Array(await response.arrayBuffer())
    if (!BODILESS_STATUSES.has(response.status)) headers['content-length'] = String(body.byteLength)
    outgoing.writeHead(response.status, headers).end(body)
    return
  }
  outgoing.writeHead(response.status, headers)
  const reader = response.body?.getReader()
  while (reader) {
    const { done, value } = await reader.read()
    if (done) break
    // Waiting for each write to flush lets the bytes reach the client before a later failure cuts it off.
    await new Promise<void>((resolve, reject) => outgoing.write(value, (error) => (error ? reject(error) : resolve())))
  }
  outgoing.end()
}

const BODILESS_STATUSES = new Set([204, 304])

/** A host as it goes in a URL: IPv6 in brackets, and a wildcard address as its loopback. */
function urlHost(address: string): string {
  if (address === '0.0.0.0') return '127.0.0.1'
  if (address === '::') return '[::1]'
  return address.includes(':') ? `[${address}]` : address
}
