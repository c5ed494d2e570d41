import { describe, expect, it } from 'vitest'
import {
  BasicAuth,
  HTTPStatusError,
  OrganizationEndpoint,
  InputError,
  MemoryCache,
  NamingError,
  ResponseValidationError,
  type TogglOrganization,
} from '../src/index.ts'
import { DEMO_ACCOUNT } from '../src/mock/index.ts'
import { startFake } from './support/fake.ts'
import { OTHER } from './support/organizations.ts'


/** The fake with the demo account in two organizations and a stranger's third. */
async function seeded() {
  const fake = await startFake({
    accounts: [DEMO_ACCOUNT, OTHER],
    organizations: [
      { name: 'Acme', memberIds: [1] },
      { name: 'Globex', memberIds: [2, 1] },
      { name: 'Initech', memberIds: [2] },
    ],
  })
  const [acme, globex, initech] = [...fake.mock.state.organizations.keys()] as [number, number, number]
  return { fake, acme, globex, initech }
}

describe('OrganizationEndpoint.get', () => {
  it('sends 1 request on a miss, stores it, and 0 on the next call', async () => {
    const { fake, acme } = await seeded()
    const orgs = fake.organizations(new MemoryCache())
    const first = await orgs.get(acme)
    expect(first).toMatchObject({ id: acme, name: 'Acme', admin: true, owner: true, permissions: null })
    expect(fake.sent()).toBe(1)
    expect(await orgs.get(acme)).toEqual(first)
    expect(await orgs.get({ id: acme })).toEqual(first)
    expect(fake.sent()).toBe(1)
  })

  it('always sends with refresh, and without a cache', async () => {
    const { fake, acme } = await seeded()
    const cached = fake.organizations(new MemoryCache())
    await cached.get(acme)
    await cached.get(acme, { refresh: true })
    await cached.get(acme, { refresh: true })
    expect(fake.sent()).toBe(3)
    const uncached = fake.organizations()
    await uncached.get(acme)
    await uncached.get(acme)
    expect(fake.sent()).toBe(5)
  })

  it('answers null for 404 and 403 and drops the cached copy; reRaise throws', async () => {
    const { fake, acme, initech } = await seeded()
    const cache = new MemoryCache()
    const orgs = fake.organizations(cache)
    expect(await orgs.get(initech)).toBeNull()
    expect(await orgs.get(999_999)).toBeNull()

    await orgs.get(acme)
    fake.mock.inject({ type: 'status', status: 403, body: '"User does not have access to this resource."' })
    expect(await orgs.get(acme, { refresh: true })).toBeNull()
    expect(await cache.entries()).toEqual([])

    const strict = fake.organizations(cache, { reRaise: true })
    await expect(strict.get(initech)).rejects.toMatchObject({ status: 404, serverMessage: 'User not part of organization' })
    fake.mock.inject({ type: 'status', status: 403, body: '"User does not have access to this resource."' })
    await expect(strict.get(acme)).rejects.toBeInstanceOf(HTTPStatusError)
  })

  it('does not quietly swallow other errors', async () => {
    const { fake, acme } = await seeded()
    fake.mock.inject({ type: 'status', status: 400, body: '"Bad"' })
    await expect(fake.organizations().get(acme)).rejects.toMatchObject({ status: 400 })
  })
})

describe('OrganizationEndpoint.collect', () => {
  it('sends 1 request for two collects with a cache, and fills the cache for get', async () => {
    const { fake, acme, globex } = await seeded()
    const orgs = fake.organizations(new MemoryCache())
    const first = await orgs.collect()
    expect(first.map((o) => o.id).sort()).toEqual([acme, globex].sort())
    expect(await orgs.collect()).toEqual(first)
    expect(await orgs.get(globex)).toMatchObject({ name: 'Globex', owner: false })
    expect(fake.sent()).toBe(1)
  })

  it('is not served from single entries that get() stored', async () => {
    const { fake, acme, globex } = await seeded()
    const orgs = fake.organizations(new MemoryCache())
    await orgs.get(acme)
    await orgs.get(globex)
    await orgs.collect()
    expect(fake.sent()).toBe(3)
  })

  it('sends again once the stored list expires', async () => {
    const { fake } = await seeded()
    let now = 1_000_000
    const orgs = fake.organizations(new MemoryCache({ ttl: 60_000, now: () => now }))
    await orgs.collect()
    now += 59_000
    await orgs.collect()
    expect(fake.sent()).toBe(1)
    now += 2_000
    await orgs.collect()
    expect(fake.sent()).toBe(2)
  })

  it('returns [] for an account in no organization', async () => {
    const fake = await startFake()
    expect(await fake.organizations(new MemoryCache()).collect()).toEqual([])
  })

  it('drops cached organizations that the fresh list no longer contains', async () => {
    const { fake, acme, globex } = await seeded()
    const cache = new MemoryCache()
    const orgs = fake.organizations(cache)
    await orgs.collect()
    fake.mock.state.organizations.get(globex)!.memberIds.splice(1) // removed by an admin elsewhere
    const fresh = await orgs.collect({ refresh: true })
    expect(fresh.map((o) => o.id)).toEqual([acme])
    const sent = fake.sent()
    expect(await orgs.get(globex)).toBeNull()
    expect(fake.sent()).toBe(sent + 1)
  })
})

describe('OrganizationEndpoint.add', () => {
  it('creates an organization; the next collect shows it', async () => {
    const { fake } = await seeded()
    const orgs = fake.organizations(new MemoryCache())
    await orgs.collect()
    const created = await orgs.add('Umbrella', 'Your Workspace')
    expect(created).toEqual({
      id: expect.any(Number),
      name: 'Umbrella',
      workspace_id: expect.any(Number),
      workspace_name: 'Your Workspace',
    })
    expect(fake.mock.requests.at(-1)).toMatchObject({
      method: 'POST',
      path: '/organizations',
      body: { name: 'Umbrella', workspace_name: 'Your Workspace' },
    })
    expect((await orgs.collect()).map((o) => o.name)).toContain('Umbrella')
    expect(fake.sent()).toBe(3)
  })

  it('uses Default-Workspace when no workspace name is given', async () => {
    const fake = await startFake()
    expect(await fake.organizations().add('Solo')).toMatchObject({ workspace_name: 'Default-Workspace' })
  })
})

describe('OrganizationEndpoint.edit', () => {
  it('updates the cached copy with 1 request; a cached get then shows the new name', async () => {
    const { fake, acme } = await seeded()
    const orgs = fake.organizations(new MemoryCache())
    await orgs.collect()
    const renamed = await orgs.edit(acme, 'Acme Corp')
    expect(renamed).toMatchObject({ id: acme, name: 'Acme Corp' })
    expect(fake.mock.requests.at(-1)).toMatchObject({ method: 'PUT', path: `/organizations/${acme}`, body: { name: 'Acme Corp' } })
    expect(await orgs.get(acme)).toMatchObject({ name: 'Acme Corp' })
    expect((await orgs.collect()).find((o) => o.id === acme)?.name).toBe('Acme Corp')
    expect(fake.sent()).toBe(2)
  })

  it('fetches the organization once when nothing is cached (2 requests)', async () => {
    const { fake, acme } = await seeded()
    const renamed = await fake.organizations().edit({ id: acme }, 'Acme Two')
    expect(renamed).toMatchObject({ name: 'Acme Two', created_at: expect.any(String) })
    expect(fake.mock.requests.map((r) => r.method)).toEqual(['PUT', 'GET'])
  })

  it('throws the server’s refusal and leaves the cache alone', async () => {
    const { fake, globex } = await seeded()
    const cache = new MemoryCache()
    const orgs = fake.organizations(cache)
    await orgs.collect()
    const before = await cache.entries()
    await expect(orgs.edit(globex, 'Mine now')).rejects.toMatchObject({
      status: 403,
      serverMessage: 'User is not authorized to update the organization',
    })
    expect(await cache.entries()).toEqual(before)
  })
})

describe('OrganizationEndpoint.delete', () => {
  it('leaves the organization; a later get refetches instead of returning the stale copy', async () => {
    const { fake, globex } = await seeded()
    const orgs = fake.organizations(new MemoryCache())
    await orgs.collect()
    await orgs.delete(globex)
    expect(fake.mock.requests.at(-1)).toMatchObject({ method: 'DELETE', path: `/organizations/${globex}/users/leave` })
    expect(await orgs.get(globex)).toBeNull()
    expect((await orgs.collect()).map((o) => o.id)).not.toContain(globex)
    expect(fake.sent()).toBe(4)
  })

  it('is quiet about an unknown organization (404), unless reRaise', async () => {
    const { fake } = await seeded()
    await expect(fake.organizations().delete(424242)).resolves.toBeUndefined()
    await expect(fake.organizations(null, { reRaise: true }).delete(424242)).rejects.toMatchObject({ status: 404 })
  })

  it('throws other refusals, and still drops the cached copy', async () => {
    const { fake, acme } = await seeded()
    const cache = new MemoryCache()
    const orgs = fake.organizations(cache)
    await orgs.get(acme)
    fake.mock.inject({ type: 'status', status: 400, body: '"Cannot remove the paying user."' })
    await expect(orgs.delete(acme)).rejects.toMatchObject({ status: 400, serverMessage: 'Cannot remove the paying user.' })
    expect(await cache.entries()).toEqual([])
  })
})

describe('accounts never share cached data', () => {
  it('serves account B nothing that account A stored in the same cache', async () => {
    const { fake, acme } = await seeded()
    const cache = new MemoryCache()
    await fake.organizations(cache).collect()
    const other = new OrganizationEndpoint(BasicAuth.fromApiToken(OTHER.apiToken), cache, { baseURL: fake.server.baseURL })
    const sent = fake.sent()
    expect(await other.get(acme)).toBeNull()
    expect((await other.collect()).map((o) => o.name).sort()).toEqual(['Globex', 'Initech'])
    expect(fake.sent()).toBe(sent + 2)
    const stored = JSON.stringify(await cache.entries())
    expect(stored).not.toContain(OTHER.apiToken)
    expect(stored).not.toContain(DEMO_ACCOUNT.apiToken)
  })
})

describe('bad input costs no request', () => {
  const badIds: unknown[] = [0, -1, 1.5, Number.NaN, '7', 2 ** 53, undefined, null, {}, { id: 'x' }, Infinity]
  it.each(badIds.map((id) => [id]))('rejects the id %s with InputError', async (id) => {
    const fake = await startFake()
    const orgs = fake.organizations(new MemoryCache())
    await expect(orgs.get(id as number)).rejects.toBeInstanceOf(InputError)
    await expect(orgs.edit(id as number, 'Name')).rejects.toBeInstanceOf(InputError)
    await expect(orgs.delete(id as number)).rejects.toThrow(/organization must be a positive whole-number id/)
    expect(fake.sent()).toBe(0)
  })

  const emoji = '😀'
  it.each([
    ['', 'organization name must not be empty'],
    ['x'.repeat(141), 'organization name must be at most 140 characters'],
    [emoji.repeat(141), 'organization name must be at most 140 characters'],
    [42, 'organization name must be a string'],
    [null, 'organization name must be a string'],
  ])('rejects the organization name %j with NamingError', async (name, rule) => {
    const fake = await startFake({ organizations: [{ name: 'Acme', memberIds: [1] }] })
    const orgs = fake.organizations()
    await expect(orgs.add(name as string)).rejects.toThrow(NamingError)
    await expect(orgs.add(name as string)).rejects.toThrow(rule)
    await expect(orgs.edit(1, name as string)).rejects.toThrow(rule)
    expect(fake.sent()).toBe(0)
  })

  it.each([
    ['   ', 'workspace name must contain a non-space character'],
    ['', 'workspace name must contain a non-space character'],
    ['w'.repeat(141), 'workspace name must be at most 140 characters'],
    [null, 'workspace name must be provided'],
  ])('rejects the workspace name %j with NamingError', async (workspace, rule) => {
    const fake = await startFake()
    await expect(fake.organizations().add('Fine', workspace as string)).rejects.toThrow(rule)
    expect(fake.sent()).toBe(0)
  })

  it('accepts 140 emoji (code points, not UTF-16 units) and inner spaces', async () => {
    const fake = await startFake()
    const created = await fake.organizations().add(emoji.repeat(140), ' My  Workspace ')
    expect(created.name).toBe(emoji.repeat(140))
    expect(fake.sent()).toBe(1)
  })

  it('rejects bad per-call options', async () => {
    const fake = await startFake()
    const orgs = fake.organizations()
    await expect(orgs.collect({ refresh: 'yes' } as never)).rejects.toThrow('options.refresh must be a boolean')
    await expect(orgs.get(1, { signal: {} } as never)).rejects.toThrow('options.signal must be an AbortSignal')
    expect(fake.sent()).toBe(0)
  })
})

describe('replies that do not match the schema', () => {
  it('throw ResponseValidationError naming the field, and store nothing', async () => {
    const { fake, acme } = await seeded()
    const cache = new MemoryCache()
    const orgs = fake.organizations(cache)
    fake.mock.inject({ type: 'status', status: 200, body: JSON.stringify([{ id: acme, name: 5 }]), headers: { 'content-type': 'application/json' } })
    const error = await orgs.collect().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ResponseValidationError)
    expect(error).toMatchObject({ path: '$[0].name' })
    expect((error as Error).message).toContain('$[0].name')
    expect(await cache.entries()).toEqual([])
  })

  it('accept real-world quirks: permissions null, pricing_plan_name "", no subscription, new fields', async () => {
    const { fake, acme } = await seeded()
    const reply: TogglOrganization = {
      ...(await fake.organizations().get(acme))!,
      permissions: null,
      pricing_plan_name: '',
      brand_new_field: { nested: true },
    }
    delete reply.subscription
    fake.mock.inject({ type: 'status', status: 200, body: JSON.stringify(reply), headers: { 'content-type': 'application/json' } })
    const parsed = await fake.organizations().get(acme)
    expect(parsed).toEqual(reply)
    expect(parsed?.brand_new_field).toEqual({ nested: true })
  })
})
