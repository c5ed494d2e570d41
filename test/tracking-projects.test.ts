import { describe, expect, it } from 'vitest'
import { InputError, MemoryCache, NamingError, PlanRestrictionError, ProjectEndpoint } from '../src/index.ts'
import { expectDrift, expectStatus, failureOf } from './support/fake.ts'
import { sentSince, startCatalogue } from './support/catalogue.ts'

async function seeded(cache: MemoryCache | null = null) {
  const seed = await startCatalogue()
  return { ...seed, projects: seed.fake.endpoint(ProjectEndpoint, cache) }
}

type Seed = Awaited<ReturnType<typeof seeded>>

/** Projects named P0, P1, … in Acme's workspace. */
function addProjects({ fake, ws }: Seed, count: number) {
  return Array.from({ length: count }, (_, index) => fake.mock.state.addProject({ workspaceId: ws.id, name: `P${index}` }))
}

describe('ProjectEndpoint.collect and iterate', () => {
  it('collect asks page after page (200 a page unless told) until a page comes back short', async () => {
    const seed = await seeded()
    const { fake, ws, projects } = seed
    const added = addProjects(seed, 5)
    const all = await projects.collect(ws.id, { per_page: 2 })
    expect(all.map(({ id }) => id)).toEqual(added.map(({ id }) => id))
    const path = `/workspaces/${ws.id}/projects`
    expect(sentSince(fake)).toEqual([`GET ${path}?per_page=2&page=1`, `GET ${path}?per_page=2&page=2`, `GET ${path}?per_page=2&page=3`])
    await projects.collect(ws.id)
    expect(fake.last().query).toEqual({ page: '1', per_page: '200' })
  })

  it('a listing that ends on a full page costs one more (empty) request: Toggl sends no count', async () => {
    const seed = await seeded()
    addProjects(seed, 4)
    expect(await seed.projects.collect(seed.ws.id, { per_page: 2 })).toHaveLength(4)
    expect(seed.fake.sent()).toBe(3)
  })

  it('iterate fetches a page only when the loop asks: breaking out sends no more; cost() is undefined', async () => {
    const seed = await seeded()
    addProjects(seed, 5)
    const pages = seed.projects.iterate(seed.ws.id, { per_page: 2 })
    expect(seed.fake.sent()).toBe(0)
    expect(await pages.cost()).toBeUndefined()
    expect(seed.fake.sent()).toBe(1)
    const seen: string[] = []
    for await (const project of pages) {
      seen.push(project.name)
      if (seen.length === 3) break
    }
    expect(seen).toEqual(['P0', 'P1', 'P2'])
    // Page 1 came from cost(); page 2 held the third.
    expect(seed.fake.sent()).toBe(2)
  })

  it('sends every filter as Toggl takes it: lists comma-separated, since as UNIX seconds', async () => {
    const { fake, ws, projects } = await seeded()
    await projects.collect(ws.id, {
      active: 'both',
      billable: false,
      client_ids: [3, 4],
      statuses: ['active', 'archived'],
      since: new Date('2024-12-16T12:00:00Z'),
      name: 'Site',
      only_me: true,
      sort_field: 'created_at',
      sort_order: 'desc',
    })
    expect(fake.last().query).toEqual({
      active: 'both',
      billable: 'false',
      client_ids: '3,4',
      statuses: 'active,archived',
      since: '1734350400',
      name: 'Site',
      only_me: 'true',
      sort_field: 'created_at',
      sort_order: 'desc',
      page: '1',
      per_page: '200',
    })
  })

  it.each([
    [{ per_page: 201 }, 'per_page must be at most 200 (Toggl’s maximum)'],
    [{ page: 2 }, 'page is not a field Toggl takes here'],
    [{ active: 'yes' }, "active must be true, false or 'both'"],
    [{ statuses: ['done'] }, 'statuses[0] must each be one of upcoming, active, ended, archived, deleted'],
    [{ client_ids: [] }, 'client_ids must name at least one id'],
    [{ client_ids: [1, 1] }, 'client_ids must not repeat an id'],
    [{ sort_field: 'colour' }, "sort_field must be 'name' or 'created_at'"],
  ])('refuses the filters %j right away with InputError, sending nothing', async (filters, message) => {
    const { fake, ws, projects } = await seeded()
    expect(() => projects.iterate(ws.id, filters as never)).toThrow(InputError)
    const error = await failureOf(projects.collect(ws.id, filters as never))
    expect(error.message).toContain(`ProjectEndpoint.collect: ${message}`)
    expect(fake.sent()).toBe(0)
  })

  it('serves every page from the cache while fresh, and fills it for get', async () => {
    const seed = await seeded(new MemoryCache())
    const [first] = addProjects(seed, 3)
    await seed.projects.collect(seed.ws.id, { per_page: 2 })
    expect(seed.fake.sent()).toBe(2)
    await seed.projects.collect(seed.ws.id, { per_page: 2 })
    expect(await seed.projects.get(seed.ws.id, first!)).toMatchObject({ name: 'P0' })
    expect(seed.fake.sent()).toBe(2)
    await seed.projects.collect(seed.ws.id, { per_page: 2 }, { refresh: true })
    expect(seed.fake.sent()).toBe(4)
  })

  it('names the field of a reply that drifted', async () => {
    const { fake, ws, projects } = await seeded()
    fake.replyOnce('[{"id": 1, "workspace_id": 2, "name": "P", "active": "yes"}]')
    await expectDrift(projects.collect(ws.id), '$[0].active')
  })
})

describe('ProjectEndpoint.get', () => {
  it('sends GET /workspaces/{id}/projects/{project_id}; 0 requests once cached', async () => {
    const seed = await seeded(new MemoryCache())
    const [project] = addProjects(seed, 1)
    expect(await seed.projects.get(seed.ws.id, project!.id)).toMatchObject({ id: project!.id, name: 'P0', workspace_id: seed.ws.id })
    expect(seed.fake.last()).toEqual({ method: 'GET', path: `/workspaces/${seed.ws.id}/projects/${project!.id}`, query: {}, body: undefined })
    await seed.projects.get(seed.ws.id, project!.id)
    expect(seed.fake.sent()).toBe(1)
  })

  it('answers null for a project the workspace lacks (Toggl’s 400 "Invalid project_id") or a stranger’s workspace; reRaise throws', async () => {
    const { fake, ws, initechWs, projects } = await seeded()
    expect(await projects.get(ws.id, 999_999)).toBeNull()
    expect(await projects.get(initechWs.id, 1)).toBeNull()
    await expectStatus(fake.endpoint(ProjectEndpoint, null, { reRaise: true }).get(ws.id, 999_999), 400, 'Invalid project_id')
  })

  it('does not serve a cached project of another workspace', async () => {
    const seed = await seeded(new MemoryCache())
    const [project] = addProjects(seed, 1)
    await seed.projects.get(seed.ws.id, project!.id)
    expect(await seed.projects.get(seed.soloWs.id, project!.id)).toBeNull()
    expect(seed.fake.sent()).toBe(2)
  })
})

describe('ProjectEndpoint.add and edit', () => {
  it('add sends POST /workspaces/{id}/projects with the project (colour in lower case) and keeps the answer', async () => {
    const cache = new MemoryCache()
    const { fake, ws, projects } = await seeded(cache)
    const client = fake.mock.state.addClient({ workspaceId: ws.id, name: 'Globex' })
    const input = { name: 'Website', color: '#0B83D9', client_id: client.id, is_private: false, billable: true, start_date: '2024-12-01', end_date: '2025-01-31' }
    const created = await projects.add(ws.id, input)
    expect(fake.last()).toEqual({ method: 'POST', path: `/workspaces/${ws.id}/projects`, query: {}, body: { ...input, color: '#0b83d9' } })
    expect(created).toMatchObject({ name: 'Website', color: '#0b83d9', client_id: client.id, billable: true, active: true, workspace_id: ws.id })
    expect(await projects.get(ws.id, created)).toEqual(created)
    expect(fake.sent()).toBe(1)
  })

  it('edit sends PUT with only the changes; active: false archives', async () => {
    const seed = await seeded(new MemoryCache())
    const [project] = addProjects(seed, 1)
    const archived = await seed.projects.edit(seed.ws.id, project!, { active: false, name: 'P0 (old)' })
    expect(seed.fake.last()).toEqual({ method: 'PUT', path: `/workspaces/${seed.ws.id}/projects/${project!.id}`, query: {}, body: { active: false, name: 'P0 (old)' } })
    expect(archived).toMatchObject({ active: false, status: 'archived', name: 'P0 (old)' })
    expect(await seed.projects.get(seed.ws.id, project!.id)).toMatchObject({ active: false })
    expect(seed.fake.sent()).toBe(1)
  })

  it.each([
    [{ name: '  ' }, NamingError, 'project name must not be blank'],
    [{}, InputError, 'name must be given'],
    [{ name: 'P', color: 'red' }, InputError, 'color must be a hex colour such as #0b83d9'],
    [{ name: 'P', color: '#0b83d' }, InputError, 'color must be a hex colour'],
    [{ name: 'P', start_date: '2024-02-30' }, InputError, 'start_date must be a date as YYYY-MM-DD'],
    [{ name: 'P', start_date: '2025-01-02', end_date: '2025-01-01' }, InputError, 'end_date must not be before start_date'],
    [{ name: 'P', client_id: 0 }, InputError, 'client_id must be a positive whole number'],
    [{ name: 'P', rate: -5 }, InputError, 'rate must not be negative'],
    [{ name: 'P', colour: '#000000' }, InputError, 'colour is not a field Toggl takes here'],
  ])('add refuses %j before sending', async (input, kind, message) => {
    const { fake, ws, projects } = await seeded()
    const error = await failureOf(projects.add(ws.id, input as never))
    expect(error).toBeInstanceOf(kind)
    expect(error.message).toContain(`ProjectEndpoint.add: ${message}`)
    expect(fake.sent()).toBe(0)
  })

  it('edit refuses no changes, and a bad project id, before sending', async () => {
    const { fake, ws, projects } = await seeded()
    await expect(projects.edit(ws.id, 1, {})).rejects.toThrow(/ProjectEndpoint.edit: changes must name at least one field/)
    await expect(projects.edit(ws.id, -1, { name: 'P' })).rejects.toThrow(/ProjectEndpoint.edit: project must be a positive whole-number id/)
    expect(fake.sent()).toBe(0)
  })

  it('maps Toggl’s refusals to its status and words', async () => {
    const seed = await seeded()
    const { fake, ws, soloWs, projects } = seed
    addProjects(seed, 1)
    const refusals: [() => Promise<unknown>, number, string][] = [
      [() => projects.add(ws.id, { name: 'P', client_id: 424_242 }), 400, `Client with the ID 424242 isn't present in workspace ${ws.id}`],
      [() => projects.add(ws.id, { name: 'P0' }), 400, 'Project name already exists'],
      [() => projects.edit(ws.id, 999_999, { name: 'X' }), 400, 'Invalid project_id'],
    ]
    for (const [call, status, message] of refusals) await expectStatus(call(), status, message)
    await expectStatus(projects.add(soloWs.id, { name: 'P', billable: true }), 402, 'Must be a premium user to use billable', PlanRestrictionError)
    expect(fake.sent()).toBe(4)
  })
})

describe('ProjectEndpoint.patch', () => {
  it('sends PATCH /workspaces/{id}/projects/{ids} with the operations and answers Toggl’s partial result', async () => {
    const seed = await seeded()
    const [one, two] = addProjects(seed, 2)
    const operations = [
      { op: 'replace', path: '/color', value: '#123456' },
      { op: 'remove', path: '/end_date' },
    ] as const
    const result = await seed.projects.patch(seed.ws.id, [one!, two!.id, 424_242], [...operations])
    expect(seed.fake.last()).toEqual({ method: 'PATCH', path: `/workspaces/${seed.ws.id}/projects/${one!.id},${two!.id},424242`, query: {}, body: operations })
    expect(result).toEqual({ success: [one!.id, two!.id], failure: [{ id: 424_242, message: 'Invalid project_id' }] })
  })

  it('drops the cached models it may have changed', async () => {
    const seed = await seeded(new MemoryCache())
    const [one] = addProjects(seed, 1)
    await seed.projects.get(seed.ws.id, one!.id)
    await seed.projects.patch(seed.ws.id, [one!], [{ op: 'replace', path: '/name', value: 'Renamed' }])
    expect(await seed.projects.get(seed.ws.id, one!.id)).toMatchObject({ name: 'Renamed' })
    expect(seed.fake.sent()).toBe(3)
  })

  it.each([
    [[], [{ op: 'replace', path: '/name', value: 'X' }], 'project ids must name at least one id'],
    [[1, 1], [{ op: 'replace', path: '/name', value: 'X' }], 'project ids must not repeat an id'],
    [[1], [], 'operations must hold at least one operation'],
    [[1], [{ op: 'replace', path: '/colour', value: '#000000' }], 'each operation must be'],
    [[1], [{ op: 'remove', path: '/name' }], 'each operation must be'],
    [[1], [{ op: 'move', path: '/name' }], 'each operation must be'],
    [[1], [{ op: 'replace', path: '/color', value: 'red' }], 'must be a hex colour'],
  ])('refuses ids %j with operations %j before sending', async (ids, operations, message) => {
    const { fake, ws, projects } = await seeded()
    const error = await failureOf(projects.patch(ws.id, ids, operations as never))
    expect(error).toBeInstanceOf(InputError)
    expect(error.message).toContain(message)
    expect(fake.sent()).toBe(0)
  })
})

describe('ProjectEndpoint.delete', () => {
  it('sends DELETE with teDeletionMode when given; one already gone is no error', async () => {
    const seed = await seeded()
    const [project] = addProjects(seed, 1)
    await expect(seed.projects.delete(seed.ws.id, project!, { teDeletionMode: 'delete' })).resolves.toBeUndefined()
    expect(seed.fake.last()).toEqual({ method: 'DELETE', path: `/workspaces/${seed.ws.id}/projects/${project!.id}`, query: { teDeletionMode: 'delete' }, body: undefined })
    await expect(seed.projects.delete(seed.ws.id, project!)).resolves.toBeUndefined()
    expect(seed.fake.last().query).toEqual({})
    await expectStatus(seed.fake.endpoint(ProjectEndpoint, null, { reRaise: true }).delete(seed.ws.id, project!), 400, 'Invalid project_id')
  })

  it('refuses an unknown mode before sending, and drops the cached project', async () => {
    const seed = await seeded(new MemoryCache())
    const [project] = addProjects(seed, 1)
    await expect(seed.projects.delete(seed.ws.id, project!, { teDeletionMode: 'keep' } as never)).rejects.toThrow(/teDeletionMode must be 'delete' or 'unassign'/)
    expect(seed.fake.sent()).toBe(0)
    await seed.projects.get(seed.ws.id, project!)
    await seed.projects.delete(seed.ws.id, project!)
    expect(await seed.projects.get(seed.ws.id, project!)).toBeNull()
    expect(seed.fake.sent()).toBe(3)
  })
})

describe('ProjectEndpoint.collectMine', () => {
  it('sends GET /me/projects with include_archived as a word; cached', async () => {
    const seed = await seeded(new MemoryCache())
    seed.fake.mock.state.addProject({ workspaceId: seed.ws.id, name: 'Old', active: false })
    seed.fake.mock.state.addProject({ workspaceId: seed.soloWs.id, name: 'Solo site' })
    expect((await seed.projects.collectMine()).map(({ name }) => name)).toEqual(['Solo site'])
    expect(seed.fake.last()).toEqual({ method: 'GET', path: '/me/projects', query: {}, body: undefined })
    expect((await seed.projects.collectMine({ include_archived: true })).map(({ name }) => name)).toEqual(['Old', 'Solo site'])
    expect(seed.fake.last().query).toEqual({ include_archived: 'true' })
    await seed.projects.collectMine()
    expect(seed.fake.sent()).toBe(2)
  })
})
