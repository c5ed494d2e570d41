// Offline-first catalogue: the first sync of any kind lists the whole catalogue in one request
// (GET /me?with_related_data=true), later ones one since request per kind; query() answers from the
// cache with none, and writes through the client show in it at once.
import { describe, expect, it } from 'vitest'
import { ClientEndpoint, InputError, MemoryCache, ProjectEndpoint, TagEndpoint, TaskEndpoint, WorkspaceEndpoint, type TogglCache } from '../src/index.ts'
import { failureOf } from './support/fake.ts'
import { sentSince, startCatalogue } from './support/catalogue.ts'

async function seeded(cache: TogglCache = new MemoryCache()) {
  const world = await startCatalogue({ quotaPerHour: Infinity })
  const { fake, ws, soloWs } = world
  const state = fake.mock.state
  const acmeClient = state.addClient({ workspaceId: ws.id, name: 'Initrode' })
  const apollo = state.addProject({ workspaceId: ws.id, name: 'Apollo', clientId: acmeClient.id })
  const gemini = state.addProject({ workspaceId: ws.id, name: 'Gemini', active: false })
  const solo = state.addProject({ workspaceId: soloWs.id, name: 'Side project' })
  const tag = state.addTag({ workspaceId: ws.id, name: 'deep' })
  const task = state.addTask({ projectId: apollo.id, name: 'Launch' })
  const endpoint = <E>(Endpoint: new (...args: never[]) => E) => fake.endpointAs(world.demo, Endpoint as never, cache) as E
  return { ...world, cache, state, acmeClient, apollo, gemini, solo, tag, task, endpoint }
}

describe('catalogue sync', () => {
  it('fetches every kind in full with one request the first time; the next kind continues with one since request', async () => {
    const { fake, endpoint, ws } = await seeded()
    const projects = endpoint(ProjectEndpoint)
    expect(await projects.sync()).toEqual({ changed: 2 + 3 + 1 + 1 + 1, deleted: 0, requests: 1, full: true })
    expect(sentSince(fake)).toEqual(['GET /me?with_related_data=true'])
    const sent = fake.sent()
    expect((await projects.query()).map(({ name }) => name).sort()).toEqual(['Apollo', 'Gemini', 'Side project'])
    expect((await endpoint(TaskEndpoint).query()).map(({ name }) => name)).toEqual(['Launch'])
    expect((await endpoint(WorkspaceEndpoint).query()).map(({ id }) => id)).toContain(ws.id)
    expect(fake.sent()).toBe(sent)

    expect(await endpoint(ClientEndpoint).sync()).toEqual({ changed: 0, deleted: 0, requests: 1, full: false })
    expect(sentSince(fake, sent)).toEqual([expect.stringMatching(/^GET \/me\/clients\?since=\d+$/)])
  })

  it('applies what changed since: new, archived and deleted entities (archived projects and done tasks asked for outright)', async () => {
    const { fake, endpoint, state, ws, gemini, tag } = await seeded()
    const projects = endpoint(ProjectEndpoint)
    const tags = endpoint(TagEndpoint)
    await projects.sync()
    const voyager = state.addProject({ workspaceId: ws.id, name: 'Voyager' })
    const apolloRecord = [...state.projects.values()].find(({ name }) => name === 'Apollo')!
    apolloRecord.active = false
    state.commit('project', 'updated', apolloRecord, 1)
    state.remove('project', state.projects.get(gemini.id)!, 1)
    state.remove('tag', state.tags.get(tag.id)!, 1)

    const sent = fake.sent()
    expect(await projects.sync()).toMatchObject({ changed: 2, deleted: 1, requests: 1, full: false })
    expect(sentSince(fake, sent)).toEqual([expect.stringMatching(/^GET \/me\/projects\?since=\d+&include_archived=true$/)])
    await endpoint(TaskEndpoint).sync()
    expect(sentSince(fake, sent + 1)).toEqual([expect.stringMatching(/^GET \/me\/tasks\?since=\d+&include_not_active=true$/)])
    expect((await projects.query({ workspace_id: ws.id })).map(({ id, name, active }) => [name, active, id === voyager.id])).toEqual([
      ['Apollo', false, false],
      ['Voyager', true, true],
    ])
    expect(await tags.sync()).toMatchObject({ deleted: 1, requests: 1 })
    expect(await tags.query()).toEqual([])
  })

  it('concurrent syncs of two kinds on one store send one request between them', async () => {
    const { fake, endpoint } = await seeded()
    const results = await Promise.all([endpoint(ProjectEndpoint).sync(), endpoint(ClientEndpoint).sync(), endpoint(TaskEndpoint).sync()])
    expect(fake.sent()).toBe(1)
    expect(results.map(({ requests }) => requests).sort()).toEqual([0, 0, 1])
  })

  it('a full sync drops cached entities Toggl no longer lists', async () => {
    const { fake, endpoint, cache, state, apollo } = await seeded()
    const projects = endpoint(ProjectEndpoint)
    await projects.sync()
    state.projects.delete(apollo.id)
    const partition = `${await fake.auth.accountKey()}@${fake.server.baseURL}`
    const record = (await cache.find<{ cursor: number }>(partition, 'sync:project'))!
    await cache.put(partition, 'sync:project', { ...record, cursor: Math.floor((Date.now() - 120 * 86_400_000) / 1000) })
    expect(await projects.sync()).toMatchObject({ deleted: 1, full: true })
    expect((await projects.query()).map(({ name }) => name).sort()).toEqual(['Gemini', 'Side project'])
  })

  it('a full fetch keeps every entity a whole ttl, also those cached before it', async () => {
    const clock = { now: Date.now() }
    const cache = new MemoryCache({ ttl: 3_600_000, now: () => clock.now })
    const world = await startCatalogue({ quotaPerHour: Infinity, now: () => clock.now })
    const apollo = world.fake.mock.state.addProject({ workspaceId: world.ws.id, name: 'Apollo' })
    const projects = world.fake.endpointAs(world.demo, ProjectEndpoint, cache)
    expect(await projects.get(world.ws.id, apollo.id)).toMatchObject({ name: 'Apollo' })
    clock.now += 30 * 60_000
    expect(await projects.sync()).toMatchObject({ full: true })
    clock.now += 31 * 60_000 // past the get's expiry, within the sync's
    expect(await projects.sync()).toMatchObject({ full: false })
    expect((await projects.query({ workspace_id: world.ws.id })).map(({ name }) => name)).toEqual(['Apollo'])
  })

  it('a workspace you leave goes from the cache with its catalogue at the next workspace sync', async () => {
    const { fake, endpoint, demo, soloWs, ws } = await seeded()
    const [projects, workspaces] = [endpoint(ProjectEndpoint), endpoint(WorkspaceEndpoint)]
    await projects.sync()
    expect(await projects.query({ workspace_id: soloWs.id })).toHaveLength(1)
    fake.mock.state.removeMember(fake.mock.state.organizationOfWorkspace(soloWs.id)!.id, demo.id)
    const sent = fake.sent()
    expect(await workspaces.sync()).toMatchObject({ deleted: 1, requests: 1, full: false })
    expect(sentSince(fake, sent)).toEqual([expect.stringMatching(/^GET \/me\/workspaces\?since=\d+$/)])
    expect((await workspaces.query()).map(({ id }) => id)).toEqual([ws.id])
    expect(await projects.query({ workspace_id: soloWs.id })).toEqual([])
    expect(await projects.query({ workspace_id: ws.id })).toHaveLength(2)
  })

  it('shows writes through the client in query() at once', async () => {
    const { endpoint, ws } = await seeded()
    const projects = endpoint(ProjectEndpoint)
    await projects.sync()
    const added = await projects.add(ws.id, { name: 'Mercury' })
    expect((await projects.query({ name: 'merc' })).map(({ id }) => id)).toEqual([added.id])
    await projects.edit(ws.id, added, { name: 'Mercury 7' })
    expect((await projects.query({ name: 'mercury' })).map(({ name }) => name)).toEqual(['Mercury 7'])
    await projects.delete(ws.id, added)
    expect(await projects.query({ name: 'mercury' })).toEqual([])
  })
})

describe('catalogue query', () => {
  it('filters by workspace, active and name, up to a limit, with 0 requests', async () => {
    const { fake, endpoint, ws, soloWs } = await seeded()
    const projects = endpoint(ProjectEndpoint)
    await projects.sync()
    const sent = fake.sent()
    const names = async (filter: Parameters<typeof projects.query>[0]) => (await projects.query(filter)).map(({ name }) => name).sort()
    expect(await names({ workspace_id: soloWs.id })).toEqual(['Side project'])
    expect(await names({ workspace_id: ws.id, active: true })).toEqual(['Apollo'])
    expect(await names({ active: false })).toEqual(['Gemini'])
    expect(await names({ name: 'I' })).toEqual(['Gemini', 'Side project'])
    expect(await projects.query({ limit: 1 })).toHaveLength(1)
    expect((await endpoint(ClientEndpoint).query({ active: true })).map(({ name }) => name)).toEqual(['Initrode'])
    expect(fake.sent()).toBe(sent)
  })

  it.each([
    [{ workspace_id: 0 }, /workspace_id must be a positive whole number/],
    [{ active: 'yes' }, /active must be a boolean/],
    [{ nmae: 'x' }, /nmae/],
  ])('refuses %j with InputError', async (filter, message) => {
    const { endpoint } = await seeded()
    const error = await failureOf(endpoint(ProjectEndpoint).query(filter as never))
    expect(error).toBeInstanceOf(InputError)
    expect(error.message).toMatch(message)
  })

  it('sync and query need a cache', async () => {
    const { fake, demo } = await seeded()
    const projects = fake.endpointAs(demo, ProjectEndpoint, null)
    expect((await failureOf(projects.sync())).message).toMatch(/sync keeps the catalogue in a cache/)
    expect((await failureOf(projects.query())).message).toMatch(/query answers from a cache/)
  })
})
