import { describe, expect, it } from 'vitest'
import { InputError, MemoryCache, NamingError, TagEndpoint } from '../src/index.ts'
import { expectStatus, failureOf } from './support/fake.ts'
import { sentSince, startCatalogue } from './support/catalogue.ts'
import { OTHER } from './support/organizations.ts'

async function seeded(cache: MemoryCache | null = null) {
  const seed = await startCatalogue()
  return { ...seed, tags: seed.fake.endpoint(TagEndpoint, cache) }
}

describe('TagEndpoint.collect and get', () => {
  it('collect sends GET /workspaces/{id}/tags (with search), cached while fresh', async () => {
    const { fake, ws, tags } = await seeded(new MemoryCache())
    fake.mock.state.addTag({ workspaceId: ws.id, name: 'billed' })
    fake.mock.state.addTag({ workspaceId: ws.id, name: 'urgent' })
    expect((await tags.collect(ws.id)).map(({ name }) => name)).toEqual(['billed', 'urgent'])
    expect(fake.last()).toEqual({ method: 'GET', path: `/workspaces/${ws.id}/tags`, query: {}, body: undefined })
    await tags.collect(ws.id)
    expect((await tags.collect(ws.id, { search: 'URG' })).map(({ name }) => name)).toEqual(['urgent'])
    expect(fake.last().query).toEqual({ search: 'URG' })
    expect(fake.sent()).toBe(2)
    await expect(tags.collect(ws.id, { name: 'x' } as never)).rejects.toThrow(/TagEndpoint.collect: name is not a field Toggl takes here/)
  })

  // The fake's own rule, after the spec: there is no GET of one tag (405).
  it('get lists the tags (Toggl reads no single tag) and finds it: null when the workspace lacks it', async () => {
    const { fake, ws, tags } = await seeded()
    const billed = fake.mock.state.addTag({ workspaceId: ws.id, name: 'billed' })
    expect(await tags.get(ws.id, billed.id)).toMatchObject({ id: billed.id, name: 'billed', workspace_id: ws.id })
    expect(await tags.get(ws.id, 999_999)).toBeNull()
    expect(sentSince(fake)).toEqual([`GET /workspaces/${ws.id}/tags`, `GET /workspaces/${ws.id}/tags`])
  })

  it('get answers null for a workspace that is not yours (403), like every get; reRaise throws it', async () => {
    const { fake, initechWs, tags } = await seeded()
    const secret = fake.mock.state.addTag({ workspaceId: initechWs.id, name: 'secret' })
    expect(await tags.get(initechWs.id, secret.id)).toBeNull()
    const strict = fake.endpoint(TagEndpoint, null, { reRaise: true })
    await expectStatus(strict.get(initechWs.id, secret.id), 403, 'User does not have access to this resource.')
  })

  it('get costs 0 requests once the tag is cached (by a listing or an add)', async () => {
    const { fake, ws, tags } = await seeded(new MemoryCache())
    const created = await tags.add(ws.id, 'billed')
    expect(await tags.get(ws.id, created)).toEqual(created)
    expect(fake.sent()).toBe(1)
    const other = fake.mock.state.addTag({ workspaceId: ws.id, name: 'other' })
    expect(await tags.get(ws.id, other.id)).toMatchObject({ name: 'other' })
    expect(await tags.get(ws.id, other.id)).toMatchObject({ name: 'other' })
    expect(fake.sent()).toBe(2)
  })
})

describe('TagEndpoint.add and edit', () => {
  it('add sends POST { name } and answers the tag; edit sends PUT { name }', async () => {
    const { fake, ws, tags } = await seeded()
    const created = await tags.add(ws.id, 'billed')
    expect(fake.last()).toEqual({ method: 'POST', path: `/workspaces/${ws.id}/tags`, query: {}, body: { name: 'billed' } })
    expect(created).toMatchObject({ name: 'billed', workspace_id: ws.id })
    const renamed = await tags.edit(ws.id, created, 'invoiced')
    expect(fake.last()).toEqual({ method: 'PUT', path: `/workspaces/${ws.id}/tags/${created.id}`, query: {}, body: { name: 'invoiced' } })
    expect(renamed).toMatchObject({ id: created.id, name: 'invoiced' })
  })

  it.each([[''], ['   '], [5]])('refuses the name %j with NamingError before sending', async (name) => {
    const { fake, ws, tags } = await seeded()
    const error = await failureOf(tags.add(ws.id, name as never))
    expect(error).toBeInstanceOf(NamingError)
    expect(error.message).toMatch(/^TagEndpoint\.add: tag name must (not be blank|be a string)/)
    await expect(tags.edit(ws.id, 1, name as never)).rejects.toBeInstanceOf(NamingError)
    expect(fake.sent()).toBe(0)
  })

  it('maps Toggl’s refusals: a name taken (any case: the fake’s rule), a tag it lacks, admins only', async () => {
    const { fake, ws, acme, tags } = await seeded()
    fake.mock.state.addTag({ workspaceId: ws.id, name: 'billed' })
    await expectStatus(tags.add(ws.id, 'Billed'), 400, "a tag with the name 'Billed' already exists")
    await expectStatus(tags.edit(ws.id, 999_999, 'x'), 404, 'Tag was not found')
    acme.workspaces[0]!.settings.only_admins_may_create_tags = true
    await expectStatus(fake.endpointAs(OTHER, TagEndpoint).add(ws.id, 'mine'), 403, 'Only organization or workspace administrators may manage tags in this workspace.')
  })
})

describe('TagEndpoint.delete', () => {
  it('one tag: DELETE …/tags/{id}; one already gone is no error', async () => {
    const { fake, ws, tags } = await seeded()
    const billed = fake.mock.state.addTag({ workspaceId: ws.id, name: 'billed' })
    await tags.delete(ws.id, billed)
    expect(fake.last()).toEqual({ method: 'DELETE', path: `/workspaces/${ws.id}/tags/${billed.id}`, query: {}, body: undefined })
    await expect(tags.delete(ws.id, billed.id)).resolves.toBeUndefined()
    await expectStatus(fake.endpoint(TagEndpoint, null, { reRaise: true }).delete(ws.id, billed.id), 404, 'Tag was not found.')
  })

  // `{ delete: [ids] }` is the fake's guess at a body Toggl does not document.
  it('several tags: one PATCH /workspaces/{id}/tags with { delete: [ids] }, all or nothing', async () => {
    const { fake, ws, initechWs, tags } = await seeded()
    const billed = fake.mock.state.addTag({ workspaceId: ws.id, name: 'billed' })
    const urgent = fake.mock.state.addTag({ workspaceId: ws.id, name: 'urgent' })
    const foreign = fake.mock.state.addTag({ workspaceId: initechWs.id, name: 'theirs' })
    await expectStatus(tags.delete(ws.id, [billed, foreign.id]), 400, 'Some tag IDs do not belong to workspace.')
    expect(billed.deletedAt).toBeNull()
    await tags.delete(ws.id, [billed, urgent.id])
    expect(fake.last()).toEqual({ method: 'PATCH', path: `/workspaces/${ws.id}/tags`, query: {}, body: { delete: [billed.id, urgent.id] } })
    expect(await tags.collect(ws.id)).toEqual([])
  })

  it('a list of one goes by DELETE; an empty list, a repeated id or a bad id is an InputError', async () => {
    const { fake, ws, tags } = await seeded()
    const billed = fake.mock.state.addTag({ workspaceId: ws.id, name: 'billed' })
    await tags.delete(ws.id, [billed])
    expect(fake.last()).toMatchObject({ method: 'DELETE', path: `/workspaces/${ws.id}/tags/${billed.id}` })
    const sent = fake.sent()
    await expect(tags.delete(ws.id, [])).rejects.toThrow(/TagEndpoint.delete: tags must name at least one tag/)
    await expect(tags.delete(ws.id, [1, 1])).rejects.toThrow(/TagEndpoint.delete: must not repeat an id/)
    await expect(tags.delete(ws.id, [1, 'two'] as never)).rejects.toThrow(/TagEndpoint.delete: tags\[1\] must be a positive whole-number id/)
    await expect(tags.delete(ws.id, [1, 2], { signal: 'x' } as never)).rejects.toBeInstanceOf(InputError)
    expect(fake.sent()).toBe(sent)
  })

  it('drops the cached listing and the models of the tags it deleted', async () => {
    const { fake, ws, tags } = await seeded(new MemoryCache())
    const billed = fake.mock.state.addTag({ workspaceId: ws.id, name: 'billed' })
    const urgent = fake.mock.state.addTag({ workspaceId: ws.id, name: 'urgent' })
    await tags.collect(ws.id)
    await tags.delete(ws.id, [billed.id, urgent.id])
    expect(await tags.get(ws.id, billed.id)).toBeNull()
    expect(sentSince(fake)).toEqual([`GET /workspaces/${ws.id}/tags`, `PATCH /workspaces/${ws.id}/tags`, `GET /workspaces/${ws.id}/tags`])
  })
})

describe('TagEndpoint.collectMine', () => {
  it('sends GET /me/tags', async () => {
    const { fake, ws, soloWs, tags } = await seeded()
    fake.mock.state.addTag({ workspaceId: ws.id, name: 'billed' })
    fake.mock.state.addTag({ workspaceId: soloWs.id, name: 'solo' })
    expect((await tags.collectMine()).map(({ name }) => name)).toEqual(['billed', 'solo'])
    expect(fake.last()).toEqual({ method: 'GET', path: '/me/tags', query: {}, body: undefined })
  })
})
