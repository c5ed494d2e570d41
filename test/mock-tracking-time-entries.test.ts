import { describe, expect, it } from 'vitest'
import { DEMO_ACCOUNT } from '../src/mock/index.ts'
import { OTHER } from './support/organizations.ts'
import { expectError, NOW, ok, world } from './support/tracking.ts'

type Entry = Record<string, unknown> & { id: number }
const HOUR = 3_600_000
const DAY = 24 * HOUR

/** The fake with a helper that posts an entry to Acme's workspace. */
function tracking() {
  const setup = world()
  const post = (entry: Record<string, unknown>, as = DEMO_ACCOUNT) =>
    setup.call('POST', `/workspaces/${setup.ws.id}/time_entries`, { workspace_id: setup.ws.id, created_with: 'togglkit tests', ...entry }, as)
  return { ...setup, post }
}

describe('POST /workspaces/{id}/time_entries', () => {
  it('creates a finished entry: the reply in …Z, reads in …+00:00, pid only with a project', async () => {
    const { call, post, mock, ws } = tracking()
    const project = mock.state.addProject({ workspaceId: ws.id, name: 'Site' })
    const created = ok<Entry>(await post({ start: '2024-12-16T09:00:00Z', duration: 1800, description: 'Standup', project_id: project.id }))
    expect(created).toEqual({
      id: expect.any(Number),
      workspace_id: ws.id,
      wid: ws.id,
      project_id: project.id,
      pid: project.id,
      task_id: null,
      billable: false,
      start: '2024-12-16T09:00:00Z',
      stop: '2024-12-16T09:30:00Z',
      duration: 1800,
      description: 'Standup',
      tags: null,
      tag_ids: null,
      duronly: true,
      at: '2024-12-16T12:00:00.000000Z',
      server_deleted_at: null,
      user_id: DEMO_ACCOUNT.id,
      uid: DEMO_ACCOUNT.id,
    })
    expect(ok(await call('GET', `/me/time_entries/${created.id}`))).toMatchObject({ start: '2024-12-16T09:00:00+00:00', stop: '2024-12-16T09:30:00+00:00', tags: [], tag_ids: [] })
    const bare = ok<Entry>(await post({ start: '2024-12-16T10:00:00+01:00', stop: '2024-12-16T10:15:00+01:00' }))
    expect(bare).toMatchObject({ start: '2024-12-16T09:00:00Z', duration: 900, description: null, project_id: null })
    expect(bare).not.toHaveProperty('pid')
    expect(bare).not.toHaveProperty('tid')
  })

  it('starts a running entry with duration -1: the reply echoes -1, later reads show −(start seconds rounded up)', async () => {
    const { call, post } = tracking()
    const started = ok<Entry>(await post({ start: '2024-12-16T11:58:26.800Z', duration: -1 }))
    expect(started).toMatchObject({ duration: -1, stop: null, start: '2024-12-16T11:58:26Z' })
    const current = ok<Entry>(await call('GET', '/me/time_entries/current'))
    expect(current).toMatchObject({ id: started.id, stop: null, start: '2024-12-16T11:58:26+00:00', duration: -Math.ceil(Date.parse('2024-12-16T11:58:26.800Z') / 1000) })
  })

  it('makes a start-only entry that does not run: duration 0 and stop null in the reply, stop == start afterwards', async () => {
    const { call, post } = tracking()
    const created = ok<Entry>(await post({ start: '2024-12-16T08:00:00Z' }))
    expect(created).toMatchObject({ duration: 0, stop: null })
    expect(ok(await call('GET', '/me/time_entries/current'))).toBeNull()
    expect(ok(await call('GET', `/me/time_entries/${created.id}`))).toMatchObject({ duration: 0, stop: '2024-12-16T08:00:00+00:00' })
  })

  it('stops the caller’s running entry when another starts (the fake’s rule), not someone else’s', async () => {
    const { call, post } = tracking()
    const first = ok<Entry>(await post({ start: '2024-12-16T09:00:00Z', duration: -1 }))
    const others = ok<Entry>(await post({ start: '2024-12-16T09:00:00Z', duration: -1 }, OTHER))
    const second = ok<Entry>(await post({ start: '2024-12-16T11:00:00Z', duration: -1 }))
    expect(ok(await call('GET', `/me/time_entries/${first.id}`))).toMatchObject({ stop: '2024-12-16T11:00:00+00:00', duration: 7200 })
    expect(ok(await call('GET', '/me/time_entries/current'))).toMatchObject({ id: second.id })
    expect(ok(await call('GET', '/me/time_entries/current', undefined, OTHER))).toMatchObject({ id: others.id, stop: null })
  })

  it('creates tags named that do not exist yet, and takes tag ids', async () => {
    const { call, post, mock, ws } = tracking()
    const billed = mock.state.addTag({ workspaceId: ws.id, name: 'billed' })
    const entry = ok<Entry>(await post({ start: '2024-12-16T09:00:00Z', duration: 60, tags: ['billed', 'late'] }))
    const late = [...mock.state.tags.values()].find(({ name }) => name === 'late')!
    expect(entry).toMatchObject({ tags: ['billed', 'late'], tag_ids: [billed.id, late.id] })
    expect(ok(await post({ start: '2024-12-16T09:00:00Z', duration: 60, tag_ids: [late.id] }))).toMatchObject({ tags: ['late'] })
    expect(ok<Entry[]>(await call('GET', `/workspaces/${ws.id}/tags`))).toHaveLength(2)
  })

  it('with meta=true adds the names of project, client and task', async () => {
    const { call, post, mock, ws } = tracking()
    const client = mock.state.addClient({ workspaceId: ws.id, name: 'Globex' })
    const project = mock.state.addProject({ workspaceId: ws.id, name: 'Site', clientId: client.id })
    const task = mock.state.addTask({ projectId: project.id, name: 'Design' })
    const reply = await call('POST', `/workspaces/${ws.id}/time_entries?meta=true`, { workspace_id: ws.id, created_with: 'x', start: '2024-12-16T09:00:00Z', duration: 60, task_id: task.id })
    expect(reply.body).toMatchObject({ project_id: project.id, task_id: task.id, tid: task.id, project_name: 'Site', client_name: 'Globex', task_name: 'Design', user_name: DEMO_ACCOUNT.fullname })
    expect((await post({ start: '2024-12-16T09:00:00Z', duration: 60 })).body).not.toHaveProperty('project_name')
  })

  it.each([
    [{ workspace_id: undefined }, 'wid is required for time entry creation'],
    [{ start: undefined }, 'start is required for time entry creation'],
    [{ start: '1984-01-01T00:00:00Z' }, 'Start time year must be between 2006 and 2030'],
    [{ created_with: undefined }, 'created_with needs to be provided a valid value'],
    [{ workspace_id: 'WS' }, 'Invalid JSON input'],
    [{ project_id: 12345 }, 'User cannot access the selected project'],
    [{ stop: '2024-12-16T09:00:00Z', duration: 60 }, 'Start, stop and duration must be consistent'],
    [{ stop: '2024-12-16T08:00:00Z' }, 'Stop time must be after start time'],
    [{ duration: -1, stop: '2024-12-16T10:00:00Z' }, 'A running time entry can not have a stop time'],
  ])('refuses %j with 400 (wording the facts give, else the fake’s)', async (change, message) => {
    const { post, ws } = tracking()
    const entry: Record<string, unknown> = { start: '2024-12-16T09:00:00Z', ...change }
    // An id sent as a string: Go's decoder refuses the type.
    if (entry['workspace_id'] === 'WS') entry['workspace_id'] = String(ws.id)
    expectError(await post(entry), 400, message)
  })

  it('answers 403 in a workspace the caller is not in', async () => {
    const { call, initechWs } = tracking()
    const body = { workspace_id: initechWs.id, created_with: 'x', start: '2024-12-16T09:00:00Z', duration: 60 }
    expectError(await call('POST', `/workspaces/${initechWs.id}/time_entries`, body), 403, 'User does not have access to this resource.')
  })
})

describe('PATCH /workspaces/{id}/time_entries/{id}/stop', () => {
  it('stops it at the fake’s now (reply in …Z); current is then null; again is 409', async () => {
    const { call, clock, post, ws } = tracking()
    const running = ok<Entry>(await post({ start: '2024-12-16T11:00:00Z', duration: -1 }))
    clock.now += 90_000
    const stopped = ok(await call('PATCH', `/workspaces/${ws.id}/time_entries/${running.id}/stop`))
    expect(stopped).toMatchObject({ id: running.id, stop: '2024-12-16T12:01:30Z', duration: 3690 })
    const current = await call('GET', '/me/time_entries/current')
    expect({ status: current.status, body: current.body }).toEqual({ status: 200, body: null })
    expectError(await call('PATCH', `/workspaces/${ws.id}/time_entries/${running.id}/stop`), 409, 'Time entry already stopped')
    expectError(await call('PATCH', `/workspaces/${ws.id}/time_entries/99/stop`), 404, 'Time entry not found')
    expectError(await call('PATCH', `/workspaces/${ws.id}/time_entries/x/stop`), 400, 'Invalid or missing time_entry_id')
  })
})

describe('PUT and DELETE /workspaces/{id}/time_entries/{id}', () => {
  it('changes the fields sent; tag_action add and delete; a new project drops a task that is not in it', async () => {
    const { call, post, mock, ws } = tracking()
    const site = mock.state.addProject({ workspaceId: ws.id, name: 'Site' })
    const app = mock.state.addProject({ workspaceId: ws.id, name: 'App' })
    const task = mock.state.addTask({ projectId: site.id, name: 'Design' })
    const entry = ok<Entry>(await post({ start: '2024-12-16T09:00:00Z', duration: 600, task_id: task.id, tags: ['a'] }))
    expect(entry).toMatchObject({ project_id: site.id, task_id: task.id })
    const path = `/workspaces/${ws.id}/time_entries/${entry.id}`
    expect(ok(await call('PUT', path, { tags: ['b'], tag_action: 'add', description: 'Work' }))).toMatchObject({ tags: ['a', 'b'], description: 'Work', duration: 600 })
    expect(ok(await call('PUT', path, { tags: ['a'], tag_action: 'delete' }))).toMatchObject({ tags: ['b'] })
    expect(ok(await call('PUT', path, { project_id: app.id }))).toMatchObject({ project_id: app.id, task_id: null, start: '2024-12-16T09:00:00Z' })
    expect(ok(await call('PUT', path, { stop: '2024-12-16T10:00:00Z' }))).toMatchObject({ duration: 3600, stop: '2024-12-16T10:00:00Z' })
  })

  it('lets a member edit only their own entries; a workspace admin may edit anyone’s', async () => {
    const { call, post, ws } = tracking()
    const mine = ok<Entry>(await post({ start: '2024-12-16T09:00:00Z', duration: 60 }))
    const theirs = ok<Entry>(await post({ start: '2024-12-16T09:00:00Z', duration: 60 }, OTHER))
    expectError(await call('PUT', `/workspaces/${ws.id}/time_entries/${mine.id}`, { description: 'x' }, OTHER), 404, 'Time entry not found')
    expect(ok(await call('PUT', `/workspaces/${ws.id}/time_entries/${theirs.id}`, { description: 'checked' }))).toMatchObject({ description: 'checked', user_id: OTHER.id })
  })

  it('deletes with 200 and no body; the entry is then gone, and since shows it with server_deleted_at', async () => {
    const { call, clock, post, ws } = tracking()
    const entry = ok<Entry>(await post({ start: '2024-12-16T09:00:00Z', duration: 60 }))
    clock.now += 2_000
    const since = Math.floor(clock.now / 1000)
    const deleted = await call('DELETE', `/workspaces/${ws.id}/time_entries/${entry.id}`)
    expect({ status: deleted.status, body: deleted.body }).toEqual({ status: 200, body: undefined })
    expectError(await call('GET', `/me/time_entries/${entry.id}`), 404, 'Resource can not be found')
    expect(ok(await call('GET', '/me/time_entries'))).toEqual([])
    expect(ok(await call('GET', `/me/time_entries?since=${since}`))).toEqual([expect.objectContaining({ id: entry.id, server_deleted_at: '2024-12-16T12:00:02.000000Z' })])
    expectError(await call('DELETE', `/workspaces/${ws.id}/time_entries/${entry.id}`), 404, 'Time entry not found')
  })

  it('has no GET of a workspace’s entries: 405 with an empty body', async () => {
    const { call, ws } = tracking()
    const reply = await call('GET', `/workspaces/${ws.id}/time_entries`)
    expect({ status: reply.status, body: reply.body }).toEqual({ status: 405, body: undefined })
  })
})

describe('PATCH /workspaces/{id}/time_entries/{ids}', () => {
  it('applies JSON-Patch to each entry on its own: { success, failure }, no rollback', async () => {
    const { call, post, mock, ws } = tracking()
    const [a, b] = [ok<Entry>(await post({ start: '2024-12-16T09:00:00Z', duration: 60 })), ok<Entry>(await post({ start: '2024-12-16T10:00:00Z', duration: 60, tags: ['x'] }))]
    const theirs = ok<Entry>(await post({ start: '2024-12-16T10:00:00Z', duration: 60 }, OTHER))
    const operations = [
      { op: 'replace', path: '/description', value: 'Batch' },
      { op: 'add', path: '/tags', value: ['y'] },
      { op: 'replace', path: '/billable', value: true },
    ]
    const reply = ok(await call('PATCH', `/workspaces/${ws.id}/time_entries/${a.id},${b.id},${theirs.id}`, operations, OTHER))
    expect(reply).toEqual({ success: [theirs.id], failure: [{ id: a.id, message: 'Time entry not found' }, { id: b.id, message: 'Time entry not found' }] })
    const mine = ok(await call('PATCH', `/workspaces/${ws.id}/time_entries/${a.id},${b.id}`, operations))
    expect(mine).toEqual({ success: [a.id, b.id], failure: [] })
    const y = [...mock.state.tags.values()].find(({ name }) => name === 'y')!.id
    expect(mock.state.timeEntries.get(b.id)).toMatchObject({ description: 'Batch', billable: true, tagIds: [expect.any(Number), y] })
    const bad = ok(await call('PATCH', `/workspaces/${ws.id}/time_entries/${a.id},${b.id}`, [{ op: 'replace', path: '/description', value: 'Kept?' }, { op: 'replace', path: '/project_id', value: 4242 }]))
    expect(bad).toEqual({ success: [], failure: [{ id: a.id, message: 'User cannot access the selected project' }, { id: b.id, message: 'User cannot access the selected project' }] })
    expect(mock.state.timeEntries.get(a.id)?.description).toBe('Batch')
  })

  it('takes at most 100 ids', async () => {
    const { call, ws } = tracking()
    const ids = Array.from({ length: 101 }, (_, i) => i + 1).join(',')
    expectError(await call('PATCH', `/workspaces/${ws.id}/time_entries/${ids}`, [{ op: 'replace', path: '/billable', value: true }]), 400, 'The limit is 100 IDs per request.')
  })
})

describe('GET /me/time_entries', () => {
  it('without parameters lists the latest 9 days (the fake’s rule), newest first, only the caller’s', async () => {
    const { call, mock, ws } = tracking()
    const recent = mock.state.addTimeEntry({ workspaceId: ws.id, start: NOW - 2 * DAY, duration: 60 })
    const newest = mock.state.addTimeEntry({ workspaceId: ws.id, start: NOW - HOUR, duration: 60 })
    mock.state.addTimeEntry({ workspaceId: ws.id, start: NOW - 10 * DAY, duration: 60 })
    mock.state.addTimeEntry({ workspaceId: ws.id, userId: OTHER.id, start: NOW - HOUR, duration: 60 })
    expect(ok<Entry[]>(await call('GET', '/me/time_entries')).map(({ id }) => id)).toEqual([newest.id, recent.id])
  })

  it('with before lists entries that start before it; with start_date and end_date a range, end_date left out', async () => {
    const { call, mock, ws } = tracking()
    const day = (date: string) => mock.state.addTimeEntry({ workspaceId: ws.id, start: `${date}T10:00:00Z`, duration: 60 }).id
    const [d10, d11, d12] = [day('2024-12-10'), day('2024-12-11'), day('2024-12-12')]
    const ids = async (query: string) => ok<Entry[]>(await call('GET', `/me/time_entries?${query}`)).map(({ id }) => id)
    expect(await ids('before=2024-12-11')).toEqual([d10])
    expect(await ids('start_date=2024-12-10&end_date=2024-12-12')).toEqual([d11, d10])
    expect(await ids('start_date=2024-12-11T00:00:00%2B01:00&end_date=2024-12-13')).toEqual([d12, d11])
  })

  it('with since lists what changed, deleted entries included with server_deleted_at', async () => {
    const { call, clock, mock, ws } = tracking()
    const old = mock.state.addTimeEntry({ workspaceId: ws.id, start: NOW - 60 * DAY, duration: 60 })
    mock.state.addTimeEntry({ workspaceId: ws.id, start: NOW - HOUR, duration: 60 })
    clock.now += 1_000
    const since = Math.floor(clock.now / 1000)
    mock.state.remove('time_entry', old, DEMO_ACCOUNT.id)
    expect(ok(await call('GET', `/me/time_entries?since=${since}`))).toEqual([expect.objectContaining({ id: old.id, server_deleted_at: '2024-12-16T12:00:01.000000Z' })])
  })

  it('returns at most 1000 entries for a date range, the latest', async () => {
    const { call, mock, ws } = tracking()
    for (let i = 0; i < 1001; i++) mock.state.addTimeEntry({ workspaceId: ws.id, start: NOW - DAY + i * 60_000, duration: 30 })
    const entries = ok<Entry[]>(await call('GET', '/me/time_entries?start_date=2024-12-01&end_date=2024-12-17'))
    expect(entries).toHaveLength(1000)
    expect(entries[0]).toMatchObject({ start: '2024-12-16T04:40:00+00:00' })
    expect(entries.at(-1)).toMatchObject({ start: '2024-12-15T12:01:00+00:00' })
  })

  it.each([
    ['since=1734300000&before=2024-12-10', "'since' and 'before' can not be present simultaneously"],
    ['since=1734300000&start_date=2024-12-01&end_date=2024-12-10', "'start_date' and 'end_date' can not be present with 'since' or 'before'"],
    ['start_date=2024-12-01', "'start_date' and 'end_date' must be present together"],
    ['start_date=2024-09-15&end_date=2024-10-01', 'start_date must not be earlier than 2024-09-16'],
    ['start_date=2024-12-10&end_date=2024-12-01', 'start_date should come before end_date'],
    ['start_date=yesterday&end_date=2024-12-01', 'start_date has invalid format'],
    ['since=soon', 'Invalid since'],
  ])('refuses %s with 400', async (query, message) => {
    const { call } = tracking()
    expectError(await call('GET', `/me/time_entries?${query}`), 400, message)
  })

  it('accepts a start_date exactly three months back', async () => {
    const { call } = tracking()
    expect((await call('GET', '/me/time_entries?start_date=2024-09-16&end_date=2024-10-01')).status).toBe(200)
  })
})
