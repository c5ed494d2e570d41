// StorageCache on a real Redis: Debian's redis-server, started here on free loopback ports with no
// persistence and stopped after. Without the binary a developer's run skips these (loudly); CI
// (CI=true) fails instead, as scripts/test.js does for Chromium.
import type Redis from 'ioredis'
import { createStorage, type Storage } from 'unstorage'
import redisDriver from 'unstorage/drivers/redis'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { freePort, hasRedisServer, redisServerPath, startRedisServer, type RedisServer } from '../scripts/redis.js'
import { DEMO_ACCOUNT } from '../src/mock/index.ts'
import { createStorageCache } from '../src/storage/index.ts'
import { describeCacheConformance } from './cache-conformance.ts'
import { startScriptProcess, type ScriptProcess } from './support/child-process.ts'
import { startFake, type Fake } from './support/fake.ts'
import { describeStorageBehaviour } from './storage-behaviour.ts'
import { startTcpProxy, type TcpProxy } from './support/tcp-proxy.ts'

const available = hasRedisServer()
if (!available) {
  const banner = '!'.repeat(78)
  console.error(`\n${banner}\n!! ${redisServerPath} not found: the Redis suites of StorageCache are SKIPPED.`)
  console.error(`!! Install it with: apt-get update && apt-get install -y redis-server\n${banner}\n`)
}

if (!available && process.env.CI) {
  it('runs in CI, with redis-server installed', () => {
    throw new Error(`${redisServerPath} not found: CI must run the Redis suites (apt-get install -y redis-server)`)
  })
}

/** Everything started by a test, stopped after it. */
const cleanups: (() => Promise<unknown>)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

async function redis(port?: number): Promise<RedisServer> {
  const server = await startRedisServer(port)
  cleanups.push(() => server.stop())
  return server
}

function redisStorage(url: string): Storage {
  const storage = createStorage({ driver: redisDriver({ url }) })
  // ioredis prints every failed reconnection unless someone listens; here failing is the point.
  clientOf(storage).on('error', () => {})
  cleanups.push(() => storage.dispose())
  return storage
}

function clientOf(storage: Storage): Redis {
  return storage.getMount('').driver.getInstance!() as Redis
}

/** Waits (10 s at most) until `condition` holds, checking every 20 ms. */
async function until(condition: () => boolean | Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 10_000
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting until ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

describe.skipIf(!available)('StorageCache on a real Redis', () => {
  let server: RedisServer
  let shared: Storage

  beforeAll(async () => {
    server = await startRedisServer()
    shared = createStorage({ driver: redisDriver({ url: server.url }) })
  })
  afterAll(async () => {
    await shared?.dispose()
    await server?.stop()
  })

  describeCacheConformance('StorageCache (unstorage redis)', (options) => createStorageCache(shared, options), { persistent: true, values: 'json' })
  describeStorageBehaviour('unstorage redis', () => shared, { atomicWrites: true })

  it("expires records and index keys through Redis's own expiry (EX), and sets none for ttl: Infinity", async () => {
    const client = clientOf(shared)
    await createStorageCache(shared, { name: 'expiring', ttl: 90_000 }).put('p', 'k', 1, { group: 'g', order: 1 })
    await createStorageCache(shared, { name: 'lasting', ttl: Infinity }).put('p', 'k', 1, { group: 'g', order: 1 })
    const expiring = await client.keys('expiring:*')
    expect(expiring).toHaveLength(2)
    for (const key of expiring) expect(await client.ttl(key)).toBe(90)
    const lasting = await client.keys('lasting:*')
    expect(lasting).toHaveLength(2)
    for (const key of lasting) expect(await client.ttl(key)).toBe(-1)
    // A write's own ttl is its driver expiry too, beside the cache's in the same batch.
    await createStorageCache(shared, { name: 'mixed', ttl: 90_000 }).putMany('p', [
      { key: 'own', value: 1, ttl: 180_000, placement: { group: 'g', order: 1 } },
      { key: 'cache', value: 2 },
    ])
    const mixed = await client.keys('mixed:*')
    expect(mixed).toHaveLength(3)
    expect((await Promise.all(mixed.map((key) => client.ttl(key)))).sort()).toEqual([180, 180, 90].sort())
  })

  describe('when Redis fails', () => {
    const RETRY_AFTER = 1_000
    let fake: Fake
    let acme: { id: number; name: string }
    /** The organization with this name (replies of GET /organizations/{id} and of /me/organizations differ in other fields). */
    const named = (name: string) => expect.objectContaining({ id: acme.id, name })
    let clock: number
    let warnings: string[]

    async function setup(url: string) {
      fake = await startFake({ organizations: [{ name: 'Acme', memberIds: [DEMO_ACCOUNT.id] }] })
      acme = (await fake.organizations().collect())[0]!
      clock = Date.now()
      warnings = []
      const storage = redisStorage(url)
      const cache = createStorageCache(storage, { timeout: 200, retryAfter: RETRY_AFTER, now: () => clock, onWarning: (message) => warnings.push(message) })
      return { storage, cache, organizations: fake.organizations(cache) }
    }

    /** Requests `call` sent to the fake. */
    async function requestsOf(call: () => Promise<unknown>): Promise<number> {
      const before = fake.sent()
      await call()
      return fake.sent() - before
    }

    /** Waits until Redis answers the client again (reconnected, earlier replies through), then lets the cache's pause run out. */
    async function recovered(storage: Storage): Promise<void> {
      await until(() => clientOf(storage).status === 'ready', 'the Redis client reconnected')
      await clientOf(storage).ping()
      clock += RETRY_AFTER
    }

    it('down at start: calls answer from the network with one warning, and the cache serves once Redis is up', async () => {
      const port = await freePort()
      const { storage, organizations } = await setup(`redis://127.0.0.1:${port}`)
      expect(await requestsOf(async () => expect(await organizations.get(acme.id)).toEqual(named('Acme')))).toBe(1)
      // Within retryAfter the store is not even tried: no second wait, no second warning.
      expect(await requestsOf(async () => expect(await organizations.get(acme.id)).toEqual(named('Acme')))).toBe(1)
      expect(warnings).toEqual([expect.stringMatching(/^the store did not answer within 200 ms: reading failed, treated as misses; the cache is bypassed for 1000 ms/)])
      await redis(port)
      await recovered(storage)
      expect(await requestsOf(() => organizations.get(acme.id))).toBe(1)
      expect(await requestsOf(async () => expect(await organizations.get(acme.id)).toEqual(named('Acme')))).toBe(0)
      expect(warnings).toHaveLength(1)
    })

    it('killed mid-run: calls keep answering, and after a restart (empty) the cache fills again', async () => {
      const server = await redis()
      const { storage, organizations } = await setup(server.url)
      expect(await requestsOf(() => organizations.get(acme.id))).toBe(1)
      expect(await requestsOf(() => organizations.get(acme.id))).toBe(0)
      await server.kill()
      expect(await requestsOf(async () => expect(await organizations.get(acme.id)).toEqual(named('Acme')))).toBe(1)
      expect(await requestsOf(async () => expect(await organizations.edit(acme.id, 'Acme Renamed')).toEqual(named('Acme Renamed')))).toBe(2)
      expect(warnings).toHaveLength(1)
      await redis(server.port)
      await recovered(storage)
      expect(await requestsOf(async () => expect(await organizations.get(acme.id)).toEqual(named('Acme Renamed')))).toBe(1)
      expect(await requestsOf(() => organizations.get(acme.id))).toBe(0)
    })

    it('slow: a call does not wait past the timeout, and the cache serves again once Redis is fast', async () => {
      const server = await redis()
      const proxy = await proxyTo(server)
      const { storage, organizations } = await setup(`redis://127.0.0.1:${proxy.port}`)
      await until(() => clientOf(storage).ping().then(() => true), 'the client connected')
      proxy.slowDown(600)
      expect(await requestsOf(async () => expect(await organizations.get(acme.id)).toEqual(named('Acme')))).toBe(1)
      expect(warnings).toEqual([expect.stringMatching(/^the store did not answer within 200 ms/)])
      proxy.restore()
      await recovered(storage)
      expect(await requestsOf(() => organizations.get(acme.id))).toBe(1)
      expect(await requestsOf(() => organizations.get(acme.id))).toBe(0)
    })

    it('cut off while Redis keeps its data: what changed meanwhile is never served stale after it comes back', async () => {
      const server = await redis()
      const proxy = await proxyTo(server)
      const { storage, organizations } = await setup(`redis://127.0.0.1:${proxy.port}`)
      // Another process, on the same Redis without the cut.
      const other = fake.organizations(createStorageCache(redisStorage(server.url)))
      await organizations.collect()
      expect(await requestsOf(() => other.get(acme.id))).toBe(0)
      proxy.cut()
      const renamed = named('Acme Renamed')
      expect(await organizations.edit(acme.id, 'Acme Renamed')).toEqual(renamed)
      expect(await organizations.get(acme.id)).toEqual(renamed)
      expect(warnings).toHaveLength(1)
      proxy.restore()
      await recovered(storage)
      // The deletions missed during the cut go first: the old name is gone for both processes.
      expect(await organizations.get(acme.id)).toEqual(renamed)
      expect(await other.get(acme.id)).toEqual(renamed)
      expect(await requestsOf(async () => expect(await other.collect()).toEqual([renamed]))).toBe(1)
      expect(await requestsOf(async () => expect(await organizations.collect()).toEqual([renamed]))).toBe(0)
    })

    async function proxyTo(server: RedisServer): Promise<TcpProxy> {
      const proxy = await startTcpProxy(server.port)
      cleanups.push(() => proxy.close())
      return proxy
    }
  })

  describe('two Node processes on one Redis', () => {
    it('a write in one is seen by the next read in the other, and neither asks Toggl for what the other cached', async () => {
      const fake = await startFake({ organizations: ['Acme', 'Globex'].map((name) => ({ name, memberIds: [DEMO_ACCOUNT.id] })) })
      const name = `processes${Math.random().toString(36).slice(2, 8)}`
      const script = new URL('support/storage-process.ts', import.meta.url)
      const token = fake.mock.state.accountWithEmail(DEMO_ACCOUNT.email)!.apiToken
      const spawned = await Promise.all([0, 1].map(() => startScriptProcess(script, [server.url, fake.server.baseURL, token, name])))
      cleanups.push(() => Promise.all(spawned.map((child) => child.exit())))
      const [first, second] = spawned as [ScriptProcess, ScriptProcess]
      const requestsOf = async (call: () => Promise<unknown>) => {
        const before = fake.sent()
        await call()
        return fake.sent() - before
      }

      let organizations: { id: number; name: string }[] = []
      expect(await requestsOf(async () => (organizations = await first.call({ op: 'collect' })))).toBe(1)
      const [acme, globex] = organizations as [{ id: number; name: string }, { id: number; name: string }]
      expect(await requestsOf(async () => expect(await second.call({ op: 'collect' })).toEqual(organizations))).toBe(0)
      expect(await requestsOf(async () => expect(await second.call({ op: 'get', id: globex.id })).toEqual(globex))).toBe(0)

      expect(await requestsOf(() => first.call({ op: 'edit', id: acme.id, name: 'Acme Renamed' }))).toBe(1)
      expect(await requestsOf(async () => expect(await second.call({ op: 'get', id: acme.id })).toEqual({ ...acme, name: 'Acme Renamed' }))).toBe(0)
      expect(await requestsOf(() => second.call({ op: 'edit', id: globex.id, name: 'Globex Renamed' }))).toBe(1)
      expect(await requestsOf(async () => expect(await first.call({ op: 'collect' })).toEqual([{ ...acme, name: 'Acme Renamed' }, { ...globex, name: 'Globex Renamed' }]))).toBe(0)
      expect([await first.call({ op: 'warnings' }), await second.call({ op: 'warnings' })]).toEqual([[], []])
    }, 30_000)

    it('concurrent syncs of one account in two processes send one request between them (Redis SET NX PX)', async () => {
      const fake = await startFake({ organizations: [{ name: 'Acme', memberIds: [DEMO_ACCOUNT.id] }] })
      const workspace = [...fake.mock.state.organizations.values()][0]!.workspaces[0]!.id
      fake.mock.state.addTimeEntry({ workspaceId: workspace, userId: DEMO_ACCOUNT.id, start: Date.now() - 7_200_000, stop: Date.now() - 3_600_000 })
      const [first, second] = await twoProcesses(fake)
      // The first sync's listing is slow, so the second asks while the first holds the lock.
      fake.mock.inject({ type: 'delay', ms: 400 })
      const firstSync = first.call<{ requests: number }>({ op: 'sync' })
      await vi.waitFor(() => expect(fake.sent()).toBe(1))
      const secondSync = second.call<{ requests: number }>({ op: 'sync' })
      expect([(await firstSync).requests, (await secondSync).requests]).toEqual([1, 0])
      expect(fake.sent()).toBe(1)
    }, 30_000)

    it('a quota window one process found spent stops the other without a request', async () => {
      const fake = await startFake({ organizations: [{ name: 'Acme', memberIds: [DEMO_ACCOUNT.id] }] })
      const [acme] = [...fake.mock.state.organizations.keys()] as [number]
      const [first, second] = await twoProcesses(fake)
      const spent = { 'X-Toggl-Quota-Remaining': '0', 'X-Toggl-Quota-Resets-In': '900', 'content-type': 'application/json' }
      fake.mock.inject({ type: 'status', status: 402, body: '"You have hit your hourly limit for API calls."', headers: spent })
      await expect(first.call({ op: 'refresh', id: acme })).rejects.toThrow(/^QuotaError: .*resets in 900 s/)
      const sent = fake.sent()
      await expect(second.call({ op: 'refresh', id: acme })).rejects.toThrow(/^QuotaError: GET \/api\/v9\/organizations\/\d+ not sent/)
      expect(fake.sent()).toBe(sent)
    }, 30_000)

    async function twoProcesses(fake: Fake): Promise<[ScriptProcess, ScriptProcess]> {
      const name = `processes${Math.random().toString(36).slice(2, 8)}`
      const script = new URL('support/storage-process.ts', import.meta.url)
      const token = fake.mock.state.accountWithEmail(DEMO_ACCOUNT.email)!.apiToken
      const spawned = await Promise.all([0, 1].map(() => startScriptProcess(script, [server.url, fake.server.baseURL, token, name])))
      cleanups.push(() => Promise.all(spawned.map((child) => child.exit())))
      return spawned as [ScriptProcess, ScriptProcess]
    }
  })
})
