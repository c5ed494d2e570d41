import { afterEach, expect } from 'vitest'
import { BasicAuth } from '../../src/core/auth.ts'
import type { TogglCache } from '../../src/cache/types.ts'
import { OrganizationEndpoint } from '../../src/endpoints/organizations/organizations.ts'
import { HTTPStatusError, ResponseValidationError } from '../../src/core/errors.ts'
import type { EndpointOptions } from '../../src/core/options.ts'
import { createTogglMock, DEMO_ACCOUNT, type MockAccount, type RecordedRequest, type TogglMock, type TogglMockOptions } from '../../src/mock/index.ts'
import { serveTogglMock, type MockServer } from '../../src/mock/node.ts'

export interface Fake {
  mock: TogglMock
  server: MockServer
  auth: BasicAuth
  /** An endpoint on the loopback fake, signed in as the first account, with fast retries. */
  organizations(cache?: TogglCache | null, options?: EndpointOptions): OrganizationEndpoint
  /** Any endpoint class on the loopback fake, signed in as the first account, with fast retries. */
  endpoint<E>(Endpoint: EndpointClass<E>, cache?: TogglCache | null, options?: EndpointOptions): E
  /** Like {@link endpoint}, signed in as another of the fake's accounts. */
  endpointAs<E>(account: MockAccount, Endpoint: EndpointClass<E>, cache?: TogglCache | null): E
  /** How many requests the fake has received so far. */
  sent(): number
  /** The next request gets `body` as a 200 JSON reply, whatever it asked: a reply that drifted. */
  replyOnce(body: string): void
  /** The last request the fake received, as the routes saw it. */
  last(): Pick<RecordedRequest, 'method' | 'path' | 'query' | 'body'>
}

type EndpointClass<E> = new (auth: BasicAuth, cache?: TogglCache | null, options?: EndpointOptions) => E

const running: MockServer[] = []
let fakes = 0
afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.close()))
})

/** The fake Toggl API on a real loopback port, closed after each test. */
export async function startFake(options: TogglMockOptions = {}): Promise<Fake> {
  // A token of its own per fake: clients of one account share quota and rate state in this realm,
  // and a later fake may get an earlier one's port (and so its base URL).
  const accounts = options.accounts ?? [{ ...DEMO_ACCOUNT, apiToken: `demo-token-${++fakes}` }]
  const mock = createTogglMock({ ...options, accounts })
  const server = await serveTogglMock(mock)
  running.push(server)
  const auth = BasicAuth.fromApiToken(accounts[0]!.apiToken)
  const endpointAs = <E>(account: MockAccount, Endpoint: EndpointClass<E>, cache?: TogglCache | null, endpointOptions?: EndpointOptions): E =>
    new Endpoint(BasicAuth.fromApiToken(account.apiToken), cache, { baseURL: server.baseURL, retryDelay: 1, ...endpointOptions })
  const endpoint = <E>(Endpoint: EndpointClass<E>, cache?: TogglCache | null, endpointOptions?: EndpointOptions): E =>
    endpointAs(accounts[0]!, Endpoint, cache, endpointOptions)
  return {
    mock,
    server,
    auth,
    organizations: (cache, endpointOptions) => endpoint(OrganizationEndpoint, cache, endpointOptions),
    endpoint,
    endpointAs,
    sent: () => mock.received,
    replyOnce: (body) => mock.inject({ type: 'status', status: 200, body, headers: { 'content-type': 'application/json' } }),
    last: () => {
      const request = mock.requests.at(-1)
      if (!request) throw new Error('the fake has received no request')
      const { method, path, query, body } = request
      return { method, path, query, body }
    },
  }
}

/** What a promise rejected with; fails the test when it resolves instead. */
export async function failureOf(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise
  } catch (error) {
    return error as Error
  }
  throw new Error('expected the call to fail, but it succeeded')
}

/**
 * Asserts that a call failed with an HTTPStatusError (or the given subclass) of this status and
 * exactly this server message; answers the error.
 */
/** Asserts that `promise` fails because the reply did not match its schema at `path`, and returns the error. */
export async function expectDrift(promise: Promise<unknown>, path: string): Promise<ResponseValidationError> {
  const error = await failureOf(promise)
  expect(error).toBeInstanceOf(ResponseValidationError)
  expect(error).toMatchObject({ path })
  return error as ResponseValidationError
}

export async function expectStatus(
  promise: Promise<unknown>,
  status: number,
  serverMessage: string,
  kind: abstract new (...args: never[]) => HTTPStatusError = HTTPStatusError,
): Promise<HTTPStatusError> {
  const error = await failureOf(promise)
  expect(error).toBeInstanceOf(kind)
  expect(error).toMatchObject({ status, serverMessage })
  return error as HTTPStatusError
}
