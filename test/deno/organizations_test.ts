// togglkit under Deno, imported the way a Deno user imports it: through the package name and the
// `exports` of deno.json (as after `deno add jsr:@togglkit/togglkit`), not through relative paths,
// so a broken export map fails here. Run by `npm run test:deno` with --allow-net=127.0.0.1 only.
import assert from 'node:assert/strict'
import {
  BasicAuth,
  createCache,
  HTTPStatusError,
  MemoryCache,
  NetworkError,
  OrganizationEndpoint,
  TimeoutError,
  type EndpointOptions,
  type TogglCache,
} from '@togglkit/togglkit'
import { createTogglMock, DEMO_ACCOUNT, type TogglMock } from '@togglkit/togglkit/mock'

/** How the endpoint reaches the fake: a real socket, or a function call. */
interface Transport {
  name: string
  connect(mock: TogglMock): { options: EndpointOptions; close(): Promise<void> }
}

const loopback: Transport = {
  name: 'Deno.serve on loopback',
  connect(mock) {
    const server = Deno.serve({ hostname: '127.0.0.1', port: 0, onListen() {} }, (request) =>
      // A hang fault rejects once the client gives up; nobody reads the answer then, so it is no
      // error (499 is nginx's "client closed request"; Deno.serve refuses Response.error()).
      mock.handle(request).catch((error: unknown) => {
        if (request.signal.aborted) return new Response(null, { status: 499 })
        throw error
      }),
    )
    return {
      options: { baseURL: `http://127.0.0.1:${server.addr.port}/api/v9` },
      close: () => server.shutdown(),
    }
  },
}

const inProcess: Transport = {
  name: 'in-process mock.fetch',
  connect(mock) {
    return { options: { baseURL: 'http://toggl.test/api/v9', fetch: mock.fetch }, close: async () => {} }
  },
}

const auth = BasicAuth.fromApiToken(DEMO_ACCOUNT.apiToken)

/** Runs `body` with an endpoint on a fake seeded with Acme, then closes the transport. */
async function withFake(
  transport: Transport,
  cache: TogglCache | null,
  extraOptions: EndpointOptions,
  body: (organizations: OrganizationEndpoint, mock: TogglMock) => Promise<void>,
): Promise<void> {
  const mock = createTogglMock({ organizations: [{ name: 'Acme', memberIds: [DEMO_ACCOUNT.id] }] })
  const connection = transport.connect(mock)
  try {
    await body(new OrganizationEndpoint(auth, cache, { ...connection.options, ...extraOptions }), mock)
  } finally {
    await connection.close()
  }
}

const sentSince = (mock: TogglMock, from: number) => mock.requests.slice(from).map(({ method, path }) => `${method} ${path}`)

Deno.test('createCache() picks the memory cache: Deno has no IndexedDB', async () => {
  assert.equal('indexedDB' in globalThis, false)
  const warnings: unknown[] = []
  const cache = await createCache({ onWarning: (warning) => warnings.push(warning) })
  assert.ok(cache instanceof MemoryCache)
  assert.deepEqual(warnings, [], 'a runtime without IndexedDB is not a failure worth a warning')
})

Deno.test('Deno.inspect shows BasicAuth without its token', () => {
  const shown = Deno.inspect({ auth })
  assert.match(shown, /BasicAuth \[redacted\]/)
  assert.doesNotMatch(shown, /demo-token/)
})

for (const transport of [loopback, inProcess]) {
  Deno.test(`${transport.name}: collect, get, add, edit and delete through the cache`, async () => {
    await withFake(transport, await createCache(), {}, async (organizations, mock) => {
      const [acme] = await organizations.collect()
      assert.equal(acme?.name, 'Acme')
      assert.deepEqual(await organizations.collect(), [acme], 'the second collect is served from the cache')
      assert.deepEqual(await organizations.get(acme.id), acme)
      assert.deepEqual(sentSince(mock, 0), ['GET /me/organizations'])

      const globex = await organizations.add('Globex', 'Research')
      assert.equal(globex.name, 'Globex')
      assert.equal(globex.workspace_name, 'Research')
      const renamed = await organizations.edit(globex.id, 'Globex Corp')
      assert.equal(renamed.name, 'Globex Corp')
      const refreshed = await organizations.get(globex.id, { refresh: true })
      assert.equal(refreshed?.name, 'Globex Corp', 'the rename reached the server')
      assert.deepEqual(
        (await organizations.collect()).map(({ name }) => name),
        ['Acme', 'Globex Corp'],
      )

      const before = mock.requests.length
      await organizations.delete(globex.id)
      assert.equal(await organizations.get(globex.id), null, 'an organization left is gone')
      assert.deepEqual(sentSince(mock, before), [
        `DELETE /organizations/${globex.id}/users/leave`,
        `GET /organizations/${globex.id}`,
      ])
    })
  })

  Deno.test(`${transport.name}: a 500 on every attempt throws HTTPStatusError without the token`, async () => {
    await withFake(transport, null, { retries: 2, retryDelay: 1 }, async (organizations, mock) => {
      mock.inject({ type: 'status', status: 500 }, 3)
      const error = await organizations.collect().then(
        () => assert.fail('collect should have failed'),
        (caught: unknown) => caught,
      )
      assert.ok(error instanceof HTTPStatusError)
      assert.equal(error.status, 500)
      assert.equal(error.method, 'GET')
      assert.equal(mock.requests.length, 3, 'the first attempt and two retries')
      const everythingShown = `${error.message} ${error.stack} ${JSON.stringify(error)} ${Deno.inspect(error)}`
      assert.doesNotMatch(everythingShown, new RegExp(`${DEMO_ACCOUNT.apiToken}|${auth.header().slice(6)}`))
    })
  })
}

Deno.test('a refused connection throws NetworkError', async () => {
  const server = Deno.serve({ hostname: '127.0.0.1', port: 0, onListen() {} }, () => new Response())
  const baseURL = `http://127.0.0.1:${server.addr.port}/api/v9`
  await server.shutdown()
  const organizations = new OrganizationEndpoint(auth, null, { baseURL, retries: 0 })
  await assert.rejects(organizations.collect(), NetworkError)
})

Deno.test('a reply that never comes throws TimeoutError and leaves nothing open', async () => {
  await withFake(loopback, null, { timeout: 50, retries: 0 }, async (organizations, mock) => {
    mock.inject({ type: 'hang' })
    await assert.rejects(organizations.collect(), TimeoutError)
  })
})
