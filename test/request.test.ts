import { inspect } from 'node:util'
import { describe, expect, it, vi } from 'vitest'
import {
  BasicAuth,
  HTTPStatusError,
  OrganizationEndpoint,
  NetworkError,
  PlanRestrictionError,
  QuotaError,
  RateLimitError,
  RequestError,
  ResponseValidationError,
  TimeoutError,
  TogglError,
  type QuotaInfo,
} from '../src/index.ts'
import { startFake } from './support/fake.ts'

const json = { 'content-type': 'application/json; charset=utf-8' }

/** The failure of a call, which must fail. */
async function failureOf(call: Promise<unknown>): Promise<TogglError> {
  const outcome = await call.then(
    () => undefined,
    (error: unknown) => error,
  )
  expect(outcome).toBeInstanceOf(TogglError)
  return outcome as TogglError
}

describe('error replies become typed errors with the server’s words', () => {
  const cases = [
    { body: '"Invalid organization ID"', headers: json, message: 'Invalid organization ID', label: 'a JSON string' },
    { body: '{"message":"name is taken"}', headers: json, message: 'name is taken', label: 'a JSON object with message' },
    { body: '{"error":"bad request"}', headers: json, message: 'bad request', label: 'a JSON object with error' },
    { body: 'plain words', headers: { 'content-type': 'text/plain' }, message: 'plain words', label: 'plain text' },
    {
      body: '<html><head><title>502 Bad Gateway</title></head><body><h1>nginx</h1></body></html>',
      headers: { 'content-type': 'text/html' },
      message: 'HTML error page: 502 Bad Gateway',
      label: 'an HTML page',
    },
    { body: '', headers: {}, message: 'Bad Request', label: 'an empty body' },
  ]
  for (const { body, headers, message, label } of cases) {
    it(`parses ${label}`, async () => {
      const fake = await startFake()
      fake.mock.inject({ type: 'status', status: 400, body, headers })
      const error = await failureOf(fake.organizations().collect())
      expect(error).toBeInstanceOf(HTTPStatusError)
      expect(error).toMatchObject({ status: 400, method: 'GET', serverMessage: message })
      expect(error.message).toBe(`GET /api/v9/me/organizations failed with 400: ${message}`)
    })
  }

  it('maps 401, 403, 404, 402 (quota and plan), 429 and 500 to their types', async () => {
    const fake = await startFake()
    const endpoint = fake.organizations(null, { reRaise: true })
    fake.mock.inject({ type: 'status', status: 401, body: '', headers: { 'X-Authorization-Missing': 'true' } })
    expect(await failureOf(endpoint.collect())).toMatchObject({ name: 'HTTPStatusError', status: 401 })

    const stranger = new OrganizationEndpoint(BasicAuth.fromApiToken('not-a-known-token'), null, {
      baseURL: fake.server.baseURL,
      reRaise: true,
    })
    expect(await failureOf(stranger.collect())).toMatchObject({ status: 403 })

    expect(await failureOf(endpoint.get(123456))).toMatchObject({ status: 404, serverMessage: 'Invalid organization ID' })

    fake.mock.inject({ type: 'status', status: 402, body: '"Upgrade needed"', headers: json })
    const plan = await failureOf(endpoint.collect())
    expect(plan).toBeInstanceOf(PlanRestrictionError)
    expect(plan).not.toBeInstanceOf(QuotaError)

    fake.mock.inject({ type: 'status', status: 429, body: '"Too Many Requests"', headers: json })
    expect(await failureOf(endpoint.collect())).toBeInstanceOf(RateLimitError)

    fake.mock.inject({ type: 'status', status: 500, body: '"boom"', headers: json })
    expect(await failureOf(endpoint.collect())).toMatchObject({ name: 'HTTPStatusError', status: 500, serverMessage: 'boom' })

    // Last: a spent quota makes every later call of this account fail fast.
    fake.mock.inject({
      type: 'status',
      status: 402,
      body: '"You have hit your hourly limit for API calls. Your quota will reset in 1838 seconds."',
      headers: { ...json, 'X-Toggl-Quota-Remaining': '0', 'X-Toggl-Quota-Resets-In': '1838' },
    })
    const quota = await failureOf(endpoint.collect())
    expect(quota).toBeInstanceOf(QuotaError)
    expect(quota).toMatchObject({ status: 402, remaining: 0, resetsIn: 1838, sent: true })
    expect(quota.message).toContain('Your quota will reset in 1838 seconds')

  })

  it('stops sending once a reply says the quota is spent, until it resets', async () => {
    const fake = await startFake({ quotaPerHour: 2 })
    const endpoint = fake.organizations()
    await endpoint.collect({ refresh: true })
    await endpoint.collect({ refresh: true })
    expect(endpoint.quota).toMatchObject({ remaining: 0 })
    const error = await failureOf(endpoint.collect({ refresh: true }))
    expect(error).toBeInstanceOf(QuotaError)
    expect(error).toMatchObject({ sent: false, remaining: 0 })
    expect(error.message).toMatch(/^GET \/api\/v9\/me\/organizations not sent: the hourly API quota is spent \(quota resets in \d+ s\)$/)
    expect((error as QuotaError).resetsIn).toBeGreaterThan(3500)
    // Another client of the same account knows too: the quota belongs to the account.
    await failureOf(fake.organizations().collect())
    expect(fake.sent()).toBe(2)
  })

  it('reads a 402 whose quota headers show requests left as a plan restriction', async () => {
    const fake = await startFake()
    fake.mock.inject({ type: 'status', status: 402, body: '"Must be a premium user"', headers: { ...json, 'X-Toggl-Quota-Remaining': '12', 'X-Toggl-Quota-Resets-In': '600' } })
    const error = await failureOf(fake.organizations().collect())
    expect(error).toBeInstanceOf(PlanRestrictionError)
    expect(error).not.toBeInstanceOf(QuotaError)
  })

  it('keeps sending while Toggl reports a negative count (the quota not enforced)', async () => {
    const fake = await startFake()
    fake.mock.inject({ type: 'status', status: 200, body: '[]', headers: { ...json, 'X-Toggl-Quota-Remaining': '-2', 'X-Toggl-Quota-Resets-In': '900' } })
    const endpoint = fake.organizations()
    await endpoint.collect()
    expect(endpoint.quota).toMatchObject({ remaining: -2 })
    await endpoint.collect({ refresh: true })
    expect(fake.sent()).toBe(2)
  })

  it('sends again once the reported reset time has passed', async () => {
    const fake = await startFake()
    fake.mock.inject({ type: 'status', status: 200, body: '[]', headers: { ...json, 'X-Toggl-Quota-Remaining': '0', 'X-Toggl-Quota-Resets-In': '1' } })
    const endpoint = fake.organizations()
    await endpoint.collect()
    expect(await failureOf(endpoint.collect())).toMatchObject({ name: 'QuotaError', resetsIn: 1 })
    await new Promise((resolve) => setTimeout(resolve, 1100))
    await expect(endpoint.collect()).resolves.toEqual([])
    expect(fake.sent()).toBe(2)
  })
})

describe('retries', () => {
  it('retries a GET through three 500s and succeeds with 4 requests', async () => {
    const fake = await startFake()
    fake.mock.inject({ type: 'status', status: 500 }, 3)
    await expect(fake.organizations().collect()).resolves.toEqual([])
    expect(fake.sent()).toBe(4)
  })

  it('gives up after retries + 1 attempts with the last error', async () => {
    const fake = await startFake()
    fake.mock.inject({ type: 'status', status: 502 }, 5)
    expect(await failureOf(fake.organizations(null, { retries: 2 }).collect())).toMatchObject({ status: 502 })
    expect(fake.sent()).toBe(3)
  })

  it('sends one request with retries: 0', async () => {
    const fake = await startFake()
    fake.mock.inject({ type: 'status', status: 500 }, 3)
    await failureOf(fake.organizations(null, { retries: 0 }).collect())
    expect(fake.sent()).toBe(1)
  })

  it('never retries a POST', async () => {
    const fake = await startFake()
    fake.mock.inject({ type: 'status', status: 500 }, 3)
    expect(await failureOf(fake.organizations().add('Acme'))).toMatchObject({ status: 500, method: 'POST' })
    expect(fake.sent()).toBe(1)
    expect(fake.mock.state.organizations.size).toBe(0)
  })

  it('never retries with reRaise: true', async () => {
    const fake = await startFake()
    fake.mock.inject({ type: 'status', status: 503 }, 3)
    await failureOf(fake.organizations(null, { reRaise: true }).collect())
    expect(fake.sent()).toBe(1)
  })

  it('retries a PUT and a DELETE', async () => {
    const fake = await startFake({ organizations: [{ name: 'Acme', memberIds: [1] }] })
    const [id] = [...fake.mock.state.organizations.keys()]
    const endpoint = fake.organizations()
    fake.mock.inject({ type: 'status', status: 500 })
    await expect(endpoint.edit(id!, 'Acme 2')).resolves.toMatchObject({ name: 'Acme 2' })
    fake.mock.inject({ type: 'drop' })
    await expect(endpoint.delete(id!)).resolves.toBeUndefined()
    expect(fake.mock.requests.map((r) => `${r.method} ${r.status}`)).toEqual([
      'PUT 500',
      'PUT 200',
      'GET 200',
      'DELETE 0',
      'DELETE 200',
    ])
  })

  it.each([429, 503])('honours Retry-After: 1 on a %i', async (status) => {
    const fake = await startFake()
    fake.mock.inject({ type: 'status', status, headers: { 'Retry-After': '1' } })
    const started = performance.now()
    await expect(fake.organizations().collect()).resolves.toEqual([])
    expect(performance.now() - started).toBeGreaterThanOrEqual(990)
    expect(fake.sent()).toBe(2)
  })

  it('does not wait for a Retry-After longer than maxRetryDelay: it throws with retryAfter', async () => {
    const fake = await startFake()
    fake.mock.inject({ type: 'status', status: 429, headers: { 'Retry-After': '3600' } })
    const error = await failureOf(fake.organizations().collect())
    expect(error).toBeInstanceOf(RateLimitError)
    expect((error as RateLimitError).retryAfter).toBe(3600)
    expect(fake.sent()).toBe(1)
  })

  it('reports every attempt through onAttempt', async () => {
    const fake = await startFake()
    const events: Array<{ attempt: number; status?: number; retryIn?: number }> = []
    fake.mock.inject({ type: 'status', status: 500 })
    await fake.organizations(null, { onAttempt: (event) => events.push(event) }).collect()
    expect(events).toMatchObject([
      { attempt: 1, status: 500, method: 'GET' },
      { attempt: 2, status: 200 },
    ])
    expect(events[0]?.retryIn).toBeGreaterThanOrEqual(0)
  })
})

describe('timeouts, aborts and broken connections', () => {
  it('fails a hanging reply with TimeoutError after the timeout, per attempt', async () => {
    const fake = await startFake()
    fake.mock.inject({ type: 'hang' }, 3)
    const started = performance.now()
    const error = await failureOf(fake.organizations(null, { timeout: 150, retries: 2 }).collect())
    const elapsed = performance.now() - started
    expect(error).toBeInstanceOf(TimeoutError)
    expect(error.message).toBe('GET /api/v9/me/organizations timed out after 150 ms')
    expect(fake.sent()).toBe(3)
    expect(elapsed).toBeGreaterThanOrEqual(3 * 150 - 15)
    expect(elapsed).toBeLessThan(5000)
  })

  it('times out a reply slower than the timeout, then succeeds on the retry', async () => {
    const fake = await startFake()
    fake.mock.inject({ type: 'delay', ms: 400 })
    await expect(fake.organizations(null, { timeout: 100 }).collect()).resolves.toEqual([])
    expect(fake.sent()).toBe(2)
  })

  it('ends the call at once when the caller aborts during a backoff wait', async () => {
    const fake = await startFake()
    fake.mock.inject({ type: 'status', status: 503, headers: { 'Retry-After': '20' } })
    const controller = new AbortController()
    const call = fake.organizations().collect({ signal: controller.signal })
    await vi.waitFor(() => expect(fake.sent()).toBe(1))
    const started = performance.now()
    controller.abort()
    await expect(call).rejects.toMatchObject({ name: 'AbortError' })
    expect(performance.now() - started).toBeLessThan(500)
    expect(fake.sent()).toBe(1)
  })

  it('ends the call when the caller aborts during a request', async () => {
    const fake = await startFake()
    fake.mock.inject({ type: 'hang' })
    const controller = new AbortController()
    const call = fake.organizations().collect({ signal: controller.signal })
    await vi.waitFor(() => expect(fake.sent()).toBe(1))
    controller.abort(new Error('user navigated away'))
    await expect(call).rejects.toThrow('user navigated away')
  })

  it('turns a dropped connection into NetworkError with a cause', async () => {
    const fake = await startFake()
    fake.mock.inject({ type: 'drop' })
    const error = await failureOf(fake.organizations(null, { retries: 0 }).collect())
    expect(error).toBeInstanceOf(NetworkError)
    expect(error).toBeInstanceOf(RequestError)
    expect(error).toMatchObject({ method: 'GET', url: `${fake.server.baseURL}/me/organizations` })
    expect(error.cause).toBeInstanceOf(Error)
    expect(error.message).toMatch(/^GET \/api\/v9\/me\/organizations failed: /)
  })

  it('turns a truncated body into NetworkError, and retries a GET through it', async () => {
    const fake = await startFake()
    fake.mock.inject({ type: 'truncated' })
    expect(await failureOf(fake.organizations(null, { retries: 0 }).collect())).toBeInstanceOf(NetworkError)
    fake.mock.inject({ type: 'truncated' })
    await expect(fake.organizations().collect()).resolves.toEqual([])
  })

  it('turns malformed JSON into ResponseValidationError without retrying', async () => {
    const fake = await startFake()
    fake.mock.inject({ type: 'malformed-json' })
    const error = await failureOf(fake.organizations().collect())
    expect(error).toBeInstanceOf(ResponseValidationError)
    expect(error).toMatchObject({ path: '$' })
    expect(fake.sent()).toBe(1)
  })
})

describe('quota headers', () => {
  it('reads X-Toggl-Quota-* into QuotaInfo and calls onQuota', async () => {
    const fake = await startFake({ quotaPerHour: 30 })
    const seen: QuotaInfo[] = []
    const endpoint = fake.organizations(null, { onQuota: (info) => seen.push(info) })
    expect(endpoint.quota).toBeNull()
    await endpoint.collect()
    await endpoint.collect()
    expect(seen.map(({ remaining }) => remaining)).toEqual([29, 28])
    expect(endpoint.quota).toMatchObject({ remaining: 28, resetsIn: expect.any(Number) })
    expect(endpoint.quota?.at).toBeGreaterThan(0)
  })
})

describe('no error form ever shows the token', () => {
  it('holds for every failure kind', async () => {
    const token = 'f0e1d2c3b4a5968778695a4b3c2d1e0f'
    const fake = await startFake({ accounts: [{ id: 1, email: 'x@y.z', password: 'p', apiToken: token, fullname: 'X' }] })
    const endpoint = new OrganizationEndpoint(BasicAuth.fromApiToken(token), null, {
      baseURL: fake.server.baseURL,
      retries: 0,
      timeout: 100,
    })
    const header = btoa(`${token}:api_token`)
    const faults = [
      { type: 'status', status: 500, body: `"server echoed ${token}"`, headers: json },
      { type: 'status', status: 401, body: '' },
      { type: 'status', status: 402, body: '"plan"', headers: json },
      { type: 'status', status: 429, body: '"slow down"', headers: json },
      { type: 'hang' },
      { type: 'drop' },
      { type: 'truncated' },
      { type: 'malformed-json' },
      { type: 'html', status: 502 },
    ] as const
    for (const fault of faults) {
      fake.mock.inject(fault)
      const error = await failureOf(endpoint.collect())
      for (const form of [JSON.stringify(error), String(error), error.stack ?? '', inspect(error, { depth: 10 })]) {
        expect(form).not.toContain(token)
        expect(form).not.toContain(header)
      }
    }
  })
})
