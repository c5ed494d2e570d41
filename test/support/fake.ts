import { afterEach } from 'vitest'
import { BasicAuth } from '../../src/auth.ts'
import type { TogglCache } from '../../src/cache/types.ts'
import { OrganizationEndpoint } from '../../src/endpoints/organizations.ts'
import type { EndpointOptions } from '../../src/options.ts'
import { createTogglMock, DEMO_ACCOUNT, type TogglMock, type TogglMockOptions } from '../../src/mock/index.ts'
import { serveTogglMock, type MockServer } from '../../src/mock/node.ts'

export interface Fake {
  mock: TogglMock
  server: MockServer
  auth: BasicAuth
  /** An endpoint on the loopback fake, signed in as the demo account, with fast retries. */
  organizations(cache?: TogglCache | null, options?: EndpointOptions): OrganizationEndpoint
  /** How many requests the fake has received so far. */
  sent(): number
}

const running: MockServer[] = []
afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.close()))
})

/** The fake Toggl API on a real loopback port, closed after each test. */
export async function startFake(options?: TogglMockOptions): Promise<Fake> {
  const mock = createTogglMock(options)
  const server = await serveTogglMock(mock)
  running.push(server)
  const auth = BasicAuth.fromApiToken(DEMO_ACCOUNT.apiToken)
  return {
    mock,
    server,
    auth,
    organizations: (cache, endpointOptions) =>
      new OrganizationEndpoint(auth, cache, { baseURL: server.baseURL, retryDelay: 1, ...endpointOptions }),
    sent: () => mock.requests.length,
  }
}
