import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { BasicAuth, createCache, IndexedDbCache, MemoryCache, OrganizationEndpoint, type TogglCache } from '../src/index.ts'
import { startFake } from './support/fake.ts'

const uniqueName = () => `togglkit-endpoint-${Math.random().toString(36).slice(2)}`

afterEach(() => {
  vi.restoreAllMocks()
  vi.unstubAllGlobals()
})

/** The fake, reached in-process: happy-dom's fetch enforces CORS, which the fake does not answer. */
async function withAcme() {
  const fake = await startFake({ organizations: [{ name: 'Acme', memberIds: [1] }] })
  const [id] = [...fake.mock.state.organizations.keys()] as [number]
  const organizations = (cache: TogglCache) => fake.organizations(cache, { fetch: fake.mock.fetch })
  return { fake, id, organizations }
}

describe('OrganizationEndpoint over IndexedDB', () => {
  it('survives a reload: a new cache with the same name answers get with no request', async () => {
    const { fake, id, organizations } = await withAcme()
    const name = uniqueName()
    const first = await createCache({ name })
    expect(first).toBeInstanceOf(IndexedDbCache)
    await organizations(first).collect()
    await first.close()

    const reloaded = await createCache({ name })
    const sent = fake.sent()
    expect(await organizations(reloaded).get(id)).toMatchObject({ id, name: 'Acme' })
    expect(await organizations(reloaded).collect()).toHaveLength(1)
    expect(fake.sent()).toBe(sent)
  })

  it('signed in by email and password, survives a reload too: the salt of the slow account key is in the database', async () => {
    const jo = { id: 1, email: 'jo@example.com', password: 'hunter2', apiToken: 'jo-token', fullname: 'Jo' }
    const fake = await startFake({ accounts: [jo], organizations: [{ name: 'Acme', memberIds: [1] }] })
    const [id] = [...fake.mock.state.organizations.keys()] as [number]
    const signIn = (cache: TogglCache) =>
      new OrganizationEndpoint(new BasicAuth(jo.email, jo.password), cache, { baseURL: fake.server.baseURL, fetch: fake.mock.fetch })
    const name = uniqueName()
    const first = await createCache({ name })
    await signIn(first).get(id)
    await first.close()

    const reloaded = await createCache({ name })
    expect(await signIn(reloaded).get(id)).toMatchObject({ id, name: 'Acme' })
    expect(fake.sent()).toBe(1)
    // A salt, never anything derived quickly from the password.
    const stored = await reloaded.entries()
    expect(stored.filter(({ partition }) => partition === 'togglkit')).toEqual([expect.objectContaining({ key: 'account-key-salt' })])
    expect(JSON.stringify(stored)).not.toContain(jo.password)
  })

  it('returns the server’s data when every cache write is refused (quota exceeded)', async () => {
    const { fake, id, organizations } = await withAcme()
    const onWarning = vi.fn()
    const cache = new IndexedDbCache({ name: uniqueName(), onWarning })
    expect(await cache.connect()).toBe(true)
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
    })
    const orgs = organizations(cache)
    expect(await orgs.collect()).toMatchObject([{ id, name: 'Acme' }])
    expect(await orgs.edit(id, 'Acme 2')).toMatchObject({ id, name: 'Acme 2' })
    expect(await orgs.get(id)).toMatchObject({ name: 'Acme 2' })
    // Nothing could be cached: edit fetched the renamed organization, and get asked again.
    expect(fake.mock.requests.map((r) => r.method)).toEqual(['GET', 'PUT', 'GET', 'GET'])
    expect(onWarning).toHaveBeenCalled()
  })

  it('falls back to memory with one warning when IndexedDB will not open, and calls still work', async () => {
    const { fake, id, organizations } = await withAcme()
    vi.spyOn(indexedDB, 'open').mockImplementation(() => {
      throw new DOMException('The operation is insecure.', 'SecurityError')
    })
    const onWarning = vi.fn()
    const cache = await createCache({ name: uniqueName(), onWarning })
    expect(cache).toBeInstanceOf(MemoryCache)
    expect(onWarning).toHaveBeenCalledTimes(1)
    const orgs = organizations(cache)
    await orgs.get(id)
    await orgs.get(id)
    expect(fake.sent()).toBe(1)
  })
})
