import { describe, expect, it } from 'vitest'
import { DEMO_ACCOUNT } from '../src/mock/index.ts'
import { THIRD } from './support/organizations.ts'
import { expectError, ok, world } from './support/tracking.ts'

type Client = Record<string, unknown> & { id: number; name: string }

describe('GET /workspaces/{id}/clients', () => {
  it('lists active clients by default; status archived or both, and name (any case, a part of it)', async () => {
    const { call, mock, ws } = world()
    mock.state.addClient({ workspaceId: ws.id, name: 'Globex' })
    mock.state.addClient({ workspaceId: ws.id, name: 'Acme Labs', archived: true })
    const names = async (query = '') => ok<Client[]>(await call('GET', `/workspaces/${ws.id}/clients${query}`)).map(({ name }) => name)
    expect(await names()).toEqual(['Globex'])
    expect(await names('?status=archived')).toEqual(['Acme Labs'])
    expect(await names('?status=both')).toEqual(['Acme Labs', 'Globex'])
    expect(await names('?status=both&name=LAB')).toEqual(['Acme Labs'])
    expectError(await call('GET', `/workspaces/${ws.id}/clients?status=gone`), 400, 'Client status is invalid')
  })

  it('answers 403 "Forbidden" for a workspace the caller is not in', async () => {
    const { call, initechWs } = world()
    expectError(await call('GET', `/workspaces/${initechWs.id}/clients`), 403, 'Forbidden')
  })
})

describe('POST, GET, PUT and DELETE /workspaces/{id}/clients', () => {
  it('creates a client as Toggl shows it, reads and renames it', async () => {
    const { call, ws } = world()
    const client = ok<Client>(await call('POST', `/workspaces/${ws.id}/clients`, { name: 'Globex', notes: 'big one' }))
    expect(client).toEqual({ id: expect.any(Number), wid: ws.id, name: 'Globex', archived: false, creator_id: DEMO_ACCOUNT.id, at: '2024-12-16T12:00:00.000000Z', notes: 'big one' })
    expect(ok(await call('GET', `/workspaces/${ws.id}/clients/${client.id}`))).toEqual(client)
    expect(ok(await call('PUT', `/workspaces/${ws.id}/clients/${client.id}`, { name: 'Globex Corp' }))).toMatchObject({ name: 'Globex Corp', notes: 'big one' })
  })

  it.each([
    [{ name: '' }, 'Client name cannot be empty'],
    [{ name: 'x'.repeat(101) }, 'Client name maximum length is 100'],
    [{ name: 5 }, 'Invalid JSON input'],
  ])('refuses %j with 400', async (body, message) => {
    const { call, ws } = world()
    expectError(await call('POST', `/workspaces/${ws.id}/clients`, body), 400, message)
  })

  it('answers 404 with Toggl’s messages for a client the workspace lacks', async () => {
    const { call, mock, ws, soloWs } = world()
    const elsewhere = mock.state.addClient({ workspaceId: soloWs.id, name: 'Elsewhere' })
    expectError(await call('GET', `/workspaces/${ws.id}/clients/${elsewhere.id}`), 404, `No client with ID ${elsewhere.id} was found`)
    expectError(await call('PUT', `/workspaces/${ws.id}/clients/${elsewhere.id}`, { name: 'X' }), 404, "Client doesn't exist in the workspace.")
    expectError(await call('DELETE', `/workspaces/${ws.id}/clients/${elsewhere.id}`), 404, `No client with ID ${elsewhere.id} was found`)
  })

  it('deletes a client, answering its id; its projects stay without it, and since shows the deletion', async () => {
    const { call, clock, mock, ws } = world()
    const client = mock.state.addClient({ workspaceId: ws.id, name: 'Globex' })
    const project = mock.state.addProject({ workspaceId: ws.id, name: 'Site', clientId: client.id })
    clock.now += 5_000
    expect(ok(await call('DELETE', `/workspaces/${ws.id}/clients/${client.id}`))).toBe(client.id)
    expect(ok(await call('GET', `/workspaces/${ws.id}/projects/${project.id}`))).toMatchObject({ client_id: null, cid: null })
    expect(ok(await call('GET', '/me/clients'))).toEqual([])
    expect(ok(await call('GET', `/me/clients?since=${Math.floor(clock.now / 1000)}`))).toEqual([
      expect.objectContaining({ id: client.id, server_deleted_at: '2024-12-16T12:00:05.000000Z' }),
    ])
  })
})

describe('archive and restore', () => {
  it('archiving a client archives its active projects and answers their ids; restore brings back the client and the projects asked for', async () => {
    const { call, mock, ws } = world()
    const client = mock.state.addClient({ workspaceId: ws.id, name: 'Globex' })
    const site = mock.state.addProject({ workspaceId: ws.id, name: 'Site', clientId: client.id })
    const app = mock.state.addProject({ workspaceId: ws.id, name: 'App', clientId: client.id })
    const old = mock.state.addProject({ workspaceId: ws.id, name: 'Old', clientId: client.id, active: false })
    const other = mock.state.addProject({ workspaceId: ws.id, name: 'Other' })
    expect(ok(await call('POST', `/workspaces/${ws.id}/clients/${client.id}/archive`))).toEqual([site.id, app.id])
    expect(ok(await call('GET', `/workspaces/${ws.id}/clients/${client.id}`))).toMatchObject({ archived: true })
    const active = async () => ok<Client[]>(await call('GET', `/workspaces/${ws.id}/projects?active=true`)).map(({ id }) => id)
    expect(await active()).toEqual([other.id])

    expect(ok(await call('POST', `/workspaces/${ws.id}/clients/${client.id}/restore`, { projects: [site.id] }))).toMatchObject({ id: client.id, archived: false })
    expect(await active()).toEqual([other.id, site.id])
    ok(await call('POST', `/workspaces/${ws.id}/clients/${client.id}/restore`, { restore_all_projects: true }))
    expect((await active()).sort()).toEqual([site.id, app.id, old.id, other.id].sort())
  })

  it('restore without a body restores only the client; a project of another client is 400 (the fake’s wording)', async () => {
    const { call, mock, ws } = world()
    const client = mock.state.addClient({ workspaceId: ws.id, name: 'Globex' })
    const site = mock.state.addProject({ workspaceId: ws.id, name: 'Site', clientId: client.id })
    const other = mock.state.addProject({ workspaceId: ws.id, name: 'Other' })
    ok(await call('POST', `/workspaces/${ws.id}/clients/${client.id}/archive`))
    expect(ok(await call('POST', `/workspaces/${ws.id}/clients/${client.id}/restore`))).toMatchObject({ archived: false })
    expect(mock.state.projects.get(site.id)?.active).toBe(false)
    expectError(await call('POST', `/workspaces/${ws.id}/clients/${client.id}/restore`, { projects: [other.id] }), 400, `Project ${other.id} does not belong to client ${client.id}`)
  })

  it('archiving is for paid plans: 402 without quota headers on Free', async () => {
    const { call, mock, soloWs } = world({ quotaPerHour: 100 })
    const client = mock.state.addClient({ workspaceId: soloWs.id, name: 'Globex' })
    const reply = await call('POST', `/workspaces/${soloWs.id}/clients/${client.id}/archive`)
    expectError(reply, 402, 'Available only for premium workspaces.')
    expect(reply.headers.has('x-toggl-quota-remaining')).toBe(false)
  })
})

describe('GET /me/clients', () => {
  it('lists the clients of every workspace the caller is in, archived ones too', async () => {
    const { call, mock, ws, soloWs, initechWs } = world()
    mock.state.addClient({ workspaceId: ws.id, name: 'A' })
    mock.state.addClient({ workspaceId: soloWs.id, name: 'B', archived: true })
    mock.state.addClient({ workspaceId: initechWs.id, name: 'C', creatorId: THIRD.id })
    expect(ok<Client[]>(await call('GET', '/me/clients')).map(({ name }) => name)).toEqual(['A', 'B'])
  })
})
