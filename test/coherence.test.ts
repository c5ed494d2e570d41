// Instances on one store (tabs on one IndexedDB, caches of one name) hear of each other's writes
// over the cache's channel: none keeps serving, or stores, what another's write made stale, and the
// quota view travels with them. Here the "other tab" is a second cache instance of the same name.
import { describe, expect, it, vi } from 'vitest'
import { realmLock } from '../src/cache/lock.ts'
import { GroupEndpoint, MemoryCache, QuotaError } from '../src/index.ts'
import { DEMO_ACCOUNT } from '../src/mock/index.ts'
import { failureOf, startFake } from './support/fake.ts'

async function acmeFake() {
  const fake = await startFake({ accounts: [{ ...DEMO_ACCOUNT, apiToken: `coherence-${Math.random()}` }], organizations: [{ name: 'Acme', memberIds: [1] }] })
  const [acme] = [...fake.mock.state.organizations.keys()] as [number]
  return { fake, acme }
}

const uniqueName = () => `coherence-${Math.random().toString(36).slice(2)}`

describe('two caches of one name', () => {
  it('a write through one drops what the other held about it, so the other serves no stale listing', async () => {
    const { fake, acme } = await acmeFake()
    const name = uniqueName()
    const here = fake.endpoint(GroupEndpoint, new MemoryCache({ name }))
    const otherCache = new MemoryCache({ name })
    const other = fake.endpoint(GroupEndpoint, otherCache)
    expect(await other.collect(acme)).toEqual([])
    await here.add(acme, { name: 'Design' })
    await vi.waitFor(async () => expect(await otherCache.entries()).toEqual([]))
    expect((await other.collect(acme)).map(({ name: group }) => group)).toEqual(['Design'])
    expect(fake.sent()).toBe(3)
  })

  it('caches of different names do not hear each other (each keeps what it holds)', async () => {
    const { fake, acme } = await acmeFake()
    const here = fake.endpoint(GroupEndpoint, new MemoryCache({ name: uniqueName() }))
    const other = fake.endpoint(GroupEndpoint, new MemoryCache({ name: uniqueName() }))
    await other.collect(acme)
    await here.add(acme, { name: 'Design' })
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(await other.collect(acme)).toEqual([])
    expect(fake.sent()).toBe(2)
  })

  it('a read in flight while the other instance writes is answered but not stored', async () => {
    const { fake, acme } = await acmeFake()
    const name = uniqueName()
    const here = fake.endpoint(GroupEndpoint, new MemoryCache({ name }))
    // The other tab's reply left Toggl before the write and reaches it after (a slow network).
    let deliver = () => {}
    const delivered = new Promise<void>((resolve) => (deliver = resolve))
    const late: typeof fetch = async (input, init) => {
      const response = await fetch(input, init)
      await delivered
      return response
    }
    const otherCache = new MemoryCache({ name })
    const other = fake.endpoint(GroupEndpoint, otherCache, { fetch: late })
    const slowRead = other.collect(acme)
    await vi.waitFor(() => expect(fake.sent()).toBe(1))
    await here.add(acme, { name: 'Design' })
    await new Promise((resolve) => setTimeout(resolve, 20))
    deliver()
    expect(await slowRead).toEqual([])
    expect(await otherCache.entries()).toEqual([])
    expect((await other.collect(acme)).map(({ name: group }) => group)).toEqual(['Design'])
  })
})

describe('the quota view across instances', () => {
  it('a spent window another tab heard of stops this one’s calls without sending them', async () => {
    const { fake, acme } = await acmeFake()
    const name = uniqueName()
    const groups = fake.endpoint(GroupEndpoint, new MemoryCache({ name }))
    await groups.collect(acme)
    const partition = `${await fake.auth.accountKey()}@${fake.server.baseURL}`
    const tab = new BroadcastChannel(`togglkit-cache:memory:${name}`)
    try {
      tab.postMessage({ type: 'quota', partition, windows: [{ remaining: 0, resetsIn: 900, at: Date.now(), organizationId: acme }] })
      await vi.waitFor(() => expect(groups.quotaOf(acme)).toMatchObject({ remaining: 0 }))
      const error = await failureOf(groups.collect(acme, undefined, { refresh: true }))
      expect(error).toBeInstanceOf(QuotaError)
      expect(error).toMatchObject({ sent: false })
      expect(fake.sent()).toBe(1)
    } finally {
      tab.close()
    }
  })

  it('posts the windows its replies report for the other tabs', async () => {
    const { fake, acme } = await acmeFake()
    const name = uniqueName()
    const heard: unknown[] = []
    const tab = new BroadcastChannel(`togglkit-cache:memory:${name}`)
    tab.onmessage = ({ data }) => heard.push(data)
    try {
      await fake.endpoint(GroupEndpoint, new MemoryCache({ name })).collect(acme)
      await vi.waitFor(() => expect(heard).toContainEqual(expect.objectContaining({ type: 'quota', windows: [expect.objectContaining({ organizationId: acme })] })))
      expect(JSON.stringify(heard)).not.toContain(DEMO_ACCOUNT.apiToken)
    } finally {
      tab.close()
    }
  })
})

describe('quota news to the other tabs', () => {
  it('tells a window at most once a second, and a spent one at once', async () => {
    const { fake, acme } = await acmeFake()
    const name = uniqueName()
    const heard: Array<{ type: string; windows?: Array<{ remaining: number }> }> = []
    const tab = new BroadcastChannel(`togglkit-cache:memory:${name}`)
    tab.onmessage = ({ data }) => heard.push(data)
    try {
      const groups = fake.endpoint(GroupEndpoint, new MemoryCache({ name }))
      for (let i = 0; i < 5; i++) await groups.collect(acme, undefined, { refresh: true })
      await vi.waitFor(() => expect(heard.filter(({ type }) => type === 'quota')).toHaveLength(1))
      fake.mock.inject({ type: 'status', status: 200, body: '[]', headers: { 'content-type': 'application/json', 'x-toggl-quota-remaining': '0', 'x-toggl-quota-resets-in': '900' } })
      await groups.collect(acme, undefined, { refresh: true })
      await vi.waitFor(() => expect(heard.filter(({ type }) => type === 'quota').at(-1)?.windows?.[0]).toMatchObject({ remaining: 0 }))
      expect(heard.filter(({ type }) => type === 'quota')).toHaveLength(2)
    } finally {
      tab.close()
    }
  })
})

describe('locks', () => {
  it('realmLock runs the tasks of one name one at a time, in call order, and goes on after a failure', async () => {
    const order: string[] = []
    const task = (label: string, fail = false) => async () => {
      order.push(`${label} start`)
      await new Promise((resolve) => setTimeout(resolve, 5))
      order.push(`${label} end`)
      if (fail) throw new Error(label)
    }
    const results = await Promise.allSettled([realmLock('x', task('a', true)), realmLock('x', task('b')), realmLock('y', task('c'))])
    expect(results.map(({ status }) => status)).toEqual(['rejected', 'fulfilled', 'fulfilled'])
    expect(order.indexOf('b start')).toBeGreaterThan(order.indexOf('a end'))
    expect(order.indexOf('c start')).toBeLessThan(order.indexOf('a end'))
  })
})
