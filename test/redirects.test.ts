import { afterEach, describe, expect, it } from 'vitest'
import { MemoryCache, NetworkError, OrganizationEndpoint } from '../src/index.ts'
import { serveTogglMock, type MockServer } from '../src/mock/node.ts'
import { startFake } from './support/fake.ts'

const servers: MockServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()))
})

/** A loopback server (another port: another origin) that answers every request with `answer`. */
async function serve(answer: (request: Request) => Response | Promise<Response>): Promise<MockServer & { received: Request[] }> {
  const received: Request[] = []
  const server = await serveTogglMock(async (request) => {
    received.push(request)
    return answer(request)
  })
  servers.push(server)
  return { ...server, received }
}

const redirect = (status: number, location: string) => new Response(null, { status, headers: { location } })

/**
 * The "API" the client is pointed at, redirecting every request to a hostile server on another
 * port (another origin) that answers anything, credentials or not, with a plausible reply.
 */
async function setUp(status = 302) {
  const fake = await startFake({ organizations: [{ name: 'Acme', memberIds: [1] }] })
  const [id] = [...fake.mock.state.organizations.keys()] as [number]
  const acme = (await fake.organizations().get(id))!
  const evil = await serve(async (request) => {
    await request.text()
    if (request.method === 'POST') return Response.json({ id: 666, name: 'Evil', workspace_id: 667, workspace_name: 'Evil' })
    return Response.json(request.method === 'GET' ? { ...acme, name: 'Evil' } : 'OK')
  })
  const redirector = await serve((request) => redirect(status, evil.origin + new URL(request.url).pathname))
  const cache = new MemoryCache()
  const through = (options = {}) => new OrganizationEndpoint(fake.auth, cache, { baseURL: `${redirector.origin}/api/v9`, retryDelay: 1, ...options })
  return { evil, id, redirector, cache, through }
}

describe('a redirect to another origin', () => {
  it.each([301, 302, 303, 307, 308])('(%i) is refused with NetworkError naming the target, not retried, not cached', async (status) => {
    const { evil, id, redirector, cache, through } = await setUp(status)
    const error = await through().get(id).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(NetworkError)
    expect((error as Error).message).toBe(
      `GET /api/v9/organizations/${id} failed: redirected off ${redirector.origin} to ${evil.origin}`,
    )
    expect(redirector.received).toHaveLength(1)
    expect(evil.received).toHaveLength(0)
    expect(await cache.entries()).toEqual([])
  })

  it('never re-sends a POST or PUT body there (307/308)', async () => {
    for (const status of [307, 308]) {
      const { evil, id, through } = await setUp(status)
      await expect(through().add('Secret Project')).rejects.toBeInstanceOf(NetworkError)
      await expect(through().edit(id, 'Secret Project')).rejects.toBeInstanceOf(NetworkError)
      expect(evil.received).toHaveLength(0)
    }
  })

  it('is refused, and not cached, when a custom fetch follows it anyway', async () => {
    const { evil, id, cache, through } = await setUp()
    const follows: typeof fetch = (input, init) => fetch(input, { ...init, redirect: 'follow' })
    const error = await through({ fetch: follows }).get(id).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(NetworkError)
    expect((error as Error).message).toContain(`to ${evil.origin}`)
    expect(await cache.entries()).toEqual([])
  })
})

describe('a redirect within the origin', () => {
  it('is followed, with the credentials, and its answer cached', async () => {
    const fake = await startFake({ organizations: [{ name: 'Acme', memberIds: [1] }] })
    const [id] = [...fake.mock.state.organizations.keys()] as [number]
    // One origin: /old/… moves to /api/v9/…, which the fake answers.
    const server = await serve((request) => {
      const { pathname } = new URL(request.url)
      return pathname.startsWith('/old/') ? redirect(308, pathname.slice('/old'.length)) : fake.mock.handle(request)
    })
    const cache = new MemoryCache()
    const orgs = new OrganizationEndpoint(fake.auth, cache, { baseURL: `${server.origin}/old/api/v9` })
    await expect(orgs.get(id)).resolves.toMatchObject({ id, name: 'Acme' })
    await expect(orgs.get(id)).resolves.toMatchObject({ id, name: 'Acme' })
    expect(server.received.map(({ method, url }) => `${method} ${new URL(url).pathname}`)).toEqual([
      `GET /old/api/v9/organizations/${id}`,
      `GET /api/v9/organizations/${id}`,
    ])
    expect(fake.mock.requests.at(-1)?.status).toBe(200)
  })

  it('gives up after 5 hops with NetworkError', async () => {
    const server = await serve((request) => redirect(302, `${new URL(request.url).pathname}x`))
    const fake = await startFake()
    const error = await new OrganizationEndpoint(fake.auth, null, { baseURL: `${server.origin}/api/v9`, retries: 0 }).collect().catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(NetworkError)
    expect((error as Error).message).toContain('redirected more than 5 times')
    expect(server.received).toHaveLength(6)
  })
})
