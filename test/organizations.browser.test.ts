import { afterEach, describe, expect, it, vi } from 'vitest'
import { BasicAuth, createCache, IndexedDbCache, OrganizationEndpoint, type TogglCache } from '../src/index.ts'
import { createTogglMock, DEMO_ACCOUNT } from '../src/mock/index.ts'

// The endpoint in real Chromium, over its real IndexedDB, with the fake served in-page.

afterEach(() => {
  vi.restoreAllMocks()
})

function setup() {
  const mock = createTogglMock({ organizations: [{ name: 'Acme', memberIds: [DEMO_ACCOUNT.id] }] })
  const [id] = [...mock.state.organizations.keys()] as [number]
  const auth = BasicAuth.fromApiToken(DEMO_ACCOUNT.apiToken)
  const baseURL = `http://fake-${crypto.randomUUID()}.test/api/v9`
  const organizations = (cache: TogglCache) => new OrganizationEndpoint(auth, cache, { baseURL, fetch: mock.fetch })
  return { mock, id, organizations }
}

describe('OrganizationEndpoint in Chromium', () => {
  it('answers from IndexedDB after a reload, with no request', async () => {
    const { mock, id, organizations } = setup()
    const name = `togglkit-endpoint-${crypto.randomUUID()}`
    const before = await createCache({ name })
    expect(before).toBeInstanceOf(IndexedDbCache)
    await organizations(before).collect()
    await before.close()

    const after = await createCache({ name })
    expect(await organizations(after).get(id)).toMatchObject({ id, name: 'Acme', trial_info: expect.any(Object) })
    expect(mock.requests).toHaveLength(1)
    await after.close()
  })

  it('still returns Toggl’s answer when IndexedDB refuses every write', async () => {
    const { mock, id, organizations } = setup()
    const onWarning = vi.fn()
    const cache = new IndexedDbCache({ name: `togglkit-full-${crypto.randomUUID()}`, onWarning })
    expect(await cache.connect()).toBe(true)
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
    })
    const orgs = organizations(cache)
    expect(await orgs.get(id)).toMatchObject({ id, name: 'Acme' })
    expect(await orgs.get(id)).toMatchObject({ id, name: 'Acme' })
    expect(mock.requests).toHaveLength(2)
    expect(onWarning).toHaveBeenCalled()
    await cache.close()
  })
})
