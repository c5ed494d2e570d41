import { describe, expect, it } from 'vitest'
import { DEMO_ACCOUNT } from '../src/mock/index.ts'
import { OTHER, THIRD } from './support/organizations.ts'
import { expectError, NOW, ok, world } from './support/tracking.ts'

type Task = Record<string, unknown> & { id: number; name: string }

function withProject() {
  const setup = world()
  const client = setup.mock.state.addClient({ workspaceId: setup.ws.id, name: 'Globex' })
  const project = setup.mock.state.addProject({ workspaceId: setup.ws.id, name: 'Site', clientId: client.id, color: '#112233' })
  const base = `/workspaces/${setup.ws.id}/projects/${project.id}/tasks`
  return { ...setup, client, project, base }
}

describe('GET /workspaces/{id}/tasks', () => {
  it('answers Toggl’s wrapper, paged by 50, by name; active ones unless active says otherwise', async () => {
    const { call, mock, ws, project } = withProject()
    for (let i = 0; i < 55; i++) mock.state.addTask({ projectId: project.id, name: `T${String(i).padStart(2, '0')}` })
    mock.state.addTask({ projectId: project.id, name: 'Done', active: false })
    const first = ok<{ data: Task[] }>(await call('GET', `/workspaces/${ws.id}/tasks`))
    expect(first).toMatchObject({ page: 1, per_page: 50, sort_field: 'name', sort_order: 'ASC', total_count: 55 })
    expect(first.data).toHaveLength(50)
    const second = ok<{ data: Task[] }>(await call('GET', `/workspaces/${ws.id}/tasks?page=2&sort_order=desc`))
    expect(second).toMatchObject({ page: 2, sort_order: 'DESC' })
    expect(second.data.map(({ name }) => name)).toEqual(['T04', 'T03', 'T02', 'T01', 'T00'])
    expect(ok<{ data: Task[]; total_count: number }>(await call('GET', `/workspaces/${ws.id}/tasks?active=false`))).toMatchObject({ total_count: 1, data: [{ name: 'Done' }] })
    expect(ok<{ total_count: number }>(await call('GET', `/workspaces/${ws.id}/tasks?active=both&search=don`))).toMatchObject({ total_count: 1 })
  })
})

describe('/workspaces/{id}/projects/{id}/tasks', () => {
  it('creates a task with its project’s and client’s names, lists, reads, changes and deletes it', async () => {
    const { call, base, project, client } = withProject()
    const task = ok<Task>(await call('POST', base, { name: 'Design', estimated_seconds: 3600, user_id: OTHER.id }))
    expect(task).toMatchObject({
      name: 'Design',
      project_id: project.id,
      active: true,
      estimated_seconds: 3600,
      tracked_seconds: 0,
      user_id: OTHER.id,
      user_name: OTHER.fullname,
      project_name: 'Site',
      project_color: '#112233',
      client_id: client.id,
      client_name: 'Globex',
      server_deleted_at: null,
    })
    expect(ok(await call('GET', `${base}/${task.id}`))).toEqual(task)
    expect(ok(await call('PUT', `${base}/${task.id}`, { active: false }))).toMatchObject({ active: false, name: 'Design' })
    expect(ok<Task[]>(await call('GET', base)).map(({ id }) => id)).toEqual([task.id])
    expect(ok(await call('GET', `${base}?active=true`))).toEqual([])
    expect(ok(await call('DELETE', `${base}/${task.id}`))).toBe('OK')
    expectError(await call('GET', `${base}/${task.id}`), 400, 'Invalid task_id')
  })

  it('counts tracked time in milliseconds in tracked_seconds, as Toggl does', async () => {
    const { call, mock, ws, base, project } = withProject()
    const task = mock.state.addTask({ projectId: project.id, name: 'Design' })
    mock.state.addTimeEntry({ workspaceId: ws.id, start: NOW - 7_200_000, duration: 90, taskId: task.id })
    mock.state.addTimeEntry({ workspaceId: ws.id, start: NOW - 60_000, stop: null, taskId: task.id })
    expect(ok(await call('GET', `${base}/${task.id}`))).toMatchObject({ tracked_seconds: 90_000 })
  })

  it('answers Toggl’s 400s', async () => {
    const { call, mock, ws, base, project } = withProject()
    const elsewhere = mock.state.addProject({ workspaceId: ws.id, name: 'Elsewhere' })
    const task = mock.state.addTask({ projectId: elsewhere.id, name: 'Other' })
    expectError(await call('GET', `/workspaces/${ws.id}/projects/999/tasks`), 400, 'Invalid project_id')
    expectError(await call('GET', `${base}/${task.id}`), 400, 'Invalid task_id')
    expectError(await call('POST', base, { name: '' }), 400, "task name can't be blank")
    expectError(await call('POST', base, { name: 'X', user_id: THIRD.id }), 400, `User ${THIRD.id} not exists in the workspace.`)
    project.active = false
    expectError(await call('POST', base, { name: 'X' }), 400, 'Project not found/accessible, Can not change tasks of archived project')
  })
})

describe('PATCH /workspaces/{id}/projects/{id}/tasks/{ids}', () => {
  it('patches each task on its own: { success, failure }', async () => {
    const { call, mock, base, project } = withProject()
    const [a, b] = [mock.state.addTask({ projectId: project.id, name: 'A' }), mock.state.addTask({ projectId: project.id, name: 'B' })]
    const reply = ok(await call('PATCH', `${base}/${a.id},${b.id},5`, [{ op: 'replace', path: '/active', value: false }, { op: 'replace', path: '/user_id', value: DEMO_ACCOUNT.id }]))
    expect(reply).toEqual({ success: [a.id, b.id], failure: [{ id: 5, message: 'Invalid task_id' }] })
    expect(mock.state.tasks.get(b.id)).toMatchObject({ active: false, userId: DEMO_ACCOUNT.id })
    const refused = ok(await call('PATCH', `${base}/${a.id}`, [{ op: 'replace', path: '/name', value: '' }]))
    expect(refused).toEqual({ success: [], failure: [{ id: a.id, message: "task name can't be blank" }] })
  })
})

describe('GET /me/tasks', () => {
  it('lists active tasks of the caller’s workspaces; include_not_active adds done ones; since adds deleted ones', async () => {
    const { call, clock, mock, project } = withProject()
    const open = mock.state.addTask({ projectId: project.id, name: 'Open' })
    const done = mock.state.addTask({ projectId: project.id, name: 'Done', active: false })
    expect(ok<Task[]>(await call('GET', '/me/tasks?include_not_active=true')).map(({ id }) => id)).toEqual([open.id, done.id])
    clock.now += 1_000
    mock.state.remove('task', done, DEMO_ACCOUNT.id)
    expect(ok<Task[]>(await call('GET', '/me/tasks')).map(({ id }) => id)).toEqual([open.id])
    const since = ok<Task[]>(await call('GET', `/me/tasks?since=${Math.floor(clock.now / 1000)}`))
    expect(since).toEqual([expect.objectContaining({ id: done.id, server_deleted_at: '2024-12-16T12:00:01.000000Z' })])
    expect(since[0]).not.toHaveProperty('project_name')
    expect(ok<Task[]>(await call('GET', '/me/tasks?meta=true'))[0]).toMatchObject({ project_name: 'Site' })
    expectError(await call('GET', '/me/tasks?include_not_active=1'), 400, 'Invalid include_not_active')
  })
})
