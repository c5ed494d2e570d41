import { inspect } from 'node:util'
import { describe, expect, it } from 'vitest'
import {
  HTTPStatusError,
  MemoryCache,
  NetworkError,
  PlanRestrictionError,
  QuotaError,
  RateLimitError,
  ResponseValidationError,
  TimeoutError,
  type TogglOrganization,
} from '../src/index.ts'
import type { MockFault } from '../src/mock/index.ts'
import { startFake } from './support/fake.ts'

/**
 * "What happens when things go wrong", the README's table: a `get(id, { refresh: true })` of a
 * cached organization, with `retries: 2`, `timeout: 300` and fast backoff, meets each fault.
 */
const RETRIES = 2
const json = { 'content-type': 'application/json; charset=utf-8' }
const quotaSpent = { ...json, 'X-Toggl-Quota-Remaining': '0', 'X-Toggl-Quota-Resets-In': '1838' }

interface Row {
  fault: string
  /** The faults, or a function making them from the organization as Toggl sends it and the Authorization header. */
  inject: Array<[MockFault, number]> | ((organization: TogglOrganization, authorization: string) => Array<[MockFault, number]>)
  /** The error class thrown, or `null` for success. */
  outcome: (abstract new (...args: never[]) => Error) | null
  requests: number
  /** Bounds on the time the call takes, in ms. */
  atLeast?: number
  atMost: number
  /** `'dropped'`: the reply could not be stored, so the cache no longer holds the older copy. */
  cacheAfter?: 'dropped'
  /** How many times the cache's `onWarning` is told. @default 0 */
  warnings?: number
}

/** The organization's JSON with an unknown field nested 10,000 levels deep. */
const tooDeep = (organization: TogglOrganization) =>
  `${JSON.stringify(organization).slice(0, -1)},"unknown":${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}}`

const table: Row[] = [
  { fault: '500 once', inject: [[{ type: 'status', status: 500 }, 1]], outcome: null, requests: 2, atMost: 1000 },
  { fault: `500 × ${RETRIES + 1}`, inject: [[{ type: 'status', status: 500 }, RETRIES + 1]], outcome: HTTPStatusError, requests: 3, atMost: 1000 },
  { fault: '502 once', inject: [[{ type: 'status', status: 502 }, 1]], outcome: null, requests: 2, atMost: 1000 },
  { fault: '503 with Retry-After: 1', inject: [[{ type: 'status', status: 503, headers: { 'Retry-After': '1' } }, 1]], outcome: null, requests: 2, atLeast: 990, atMost: 2500 },
  { fault: '429 with Retry-After: 1', inject: [[{ type: 'status', status: 429, headers: { 'Retry-After': '1' } }, 1]], outcome: null, requests: 2, atLeast: 990, atMost: 2500 },
  { fault: '429 without Retry-After', inject: [[{ type: 'status', status: 429 }, 1]], outcome: null, requests: 2, atMost: 1000 },
  { fault: `429 × ${RETRIES + 1}`, inject: [[{ type: 'status', status: 429 }, RETRIES + 1]], outcome: RateLimitError, requests: 3, atMost: 1000 },
  { fault: '402 with quota headers', inject: [[{ type: 'status', status: 402, body: '"You have hit your hourly limit for API calls."', headers: quotaSpent }, 1]], outcome: QuotaError, requests: 1, atMost: 500 },
  { fault: '402 without quota headers (plan)', inject: [[{ type: 'status', status: 402, body: '"Requires a paid plan"', headers: json }, 1]], outcome: PlanRestrictionError, requests: 1, atMost: 500 },
  { fault: 'reply slower than the timeout, once', inject: [[{ type: 'delay', ms: 1000 }, 1]], outcome: null, requests: 2, atLeast: 290, atMost: 1500 },
  { fault: 'hang on every attempt', inject: [[{ type: 'hang' }, RETRIES + 1]], outcome: TimeoutError, requests: 3, atLeast: 3 * 290, atMost: 3000 },
  { fault: 'malformed JSON', inject: [[{ type: 'malformed-json' }, 1]], outcome: ResponseValidationError, requests: 1, atMost: 500 },
  { fault: 'truncated body, once', inject: [[{ type: 'truncated' }, 1]], outcome: null, requests: 2, atMost: 1000 },
  { fault: 'truncated body on every attempt', inject: [[{ type: 'truncated' }, RETRIES + 1]], outcome: NetworkError, requests: 3, atMost: 1000 },
  { fault: 'dropped connection, once', inject: [[{ type: 'drop' }, 1]], outcome: null, requests: 2, atMost: 1000 },
  { fault: 'dropped connection on every attempt', inject: [[{ type: 'drop' }, RETRIES + 1]], outcome: NetworkError, requests: 3, atMost: 1000 },
  { fault: 'HTML error page (502) on every attempt', inject: [[{ type: 'html', status: 502 }, RETRIES + 1]], outcome: HTTPStatusError, requests: 3, atMost: 1000 },
  { fault: '401 with an empty body', inject: [[{ type: 'status', status: 401, body: '' }, 1]], outcome: HTTPStatusError, requests: 1, atMost: 500 },
  {
    fault: '500 echoing the Authorization header (raw, URL-encoded, base64 of the token) every time',
    inject: (_, authorization) => {
      const token = atob(authorization.slice(6)).split(':')[0]!
      const body = JSON.stringify(`rejected ${authorization} ${encodeURIComponent(authorization)} ${btoa(token)} ${token}`)
      return [[{ type: 'status', status: 500, body, headers: json }, RETRIES + 1]]
    },
    outcome: HTTPStatusError,
    requests: 3,
    atMost: 1000,
  },
  {
    fault: 'a reply with a 5 MB string where a number belongs',
    inject: (organization) => [[{ type: 'status', status: 200, body: JSON.stringify({ ...organization, id: 'x'.repeat(5_000_000) }), headers: json }, 1]],
    outcome: ResponseValidationError,
    requests: 1,
    atMost: 1000,
  },
  {
    fault: 'a redirect (302) to another origin',
    inject: [[{ type: 'status', status: 302, body: '', headers: { Location: 'http://127.0.0.1:9/api/v9/organizations/1' } }, 1]],
    outcome: NetworkError,
    requests: 1,
    atMost: 500,
  },
  {
    fault: 'quota headers that are no decimal integer (remaining "0x0", resets in "1e308")',
    inject: (organization) => [
      [{ type: 'status', status: 200, body: JSON.stringify(organization), headers: { ...json, 'X-Toggl-Quota-Remaining': '0x0', 'X-Toggl-Quota-Resets-In': '1e308' } }, 1],
    ],
    outcome: null,
    requests: 1,
    atMost: 500,
  },
  {
    fault: 'a reply with a field nested 10,000 levels deep',
    inject: (organization) => [[{ type: 'status', status: 200, body: tooDeep(organization), headers: json }, 1]],
    outcome: null,
    requests: 1,
    atMost: 500,
    cacheAfter: 'dropped',
    warnings: 1,
  },
]

describe('what happens when things go wrong', () => {
  it.each(table)('$fault', async ({ inject, outcome, requests, atLeast = 0, atMost, cacheAfter, warnings = 0 }) => {
    const fake = await startFake({ organizations: [{ name: 'Acme', memberIds: [1] }] })
    const [id] = [...fake.mock.state.organizations.keys()] as [number]
    const warned: string[] = []
    const cache = new MemoryCache({ onWarning: (message) => warned.push(message) })
    const orgs = fake.organizations(cache, { retries: RETRIES, timeout: 300, retryDelay: 5 })
    const organization = (await orgs.get(id))!
    const before = (await cache.entries()).map(({ key, value }) => ({ key, value }))
    const sentBefore = fake.sent()

    const authorization = fake.auth.header()
    for (const [fault, times] of typeof inject === 'function' ? inject(organization, authorization) : inject) fake.mock.inject(fault, times)
    const started = performance.now()
    const result = await orgs.get(id, { refresh: true }).then(
      (value) => ({ value }),
      (error: unknown) => ({ error }),
    )
    const elapsed = performance.now() - started

    if (outcome === null) expect('value' in result && result.value).toMatchObject(organization)
    else expect('error' in result && result.error).toBeInstanceOf(outcome)
    // Whatever the server echoed, no form of the error holds the credentials.
    const token = atob(authorization.slice(6)).split(':')[0]!
    // However much the server sent, an error stays small.
    if ('error' in result) expect((result.error as Error).message.length).toBeLessThan(1000)
    if ('error' in result) expect(inspect(result.error, { depth: 10 }) + JSON.stringify(result.error)).not.toMatch(new RegExp(`${token}|${btoa(token).replace(/=+$/, '')}|${encodeURIComponent(authorization.slice(6)).replace(/=+$/, '')}`))
    expect(fake.sent() - sentBefore).toBe(requests)
    expect(elapsed).toBeGreaterThanOrEqual(atLeast)
    expect(elapsed).toBeLessThan(atMost)
    expect((await cache.entries()).map(({ key, value }) => ({ key, value }))).toEqual(cacheAfter === 'dropped' ? [] : before)
    expect(warned).toHaveLength(warnings)
  })
})
