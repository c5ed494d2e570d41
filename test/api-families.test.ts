// What the request core and operations offer the API families beyond v9's GET/PUT/DELETE reads:
// a POST that reads (Reports v3), a JSON `null` reply, a file reply, and one base URL per family.
// A small endpoint declares such operations, and the loopback fake answers them.
import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import type { BasicAuth } from '../src/core/auth.ts'
import type { TogglCache } from '../src/cache/types.ts'
import type { EndpointOptions } from '../src/core/options.ts'
import { resolveOptions } from '../src/core/options.ts'
import { OperationEndpoint } from '../src/endpoints/operation-endpoint.ts'
import { operation } from '../src/endpoints/operation.ts'
import type { ReadOptions } from '../src/endpoints/arguments.ts'
import { HTTPStatusError, InputError, MemoryCache, PlanRestrictionError } from '../src/index.ts'
import { failureOf, startFake } from './support/fake.ts'

const json = { 'content-type': 'application/json; charset=utf-8' }

const SUMMARY = operation({
  api: 'reports',
  method: 'POST',
  path: '/reports/api/v3/workspace/{workspace_id}/summary/time_entries',
  read: true,
  cached: true,
  body: v.strictObject({ start_date: v.string(), grouping: v.optional(v.string()) }),
  reply: v.looseObject({ groups: v.array(v.unknown()) }),
})
const EXPORT = operation({
  api: 'reports',
  method: 'POST',
  path: '/reports/api/v3/workspace/{workspace_id}/summary/time_entries.csv',
  read: true,
  binary: true,
  body: v.looseObject({}),
  reply: v.instance(Blob),
})
const CREATE = operation({ api: 'webhooks', method: 'POST', path: '/subscriptions/{workspace_id}', body: v.looseObject({}), reply: v.unknown() })
const LIMITS = operation({ api: 'webhooks', method: 'GET', path: '/limits/{workspace_id}', reply: v.unknown() })
const CURRENT = operation({ method: 'GET', path: '/me/time_entries/current', cached: true, reply: v.nullable(v.looseObject({ id: v.number() })) })

class Probe extends OperationEndpoint {
  constructor(auth: BasicAuth, cache?: TogglCache | null, options?: EndpointOptions) {
    super(auth, cache, options)
  }
  async summary(body: unknown, options?: ReadOptions): Promise<unknown> {
    return this.run(SUMMARY, 'Probe.summary', { path: { workspace_id: 5 }, body }, options)
  }
  async export(): Promise<Blob> {
    return this.run(EXPORT, 'Probe.export', { path: { workspace_id: 5 }, body: {} }, undefined)
  }
  async subscribe(): Promise<unknown> {
    return this.run(CREATE, 'Probe.subscribe', { path: { workspace_id: 5 }, body: {} }, undefined)
  }
  async limits(): Promise<unknown> {
    return this.run(LIMITS, 'Probe.limits', { path: { workspace_id: 5 } }, undefined)
  }
  async current(options?: ReadOptions): Promise<unknown> {
    return this.run(CURRENT, 'Probe.current', {}, options)
  }
}

describe('a POST that only reads (Reports v3)', () => {
  it('is sent to the reports URL beside baseURL, at the path Toggl documents', async () => {
    const fake = await startFake()
    fake.mock.inject({ type: 'status', status: 200, body: '{"groups":[]}', headers: json })
    expect(await fake.endpoint(Probe).summary({ start_date: '2026-01-01' })).toEqual({ groups: [] })
    expect(fake.last()).toMatchObject({ method: 'POST', path: '/reports/api/v3/workspace/5/summary/time_entries', body: { start_date: '2026-01-01' } })
    expect(fake.mock.requests[0]!.headers['content-type']).toMatch(/^application\/json/)
  })

  it('is retried after a 5xx like a GET, while a POST that writes is not', async () => {
    const fake = await startFake()
    const probe = fake.endpoint(Probe)
    fake.mock.inject({ type: 'status', status: 503 })
    fake.mock.inject({ type: 'status', status: 200, body: '{"groups":[1]}', headers: json })
    expect(await probe.summary({ start_date: '2026-01-01' })).toEqual({ groups: [1] })
    expect(fake.sent()).toBe(2)

    fake.mock.inject({ type: 'status', status: 503 })
    expect(await failureOf(probe.subscribe())).toMatchObject({ status: 503 })
    expect(fake.sent()).toBe(3)
  })

  it('is cached by workspace and body: the same body again costs 0 requests, in any key order; another body costs 1', async () => {
    const fake = await startFake()
    const probe = fake.endpoint(Probe, new MemoryCache())
    for (let i = 0; i < 3; i++) fake.mock.inject({ type: 'status', status: 200, body: `{"groups":[${i}]}`, headers: json })
    expect(await probe.summary({ start_date: '2026-01-01', grouping: 'projects' })).toEqual({ groups: [0] })
    expect(await probe.summary({ grouping: 'projects', start_date: '2026-01-01' })).toEqual({ groups: [0] })
    expect(fake.sent()).toBe(1)
    expect(await probe.summary({ start_date: '2026-02-01' })).toEqual({ groups: [1] })
    expect(await probe.summary({ start_date: '2026-01-01', grouping: 'projects' }, { refresh: true })).toEqual({ groups: [2] })
    expect(fake.sent()).toBe(3)
  })

  it('checks its body first: a misspelt field sends nothing', async () => {
    const fake = await startFake()
    expect(await failureOf(fake.endpoint(Probe).summary({ start_dte: '2026-01-01' }))).toBeInstanceOf(InputError)
    expect(fake.sent()).toBe(0)
  })

  it('identical ones in flight share one request', async () => {
    const fake = await startFake()
    const probe = fake.endpoint(Probe)
    fake.mock.inject({ type: 'status', status: 200, body: '{"groups":[]}', headers: json })
    fake.mock.inject({ type: 'status', status: 200, body: '{"groups":[]}', headers: json })
    await Promise.all([probe.summary({ start_date: '2026-01-01' }), probe.summary({ start_date: '2026-01-01' })])
    expect(fake.sent()).toBe(1)
  })
})

describe('a reply of JSON null', () => {
  it('is a value: returned, and served from the cache like any other', async () => {
    const fake = await startFake()
    const probe = fake.endpoint(Probe, new MemoryCache())
    fake.mock.inject({ type: 'status', status: 200, body: 'null', headers: json })
    expect(await probe.current()).toBeNull()
    expect(await probe.current()).toBeNull()
    expect(fake.sent()).toBe(1)
  })
})

describe('a file reply', () => {
  it('comes back as a Blob with its bytes', async () => {
    const fake = await startFake()
    fake.mock.inject({ type: 'status', status: 200, body: 'User,Duration\nDemo,01:00:00\n', headers: { 'content-type': 'text/csv' } })
    const file = await fake.endpoint(Probe).export()
    expect(file).toBeInstanceOf(Blob)
    expect(await file.text()).toBe('User,Duration\nDemo,01:00:00\n')
  })

  it('that fails is an HTTPStatusError with the server message read from the body', async () => {
    const fake = await startFake()
    fake.mock.inject({ type: 'status', status: 402, body: '"Workspace needs to have this feature enabled"', headers: json })
    const error = await failureOf(fake.endpoint(Probe).export())
    expect(error).toBeInstanceOf(PlanRestrictionError)
    expect(error).toMatchObject({ status: 402, serverMessage: 'Workspace needs to have this feature enabled' })
  })
})

describe('base URLs per API family', () => {
  it('derive reportsURL and webhooksURL from baseURL, keeping a proxy prefix, unless given', () => {
    // The defaults name Toggl's host (this test does not): each family on the default base URL's origin.
    const defaults = resolveOptions({}, 'x')
    const { origin, protocol } = new URL(defaults.baseURL)
    expect(protocol).toBe('https:')
    expect(defaults).toMatchObject({ baseURL: `${origin}/api/v9`, reportsURL: `${origin}/reports/api/v3`, webhooksURL: `${origin}/webhooks/api/v1` })
    expect(resolveOptions({ baseURL: 'http://localhost:5173/toggl/api/v9/' }, 'x')).toMatchObject({
      reportsURL: 'http://localhost:5173/toggl/reports/api/v3',
      webhooksURL: 'http://localhost:5173/toggl/webhooks/api/v1',
    })
    expect(resolveOptions({ baseURL: 'http://127.0.0.1:9/v9' }, 'x')).toMatchObject({ reportsURL: 'http://127.0.0.1:9/reports/api/v3' })
    expect(resolveOptions({ reportsURL: 'https://reports.example/r/', webhooksURL: 'https://hooks.example' }, 'x')).toMatchObject({
      reportsURL: 'https://reports.example/r',
      webhooksURL: 'https://hooks.example',
    })
  })

  it('are checked like baseURL', () => {
    expect(() => resolveOptions({ reportsURL: 'ftp://example.com' }, 'new Probe')).toThrow(InputError)
    expect(() => resolveOptions({ webhooksURL: 42 }, 'new Probe')).toThrow('new Probe: options.webhooksURL must be an http(s) URL without credentials, got 42')
  })

  it('send each family to its own URL, so one fake serves all three', async () => {
    const fake = await startFake()
    fake.mock.inject({ type: 'status', status: 200, body: '{"max_webhooks":1}', headers: json })
    expect(await fake.endpoint(Probe).limits()).toEqual({ max_webhooks: 1 })
    expect(fake.last()).toMatchObject({ method: 'GET', path: '/limits/5' })

    const elsewhere = fake.endpoint(Probe, null, { webhooksURL: `${fake.server.origin}/elsewhere` })
    const error = await failureOf(elsewhere.limits())
    expect(error).toBeInstanceOf(HTTPStatusError)
    expect(error).toMatchObject({ status: 404, url: `${fake.server.origin}/elsewhere/limits/5` })
  })
})
