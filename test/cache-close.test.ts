// A server that makes a cache per tenant or request must get its memory back: a cache's
// BroadcastChannel (how instances of one name hear each other) would keep it reachable for the
// life of the process, so close() closes it.
import { describe, expect, it } from 'vitest'
import { BasicAuth, MemoryCache, OrganizationEndpoint } from '../src/index.ts'
import { createTogglMock, DEMO_ACCOUNT } from '../src/mock/index.ts'
import { collectGarbage } from './support/gc.ts'

const COUNT = 20

async function survivors(make: (index: number) => Promise<object>): Promise<number> {
  const refs: WeakRef<object>[] = []
  for (let index = 0; index < COUNT; index++) refs.push(new WeakRef(await make(index)))
  await collectGarbage()
  return refs.filter((ref) => ref.deref() !== undefined).length
}

describe('closing a cache', () => {
  it('lets a closed MemoryCache and what it holds be collected', async () => {
    const left = await survivors(async (index) => {
      const cache = new MemoryCache({ name: `tenant-${index % 2}` })
      await cache.put('p', 'k', 'x'.repeat(100_000))
      await cache.close()
      return cache
    })
    expect(left).toBe(0)
  })

  it('lets a closed cache go after endpoints used it (their guard and quota sharing subscribe to it too)', async () => {
    const mock = createTogglMock({ organizations: [{ name: 'Acme', memberIds: [DEMO_ACCOUNT.id] }] })
    const auth = BasicAuth.fromApiToken(DEMO_ACCOUNT.apiToken)
    const left = await survivors(async () => {
      const cache = new MemoryCache()
      await new OrganizationEndpoint(auth, cache, { fetch: mock.fetch }).collect()
      await cache.close()
      return cache
    })
    expect(left).toBe(0)
  })

  it('a closed cache still answers, alone: it no longer hears the others of its name', async () => {
    const [closed, open, other] = [new MemoryCache({ name: 'shared-name' }), new MemoryCache({ name: 'shared-name' }), new MemoryCache({ name: 'shared-name' })]
    await closed.put('p', 'k', 'mine')
    await open.put('p', 'k', 'mine')
    await closed.close()
    other.channel?.post({ type: 'change', partition: 'p', keys: ['k'] })
    await expect.poll(() => open.find('p', 'k')).toBeUndefined() // an open one heard it
    expect(await closed.find('p', 'k')).toBe('mine')
  })
})
