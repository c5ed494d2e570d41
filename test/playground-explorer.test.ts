// The playground explorer's table (playground/src/explorer/calls.ts) against the library, without a
// browser: a row for every public method of every endpoint class, and each row's example run on a
// freshly seeded demo fake, sending only the requests the row says it sends.
import { describe, expect, it } from 'vitest'
import * as togglkit from '../src/index.ts'
import { BasicAuth, MemoryCache } from '../src/index.ts'
import { DEMO_ACCOUNT } from '../src/mock/index.ts'
import { createDemoFake, demoIds } from '../playground/common/demo-fake.ts'
import { EXPLORER_CALLS } from '../playground/src/explorer/calls.ts'
import { ENDPOINTS, invoke, shownValue } from '../playground/src/explorer/invoke.ts'

/** `METHOD /path/{placeholder}` as a pattern for a request the fake recorded. */
function matches(template: string, request: string): boolean {
  const pattern = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{\w+\}/g, '[^/]+')
  return new RegExp(`^${pattern}$`).test(request)
}

describe('the explorer’s table of calls', () => {
  it('lists every endpoint class the library exports (TrackerEndpoint is TimeEntryEndpoint’s other name)', () => {
    const exported = Object.entries(togglkit)
      .filter(([name, value]) => typeof value === 'function' && name.endsWith('Endpoint') && name !== 'TrackerEndpoint')
      .map(([name]) => name)
    expect(Object.keys(ENDPOINTS).sort()).toEqual(exported.sort())
    expect(togglkit.TrackerEndpoint).toBe(togglkit.TimeEntryEndpoint)
  })

  it('has a row for every public method, static ones included, and none for anything else', () => {
    const methods = Object.entries(ENDPOINTS).flatMap(([name, Endpoint]) => [
      ...Object.getOwnPropertyNames(Endpoint.prototype)
        .filter((method) => method !== 'constructor')
        .map((method) => `${name}.${method}`),
      ...Object.getOwnPropertyNames(Endpoint)
        .filter((member) => typeof (Endpoint as unknown as Record<string, unknown>)[member] === 'function')
        .map((method) => `${name}.${method}`),
    ])
    expect(EXPLORER_CALLS.map(({ name }) => name).sort()).toEqual(methods.sort())
    expect(new Set(EXPLORER_CALLS.map(({ name }) => name)).size).toBe(EXPLORER_CALLS.length)
  })

  it('gives every row an example value for each parameter it must have', () => {
    const ids = demoIds()
    for (const call of EXPLORER_CALLS) {
      const example = call.example(ids, Date.now())
      expect(example.length, call.name).toBeLessThanOrEqual(call.params.length)
      call.params.forEach((param, index) => {
        if (!param.optional) expect(example[index], `${call.name}: ${param.name}`).not.toBeUndefined()
      })
    }
  })
})

let fakes = 0

describe.each(EXPLORER_CALLS.map((call) => [call.name, call] as const))('%s', (_, call) => {
  it('runs its example on a fresh demo fake, sending only what the row names', async () => {
    const mock = createDemoFake()
    // A base URL of its own per test: clients of one account on one API share their quota view in a realm.
    const options = { baseURL: `https://fake-${++fakes}.test/api/v9`, fetch: mock.fetch, retries: 0 }
    const setup = { auth: BasicAuth.fromApiToken(DEMO_ACCOUNT.apiToken), cache: new MemoryCache(), options }
    const value = await shownValue(await invoke(call, call.example(demoIds(), Date.now()), undefined, setup))
    const sent = mock.requests.map(({ method, path }) => `${method} ${path}`)
    expect(sent.filter((request) => !call.sends.some((template) => matches(template, request)))).toEqual([])
    if (call.sends.length === 0) expect(sent).toEqual([])
    else expect(sent.length).toBeGreaterThan(0)
    expect(mock.requests.filter(({ status }) => status >= 400 && status !== 409).map(({ path, status }) => `${status} ${path}`)).toEqual([])
    expect(value === undefined || typeof value === 'object' || typeof value === 'number' || typeof value === 'boolean').toBe(true)
  })
})
