// How a complete listing keeps organizations in the cache: a refreshed listing writes again only
// what changed (in IndexedDB each record written costs a request), yet nothing is served longer
// than the newest listing lasts, and nothing of an organization the account left.
import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createStorage } from 'unstorage'
import { IndexedDbCache, MemoryCache, type CacheOptions, type CacheWrite, type TogglCache } from '../src/index.ts'
import { DEMO_ACCOUNT } from '../src/mock/index.ts'
import { createStorageCache } from '../src/storage/index.ts'
import { startFake } from './support/fake.ts'
import { OTHER } from './support/organizations.ts'

const TTL = 60_000

/** A cache that notes the key of every value stored through it. */
function recording(cache: TogglCache): { cache: TogglCache; written: string[] } {
  const written: string[] = []
  const putMany = cache.putMany.bind(cache)
  cache.putMany = (partition: string, writes: readonly CacheWrite[]) => {
    written.push(...writes.map(({ key }) => key))
    return putMany(partition, writes)
  }
  return { cache, written }
}

const adapters: [string, (options: CacheOptions) => TogglCache][] = [
  ['MemoryCache', (options) => new MemoryCache(options)],
  // Not trusted: every value read is checked again; records are JSON; no transactions.
  ['StorageCache', (options) => createStorageCache(createStorage(), options)],
  ['IndexedDbCache (fake-indexeddb)', (options) => new IndexedDbCache({ ...options, name: `togglkit-listing-${Math.random().toString(36).slice(2)}` })],
]

describe.each(adapters)('a complete listing in %s', (_, makeCache) => {
  // The cache's clock and the endpoint's (when it last wrote every copy) are one here, as in an app.
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(1_000_000)
  })
  const opened: TogglCache[] = []
  afterEach(async () => {
    vi.useRealTimers()
    await Promise.all(opened.splice(0).map((cache) => cache.close()))
  })

  async function seeded() {
    const fake = await startFake({
      accounts: [DEMO_ACCOUNT, OTHER],
      // Owned by someone else, so one the account leaves goes on existing, and looks alike when it rejoins.
      organizations: ['Acme', 'Globex', 'Initech', 'Umbrella'].map((name) => ({ name, memberIds: [OTHER.id, DEMO_ACCOUNT.id] })),
    })
    const ids = [...fake.mock.state.organizations.keys()]
    const { cache, written } = recording(makeCache({ ttl: TTL, now: () => Date.now() }))
    opened.push(cache)
    // Really in IndexedDB, not in a fallback to memory.
    if (cache instanceof IndexedDbCache) expect(await cache.connect()).toBe(true)
    const orgs = fake.organizations(cache)
    return { fake, ids, cache, written, orgs, later: (ms: number) => vi.setSystemTime(Date.now() + ms) }
  }

  it('stores again only the organizations that changed, and serves each as listed last', async () => {
    const { fake, ids, written, orgs } = await seeded()
    await orgs.collect()
    written.length = 0
    fake.mock.state.organizations.get(ids[1]!)!.name = 'Globex Renamed'
    const listed = await orgs.collect({ refresh: true })
    const models = written.filter((key) => ids.some((id) => key.endsWith(`:${id}`)))
    expect(models).toHaveLength(1)
    expect(models[0]).toMatch(new RegExp(`:${ids[1]}$`))
    const sent = fake.sent()
    expect(await orgs.collect()).toEqual(listed)
    expect(await orgs.get(ids[1]!)).toMatchObject({ name: 'Globex Renamed' })
    expect(await orgs.get(ids[0]!)).toMatchObject({ name: 'Acme' })
    expect(fake.sent()).toBe(sent)
  })

  it('serves what a listing stored as long as the newest listing is fresh, never after', async () => {
    const { fake, ids, orgs, later } = await seeded()
    await orgs.collect()
    later(TTL - 10_000)
    await orgs.collect({ refresh: true }) // nothing changed: nothing is stored again
    later(TTL - 10_000)
    const sent = fake.sent()
    expect(await orgs.get(ids[0]!)).toMatchObject({ name: 'Acme' })
    expect(await orgs.collect()).toHaveLength(4)
    expect(fake.sent()).toBe(sent)
    later(10_001)
    expect(await orgs.get(ids[0]!)).toMatchObject({ name: 'Acme' })
    expect(fake.sent()).toBe(sent + 1)
    await orgs.collect()
    expect(fake.sent()).toBe(sent + 2)
  })

  it('writes every copy again a ttl after it last did, so none expires while a listing serves it', async () => {
    const { fake, ids, written, orgs, later } = await seeded()
    const copiesWritten = () => written.splice(0).filter((key) => ids.some((id) => key.endsWith(`:${id}`))).length
    await orgs.collect()
    expect(copiesWritten()).toBe(4)
    later(TTL - 10_000)
    await orgs.collect({ refresh: true })
    expect(copiesWritten()).toBe(0)
    later(20_000) // the copies are now older than a ttl
    await orgs.collect({ refresh: true })
    expect(copiesWritten()).toBe(4)
    later(TTL - 5_000)
    await orgs.collect({ refresh: true })
    expect(copiesWritten()).toBe(0)
    later(TTL - 5_000) // past two ttls since the first listing, within two of the full rewrite
    const sent = fake.sent()
    expect(await orgs.get(ids[0]!)).toMatchObject({ name: 'Acme' })
    expect(await orgs.collect()).toHaveLength(4)
    expect(fake.sent()).toBe(sent)
  })

  it('serves an organization fetched after the listing in place of its listed copy, by get and by collect', async () => {
    const { fake, ids, orgs } = await seeded()
    await orgs.collect()
    fake.mock.state.organizations.get(ids[2]!)!.name = 'Initech Renamed'
    await orgs.get(ids[2]!, { refresh: true })
    const sent = fake.sent()
    expect((await orgs.collect()).map(({ name }) => name)).toEqual(['Acme', 'Globex', 'Initech Renamed', 'Umbrella'])
    expect(await orgs.get(ids[2]!)).toMatchObject({ name: 'Initech Renamed' })
    expect(fake.sent()).toBe(sent)
  })

  it('forgets the organizations left, and stores one again when the account rejoins it', async () => {
    const { fake, ids, orgs } = await seeded()
    await orgs.collect()
    const umbrella = fake.mock.state.organizations.get(ids[3]!)!
    fake.mock.state.removeMember(umbrella.id, DEMO_ACCOUNT.id)
    expect((await orgs.collect({ refresh: true })).map(({ id }) => id)).toEqual(ids.slice(0, 3))
    let sent = fake.sent()
    expect(await orgs.get(umbrella.id)).toBeNull()
    expect(fake.sent()).toBe(sent + 1)
    fake.mock.state.addMember(umbrella, DEMO_ACCOUNT.id, [])
    expect(await orgs.collect({ refresh: true })).toHaveLength(4)
    sent = fake.sent()
    expect(await orgs.get(umbrella.id)).toMatchObject({ name: 'Umbrella' })
    expect(await orgs.collect()).toHaveLength(4)
    expect(fake.sent()).toBe(sent)
  })

  it('after a 404 dropped one, the next listing stores it again, and only it', async () => {
    const { fake, ids, written, orgs } = await seeded()
    await orgs.collect()
    fake.mock.state.removeMember(ids[0]!, DEMO_ACCOUNT.id)
    expect(await orgs.get(ids[0]!, { refresh: true })).toBeNull()
    fake.mock.state.addMember(fake.mock.state.organizations.get(ids[0]!)!, DEMO_ACCOUNT.id, [])
    written.length = 0
    await orgs.collect({ refresh: true })
    expect(written.filter((key) => ids.some((id) => key.endsWith(`:${id}`)))).toEqual([expect.stringMatching(new RegExp(`organization:${ids[0]}$`))])
    const sent = fake.sent()
    expect(await orgs.collect()).toHaveLength(4)
    expect(await orgs.get(ids[0]!)).toMatchObject({ name: 'Acme' })
    expect(fake.sent()).toBe(sent)
  })

  it('a listed copy lost from the store costs one request, then the next listing stores them all', async () => {
    const { fake, ids, cache, orgs } = await seeded()
    await orgs.collect()
    const lost = (await cache.entries()).find(({ key, value }) => key !== `organization:${ids[1]}` && (value as { id?: number }).id === ids[1])!
    await cache.delete(lost.partition, lost.key)
    const sent = fake.sent()
    expect(await orgs.collect()).toHaveLength(4)
    expect(fake.sent()).toBe(sent + 1)
    expect(await orgs.collect()).toHaveLength(4)
    expect(await orgs.get(ids[1]!)).toMatchObject({ name: 'Globex' })
    expect(fake.sent()).toBe(sent + 1)
  })
})
