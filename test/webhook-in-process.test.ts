// createWebhookHandler called directly with Node's own Request and Response, as under a
// fetch-style server or an edge runtime; its options; and the bounded id store.
import { describe, expect, it, vi } from 'vitest'
import { createWebhookHandler, InputError, MemoryIdStore, type WebhookHandlerOptions } from '../src/receiver/index.ts'
import { rawTopLevelNumber } from '../src/receiver/event-id.ts'
import { HEADER, ping, SECRET, sign, timeEntryCreated } from './support/webhooks.ts'

const URL = 'https://hooks.example.com/toggl'

function post(body: BodyInit, headers: Record<string, string> = {}): Request {
  const init: RequestInit & { duplex: 'half' } = { method: 'POST', body, headers, duplex: 'half' }
  return new Request(URL, init)
}

function signedPost(event: Record<string, unknown>): Request {
  const text = JSON.stringify(event)
  return post(text, { [HEADER]: sign(text) })
}

describe("the handler with Node's own Request", () => {
  it('answers a signed event and a PING like over HTTP', async () => {
    const onEvent = vi.fn()
    const handler = createWebhookHandler({ secret: SECRET, onEvent })
    expect((await handler(signedPost(timeEntryCreated()))).status).toBe(200)
    expect(await (await handler(signedPost(ping()))).json()).toEqual({ validation_code: '5f1c0e9a2b7d4c3e8f6a1b2c3d4e5f60' })
    expect(onEvent).toHaveBeenCalledOnce()
    expect(onEvent.mock.calls[0]?.[1]).toEqual({ duplicate: false, request: expect.any(Request) })
  })

  it('stops reading a stream past maxBodySize: 413 after a bounded number of chunks', async () => {
    let pulled = 0
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++
        controller.enqueue(new Uint8Array(1024).fill(0x20))
      },
    })
    const handler = createWebhookHandler({ secret: SECRET, onEvent: vi.fn(), maxBodySize: 10 * 1024 })
    const response = await handler(post(endless, { [HEADER]: sign('') }))
    expect(response.status).toBe(413)
    // 11 chunks pass the limit; the stream's own read-ahead may ask for a couple more, never all.
    expect(pulled).toBeLessThan(20)
  })

  it('answers 408 to a stream that stalls, after bodyTimeout', async () => {
    let cancelled = false
    const stalled = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"event_id":'))
      },
      cancel() {
        cancelled = true
      },
    })
    const handler = createWebhookHandler({ secret: SECRET, onEvent: vi.fn(), bodyTimeout: 50 })
    const response = await handler(post(stalled, { [HEADER]: sign('') }))
    expect([response.status, await response.text()]).toEqual([408, 'the request body took too long'])
    expect(cancelled).toBe(true)
  })

  it('answers 400 to a stream that errors midway, and to a body already read', async () => {
    const failing = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.error(new Error('connection reset'))
      },
    })
    const handler = createWebhookHandler({ secret: SECRET, onEvent: vi.fn() })
    expect((await handler(post(failing, { [HEADER]: sign('') }))).status).toBe(400)
    const used = signedPost(timeEntryCreated())
    await used.text()
    expect((await handler(used)).status).toBe(400)
  })

  it('answers 401 to an unsigned body without reading it', async () => {
    let pulled = 0
    const body = new ReadableStream<Uint8Array>({ pull: () => void pulled++ }, { highWaterMark: 0 })
    const response = await createWebhookHandler({ secret: SECRET, onEvent: vi.fn() })(post(body))
    expect(response.status).toBe(401)
    expect(pulled).toBe(0)
  })

  it('treats onEvent as done when its promise settles', async () => {
    const order: string[] = []
    const handler = createWebhookHandler({
      secret: SECRET,
      onEvent: async () => {
        await new Promise((resolve) => setTimeout(resolve, 10))
        order.push('onEvent done')
      },
    })
    const response = await handler(signedPost(timeEntryCreated()))
    order.push(`answered ${response.status}`)
    expect(order).toEqual(['onEvent done', 'answered 200'])
  })
})

describe('createWebhookHandler options', () => {
  const onEvent = () => {}
  it.each([
    ['no options', undefined, 'createWebhookHandler: options must be an object with secret and onEvent'],
    ['no secret', { onEvent }, 'createWebhookHandler: secret must be a non-empty string (the subscription\'s secret), got undefined'],
    ['an empty secret', { secret: '', onEvent }, "createWebhookHandler: secret must be a non-empty string (the subscription's secret), got an empty string"],
    ['no onEvent', { secret: SECRET }, 'createWebhookHandler: options.onEvent must be a function, got undefined'],
    ['a misspelt option', { secret: SECRET, onEvent, maxBodyBytes: 10 }, 'createWebhookHandler: maxBodyBytes is not an option (options are secret, onEvent, maxBodySize, bodyTimeout, idStore, timestampTolerance, callbackURL, onError)'],
    ['a fractional maxBodySize', { secret: SECRET, onEvent, maxBodySize: 1.5 }, 'createWebhookHandler: options.maxBodySize must be a whole number of bytes > 0, got 1.5'],
    ['a zero bodyTimeout', { secret: SECRET, onEvent, bodyTimeout: 0 }, 'createWebhookHandler: options.bodyTimeout must be a number of ms > 0 (or Infinity), got 0'],
    ['an idStore without delete', { secret: SECRET, onEvent, idStore: { add: () => false } }, 'createWebhookHandler: options.idStore must be null or an object with add(id) and delete(id), got an object'],
    ['a negative timestampTolerance', { secret: SECRET, onEvent, timestampTolerance: -1 }, 'createWebhookHandler: options.timestampTolerance must be a number of ms ≥ 0 (or Infinity), got -1'],
    ['a relative callbackURL', { secret: SECRET, onEvent, callbackURL: '/toggl' }, 'createWebhookHandler: options.callbackURL must be an absolute URL, got "/toggl"'],
    ['an onError that is no function', { secret: SECRET, onEvent, onError: 'log' }, 'createWebhookHandler: options.onError must be a function, got "log"'],
  ])('throws InputError at once for %s', (_, options, message) => {
    const error = (() => {
      try {
        createWebhookHandler(options as WebhookHandlerOptions)
      } catch (thrown) {
        return thrown
      }
    })()
    expect(error).toBeInstanceOf(InputError)
    expect((error as Error).message).toBe(message)
  })

  it('never quotes a secret of the wrong kind', () => {
    expect(() => createWebhookHandler({ secret: ['PGuRrhCFajIyEvFlreKL'] as never, onEvent })).toThrow(/got an array$/)
  })
})

describe('MemoryIdStore', () => {
  it('answers whether an id was there, forgetting the one seen longest ago past its capacity', () => {
    const store = new MemoryIdStore(2)
    expect([store.add('a'), store.add('b'), store.add('a')]).toEqual([false, false, true])
    // 'a' was seen again after 'b', so 'b' goes first.
    expect(store.add('c')).toBe(false)
    expect([store.size, store.add('a'), store.add('b')]).toEqual([2, true, false])
    store.delete('b')
    expect(store.add('b')).toBe(false)
  })

  it('remembers 10 000 ids by default', () => {
    const store = new MemoryIdStore()
    for (let i = 0; i <= 10_000; i++) store.add(String(i))
    expect([store.size, store.add('0'), store.add('10000')]).toEqual([10_000, false, true])
  })

  it.each([0, -1, 1.5, Number.NaN])('refuses a capacity of %s', (capacity) => {
    expect(() => new MemoryIdStore(capacity)).toThrow(InputError)
  })
})

describe('the exact event_id', () => {
  it.each([
    ['the digits of a top-level key', '{"event_id":9007199254740993}', '9007199254740993'],
    ['with whitespace around the colon', '{ "event_id" :\n 42 }', '42'],
    ['the last of repeated keys, as JSON.parse keeps', '{"event_id":1,"event_id":2}', '2'],
    ['an escaped spelling of the key', '{"event\\u005fid":7}', '7'],
    ['not a nested key', '{"metadata":{"event_id":5},"payload":[{"event_id":6}]}', undefined],
    ['not text inside a string', '{"note":"\\"event_id\\":5","x":"a\\\\"}', undefined],
    ['not a value that is a string', '{"event_id":"5"}', undefined],
  ])('reads %s', (_, text, expected) => {
    expect(rawTopLevelNumber(text, 'event_id')).toBe(expected)
  })
})
