import { describe, expect, it } from 'vitest'
import { OTHER } from './support/organizations.ts'
import { expectError, NOW, ok, world } from './support/tracking.ts'

type Project = Record<string, unknown> & { id: number; name: string }

describe('GET /workspaces/{id}/projects', () => {
  it('lists active and archived projects by name, filtered by active, billable, client_ids, statuses and name', async () => {
    const { call, mock, ws } = world()
    const globex = mock.state.addClient({ workspaceId: ws.id, name: 'Globex' })
    mock.state.addProject({ workspaceId: ws.id, name: 'Beta', clientId: globex.id, billable: false })
    mock.state.addProject({ workspaceId: ws.id, name: 'alpha', active: false })
    mock.state.addProject({ workspaceId: ws.id, name: 'Gamma', endDate: '2024-01-31', startDate: '2024-01-01' })
    const names = async (query = '') => ok<Project[]>(await call('GET', `/workspaces/${ws.id}/projects${query}`)).map(({ name }) => name)
    expect(await names()).toEqual(['alpha', 'Beta', 'Gamma'])
    expect(await names('?active=true')).toEqual(['Beta', 'Gamma'])
    expect(await names('?active=false')).toEqual(['alpha'])
    expect(await names('?active=both')).toEqual(['alpha', 'Beta', 'Gamma'])
    expect(await names('?billable=false')).toEqual(['Beta'])
    expect(await names(`?client_ids=${globex.id}`)).toEqual(['Beta'])
    expect(await names('?statuses=ended,archived')).toEqual(['alpha', 'Gamma'])
    expect(await names('?name=ET')).toEqual(['Beta'])
  })

  it('pages by 151 by default and never more than 200 a page, with no paging headers', async () => {
    const { call, mock, ws } = world()
    for (let i = 0; i < 205; i++) mock.state.addProject({ workspaceId: ws.id, name: `P${String(i).padStart(3, '0')}` })
    const first = await call('GET', `/workspaces/${ws.id}/projects`)
    expect((first.body as Project[]).length).toBe(151)
    expect(first.headers.has('x-pages')).toBe(false)
    expect((ok<Project[]>(await call('GET', `/workspaces/${ws.id}/projects?page=2`))).map(({ name }) => name)).toEqual(
      Array.from({ length: 54 }, (_, i) => `P${String(i + 151).padStart(3, '0')}`),
    )
    expect(ok<Project[]>(await call('GET', `/workspaces/${ws.id}/projects?per_page=500`)).length).toBe(200)
  })

  it('with since includes a deleted project with server_deleted_at set', async () => {
    const { call, clock, mock, ws } = world()
    const kept = mock.state.addProject({ workspaceId: ws.id, name: 'Kept' })
    const gone = mock.state.addProject({ workspaceId: ws.id, name: 'Gone' })
    clock.now += 10_000
    const since = Math.floor(clock.now / 1000)
    expect(ok(await call('DELETE', `/workspaces/${ws.id}/projects/${gone.id}`))).toBe(gone.id)
    const changed = ok<Project[]>(await call('GET', `/workspaces/${ws.id}/projects?since=${since}`))
    expect(changed).toEqual([expect.objectContaining({ id: gone.id, server_deleted_at: '2024-12-16T12:00:10.000000Z', status: 'deleted' })])
    // Without since, deleted projects are gone, and so are they from /me/projects.
    expect(ok<Project[]>(await call('GET', `/workspaces/${ws.id}/projects`)).map(({ id }) => id)).toEqual([kept.id])
    expect(ok<Project[]>(await call('GET', '/me/projects')).map(({ id }) => id)).toEqual([kept.id])
    expect(ok<Project[]>(await call('GET', `/me/projects?since=${since}`)).map(({ id }) => id)).toEqual([gone.id])
  })
})

describe('POST, GET and PUT /workspaces/{id}/projects', () => {
  it('creates a project with the workspace defaults and shows it as Toggl does', async () => {
    const { call, ws } = world()
    const project = ok(await call('POST', `/workspaces/${ws.id}/projects`, { name: 'Site', color: '#AA00ff' }))
    expect(project).toMatchObject({
      name: 'Site',
      workspace_id: ws.id,
      wid: ws.id,
      client_id: null,
      cid: null,
      color: '#aa00ff',
      active: true,
      is_private: true,
      billable: true,
      status: 'active',
      start_date: '2024-12-16',
      end_date: null,
      rate: null,
      currency: null,
      template: null,
      server_deleted_at: null,
      actual_seconds: 0,
    })
    expect(ok(await call('GET', `/workspaces/${ws.id}/projects/${project['id']}`))).toEqual(project)
  })

  it.each([
    [{}, "project name can't be blank"],
    [{ name: 'X', color: 'red' }, "Error in validating color 'red'. Project color must be a hex value in the form of #[0-9a-f]{6}."],
    [{ name: 'X', client_id: 42 }, 'Client with the ID 42 isn\'t present in workspace WS'],
    [{ name: 'X', start_date: '2024-02-30' }, "Invalid 'start_date' value"],
    [{ name: 1 }, 'Invalid JSON input'],
  ])('refuses %j with 400', async (body, message) => {
    const { call, ws } = world()
    expectError(await call('POST', `/workspaces/${ws.id}/projects`, body), 400, message.replace('WS', String(ws.id)))
  })

  it('keeps names unique per workspace and client, archived projects included', async () => {
    const { call, mock, ws } = world()
    const client = mock.state.addClient({ workspaceId: ws.id, name: 'Globex' })
    mock.state.addProject({ workspaceId: ws.id, name: 'Site', active: false })
    expectError(await call('POST', `/workspaces/${ws.id}/projects`, { name: 'Site' }), 400, 'Project name already exists')
    expect((await call('POST', `/workspaces/${ws.id}/projects`, { name: 'Site', client_id: client.id })).status).toBe(200)
  })

  it('refuses premium fields on a Free plan with 402 and no quota headers', async () => {
    const { call, soloWs } = world({ quotaPerHour: 100 })
    for (const field of [{ billable: true }, { rate: 50 }, { fixed_fee: 10 }, { estimated_hours: 3 }]) {
      const reply = await call('POST', `/workspaces/${soloWs.id}/projects`, { name: 'Paid', ...field })
      expectError(reply, 402, `Must be a premium user to use ${Object.keys(field)[0]}`)
      expect(reply.headers.has('x-toggl-quota-remaining')).toBe(false)
    }
    const free = await call('POST', `/workspaces/${soloWs.id}/projects`, { name: 'Free' })
    expect(ok(free)).toMatchObject({ billable: false })
    expect(free.headers.has('x-toggl-quota-remaining')).toBe(true)
  })

  it('answers 403 "Only admins may create projects in this workspace" to a member when only admins may', async () => {
    const { call, mock, ws } = world()
    ws.settings.only_admins_may_create_projects = true
    expectError(await call('POST', `/workspaces/${ws.id}/projects`, { name: 'Mine' }, OTHER), 403, 'Only admins may create projects in this workspace')
    const project = mock.state.addProject({ workspaceId: ws.id, name: 'Theirs' })
    expectError(await call('PUT', `/workspaces/${ws.id}/projects/${project.id}`, { name: 'Mine' }, OTHER), 403, 'Only admins may create projects in this workspace')
    expect((await call('POST', `/workspaces/${ws.id}/projects`, { name: 'Admin’s' })).status).toBe(200)
  })

  it('archives with active: false and restores with true; 400 "Invalid project_id" for a project it lacks', async () => {
    const { call, mock, ws, soloWs } = world()
    const project = mock.state.addProject({ workspaceId: ws.id, name: 'Site' })
    expect(ok(await call('PUT', `/workspaces/${ws.id}/projects/${project.id}`, { active: false }))).toMatchObject({ active: false, status: 'archived', name: 'Site' })
    expect(ok(await call('PUT', `/workspaces/${ws.id}/projects/${project.id}`, { active: true }))).toMatchObject({ active: true, status: 'active' })
    expectError(await call('GET', `/workspaces/${soloWs.id}/projects/${project.id}`), 400, 'Invalid project_id')
    expectError(await call('PUT', `/workspaces/${ws.id}/projects/99`, { name: 'X' }), 400, 'Invalid project_id')
  })
})

describe('DELETE /workspaces/{id}/projects/{id}', () => {
  it('unassigns its time entries by default, deletes them with teDeletionMode=delete, and deletes its tasks', async () => {
    const { call, mock, ws } = world()
    const kept = mock.state.addProject({ workspaceId: ws.id, name: 'Kept' })
    const dropped = mock.state.addProject({ workspaceId: ws.id, name: 'Dropped' })
    const task = mock.state.addTask({ projectId: kept.id, name: 'Design' })
    const keptEntry = mock.state.addTimeEntry({ workspaceId: ws.id, start: NOW - 7_200_000, duration: 60, taskId: task.id })
    const droppedEntry = mock.state.addTimeEntry({ workspaceId: ws.id, start: NOW - 3_600_000, duration: 60, projectId: dropped.id })
    ok(await call('DELETE', `/workspaces/${ws.id}/projects/${kept.id}`))
    ok(await call('DELETE', `/workspaces/${ws.id}/projects/${dropped.id}?teDeletionMode=delete`))
    expect(ok(await call('GET', `/me/time_entries/${keptEntry.id}`))).toMatchObject({ project_id: null, task_id: null })
    expect(ok(await call('GET', `/me/time_entries/${keptEntry.id}`))).not.toHaveProperty('pid')
    expectError(await call('GET', `/me/time_entries/${droppedEntry.id}`), 404, 'Resource can not be found')
    expect(mock.state.tasks.get(task.id)?.deletedAt).toBe(NOW)
    expectError(await call('DELETE', `/workspaces/${ws.id}/projects/${kept.id}`), 400, 'Invalid project_id')
    const other = mock.state.addProject({ workspaceId: ws.id, name: 'Other' })
    // Toggl names only delete and unassign; the wording for anything else is the fake's.
    expectError(await call('DELETE', `/workspaces/${ws.id}/projects/${other.id}?teDeletionMode=keep`), 400, 'Invalid teDeletionMode')
  })
})

describe('PATCH /workspaces/{id}/projects/{ids}', () => {
  it('applies JSON-Patch to each project on its own and answers { success, failure }, keeping what succeeded', async () => {
    const { call, mock, ws } = world()
    const one = mock.state.addProject({ workspaceId: ws.id, name: 'One' })
    const two = mock.state.addProject({ workspaceId: ws.id, name: 'Two' })
    mock.state.addProject({ workspaceId: ws.id, name: 'Taken' })
    const reply = ok(await call('PATCH', `/workspaces/${ws.id}/projects/${one.id},${two.id},77`, [{ op: 'replace', path: '/color', value: '#123456' }, { op: 'replace', path: '/active', value: false }]))
    expect(reply).toEqual({ success: [one.id, two.id], failure: [{ id: 77, message: 'Invalid project_id' }] })
    expect(mock.state.projects.get(one.id)).toMatchObject({ color: '#123456', active: false })
    // A failing operation leaves that project as it was; the others change.
    const partial = ok(await call('PATCH', `/workspaces/${ws.id}/projects/${one.id},${two.id}`, [{ op: 'replace', path: '/name', value: 'Taken' }]))
    expect(partial).toEqual({ success: [], failure: [{ id: one.id, message: 'Project name already exists' }, { id: two.id, message: 'Project name already exists' }] })
    const mixed = ok(await call('PATCH', `/workspaces/${ws.id}/projects/${one.id},${two.id}`, [{ op: 'replace', path: '/client_id', value: 5 }]))
    expect(mixed).toMatchObject({ success: [], failure: [{ id: one.id, message: `Client with the ID 5 isn't present in workspace ${ws.id}` }, { id: two.id }] })
    expect(mock.state.projects.get(two.id)).toMatchObject({ name: 'Two', clientId: null })
  })

  it('answers 400 for a body that is no list of operations', async () => {
    const { call, mock, ws } = world()
    const one = mock.state.addProject({ workspaceId: ws.id, name: 'One' })
    expectError(await call('PATCH', `/workspaces/${ws.id}/projects/${one.id}`, { op: 'replace' }), 400, 'Invalid JSON input')
    expectError(await call('PATCH', `/workspaces/${ws.id}/projects/${one.id}`, [{ op: 'move', path: '/name' }]), 400, 'Invalid operation: move')
  })
})

describe('GET /me/projects', () => {
  it('lists active projects of all the caller’s workspaces, archived ones with include_archived=true', async () => {
    const { call, mock, ws, soloWs, initechWs } = world()
    mock.state.addProject({ workspaceId: ws.id, name: 'A' })
    mock.state.addProject({ workspaceId: soloWs.id, name: 'B', active: false })
    mock.state.addProject({ workspaceId: initechWs.id, name: 'Not theirs' })
    expect(ok<Project[]>(await call('GET', '/me/projects')).map(({ name }) => name)).toEqual(['A'])
    expect(ok<Project[]>(await call('GET', '/me/projects?include_archived=true')).map(({ name }) => name)).toEqual(['A', 'B'])
    expectError(await call('GET', '/me/projects?include_archived=yes'), 400, 'Invalid include_archived')
  })
})
