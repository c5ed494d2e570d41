// togglkit/webhooks under Deno: the handler from `@togglkit/togglkit/webhooks` (deno.json's exports)
// served by Deno.serve on 127.0.0.1, receiving deliveries signed with Web Crypto the way Toggl signs
// them (lowercase hex HMAC-SHA256 of the raw body, keyed with the subscription secret). Bodies that
// never end go over a raw TCP connection, so only an answer given without the rest can arrive.
import assert from 'node:assert/strict'
import { createWebhookHandler, verifyWebhookSignature, type WebhookDelivery, type WebhookEvent, type WebhookHandlerOptions } from '@togglkit/togglkit/webhooks'

const SECRET = 'deno-subscription-secret'
const encoder = new TextEncoder()

async function sign(body: string, secret = SECRET): Promise<string> {
  const key = await crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign'])
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(body)))
  return `sha256=${Array.from(mac, (byte) => byte.toString(16).padStart(2, '0')).join('')}`
}

function timeEntryCreated(changes: Record<string, unknown> = {}): string {
  return JSON.stringify({
    event_id: 8023169274704072,
    created_at: '2026-03-02T09:15:04.221Z',
    creator_id: 1001,
    metadata: { action: 'created', model: 'time_entry', workspace_id: '77', event_user_id: '1001', time_entry_id: '4100200300' },
    payload: { id: 4100200300, workspace_id: 77, description: 'Deno deploy', start: '2026-03-02T09:15:04Z', stop: null, duration: -1 },
    subscription_id: 310,
    timestamp: new Date().toISOString(),
    url_callback: 'https://hooks.example.com/toggl',
    ...changes,
  })
}

const PING = JSON.stringify({
  event_id: 0,
  created_at: '2026-03-02T09:00:00.123456789Z',
  creator_id: 1001,
  metadata: { request_type: 'POST', event_user_id: 1001 },
  payload: 'ping',
  subscription_id: 310,
  validation_code: 'c0ffee0123456789',
})

interface Receiver {
  url: string
  port: number
  received: Array<[string, string, boolean]>
  close(): Promise<void>
}

/** The handler on Deno.serve; onEvent records [event_id, model, duplicate]. */
function receive(options: Partial<WebhookHandlerOptions> = {}): Receiver {
  const received: Array<[string, string, boolean]> = []
  const handler = createWebhookHandler({
    secret: SECRET,
    onEvent: (event: WebhookEvent, { duplicate }: WebhookDelivery) => void received.push([event.event_id, event.model, duplicate]),
    ...options,
  })
  const server = Deno.serve({ hostname: '127.0.0.1', port: 0, onListen() {} }, handler)
  const { port } = server.addr
  return { url: `http://127.0.0.1:${port}/toggl`, port, received, close: () => server.shutdown() }
}

async function post(url: string, body: string, signature: string | undefined): Promise<[number, string]> {
  const response = await fetch(url, { method: 'POST', body, headers: signature === undefined ? {} : { 'X-Webhook-Signature-256': signature } })
  return [response.status, await response.text()]
}

/**
 * Sends the request head and `written` over TCP, chunked unless `contentLength` is declared, and
 * never the end of the body; answers the status and text of the reply.
 */
async function postUnfinished(port: number, written: string, contentLength?: number): Promise<[number, string]> {
  const connection = await Deno.connect({ hostname: '127.0.0.1', port })
  try {
    const framing = contentLength === undefined ? 'Transfer-Encoding: chunked' : `Content-Length: ${contentLength}`
    const body = contentLength === undefined ? `${encoder.encode(written).byteLength.toString(16)}\r\n${written}\r\n` : written
    const head = `POST /toggl HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nX-Webhook-Signature-256: ${await sign(written)}\r\n${framing}\r\n\r\n`
    await connection.write(encoder.encode(head + body))
    return await readReply(connection)
  } finally {
    connection.close()
  }
}

async function readReply(connection: Deno.Conn): Promise<[number, string]> {
  const decoder = new TextDecoder()
  let text = ''
  const buffer = new Uint8Array(4096)
  for (;;) {
    const end = text.indexOf('\r\n\r\n')
    if (end !== -1) {
      const length = Number(/\r\ncontent-length: *(\d+)/i.exec(text.slice(0, end))?.[1] ?? 0)
      if (text.length >= end + 4 + length) return [Number(text.slice(9, 12)), text.slice(end + 4, end + 4 + length)]
    }
    const read = await connection.read(buffer)
    if (read === null) throw new Error(`the connection closed before a whole reply: ${JSON.stringify(text)}`)
    text += decoder.decode(buffer.subarray(0, read), { stream: true })
  }
}

Deno.test("verifyWebhookSignature accepts the example of Toggl's documentation", async () => {
  const body = '{"event_id":0,"created_at":"2022-06-25T03:58:10.207820267Z","creator_id":6,"metadata":{"request_type":"POST","event_user_id":6},"payload":"ping","subscription_id":6}'
  const signature = 'sha256=55343383e52a9cd2f56bd4e9fb5b6ce6982fb45955f26ea816cf7495d98c5fd2'
  assert.equal(await sign(body, 'PGuRrhCFajIyEvFlreKL'), signature, 'the test signs as Toggl does')
  assert.equal(await verifyWebhookSignature({ secret: 'PGuRrhCFajIyEvFlreKL', body, signature }), true)
  assert.equal(await verifyWebhookSignature({ secret: 'PGuRrhCFajIyEvFlreKL', body: `${body} `, signature }), false)
  assert.equal(await verifyWebhookSignature({ secret: 'PGuRrhCFajIyEvFlreKL', body, signature: 'sha256=nope' }), false)
})

Deno.test('Deno.serve: a signed event reaches onEvent once, typed, with every digit of its id', async () => {
  const receiver = receive()
  try {
    const body = timeEntryCreated({ event_id: 1 }).replace('"event_id":1', '"event_id":9007199254740993')
    assert.deepEqual(await post(receiver.url, body, await sign(body)), [200, ''])
    assert.deepEqual(receiver.received, [['9007199254740993', 'time_entry', false]])
  } finally {
    await receiver.close()
  }
})

Deno.test('Deno.serve: tampered, wrongly signed and unsigned deliveries are 401 and never reach onEvent', async () => {
  const receiver = receive()
  try {
    const body = timeEntryCreated()
    const signature = await sign(body)
    const statuses = [
      (await post(receiver.url, body.replace('Deno deploy', 'Deno deploY'), signature))[0],
      (await post(receiver.url, body, await sign(body, 'another-secret')))[0],
      (await post(receiver.url, body, undefined))[0],
      (await post(receiver.url, body, signature.replace('sha256=', 'sha512=')))[0],
    ]
    assert.deepEqual(statuses, [401, 401, 401, 401])
    assert.deepEqual(receiver.received, [])
  } finally {
    await receiver.close()
  }
})

Deno.test("Deno.serve: Toggl's PING gets its validation code back and never reaches onEvent", async () => {
  const receiver = receive()
  try {
    const response = await fetch(receiver.url, { method: 'POST', body: PING, headers: { 'X-Webhook-Signature-256': await sign(PING) } })
    assert.equal(response.status, 200)
    assert.deepEqual(await response.json(), { validation_code: 'c0ffee0123456789' })
    assert.deepEqual(receiver.received, [])
  } finally {
    await receiver.close()
  }
})

Deno.test('Deno.serve: a redelivered event is reported as a duplicate and answered 200', async () => {
  const receiver = receive()
  try {
    const first = timeEntryCreated()
    const retry = timeEntryCreated({ timestamp: new Date(Date.now() + 1000).toISOString() })
    assert.deepEqual([(await post(receiver.url, first, await sign(first)))[0], (await post(receiver.url, retry, await sign(retry)))[0]], [200, 200])
    assert.deepEqual(receiver.received, [
      ['8023169274704072', 'time_entry', false],
      ['8023169274704072', 'time_entry', true],
    ])
  } finally {
    await receiver.close()
  }
})

Deno.test('Deno.serve: an onEvent that throws makes a 500 without its error text', async () => {
  const errors: unknown[] = []
  const receiver = receive({
    onEvent: () => {
      throw new Error(`boom ${SECRET}`)
    },
    onError: (error) => void errors.push(error),
  })
  try {
    const body = timeEntryCreated()
    assert.deepEqual(await post(receiver.url, body, await sign(body)), [500, 'internal error'])
    assert.equal(errors.length, 1)
  } finally {
    await receiver.close()
  }
})

Deno.test('Deno.serve: a body declared larger than maxBodySize is 413 before it is read', async () => {
  const receiver = receive({ maxBodySize: 1024 })
  try {
    assert.deepEqual(await postUnfinished(receiver.port, '{"event_id":', 10_000_000), [413, 'the request body is too large'])
    assert.deepEqual(receiver.received, [])
  } finally {
    await receiver.close()
  }
})

Deno.test('Deno.serve: a chunked body is 413 as soon as it passes maxBodySize, without its end', async () => {
  const receiver = receive({ maxBodySize: 1024 })
  try {
    assert.deepEqual(await postUnfinished(receiver.port, 'x'.repeat(4096)), [413, 'the request body is too large'])
  } finally {
    await receiver.close()
  }
})

Deno.test('Deno.serve: a body that stalls is 408 after bodyTimeout', async () => {
  const receiver = receive({ bodyTimeout: 100 })
  try {
    assert.deepEqual(await postUnfinished(receiver.port, '{"event_id":8023169274704072,'), [408, 'the request body took too long'])
    assert.deepEqual(receiver.received, [])
  } finally {
    await receiver.close()
  }
})
