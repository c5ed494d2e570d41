import { afterEach, describe, expect, it, vi } from 'vitest'
import { createTogglMock, DEMO_ACCOUNT, type TogglMock } from '../src/mock/index.ts'
import { serveTogglMock, type MockServer } from '../src/mock/node.ts'

const AUTHORIZATION = `Basic ${btoa(`${DEMO_ACCOUNT.apiToken}:api_token`)}`
const JSON_TYPE = 'application/json; charset=utf-8'

const servers: MockServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()))
})

async function serve(target: TogglMock | ((request: Request) => Promise<Response>)) {
  const server = await serveTogglMock(target)
  servers.push(server)
  return server
}

/** A mock on loopback; `list` asks for the caller's organizations. */
async function start() {
  const mock = createTogglMock()
  const server = await serve(mock)
  const list = (init: RequestInit = {}) =>
    fetch(`${server.baseURL}/me/organizations`, { headers: { authorization: AUTHORIZATION }, ...init })
  return { mock, server, list }
}

function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.unreachable('expected a rejection'),
    (error: unknown) => error,
  )
}

describe('faults over loopback', () => {
  it('status: answers that status with its headers and a JSON status text, before auth', async () => {
    const { mock, server } = await start()
    mock.inject({ type: 'status', status: 503, headers: { 'Retry-After': '1' } })
    const response = await fetch(`${server.baseURL}/me/organizations`)
    expect(response.status).toBe(503)
    expect(response.headers.get('retry-after')).toBe('1')
    expect(response.headers.get('content-type')).toBe(JSON_TYPE)
    expect(await response.text()).toBe('"Service Unavailable"')
    expect(mock.requests[0]?.status).toBe(503)
  })

  it('status: sends a given body and lets headers replace the content type', async () => {
    const { mock, list } = await start()
    mock.inject({ type: 'status', status: 400, body: '<b>no</b>', headers: { 'content-type': 'text/html' } })
    const response = await list()
    expect([response.status, response.headers.get('content-type'), await response.text()]).toEqual([400, 'text/html', '<b>no</b>'])
  })

  it('queues faults in order, `times` at a time, then answers normally', async () => {
    const { mock, list } = await start()
    mock.inject({ type: 'status', status: 500 }, 2)
    mock.inject({ type: 'html', status: 502 })
    const statuses = []
    for (let i = 0; i < 4; i++) statuses.push((await list()).status)
    expect(statuses).toEqual([500, 500, 502, 200])
  })

  it('lists the faults still queued, the next first, until each meets its request', async () => {
    const { mock, list } = await start()
    const slow = { type: 'delay', ms: 1 } as const
    mock.inject({ type: 'status', status: 500 }, 2)
    mock.inject(slow)
    expect(mock.faults).toEqual([{ type: 'status', status: 500 }, { type: 'status', status: 500 }, slow])
    await list()
    expect(mock.faults).toEqual([{ type: 'status', status: 500 }, slow])
    // A copy: changing it queues nothing.
    ;(mock.faults as unknown[]).length = 0
    expect(mock.faults).toHaveLength(2)
    await list()
    await list()
    expect(mock.faults).toEqual([])
  })

  it('clearFaults drops the queued faults', async () => {
    const { mock, list } = await start()
    mock.inject({ type: 'drop' }, 3)
    mock.clearFaults()
    expect((await list()).status).toBe(200)
  })

  it('delay: answers normally after the delay', async () => {
    const { mock, list } = await start()
    mock.inject({ type: 'delay', ms: 200 })
    const started = performance.now()
    const response = await list()
    expect(performance.now() - started).toBeGreaterThanOrEqual(190)
    expect([response.status, await response.text()]).toEqual([200, '[]'])
    expect(response.headers.get('x-toggl-quota-remaining')).toBe('599')
  })

  it('hang: never answers; the client abort reaches the handler, which settles', async () => {
    const mock = createTogglMock()
    const handled: Promise<Response>[] = []
    const server = await serve((request) => {
      const answer = mock.handle(request)
      handled.push(answer)
      return answer
    })
    mock.inject({ type: 'hang' })
    const call = fetch(`${server.baseURL}/me/organizations`, { signal: AbortSignal.timeout(150) })
    expect(await rejectionOf(call)).toMatchObject({ name: 'TimeoutError' })
    await vi.waitFor(() => expect(handled).toHaveLength(1))
    expect(await rejectionOf(handled[0] as Promise<Response>)).toMatchObject({ message: 'the client closed the connection' })
    expect(mock.requests.map((r) => r.status)).toEqual([0])
  })

  it('close() ends promptly with a hanging request and an idle keep-alive connection', async () => {
    const mock = createTogglMock()
    const server = await serveTogglMock(mock)
    // Leaves a keep-alive socket open in fetch's pool.
    expect((await fetch(`${server.baseURL}/me/organizations`, { headers: { authorization: AUTHORIZATION } })).status).toBe(200)
    mock.inject({ type: 'hang' })
    const hanging = fetch(`${server.baseURL}/me/organizations`)
    await vi.waitFor(() => expect(mock.requests).toHaveLength(2))
    const started = performance.now()
    await server.close()
    expect(performance.now() - started).toBeLessThan(500)
    expect(await rejectionOf(hanging)).toBeInstanceOf(TypeError)
    await server.close() // a second close is harmless
  })

  it('malformed-json: 200 with a JSON content type and a body that does not parse', async () => {
    const { mock, list } = await start()
    mock.inject({ type: 'malformed-json' })
    const response = await list()
    expect([response.status, response.headers.get('content-type')]).toEqual([200, JSON_TYPE])
    const text = await response.text()
    expect(text).toBe('{"id": 1, "name": ')
    expect(() => JSON.parse(text)).toThrow(SyntaxError)
  })

  it('truncated: promises the full Content-Length, sends half, then the body read fails', async () => {
    const { mock, list } = await start()
    mock.inject({ type: 'truncated' })
    const response = await list()
    expect(response.status).toBe(200)
    expect(Number(response.headers.get('content-length'))).toBeGreaterThan(40)
    expect(await rejectionOf(response.text())).toBeInstanceOf(TypeError)
    expect((await list()).status).toBe(200)
  })

  it('drop: no HTTP answer, so fetch rejects; recorded with status 0', async () => {
    const { mock, list } = await start()
    mock.inject({ type: 'drop' })
    const error = await rejectionOf(list())
    expect(error).toBeInstanceOf(TypeError)
    expect(error).toMatchObject({ message: 'fetch failed', cause: expect.any(Error) })
    expect((await list()).status).toBe(200)
    expect(mock.requests.map((r) => r.status)).toEqual([0, 200])
  })

  it('html: a proxy error page with a text/html content type', async () => {
    const { mock, list } = await start()
    mock.inject({ type: 'html', status: 502 })
    const response = await list()
    expect([response.status, response.headers.get('content-type')]).toEqual([502, 'text/html'])
    expect(await response.text()).toContain('<title>502 Bad Gateway</title>')
  })

  it('refuses faults that could never be answered', () => {
    const mock = createTogglMock()
    expect(() => mock.inject({ type: 'status', status: 99 })).toThrow(RangeError)
    expect(() => mock.inject({ type: 'html', status: 600 })).toThrow(RangeError)
    expect(() => mock.inject({ type: 'delay', ms: -1 })).toThrow(RangeError)
    expect(() => mock.inject({ type: 'drop' }, 0)).toThrow(RangeError)
  })
})

describe('mock.fetch in-process', () => {
  const url = 'http://toggl.test/api/v9/me/organizations'
  const init = { headers: { authorization: AUTHORIZATION } }

  it('answers like the server does', async () => {
    const mock = createTogglMock({ organizations: [{ name: 'Acme', memberIds: [1] }] })
    const response = await mock.fetch(url, init)
    expect([response.status, response.headers.get('x-toggl-quota-remaining')]).toEqual([200, '599'])
    expect(await response.json()).toMatchObject([{ name: 'Acme', owner: true }])
    expect((await mock.fetch(url)).status).toBe(401)
  })

  it('drop: rejects with TypeError("fetch failed") and a cause, like real fetch', async () => {
    const mock = createTogglMock()
    mock.inject({ type: 'drop' })
    const error = await rejectionOf(mock.fetch(url, init))
    expect(error).toBeInstanceOf(TypeError)
    expect(error).toMatchObject({ message: 'fetch failed', cause: expect.any(Error) })
  })

  it('truncated: the response comes, reading its body fails after half the bytes', async () => {
    const mock = createTogglMock()
    mock.inject({ type: 'truncated' })
    const response = await mock.fetch(url, init)
    const declared = Number(response.headers.get('content-length'))
    const reader = (response.body as ReadableStream<Uint8Array>).getReader()
    const first = await reader.read()
    expect(first.value?.byteLength).toBe(declared >> 1)
    expect(await rejectionOf(reader.read())).toBeInstanceOf(TypeError)
  })

  it('hang: rejects with the signal’s reason and leaves nothing pending', async () => {
    const mock = createTogglMock()
    mock.inject({ type: 'hang' })
    const controller = new AbortController()
    const call = mock.fetch(url, { ...init, signal: controller.signal })
    await vi.waitFor(() => expect(mock.requests).toHaveLength(1))
    controller.abort(new Error('gave up'))
    expect(await rejectionOf(call)).toMatchObject({ message: 'gave up' })
  })

  it('delay: an abort during the delay rejects at once', async () => {
    const mock = createTogglMock()
    mock.inject({ type: 'delay', ms: 10_000 })
    const started = performance.now()
    const error = await rejectionOf(mock.fetch(url, { ...init, signal: AbortSignal.timeout(50) }))
    expect(error).toMatchObject({ name: 'TimeoutError' })
    expect(performance.now() - started).toBeLessThan(1_000)
  })

  it('rejects an already aborted signal without recording a request', async () => {
    const mock = createTogglMock()
    const error = await rejectionOf(mock.fetch(url, { ...init, signal: AbortSignal.abort() }))
    expect(error).toMatchObject({ name: 'AbortError' })
    expect(mock.requests).toHaveLength(0)
  })
})

describe('serveTogglMock with a plain handler', () => {
  it('serves it under /api/v9 and answers 500 when it throws', async () => {
    const server = await serve(async (request) => {
      if (new URL(request.url).pathname.endsWith('/boom')) throw new Error('handler broke')
      return new Response(`${request.method} ${await request.text()}`)
    })
    expect(server.baseURL).toBe(`${server.origin}/api/v9`)
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    const echoed = await fetch(`${server.baseURL}/x`, { method: 'POST', body: 'hello' })
    expect([echoed.headers.get('content-length'), await echoed.text()]).toEqual(['10', 'POST hello'])
    const broken = await fetch(`${server.baseURL}/boom`)
    expect([broken.status, await broken.text()]).toEqual([500, 'togglkit/mock: Error: handler broke'])
  })
})
