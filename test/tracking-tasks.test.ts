import { describe, expect, it } from 'vitest'
import { InputError, MemoryCache, NamingError, TaskEndpoint } from '../src/index.ts'
import { expectDrift, expectStatus, failureOf } from './support/fake.ts'
import { sentSince, startCatalogue } from './support/catalogue.ts'

async function seeded(cache: MemoryCache | null = null) {
  const seed = await startCatalogue()
  const project = seed.fake.mock.state.addProject({ workspaceId: seed.ws.id, name: 'Site' })
  return { ...seed, project, tasks: seed.fake.endpoint(TaskEndpoint, cache) }
}

type Seed = Awaited<ReturnType<typeof seeded>>

/** Tasks T0, T1, … of the seeded project. */
function addTasks({ fake, project }: Seed, count: number) {
  return Array.from({ length: count }, (_, index) => fake.mock.state.addTask({ projectId: project.id, name: `T${index}` }))
}

describe('TaskEndpoint.collect and iterate', () => {
  it('collect reads the wrapped pages of GET /workspaces/{id}/tasks: as many requests as Toggl’s total_count makes pages', async () => {
    const seed = await seeded()
    const added = addTasks(seed, 4)
    const all = await seed.tasks.collect(seed.ws.id, { per_page: 2 })
    expect(all.map(({ id }) => id)).toEqual(added.map(({ id }) => id))
    const path = `/workspaces/${seed.ws.id}/tasks`
    // A full last page ends the listing: total_count says so, no empty page is asked for.
    expect(sentSince(seed.fake)).toEqual([`GET ${path}?per_page=2&page=1`, `GET ${path}?per_page=2&page=2`])
    await seed.tasks.collect(seed.ws.id)
    expect(seed.fake.last().query).toEqual({ page: '1', per_page: '200' })
  })

  it('iterate tells its cost from total_count and stops where the loop breaks', async () => {
    const seed = await seeded()
    addTasks(seed, 5)
    const pages = seed.tasks.iterate(seed.ws.id, { per_page: 2 })
    expect(await pages.cost()).toBe(3)
    for await (const task of pages) if (task.name === 'T1') break
    expect(seed.fake.sent()).toBe(1)
    const empty = seed.tasks.iterate(seed.soloWs.id)
    expect(await empty.cost()).toBe(1)
    expect(await empty.all()).toEqual([])
  })

  it('sends every filter as Toggl takes it', async () => {
    const { fake, ws, project, tasks } = await seeded()
    await tasks.collect(ws.id, { active: 'both', pid: project.id, since: '2024-12-16T12:00:00Z', start_date: '2024-12-01', end_date: '2024-12-31', search: 'design', sort_field: 'created_at', sort_order: 'DESC' })
    expect(fake.last().query).toEqual({
      active: 'both',
      pid: String(project.id),
      since: '1734350400',
      start_date: '2024-12-01',
      end_date: '2024-12-31',
      search: 'design',
      sort_field: 'created_at',
      sort_order: 'DESC',
      page: '1',
      per_page: '200',
    })
  })

  it('lists active tasks unless asked otherwise (the fake’s reading of v8’s default), done ones with active: false', async () => {
    const seed = await seeded()
    const [open] = addTasks(seed, 1)
    const done = seed.fake.mock.state.addTask({ projectId: seed.project.id, name: 'Done', active: false })
    expect((await seed.tasks.collect(seed.ws.id)).map(({ id }) => id)).toEqual([open!.id])
    expect((await seed.tasks.collect(seed.ws.id, { active: false })).map(({ id }) => id)).toEqual([done.id])
  })

  it.each([
    [{ start_date: '2024-12-31', end_date: '2024-12-01' }, 'end_date must not be before start_date'],
    [{ start_date: '12/01/2024' }, 'start_date must be a date as YYYY-MM-DD'],
    [{ sort_field: 'at' }, "sort_field must be 'name' or 'created_at'"],
    [{ per_page: 0 }, 'per_page must be at least 1'],
    [{ project_id: 1 }, 'project_id is not a field Toggl takes here'],
  ])('refuses %j before sending', async (filters, message) => {
    const { fake, ws, tasks } = await seeded()
    expect(() => tasks.iterate(ws.id, filters as never)).toThrow(InputError)
    await expect(tasks.collect(ws.id, filters as never)).rejects.toThrow(`TaskEndpoint.collect: ${message}`)
    expect(fake.sent()).toBe(0)
  })

  it('serves pages from the cache while fresh; names a drifted field', async () => {
    const seed = await seeded(new MemoryCache())
    addTasks(seed, 3)
    await seed.tasks.collect(seed.ws.id, { per_page: 2 })
    await seed.tasks.collect(seed.ws.id, { per_page: 2 })
    expect(seed.fake.sent()).toBe(2)
    seed.fake.replyOnce('{"data": [{"id": 1, "name": "T", "workspace_id": 1, "project_id": 1, "active": 1}], "total_count": 1}')
    await expectDrift(seed.tasks.collect(seed.ws.id, {}, { refresh: true }), '$.data[0].active')
  })
})

describe('TaskEndpoint.get, add, edit and delete', () => {
  it('add sends POST …/projects/{id}/tasks; get then costs 0 requests; edit sends PUT with the changes', async () => {
    const { fake, ws, project, demo, tasks } = await seeded(new MemoryCache())
    const input = { name: 'Design', estimated_seconds: 7200, user_id: demo.id, active: true }
    const task = await tasks.add(ws.id, project, input)
    expect(fake.last()).toEqual({ method: 'POST', path: `/workspaces/${ws.id}/projects/${project.id}/tasks`, query: {}, body: input })
    expect(task).toMatchObject({ name: 'Design', project_id: project.id, workspace_id: ws.id, estimated_seconds: 7200, user_id: demo.id, active: true })
    expect(await tasks.get(ws.id, project, task)).toEqual(task)
    expect(fake.sent()).toBe(1)
    const done = await tasks.edit(ws.id, project.id, task.id, { active: false })
    expect(fake.last()).toEqual({ method: 'PUT', path: `/workspaces/${ws.id}/projects/${project.id}/tasks/${task.id}`, query: {}, body: { active: false } })
    expect(done).toMatchObject({ id: task.id, active: false })
    expect(await tasks.get(ws.id, project, task)).toMatchObject({ active: false })
    expect(fake.sent()).toBe(2)
  })

  it('get sends GET …/tasks/{id}; null for a task or project Toggl lacks there (its 400s), throws them with reRaise', async () => {
    const seed = await seeded()
    const [task] = addTasks(seed, 1)
    const other = seed.fake.mock.state.addProject({ workspaceId: seed.ws.id, name: 'Other' })
    expect(await seed.tasks.get(seed.ws.id, seed.project, task!)).toMatchObject({ id: task!.id, name: 'T0', project_name: 'Site' })
    expect(seed.fake.last()).toEqual({ method: 'GET', path: `/workspaces/${seed.ws.id}/projects/${seed.project.id}/tasks/${task!.id}`, query: {}, body: undefined })
    expect(await seed.tasks.get(seed.ws.id, other, task!)).toBeNull()
    expect(await seed.tasks.get(seed.ws.id, 999_999, task!)).toBeNull()
    const strict = seed.fake.endpoint(TaskEndpoint, null, { reRaise: true })
    await expectStatus(strict.get(seed.ws.id, other, task!), 400, 'Invalid task_id')
    await expectStatus(strict.get(seed.ws.id, 999_999, task!), 400, 'Invalid project_id')
  })

  it('does not serve a cached task under another project', async () => {
    const seed = await seeded(new MemoryCache())
    const [task] = addTasks(seed, 1)
    const other = seed.fake.mock.state.addProject({ workspaceId: seed.ws.id, name: 'Other' })
    await seed.tasks.get(seed.ws.id, seed.project, task!)
    expect(await seed.tasks.get(seed.ws.id, other, task!)).toBeNull()
    expect(seed.fake.sent()).toBe(2)
  })

  it.each([
    [{ name: ' ' }, NamingError, 'task name must not be blank'],
    [{}, NamingError, 'name must be given'],
    [{ name: 'T', estimated_seconds: 1.5 }, InputError, 'estimated_seconds must be whole seconds'],
    [{ name: 'T', user_id: 'me' }, InputError, 'user_id must be a number'],
    [{ name: 'T', done: true }, InputError, 'done is not a field Toggl takes here'],
  ])('add refuses %j before sending', async (input, kind, message) => {
    const { fake, ws, project, tasks } = await seeded()
    const error = await failureOf(tasks.add(ws.id, project, input as never))
    expect(error).toBeInstanceOf(kind)
    expect(error.message).toContain(`TaskEndpoint.add: ${message}`)
    expect(fake.sent()).toBe(0)
  })

  it('maps Toggl’s refusals: an archived project, an assignee outside the workspace', async () => {
    const { fake, ws, project, tasks } = await seeded()
    const archived = fake.mock.state.addProject({ workspaceId: ws.id, name: 'Old', active: false })
    await expectStatus(tasks.add(ws.id, archived, { name: 'T' }), 400, 'Project not found/accessible, Can not change tasks of archived project')
    await expectStatus(tasks.add(ws.id, project, { name: 'T', user_id: 3 }), 400, 'User 3 not exists in the workspace.')
  })

  it('delete sends DELETE …/tasks/{id}; one already gone is no error; the cached task goes', async () => {
    const seed = await seeded(new MemoryCache())
    const [task] = addTasks(seed, 1)
    await seed.tasks.get(seed.ws.id, seed.project, task!)
    await seed.tasks.delete(seed.ws.id, seed.project, task!)
    expect(seed.fake.last()).toEqual({ method: 'DELETE', path: `/workspaces/${seed.ws.id}/projects/${seed.project.id}/tasks/${task!.id}`, query: {}, body: undefined })
    await expect(seed.tasks.delete(seed.ws.id, seed.project, task!)).resolves.toBeUndefined()
    expect(await seed.tasks.get(seed.ws.id, seed.project, task!)).toBeNull()
    expect(seed.fake.sent()).toBe(4)
  })
})

describe('TaskEndpoint.patch and collectMine', () => {
  it('patch sends PATCH …/tasks/{ids} and answers Toggl’s partial result', async () => {
    const seed = await seeded()
    const [one, two] = addTasks(seed, 2)
    const operations = [{ op: 'replace' as const, path: '/active' as const, value: false }]
    const result = await seed.tasks.patch(seed.ws.id, seed.project, [one!, two!.id, 424_242], operations)
    expect(seed.fake.last()).toEqual({ method: 'PATCH', path: `/workspaces/${seed.ws.id}/projects/${seed.project.id}/tasks/${one!.id},${two!.id},424242`, query: {}, body: operations })
    expect(result).toEqual({ success: [one!.id, two!.id], failure: [{ id: 424_242, message: 'Invalid task_id' }] })
    expect([one!.active, two!.active]).toEqual([false, false])
  })

  it.each([
    [[{ op: 'replace', path: '/project_id', value: 1 }], 'each operation must be'],
    [[{ op: 'remove', path: '/active' }], 'each operation must be'],
    [[{ op: 'replace', path: '/name', value: '' }], 'task name must not be blank'],
  ])('patch refuses %j before sending', async (operations, message) => {
    const { fake, ws, project, tasks } = await seeded()
    const error = await failureOf(tasks.patch(ws.id, project, [1], operations as never))
    expect(error).toBeInstanceOf(InputError)
    expect(error.message).toContain(message)
    expect(fake.sent()).toBe(0)
  })

  it('collectMine sends GET /me/tasks with include_not_active as a word and meta', async () => {
    const seed = await seeded()
    addTasks(seed, 1)
    seed.fake.mock.state.addTask({ projectId: seed.project.id, name: 'Done', active: false })
    expect((await seed.tasks.collectMine()).map(({ name }) => name)).toEqual(['T0'])
    expect((await seed.tasks.collectMine({ include_not_active: true, meta: true })).map(({ name }) => name)).toEqual(['T0', 'Done'])
    expect(seed.fake.last()).toEqual({ method: 'GET', path: '/me/tasks', query: { include_not_active: 'true', meta: 'true' }, body: undefined })
  })
})
