// Toggl's side of a webhook delivery, for the receiver's tests: bodies shaped like Toggl's (entity
// events and PINGs), signed the way Toggl documents it (lowercase hex HMAC-SHA256 of the raw body
// bytes, keyed with the subscription secret, after `sha256=`) with node:crypto, independent of the
// code under test; and the handler behind node:http on loopback through the package's adapter.
import { createHmac } from 'node:crypto'
import { createServer, request as httpRequest, type Server } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { afterEach } from 'vitest'
import { toNodeListener } from '../../src/receiver/node.ts'
import type { WebhookHandler } from '../../src/receiver/handler.ts'

export const SECRET = 'test-subscription-secret-7d0c'
export const HEADER = 'X-Webhook-Signature-256'

/** `sha256=<hex>` of `body` under `secret`, as Toggl puts it in X-Webhook-Signature-256. */
export function sign(body: string | Uint8Array, secret = SECRET): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`
}

/** An entity event as Toggl sends it (compact JSON, metadata ids as strings), with `changes` merged in. */
export function timeEntryCreated(changes: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    event_id: 8023169274704072,
    created_at: '2026-03-02T09:15:04.221Z',
    creator_id: 1001,
    metadata: {
      action: 'created',
      event_user_id: '1001',
      model: 'time_entry',
      model_owner_id: '1001',
      path: '/api/v9/workspaces/77/time_entries',
      request_body: '{"description":"Write the receiver","workspace_id":77,"duration":-1}',
      request_type: 'POST',
      time_entry_id: '4100200300',
      workspace_id: '77',
    },
    payload: {
      at: '2026-03-02T09:15:04+00:00',
      billable: false,
      description: 'Write the receiver',
      duration: -1,
      duronly: true,
      id: 4100200300,
      project_id: null,
      server_deleted_at: null,
      start: '2026-03-02T09:15:04Z',
      stop: null,
      tag_ids: null,
      tags: [],
      task_id: null,
      user_id: 1001,
      workspace_id: 77,
    },
    subscription_id: 310,
    timestamp: new Date().toISOString(),
    url_callback: 'https://hooks.example.com/toggl',
    ...changes,
  }
}

/** A PING (the validation request Toggl sends when a subscription is created or pinged). */
export function ping(changes: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    event_id: 0,
    created_at: '2026-03-02T09:00:00.123456789Z',
    creator_id: 1001,
    metadata: { request_type: 'POST', event_user_id: 1001 },
    payload: 'ping',
    subscription_id: 310,
    timestamp: '2026-03-02T09:00:00.123456789Z',
    url_callback: 'https://hooks.example.com/toggl',
    validation_code: '5f1c0e9a2b7d4c3e8f6a1b2c3d4e5f60',
    validation_code_url: 'https://toggl.example/webhooks/api/v1/validate/77/310/5f1c0e9a2b7d4c3e8f6a1b2c3d4e5f60',
    ...changes,
  }
}

/** A signed POST of `body` (an object is sent as compact JSON) to `url`, as Toggl delivers. */
export function deliver(url: string, body: string | Record<string, unknown>, secret = SECRET): Promise<Response> {
  const text = typeof body === 'string' ? body : JSON.stringify(body)
  return fetch(url, { method: 'POST', body: text, headers: { 'content-type': 'application/json', [HEADER]: sign(text, secret) } })
}

const servers: Array<{ server: Server; sockets: Set<Socket> }> = []
afterEach(async () => {
  await Promise.all(
    servers.splice(0).map(
      ({ server, sockets }) =>
        new Promise<void>((resolve) => {
          server.close(() => resolve())
          for (const socket of sockets) socket.destroy()
        }),
    ),
  )
})

/** `handler` behind node:http on 127.0.0.1 through toNodeListener; closed after the test. Answers its URL. */
export async function serve(handler: WebhookHandler): Promise<string> {
  const server = createServer(toNodeListener(handler))
  const sockets = new Set<Socket>()
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.once('close', () => sockets.delete(socket))
  })
  servers.push({ server, sockets })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/toggl`
}

export interface PartialPost {
  /** Headers to send besides the signature of the bytes that will be written. */
  headers?: Record<string, string>
  /** What is written of the body before the client stops, leaving the request open. */
  written: string
}

/**
 * A POST whose body never ends: `written` goes out, then the client waits with the request open.
 * Resolves with the answer, which the server can only give without the rest of the body.
 */
export function postUnfinished(url: string, { headers = {}, written }: PartialPost): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { method: 'POST', headers: { [HEADER]: sign(written), ...headers } })
    request.once('error', reject)
    request.once('response', (response) => {
      let text = ''
      response.setEncoding('utf8')
      response.on('data', (chunk: string) => (text += chunk))
      response.once('end', () => {
        request.destroy()
        resolve({ status: response.statusCode ?? 0, text })
      })
    })
    request.write(written)
  })
}
