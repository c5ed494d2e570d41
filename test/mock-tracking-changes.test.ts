import { describe, expect, it } from 'vitest'
import { DEMO_ACCOUNT, type MockChange } from '../src/mock/index.ts'
import { OTHER } from './support/organizations.ts'
import { NOW, ok, world } from './support/tracking.ts'

/** The fake with every change it reports collected. */
function watched() {
  const setup = world()
  const changes: MockChange[] = []
  const stop = setup.mock.state.onChange((change) => changes.push(change))
  const summary = () => changes.map(({ model, action, userId }) => `${model} ${action} by ${userId}`)
  return { ...setup, changes, stop, summary }
}

describe('MockState.onChange', () => {
  it('reports an API change with the entity as the API shows it, its workspace, the acting user and the time', async () => {
    const { call, changes, clock, ws } = watched()
    clock.now += 1_500
    const created = ok(await call('POST', `/workspaces/${ws.id}/time_entries`, { workspace_id: ws.id, created_with: 'x', start: '2024-12-16T11:00:00Z', duration: 300 }, OTHER))
    expect(changes).toEqual([
      {
        model: 'time_entry',
        action: 'created',
        entity: created,
        workspaceId: ws.id,
        userId: OTHER.id,
        at: NOW + 1_500,
      },
    ])
    // A write reply's form: start in …Z.
    expect(changes[0]!.entity['start']).toBe('2024-12-16T11:00:00Z')
  })

  it('reports seeds too, and the changes a deletion brings along, in order', async () => {
    const { call, mock, summary, ws } = watched()
    const client = mock.state.addClient({ workspaceId: ws.id, name: 'Globex' })
    const project = mock.state.addProject({ workspaceId: ws.id, name: 'Site', clientId: client.id })
    mock.state.addTask({ projectId: project.id, name: 'Design' }, OTHER.id)
    mock.state.addTimeEntry({ workspaceId: ws.id, userId: OTHER.id, start: NOW - 60_000, duration: 30, projectId: project.id })
    expect(summary()).toEqual(['client created by 1', 'project created by 1', 'task created by 2', 'time_entry created by 2'])
    ok(await call('DELETE', `/workspaces/${ws.id}/projects/${project.id}`))
    expect(summary().slice(4)).toEqual(['project deleted by 1', 'task deleted by 1', 'time_entry updated by 1'])
  })

  it('shows a deleted entity with server_deleted_at set', async () => {
    const { call, changes, mock, ws } = watched()
    const tag = mock.state.addTag({ workspaceId: ws.id, name: 'billed' })
    ok(await call('DELETE', `/workspaces/${ws.id}/tags/${tag.id}`))
    expect(changes.at(-1)).toMatchObject({ model: 'tag', action: 'deleted', entity: { id: tag.id, server_deleted_at: '2024-12-16T12:00:00.000000Z' } })
  })

  it('reports archiving a client as its projects’ and its own updates, and a new running entry stopping the old one', async () => {
    const { call, mock, summary, ws } = watched()
    const client = mock.state.addClient({ workspaceId: ws.id, name: 'Globex' })
    mock.state.addProject({ workspaceId: ws.id, name: 'Site', clientId: client.id })
    mock.state.addTimeEntry({ workspaceId: ws.id, start: NOW - 60_000, stop: null })
    const before = summary().length
    ok(await call('POST', `/workspaces/${ws.id}/clients/${client.id}/archive`))
    mock.state.addTimeEntry({ workspaceId: ws.id, start: NOW, stop: null })
    expect(summary().slice(before)).toEqual(['project updated by 1', 'client updated by 1', 'time_entry updated by 1', 'time_entry created by 1'])
  })

  it('reports workspace changes with the workspace as its admin sees it, and stops once unsubscribed', async () => {
    const { call, changes, stop, ws } = watched()
    ok(await call('PUT', `/workspaces/${ws.id}`, { name: 'HQ' }))
    expect(changes).toEqual([expect.objectContaining({ model: 'workspace', action: 'updated', workspaceId: ws.id, userId: DEMO_ACCOUNT.id, entity: expect.objectContaining({ id: ws.id, name: 'HQ', admin: true }) })])
    stop()
    ok(await call('PUT', `/workspaces/${ws.id}`, { name: 'HQ 2' }))
    expect(changes).toHaveLength(1)
  })
})

describe('seed helpers', () => {
  it('refuse what the world cannot hold: a workspace, client, project or task the fake does not have', () => {
    const { mock, ws, soloWs } = world()
    const elsewhere = mock.state.addClient({ workspaceId: soloWs.id, name: 'Elsewhere' })
    expect(() => mock.state.addProject({ workspaceId: 1, name: 'X' })).toThrow('togglkit/mock: no workspace 1')
    expect(() => mock.state.addProject({ workspaceId: ws.id, name: 'X', clientId: elsewhere.id })).toThrow(`togglkit/mock: workspace ${ws.id} has no client ${elsewhere.id}`)
    expect(() => mock.state.addTask({ projectId: 5, name: 'X' })).toThrow('togglkit/mock: no project 5')
    expect(() => mock.state.addTimeEntry({ workspaceId: ws.id, start: 'soon' })).toThrow('togglkit/mock: start is not a time: soon')
    expect(() => mock.state.addTimeEntry({ workspaceId: ws.id, start: NOW, stop: NOW - 1 })).toThrow('cannot stop before it starts')
  })

  it('fill in Toggl’s defaults and keep one running entry per user', () => {
    const { mock, ws } = world()
    const project = mock.state.addProject({ workspaceId: ws.id, name: 'Site' })
    expect(project).toMatchObject({ active: true, isPrivate: true, billable: true, clientId: null, startDate: '2024-12-16', color: expect.stringMatching(/^#[0-9a-f]{6}$/), creatorId: DEMO_ACCOUNT.id })
    const first = mock.state.addTimeEntry({ workspaceId: ws.id, start: NOW - 60_000, stop: null })
    const second = mock.state.addTimeEntry({ workspaceId: ws.id, start: NOW, stop: null, taskId: mock.state.addTask({ projectId: project.id, name: 'T' }).id })
    expect(first.stop).toBe(NOW)
    expect(mock.state.runningEntryOf(DEMO_ACCOUNT.id)).toBe(second)
    expect(second.projectId).toBe(project.id)
  })
})
