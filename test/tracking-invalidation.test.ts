// What a write through the catalogue endpoints makes stale in the cache, and only that: each case
// counts the requests a later read costs (0 = still served from the cache).
import { describe, expect, it } from 'vitest'
import { ClientEndpoint, MemoryCache, ProjectEndpoint, TagEndpoint, TaskEndpoint, UserEndpoint, WorkspaceEndpoint } from '../src/index.ts'
import { startCatalogue } from './support/catalogue.ts'
import { OTHER } from './support/organizations.ts'

async function withCache() {
  const seed = await startCatalogue()
  const cache = new MemoryCache()
  const { fake } = seed
  return {
    ...seed,
    cache,
    user: fake.endpoint(UserEndpoint, cache),
    workspaces: fake.endpoint(WorkspaceEndpoint, cache),
    projects: fake.endpoint(ProjectEndpoint, cache),
    clients: fake.endpoint(ClientEndpoint, cache),
    tags: fake.endpoint(TagEndpoint, cache),
    tasks: fake.endpoint(TaskEndpoint, cache),
    /** How many requests `read` costs. */
    async cost(read: () => Promise<unknown>): Promise<number> {
      const before = fake.sent()
      await read()
      return fake.sent() - before
    },
  }
}

describe('a write makes stale what it changed, and nothing else', () => {
  it('creating a tag leaves cached projects, clients and workspaces alone, and drops the tag listings', async () => {
    const world = await withCache()
    const { ws, projects, clients, tags, workspaces, cost } = world
    await Promise.all([projects.collect(ws.id), clients.collect(ws.id), tags.collect(ws.id), tags.collectMine(), workspaces.collect()])
    await tags.add(ws.id, 'billed')
    expect(await cost(() => projects.collect(ws.id))).toBe(0)
    expect(await cost(() => clients.collect(ws.id))).toBe(0)
    expect(await cost(() => workspaces.collect())).toBe(0)
    expect(await cost(() => tags.collect(ws.id))).toBe(1)
    expect(await cost(() => tags.collectMine())).toBe(1)
    expect((await tags.collectMine()).map(({ name }) => name)).toEqual(['billed'])
  })

  it('a renamed client drops the project listings (they show it) and the models of its projects, not of others', async () => {
    const world = await withCache()
    const { fake, ws, projects, clients, tags, cost } = world
    const globex = fake.mock.state.addClient({ workspaceId: ws.id, name: 'Globex' })
    const theirs = fake.mock.state.addProject({ workspaceId: ws.id, name: 'Site', clientId: globex.id })
    const ours = fake.mock.state.addProject({ workspaceId: ws.id, name: 'Internal' })
    await Promise.all([projects.collect(ws.id), projects.collectMine(), tags.collect(ws.id)])
    await clients.edit(ws.id, globex, { name: 'Globex Corp' })
    expect(await cost(() => projects.get(ws.id, ours.id))).toBe(0)
    expect(await cost(() => projects.get(ws.id, theirs.id))).toBe(1)
    expect(await cost(() => projects.collect(ws.id))).toBe(1)
    expect(await cost(() => projects.collectMine())).toBe(1)
    expect(await cost(() => tags.collect(ws.id))).toBe(0)
  })

  it('archiving and restoring a client drop the projects and the workspace list (its active project counts)', async () => {
    const world = await withCache()
    const { fake, ws, projects, clients, workspaces, cost } = world
    const globex = fake.mock.state.addClient({ workspaceId: ws.id, name: 'Globex' })
    const site = fake.mock.state.addProject({ workspaceId: ws.id, name: 'Site', clientId: globex.id })
    await Promise.all([projects.collect(ws.id), workspaces.collect(), projects.get(ws.id, site.id)])
    await clients.archive(ws.id, globex)
    expect((await projects.collect(ws.id)).map(({ active }) => active)).toEqual([false])
    expect(await projects.get(ws.id, site.id)).toMatchObject({ active: false })
    expect((await workspaces.collect())[0]).toMatchObject({ active_project_count: 0 })
    await clients.restore(ws.id, globex, { restore_all_projects: true })
    expect(await projects.get(ws.id, site.id)).toMatchObject({ active: true })
    expect(await cost(() => projects.collect(ws.id))).toBe(1)
  })

  it('a project write drops its task listings and the models of its tasks; a task write drops no project listing unless it counts', async () => {
    const world = await withCache()
    const { fake, ws, projects, tasks, cost } = world
    const site = fake.mock.state.addProject({ workspaceId: ws.id, name: 'Site' })
    const task = fake.mock.state.addTask({ projectId: site.id, name: 'Design' })
    await Promise.all([tasks.collect(ws.id), tasks.get(ws.id, site, task.id), projects.collect(ws.id)])
    await projects.edit(ws.id, site, { name: 'Website' })
    expect(await tasks.get(ws.id, site, task.id)).toMatchObject({ project_name: 'Website' })
    expect(await cost(() => tasks.collect(ws.id))).toBe(1)
    await projects.collect(ws.id)
    // Editing a task changes no project; adding one changes its project's tasks_count.
    await tasks.edit(ws.id, site, task.id, { name: 'UX' })
    expect(await cost(() => projects.collect(ws.id))).toBe(0)
    expect(await cost(() => tasks.collect(ws.id))).toBe(1)
    await tasks.add(ws.id, site, { name: 'Copy' })
    expect((await projects.collect(ws.id))[0]).toMatchObject({ tasks_count: 2 })
  })

  it('any catalogue write drops /me?with_related_data=true, which holds every kind; the plain profile stays', async () => {
    const world = await withCache()
    const { ws, user, tags, cost } = world
    await user.get({ with_related_data: true })
    await user.get()
    await tags.add(ws.id, 'billed')
    expect(await cost(() => user.get())).toBe(0)
    expect((await user.get({ with_related_data: true })).tags.map(({ name }) => name)).toEqual(['billed'])
  })

  it('a failed write drops what it named too (it may have been applied)', async () => {
    const world = await withCache()
    const { fake, ws, projects, cost } = world
    const site = fake.mock.state.addProject({ workspaceId: ws.id, name: 'Site' })
    await Promise.all([projects.collect(ws.id), projects.get(ws.id, site.id)])
    fake.mock.inject({ type: 'status', status: 500 }, 4)
    await expect(projects.edit(ws.id, site, { name: 'Website' })).rejects.toMatchObject({ status: 500 })
    expect(await cost(() => projects.get(ws.id, site.id))).toBe(1)
    expect(await cost(() => projects.collect(ws.id))).toBe(1)
  })

  it('a 403 on a workspace read drops everything cached about the workspace, its models included', async () => {
    const seed = await startCatalogue()
    const { fake, ws, acme } = seed
    const cache = new MemoryCache()
    const site = fake.mock.state.addProject({ workspaceId: ws.id, name: 'Site' })
    const projects = fake.endpointAs(OTHER, ProjectEndpoint, cache)
    const tags = fake.endpointAs(OTHER, TagEndpoint, cache)
    await projects.collect(ws.id)
    fake.mock.state.removeMember(acme.id, OTHER.id)
    await expect(tags.collect(ws.id)).rejects.toMatchObject({ status: 403 })
    const before = fake.sent()
    expect(await projects.get(ws.id, site.id)).toBeNull()
    await expect(projects.collect(ws.id)).rejects.toMatchObject({ status: 403 })
    expect(fake.sent()).toBe(before + 2)
  })
})
