import { describe, expect, it } from 'vitest'
import {
  BasicAuth,
  createCache,
  IndexedDbCache,
  InputError,
  MemoryCache,
  NamingError,
  OrganizationEndpoint,
} from '../src/index.ts'
import { startFake } from './support/fake.ts'

/** Plain-JS callers can pass anything; these helpers drop the types the way they do. */
const any = (value: unknown) => value as never

type Attempt = (tools: { auth: BasicAuth; baseURL: string; orgs: OrganizationEndpoint }) => unknown

/** [what is wrong, the call, the argument its message must name] */
const table: Array<[string, Attempt, string]> = [
  ['BasicAuth without username', () => new BasicAuth(any(undefined), 'pw'), 'username'],
  ['BasicAuth with a numeric password', () => new BasicAuth('me@x.io', any(1234)), 'password'],
  ['BasicAuth with null password', () => new BasicAuth('me@x.io', any(null)), 'password'],
  ['fromApiToken(undefined)', () => BasicAuth.fromApiToken(any(undefined)), 'token'],
  ['fromApiToken(42)', () => BasicAuth.fromApiToken(any(42)), 'token'],
  ['fromApiToken("  ")', () => BasicAuth.fromApiToken('  '), 'token'],
  ['an endpoint without auth', ({ baseURL }) => new OrganizationEndpoint(any(undefined), null, { baseURL }), 'auth'],
  ['an endpoint with a token string as auth', ({ baseURL }) => new OrganizationEndpoint(any('token'), null, { baseURL }), 'auth'],
  ['an endpoint with a non-cache', ({ auth, baseURL }) => new OrganizationEndpoint(auth, any({ get: () => 1 }), { baseURL }), 'cache'],
  ['options that are a number', ({ auth }) => new OrganizationEndpoint(auth, null, any(5)), 'options'],
  ['a negative timeout', ({ auth, baseURL }) => new OrganizationEndpoint(auth, null, { baseURL, timeout: -1 }), 'options.timeout'],
  ['a zero timeout', ({ auth, baseURL }) => new OrganizationEndpoint(auth, null, { baseURL, timeout: 0 }), 'options.timeout'],
  ['a NaN timeout', ({ auth, baseURL }) => new OrganizationEndpoint(auth, null, { baseURL, timeout: Number.NaN }), 'options.timeout'],
  ['a string timeout', ({ auth, baseURL }) => new OrganizationEndpoint(auth, null, { baseURL, timeout: any('100') }), 'options.timeout'],
  ['negative retries', ({ auth, baseURL }) => new OrganizationEndpoint(auth, null, { baseURL, retries: -1 }), 'options.retries'],
  ['fractional retries', ({ auth, baseURL }) => new OrganizationEndpoint(auth, null, { baseURL, retries: 1.5 }), 'options.retries'],
  ['a negative retryDelay', ({ auth, baseURL }) => new OrganizationEndpoint(auth, null, { baseURL, retryDelay: -5 }), 'options.retryDelay'],
  ['an infinite maxRetryDelay', ({ auth, baseURL }) => new OrganizationEndpoint(auth, null, { baseURL, maxRetryDelay: Infinity }), 'options.maxRetryDelay'],
  ['a baseURL that is no URL', ({ auth }) => new OrganizationEndpoint(auth, null, { baseURL: 'example.com/api/v9' }), 'options.baseURL'],
  ['an ftp baseURL', ({ auth }) => new OrganizationEndpoint(auth, null, { baseURL: 'ftp://example.com/api' }), 'options.baseURL'],
  ['a numeric baseURL', ({ auth }) => new OrganizationEndpoint(auth, null, { baseURL: any(42) }), 'options.baseURL'],
  ['a fetch that is no function', ({ auth, baseURL }) => new OrganizationEndpoint(auth, null, { baseURL, fetch: any('fetch') }), 'options.fetch'],
  ['a string reRaise', ({ auth, baseURL }) => new OrganizationEndpoint(auth, null, { baseURL, reRaise: any('yes') }), 'options.reRaise'],
  ['an onQuota that is no function', ({ auth, baseURL }) => new OrganizationEndpoint(auth, null, { baseURL, onQuota: any(1) }), 'options.onQuota'],
  ['get(undefined)', ({ orgs }) => orgs.get(any(undefined)), 'organization'],
  ['get(null)', ({ orgs }) => orgs.get(any(null)), 'organization'],
  ['get(NaN)', ({ orgs }) => orgs.get(Number.NaN), 'organization'],
  ['get("7")', ({ orgs }) => orgs.get(any('7')), 'organization'],
  ['get({ name })', ({ orgs }) => orgs.get(any({ name: 'Acme' })), 'organization'],
  ['get(-3)', ({ orgs }) => orgs.get(-3), 'organization'],
  ['get(2.5)', ({ orgs }) => orgs.get(2.5), 'organization'],
  ['get(id, "refresh")', ({ orgs }) => orgs.get(1, any('refresh')), 'options'],
  ['edit({ id: -1 })', ({ orgs }) => orgs.edit({ id: -1 }, 'Name'), 'organization'],
  ['edit(id, 42)', ({ orgs }) => orgs.edit(1, any(42)), 'organization name'],
  ['edit(id, undefined)', ({ orgs }) => orgs.edit(1, any(undefined)), 'organization name'],
  ['delete("1")', ({ orgs }) => orgs.delete(any('1')), 'organization'],
  ['delete(id, { signal: "stop" })', ({ orgs }) => orgs.delete(1, any({ signal: 'stop' })), 'options.signal'],
  ['add(undefined)', ({ orgs }) => orgs.add(any(undefined)), 'organization name'],
  ['add(name, 7)', ({ orgs }) => orgs.add('Acme', any(7)), 'workspace name'],
  ['add(name, "   ")', ({ orgs }) => orgs.add('Acme', '   '), 'workspace name'],
  ['collect({ refresh: 1 })', ({ orgs }) => orgs.collect(any({ refresh: 1 })), 'options.refresh'],
  ['MemoryCache with a negative ttl', () => new MemoryCache({ ttl: -1 }), 'ttl'],
  ['MemoryCache with a string ttl', () => new MemoryCache({ ttl: any('1h') }), 'ttl'],
  ['IndexedDbCache with an empty name', () => new IndexedDbCache({ name: '' }), 'name'],
  ['createCache with a NaN ttl', () => createCache({ ttl: Number.NaN }), 'ttl'],
]

describe('bad input from plain JavaScript', () => {
  it.each(table)('%s throws InputError naming it, and sends nothing', async (_label, attempt, argument) => {
    const fake = await startFake({ organizations: [{ name: 'Acme', memberIds: [1] }] })
    const orgs = fake.organizations()
    const error = await (async () => attempt({ auth: fake.auth, baseURL: fake.server.baseURL, orgs }))().then(
      () => undefined,
      (thrown: unknown) => thrown,
    )
    expect(error).toBeInstanceOf(InputError)
    expect((error as Error).message).toContain(argument)
    if (argument.endsWith(' name')) expect(error).toBeInstanceOf(NamingError)
    expect(fake.sent()).toBe(0)
  })
})
