// createWebhookHandler behind a real node:http server on loopback (through togglkit/webhooks/node),
// receiving deliveries signed the way Toggl signs them.
import { describe, expect, it, vi } from 'vitest'
import { createWebhookHandler, type WebhookDelivery, type WebhookEvent, type WebhookHandlerOptions } from '../src/receiver/index.ts'
import { deliver, HEADER, ping, postUnfinished, SECRET, serve, sign, timeEntryCreated } from './support/webhooks.ts'

/** A handler on loopback whose onEvent records what it got. */
async function receiver(options: Partial<WebhookHandlerOptions> = {}) {
  const received: Array<[WebhookEvent, Omit<WebhookDelivery, 'request'>]> = []
  const onEvent = vi.fn((event: WebhookEvent, { duplicate }: WebhookDelivery) => void received.push([event, { duplicate }]))
  const url = await serve(createWebhookHandler({ secret: SECRET, onEvent, ...options }))
  return { url, received, onEvent }
}

describe('a signed entity event', () => {
  it('reaches onEvent once, typed and parsed, and is answered 200', async () => {
    const { url, received } = await receiver()
    const sent = timeEntryCreated()
    const response = await deliver(url, sent)
    expect(response.status).toBe(200)
    expect(await response.text()).toBe('')
    expect(received).toEqual([[{ ...sent, event_id: '8023169274704072', model: 'time_entry' }, { duplicate: false }]])

    const [event] = received[0] as [WebhookEvent, unknown]
    if (event.model !== 'time_entry') throw new Error('expected a time entry event')
    // Narrowed by `model`: the payload is a time entry; metadata ids stay strings.
    const start: string | null | undefined = event.payload.start
    expect(start).toBe('2026-03-02T09:15:04Z')
    expect(event.metadata.workspace_id).toBe('77')
    expect(event.metadata.time_entry_id).toBe('4100200300')
  })

  it('keeps every digit of an event id past Number.MAX_SAFE_INTEGER', async () => {
    const { url, received } = await receiver()
    // JSON.parse would read 9007199254740993 as 9007199254740992.
    const body = JSON.stringify(timeEntryCreated({ event_id: 1 })).replace('"event_id":1', '"event_id":9007199254740993')
    expect((await deliver(url, body)).status).toBe(200)
    expect(received.map(([event]) => event.event_id)).toEqual(['9007199254740993'])
  })

  it('reads the top-level event_id, not one nested in the metadata, the payload or a string', async () => {
    const { url, received } = await receiver()
    const event = timeEntryCreated({ event_id: 8000000000000001 })
    const body = JSON.stringify({
      ...event,
      note: '"event_id":1',
      metadata: { ...(event.metadata as object), event_id: '2' },
      payload: { ...(event.payload as object), event_id: 3 },
    })
    expect((await deliver(url, body)).status).toBe(200)
    expect(received.map(([received]) => received.event_id)).toEqual(['8000000000000001'])
  })

  it('takes metadata ids sent as numbers as their decimal strings', async () => {
    const { url, received } = await receiver()
    const sent = timeEntryCreated()
    await deliver(url, { ...sent, metadata: { ...(sent.metadata as object), workspace_id: 77, event_user_id: 1001 } })
    expect(received[0]?.[0].metadata).toMatchObject({ workspace_id: '77', event_user_id: '1001' })
  })

  it('removes credential fields from a payload (a workspace with api_token and ical_url)', async () => {
    const { url, received } = await receiver()
    const payload = { id: 77, name: 'Acme HQ', organization_id: 5, api_token: 'ws-token-secret', ical_url: '/ical/secret', intercom_hash: 'h' }
    const metadata = { action: 'updated', model: 'workspace', workspace_id: '77', event_user_id: '1001' }
    expect((await deliver(url, timeEntryCreated({ metadata, payload }))).status).toBe(200)
    expect(received[0]?.[0]).toMatchObject({ model: 'workspace', payload: { id: 77, name: 'Acme HQ', organization_id: 5 } })
    expect(JSON.stringify(received)).not.toMatch(/ws-token-secret|ical|intercom/)
  })

  it.each([
    ['project', { id: 9, workspace_id: 77, name: 'Receiver', active: true }],
    ['client', { id: 8, wid: 77, name: 'Globex', archived: false }],
    ['tag', { id: 7, workspace_id: 77, name: 'billable' }],
    ['task', { id: 6, project_id: 9, workspace_id: 77, name: 'Tests', active: true }],
    ['workspace_user', { id: 5, user_id: 1001, workspace_id: 77, admin: false }],
    ['project_user', { id: 4, project_id: 9, user_id: 1001, manager: true }],
    ['project_group', { id: 3, pid: 9, group_id: 2, wid: 77 }],
  ])('types a %s event by its model', async (model, payload) => {
    const { url, received } = await receiver()
    const metadata = { action: 'deleted', model, workspace_id: '77' }
    expect((await deliver(url, timeEntryCreated({ metadata, payload }))).status).toBe(200)
    expect(received[0]?.[0]).toMatchObject({ model, metadata: { model, action: 'deleted' }, payload })
  })

  it("passes an event of a model togglkit does not know on as model 'unknown', payload as sent", async () => {
    const { url, received } = await receiver()
    const metadata = { action: 'archived', model: 'goal', workspace_id: '77' }
    const payload = { goal_id: 12, target: 'anything' }
    expect((await deliver(url, timeEntryCreated({ metadata, payload }))).status).toBe(200)
    expect(received[0]?.[0]).toMatchObject({ model: 'unknown', metadata: { model: 'goal', action: 'archived' }, payload })
  })
})

describe('a delivery that is not signed by the secret', () => {
  it.each([
    ['a tampered body', (body: string) => ({ body: body.replace('Write the receiver', 'Write the receiveR'), signature: sign(body) })],
    ['a signature under another secret', (body: string) => ({ body, signature: sign(body, 'another-secret') })],
    ['no signature header', (body: string) => ({ body, signature: undefined })],
    ['an empty signature header', (body: string) => ({ body, signature: '' })],
    ['a malformed signature header', (body: string) => ({ body, signature: sign(body).replace('sha256=', 'sha1=') })],
    ['a truncated signature', (body: string) => ({ body, signature: sign(body).slice(0, -2) })],
  ])('is answered 401 and never reaches onEvent: %s', async (_, forge) => {
    const { url, onEvent } = await receiver()
    const { body, signature } = forge(JSON.stringify(timeEntryCreated()))
    const response = await fetch(url, { method: 'POST', body, headers: signature === undefined ? {} : { [HEADER]: signature } })
    expect(response.status).toBe(401)
    expect(await response.text()).not.toContain(SECRET)
    expect(onEvent).not.toHaveBeenCalled()
  })

  it('gets no validation code back when it is a PING', async () => {
    const { url, onEvent } = await receiver()
    const response = await deliver(url, ping(), 'another-secret')
    expect(response.status).toBe(401)
    expect(await response.text()).not.toContain('5f1c0e9a')
    expect(onEvent).not.toHaveBeenCalled()
  })
})

describe("Toggl's validation PING", () => {
  it('is answered 200 with its validation code as JSON, and never reaches onEvent', async () => {
    const { url, onEvent } = await receiver()
    const response = await deliver(url, ping())
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/json')
    expect(await response.json()).toEqual({ validation_code: '5f1c0e9a2b7d4c3e8f6a1b2c3d4e5f60' })
    expect(onEvent).not.toHaveBeenCalled()
  })

  it('without a validation code (a validated subscription pinged) is answered 200 with an empty body', async () => {
    const { url, onEvent } = await receiver()
    const { validation_code: _, validation_code_url: __, ...validated } = ping()
    const response = await deliver(url, validated)
    expect(response.status).toBe(200)
    expect(await response.text()).toBe('')
    expect(onEvent).not.toHaveBeenCalled()
  })

  it('is not remembered as an event id: every PING is answered', async () => {
    const { url } = await receiver()
    for (let i = 0; i < 3; i++) expect(await (await deliver(url, ping())).json()).toEqual({ validation_code: '5f1c0e9a2b7d4c3e8f6a1b2c3d4e5f60' })
  })
})

describe('a redelivered event', () => {
  it('reaches onEvent again flagged duplicate: true, and is answered 200 so Toggl stops', async () => {
    const { url, received } = await receiver()
    const first = timeEntryCreated()
    // A retry carries the same event id with a new timestamp (so a new signature).
    const retry = { ...first, timestamp: new Date(Date.now() + 1000).toISOString() }
    const other = timeEntryCreated({ event_id: 8023169274704073 })
    const statuses = [await deliver(url, first), await deliver(url, retry), await deliver(url, other), await deliver(url, first)].map((r) => r.status)
    expect(statuses).toEqual([200, 200, 200, 200])
    expect(received.map(([event, { duplicate }]) => [event.event_id, duplicate])).toEqual([
      ['8023169274704072', false],
      ['8023169274704072', true],
      ['8023169274704073', false],
      ['8023169274704072', true],
    ])
  })

  it('is not flagged when idStore is null', async () => {
    const { url, received } = await receiver({ idStore: null })
    await deliver(url, timeEntryCreated())
    await deliver(url, timeEntryCreated())
    expect(received.map(([, { duplicate }]) => duplicate)).toEqual([false, false])
  })

  it('is spotted across handlers that share an idStore (e.g. one backed by Redis)', async () => {
    const ids = new Set<string>()
    const idStore = { add: async (id: string) => ids.has(id) || (ids.add(id), false), delete: async (id: string) => void ids.delete(id) }
    const a = await receiver({ idStore })
    const b = await receiver({ idStore })
    await deliver(a.url, timeEntryCreated())
    await deliver(b.url, timeEntryCreated())
    expect([...a.received, ...b.received].map(([, { duplicate }]) => duplicate)).toEqual([false, true])
  })
})

describe('an onEvent that fails', () => {
  it('makes the answer 500 without its error text, tells onError, and lets the retry count as new', async () => {
    const onError = vi.fn()
    const seen: boolean[] = []
    let calls = 0
    const url = await serve(
      createWebhookHandler({
        secret: SECRET,
        onError,
        onEvent(_, { duplicate }) {
          seen.push(duplicate)
          if (++calls === 1) throw new Error(`database down: password=hunter2 secret=${SECRET}`)
        },
      }),
    )
    const failed = await deliver(url, timeEntryCreated())
    expect(failed.status).toBe(500)
    expect(await failed.text()).toBe('internal error')
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: expect.stringContaining('database down') }), expect.objectContaining({ event_id: '8023169274704072' }))

    expect((await deliver(url, timeEntryCreated())).status).toBe(200)
    expect(seen).toEqual([false, false])
  })

  it('answers 500 also when onEvent rejects and onError itself throws', async () => {
    const url = await serve(
      createWebhookHandler({
        secret: SECRET,
        onEvent: async () => Promise.reject(new Error('nope')),
        onError: () => {
          throw new Error('the logger is broken too')
        },
      }),
    )
    const response = await deliver(url, timeEntryCreated())
    expect([response.status, await response.text()]).toEqual([500, 'internal error'])
  })

  it('logs to console.error by default, without the secret', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {})
    try {
      const url = await serve(createWebhookHandler({ secret: SECRET, onEvent: () => Promise.reject(new Error('nope')) }))
      expect((await deliver(url, timeEntryCreated())).status).toBe(500)
      expect(log).toHaveBeenCalledOnce()
      expect(log.mock.calls[0]?.[0]).toBe('togglkit/webhooks: answered 500 to event 8023169274704072 (time_entry created)')
      expect(JSON.stringify(log.mock.calls)).not.toContain(SECRET)
    } finally {
      log.mockRestore()
    }
  })

  it('a failing idStore makes the answer 500 before onEvent runs', async () => {
    const onError = vi.fn()
    const failing = { add: () => Promise.reject(new Error('redis unreachable')), delete: () => {} }
    const { url, onEvent } = await receiver({ idStore: failing, onError })
    expect((await deliver(url, timeEntryCreated())).status).toBe(500)
    expect(onEvent).not.toHaveBeenCalled()
    expect(onError).toHaveBeenCalledOnce()
  })
})

describe('bodies that are too large, too slow or not Toggl events', () => {
  it('answers 413 to a declared Content-Length over maxBodySize without reading the body', async () => {
    const { url, onEvent } = await receiver({ maxBodySize: 1024 })
    // The client sends a few bytes of a declared 10 MB body and waits: only an answer given without
    // the body can arrive.
    const answer = await postUnfinished(url, { headers: { 'content-length': String(10_000_000) }, written: '{"event_id":' })
    expect(answer).toEqual({ status: 413, text: 'the request body is too large' })
    expect(onEvent).not.toHaveBeenCalled()
  })

  it('answers 413 to a body of unknown length as soon as it passes maxBodySize, without waiting for the rest', async () => {
    const { url, onEvent } = await receiver({ maxBodySize: 1024 })
    const answer = await postUnfinished(url, { written: 'x'.repeat(4096) })
    expect(answer).toEqual({ status: 413, text: 'the request body is too large' })
    expect(onEvent).not.toHaveBeenCalled()
  })

  it('accepts a body of exactly maxBodySize bytes', async () => {
    const event = JSON.stringify(timeEntryCreated())
    const { url, received } = await receiver({ maxBodySize: new TextEncoder().encode(event).byteLength })
    expect((await deliver(url, event)).status).toBe(200)
    expect(received).toHaveLength(1)
  })

  it('answers 413 to a large body sent whole by fetch, and the server goes on serving', async () => {
    const { url, onEvent } = await receiver({ maxBodySize: 1024 })
    const big = JSON.stringify(timeEntryCreated({ padding: 'x'.repeat(2_000_000) }))
    expect((await deliver(url, big)).status).toBe(413)
    expect(onEvent).not.toHaveBeenCalled()
  })

  it('answers 408 to a body that stalls past bodyTimeout', async () => {
    const { url, onEvent } = await receiver({ bodyTimeout: 100 })
    const answer = await postUnfinished(url, { written: '{"event_id":8023169274704072,' })
    expect(answer).toEqual({ status: 408, text: 'the request body took too long' })
    expect(onEvent).not.toHaveBeenCalled()
  })

  it.each([
    ['not JSON', '{"event_id": 1, '],
    ['not UTF-8', new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d])],
    ['a JSON array', '[1,2,3]'],
    ['a JSON string', '"ping"'],
    ['an empty body', ''],
    ['an event without metadata', JSON.stringify({ ...timeEntryCreated(), metadata: undefined })],
    ['an event without an event_id', JSON.stringify({ ...timeEntryCreated(), event_id: undefined })],
    ['an event_id that is not a whole number', JSON.stringify(timeEntryCreated({ event_id: 1.5 }))],
    ['an event_id given as a string', JSON.stringify(timeEntryCreated({ event_id: '8023169274704072' }))],
    ['a time entry payload without an id', JSON.stringify(timeEntryCreated({ payload: { description: 'no id' } }))],
    ['a time entry payload whose start is a number', JSON.stringify(timeEntryCreated({ payload: { id: 1, start: 1700000000 } }))],
    ['a payload that is neither "ping" nor an object', JSON.stringify(timeEntryCreated({ payload: 'pong' }))],
    ['an array as the payload of an unknown model', JSON.stringify(timeEntryCreated({ metadata: { action: 'created', model: 'goal' }, payload: [1] }))],
    ['a PING whose validation code is not a string', JSON.stringify(ping({ validation_code: 42 }))],
  ])('answers 400, signature correct, to %s', async (_, body) => {
    const { url, onEvent } = await receiver()
    const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body
    const response = await fetch(url, { method: 'POST', body: bytes, headers: { [HEADER]: sign(bytes) } })
    expect([response.status, await response.text()]).toEqual([400, 'not a Toggl webhook event'])
    expect(onEvent).not.toHaveBeenCalled()
  })

  it('answers 405 to anything but POST', async () => {
    const { url } = await receiver()
    for (const method of ['GET', 'PUT', 'HEAD']) {
      const response = await fetch(url, { method })
      expect([response.status, response.headers.get('allow')]).toEqual([405, 'POST'])
    }
  })
})

describe('replay protection and the callback URL', () => {
  it('with timestampTolerance, accepts a fresh delivery and answers 401 to a stale, future or missing timestamp', async () => {
    const { url, received } = await receiver({ timestampTolerance: 5 * 60_000 })
    const at = (offset: number) => new Date(Date.now() + offset).toISOString()
    const answers = []
    for (const timestamp of [at(0), at(-60 * 60_000), at(60 * 60_000), undefined, 'yesterday']) {
      const response = await deliver(url, timeEntryCreated({ timestamp, event_id: 8023169274704000 + answers.length }))
      answers.push([response.status, await response.text()])
    }
    expect(answers).toEqual([
      [200, ''],
      [401, 'the event timestamp is too far from now'],
      [401, 'the event timestamp is too far from now'],
      [401, 'the event has no valid timestamp'],
      [401, 'the event has no valid timestamp'],
    ])
    expect(received).toHaveLength(1)
  })

  it('reads nanosecond timestamps with an offset', async () => {
    const { url, received } = await receiver({ timestampTolerance: 60_000 })
    const now = new Date()
    const local = new Date(now.getTime() + 2 * 3600_000).toISOString().replace(/\.(\d{3})Z$/, '.$1456789+02:00')
    expect((await deliver(url, timeEntryCreated({ timestamp: local }))).status).toBe(200)
    expect(received).toHaveLength(1)
  })

  it('without timestampTolerance, takes an event of any age (the default)', async () => {
    const { url, received } = await receiver()
    await deliver(url, timeEntryCreated({ timestamp: '2020-01-01T00:00:00Z' }))
    expect(received).toHaveLength(1)
  })

  it('with callbackURL, answers 401 to an event sent to another URL, PINGs included', async () => {
    const { url, received } = await receiver({ callbackURL: 'HTTPS://Hooks.Example.com:443/toggl' })
    expect((await deliver(url, timeEntryCreated())).status).toBe(200)
    const elsewhere = await deliver(url, timeEntryCreated({ url_callback: 'https://evil.example.com/toggl' }))
    expect([elsewhere.status, await elsewhere.text()]).toEqual([401, 'the event was sent to another URL'])
    expect((await deliver(url, timeEntryCreated({ url_callback: undefined }))).status).toBe(401)
    expect((await deliver(url, ping({ url_callback: 'https://evil.example.com/toggl' }))).status).toBe(401)
    expect((await deliver(url, ping())).status).toBe(200)
    expect(received).toHaveLength(1)
  })
})
