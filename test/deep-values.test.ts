import { describe, expect, it } from 'vitest'
import { InputError, MemoryCache } from '../src/index.ts'
import { GroupEndpoint } from '../src/endpoints/organizations/groups.ts'
import { OrganizationUserEndpoint } from '../src/endpoints/organizations/organization-users.ts'
import { startFake } from './support/fake.ts'

/** JSON nested `depth` objects deep: far past any Toggl model, and past where structured cloning runs out of stack. */
const nested = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth)
const DEPTH = 10_000

/** A model's JSON with an unknown field nested {@link DEPTH} levels deep. */
const withDeepField = (model: object) => `${JSON.stringify(model).slice(0, -1)},"unknown":${nested(DEPTH)}}`

async function seeded() {
  const fake = await startFake({ organizations: [{ name: 'Acme', memberIds: [1] }] })
  const [id] = [...fake.mock.state.organizations.keys()] as [number]
  const organization = (await fake.organizations().get(id))!
  const warnings: string[] = []
  const cache = new MemoryCache({ onWarning: (message) => warnings.push(message) })
  return { fake, id, organization, cache, warnings }
}

describe('a reply nested deeper than a cache can copy', () => {
  it('is served uncached by OrganizationEndpoint.get, with one warning, and asked for again next time', async () => {
    const { fake, id, organization, cache, warnings } = await seeded()
    const orgs = fake.organizations(cache)
    fake.replyOnce(withDeepField(organization))
    await expect(orgs.get(id)).resolves.toMatchObject({ id, name: 'Acme', unknown: { a: { a: {} } } })
    expect(warnings).toEqual([expect.stringContaining('levels deep: not cached')])
    expect(await cache.entries()).toEqual([])
    const sent = fake.sent()
    await expect(orgs.get(id)).resolves.toEqual(organization)
    expect(fake.sent()).toBe(sent + 1)
  })

  it('drops the older cached copy when a refresh is answered too deeply to store', async () => {
    const { fake, id, organization, cache, warnings } = await seeded()
    const orgs = fake.organizations(cache)
    await orgs.get(id)
    fake.replyOnce(withDeepField({ ...organization, name: 'Renamed' }))
    await expect(orgs.get(id, { refresh: true })).resolves.toMatchObject({ name: 'Renamed' })
    expect(warnings).toHaveLength(1)
    expect(await cache.entries()).toEqual([])
  })

  it('is served uncached by OrganizationEndpoint.collect (a batch of models)', async () => {
    const { fake, organization, cache, warnings } = await seeded()
    fake.replyOnce(`[${JSON.stringify(organization)},${withDeepField({ ...organization, id: organization.id + 1 })}]`)
    const listed = await fake.organizations(cache).collect()
    expect(listed.map(({ id }) => id)).toEqual([organization.id, organization.id + 1])
    expect(warnings).toHaveLength(1)
    // The list is not whole in the cache, so the next collect asks Toggl again.
    const sent = fake.sent()
    await fake.organizations(cache).collect()
    expect(fake.sent()).toBe(sent + 1)
  })

  it('is served uncached by an operation’s cached read (GroupEndpoint.collect)', async () => {
    const { fake, id, cache, warnings } = await seeded()
    fake.replyOnce(`[${withDeepField({ group_id: 5, name: 'Design', users: [], workspaces: [] })}]`)
    await expect(fake.endpoint(GroupEndpoint, cache).collect(id)).resolves.toMatchObject([{ group_id: 5, name: 'Design' }])
    expect(warnings).toHaveLength(1)
    expect(await cache.entries()).toEqual([])
  })
})

describe('deeply nested input', () => {
  it('is refused with InputError, without blowing the stack and without a request', async () => {
    const { fake, id } = await seeded()
    const deep = JSON.parse(nested(DEPTH)) as unknown
    const deepList = JSON.parse('['.repeat(DEPTH) + ']'.repeat(DEPTH)) as unknown
    const sent = fake.sent()
    const groups = fake.endpoint(GroupEndpoint)
    const users = fake.endpoint(OrganizationUserEndpoint)
    const calls = [
      () => groups.add(id, { name: 'Design', users: deepList as number[] }),
      () => groups.add(id, deep as { name: string }),
      () => groups.collect(id, deep as { name: string }),
      () => users.edit(id, 2, { workspaces: deepList as [] }),
      // A group sent back as a listing gave it may carry fields of Toggl's own: one nested without end is refused.
      () => users.edit(id, 2, { workspaces: [{ workspace_id: 3, groups: [{ group_id: 4, name: 'g', extra: deep } as never] }] }),
      () => users.page(id, { filter: deep as string }),
      () => fake.organizations().add(deep as string),
    ]
    for (const call of calls) await expect(call()).rejects.toBeInstanceOf(InputError)
    expect(fake.sent()).toBe(sent)
  })
})
