import { describe, expect, it } from 'vitest'
import { ClientEndpoint, InputError, MemoryCache, NamingError, PlanRestrictionError } from '../src/index.ts'
import { expectDrift, expectStatus, failureOf } from './support/fake.ts'
import { startCatalogue } from './support/catalogue.ts'

async function seeded(cache: MemoryCache | null = null) {
  const seed = await startCatalogue()
  return { ...seed, clients: seed.fake.endpoint(ClientEndpoint, cache) }
}

describe('ClientEndpoint.collect', () => {
  it('sends GET /workspaces/{id}/clients with status and name; Toggl lists active ones by default', async () => {
    const { fake, ws, clients } = await seeded()
    fake.mock.state.addClient({ workspaceId: ws.id, name: 'Globex' })
    fake.mock.state.addClient({ workspaceId: ws.id, name: 'Umbrella', archived: true })
    expect((await clients.collect(ws.id)).map(({ name }) => name)).toEqual(['Globex'])
    expect(fake.last()).toEqual({ method: 'GET', path: `/workspaces/${ws.id}/clients`, query: {}, body: undefined })
    expect((await clients.collect(ws.id, { status: 'both', name: 'UMB' })).map(({ name }) => name)).toEqual(['Umbrella'])
    expect(fake.last().query).toEqual({ status: 'both', name: 'UMB' })
  })

  it('costs 0 requests on a cache hit (each filter apart), 1 otherwise', async () => {
    const { fake, ws, clients } = await seeded(new MemoryCache())
    await clients.collect(ws.id)
    await clients.collect(ws.id)
    await clients.collect(ws.id, { status: 'archived' })
    expect(fake.sent()).toBe(2)
  })

  it.each([
    [{ status: 'gone' }, "status must be 'active', 'archived' or 'both'"],
    [{ state: 'active' }, 'state is not a field Toggl takes here'],
  ])('refuses %j before sending', async (filters, message) => {
    const { fake, ws, clients } = await seeded()
    await expect(clients.collect(ws.id, filters as never)).rejects.toThrow(`ClientEndpoint.collect: ${message}`)
    expect(fake.sent()).toBe(0)
  })

  it('answers 403 for a stranger’s workspace and names a drifted field', async () => {
    const { fake, ws, initechWs, clients } = await seeded()
    await expectStatus(clients.collect(initechWs.id), 403, 'Forbidden')
    fake.replyOnce('[{"id": 1, "wid": 2, "name": 3}]')
    await expectDrift(clients.collect(ws.id), '$[0].name')
  })
})

describe('ClientEndpoint.get', () => {
  it('sends GET …/clients/{id}; 0 requests once cached (a listing fills it too); null for one Toggl lacks (404)', async () => {
    const { fake, ws, clients } = await seeded(new MemoryCache())
    const globex = fake.mock.state.addClient({ workspaceId: ws.id, name: 'Globex' })
    const other = fake.mock.state.addClient({ workspaceId: ws.id, name: 'Initrode' })
    expect(await clients.get(ws.id, globex.id)).toMatchObject({ id: globex.id, wid: ws.id, name: 'Globex', archived: false })
    expect(fake.last()).toEqual({ method: 'GET', path: `/workspaces/${ws.id}/clients/${globex.id}`, query: {}, body: undefined })
    await clients.get(ws.id, { id: globex.id })
    await clients.collect(ws.id)
    await clients.get(ws.id, other.id)
    expect(fake.sent()).toBe(2)
    expect(await clients.get(ws.id, 999_999)).toBeNull()
    await expectStatus(fake.endpoint(ClientEndpoint, null, { reRaise: true }).get(ws.id, 999_999), 404, 'No client with ID 999999 was found')
  })
})

describe('ClientEndpoint.add and edit', () => {
  it('add sends POST with { name, notes, external_reference }; edit sends PUT with the whole client', async () => {
    const { fake, ws, clients } = await seeded(new MemoryCache())
    const created = await clients.add(ws.id, { name: 'Globex', notes: 'Big one', external_reference: 'CRM-1' })
    expect(fake.last()).toEqual({ method: 'POST', path: `/workspaces/${ws.id}/clients`, query: {}, body: { name: 'Globex', notes: 'Big one', external_reference: 'CRM-1' } })
    expect(created).toMatchObject({ name: 'Globex', notes: 'Big one', external_reference: 'CRM-1', wid: ws.id })
    const renamed = await clients.edit(ws.id, created, { name: 'Globex Corp' })
    expect(fake.last()).toEqual({ method: 'PUT', path: `/workspaces/${ws.id}/clients/${created.id}`, query: {}, body: { name: 'Globex Corp' } })
    expect(renamed).toMatchObject({ id: created.id, name: 'Globex Corp' })
    expect(await clients.get(ws.id, created.id)).toMatchObject({ name: 'Globex Corp' })
    expect(fake.sent()).toBe(2)
  })

  it.each([
    [{ name: '' }, NamingError, 'client name must not be empty'],
    [{ name: ' \t' }, NamingError, 'client name must not be empty'],
    [{}, NamingError, 'name must be given'],
    [{ name: 'G', notes: 5 }, InputError, 'notes must be a string'],
    [{ name: 'G', note: 'x' }, InputError, 'note is not a field Toggl takes here'],
  ])('add refuses %j before sending', async (input, kind, message) => {
    const { fake, ws, clients } = await seeded()
    const error = await failureOf(clients.add(ws.id, input as never))
    expect(error).toBeInstanceOf(kind)
    expect(error.message).toContain(`ClientEndpoint.add: ${message}`)
    expect(fake.sent()).toBe(0)
  })

  it('maps Toggl’s refusals: a name past its maximum, a client it lacks', async () => {
    const { ws, clients } = await seeded()
    await expectStatus(clients.add(ws.id, { name: 'x'.repeat(101) }), 400, 'Client name maximum length is 100')
    await expectStatus(clients.edit(ws.id, 999_999, { name: 'X' }), 404, "Client doesn't exist in the workspace.")
  })
})

describe('ClientEndpoint.archive and restore', () => {
  it('archive sends POST …/archive and answers the projects archived with it; restore brings back those named', async () => {
    const { fake, ws, clients } = await seeded()
    const globex = fake.mock.state.addClient({ workspaceId: ws.id, name: 'Globex' })
    const site = fake.mock.state.addProject({ workspaceId: ws.id, name: 'Site', clientId: globex.id })
    const app = fake.mock.state.addProject({ workspaceId: ws.id, name: 'App', clientId: globex.id })
    expect(await clients.archive(ws.id, globex)).toEqual([site.id, app.id])
    expect(fake.last()).toEqual({ method: 'POST', path: `/workspaces/${ws.id}/clients/${globex.id}/archive`, query: {}, body: undefined })
    expect(site.active).toBe(false)
    const restored = await clients.restore(ws.id, globex.id, { projects: [site.id] })
    expect(fake.last()).toEqual({ method: 'POST', path: `/workspaces/${ws.id}/clients/${globex.id}/restore`, query: {}, body: { projects: [site.id] } })
    expect(restored).toMatchObject({ id: globex.id, archived: false })
    expect([site.active, app.active]).toEqual([true, false])
    await clients.restore(ws.id, globex.id)
    expect(fake.last().body).toEqual({})
  })

  it('archive is for paid plans: PlanRestrictionError on Free', async () => {
    const { fake, soloWs, clients } = await seeded()
    const client = fake.mock.state.addClient({ workspaceId: soloWs.id, name: 'Solo client' })
    await expectStatus(clients.archive(soloWs.id, client), 402, 'Available only for premium workspaces.', PlanRestrictionError)
  })

  it('restore refuses a bad body before sending', async () => {
    const { fake, ws, clients } = await seeded()
    await expect(clients.restore(ws.id, 1, { projects: [0] })).rejects.toThrow(/ClientEndpoint.restore: projects\[0\] must be a positive whole number/)
    await expect(clients.restore(ws.id, 1, { restore_all: true } as never)).rejects.toThrow(/restore_all is not a field Toggl takes here/)
    expect(fake.sent()).toBe(0)
  })
})

describe('ClientEndpoint.delete and collectMine', () => {
  it('delete sends DELETE …/clients/{id}; its projects stay without it; one already gone is no error', async () => {
    const { fake, ws, clients } = await seeded()
    const globex = fake.mock.state.addClient({ workspaceId: ws.id, name: 'Globex' })
    const site = fake.mock.state.addProject({ workspaceId: ws.id, name: 'Site', clientId: globex.id })
    await clients.delete(ws.id, globex)
    expect(fake.last()).toEqual({ method: 'DELETE', path: `/workspaces/${ws.id}/clients/${globex.id}`, query: {}, body: undefined })
    expect(site.clientId).toBeNull()
    await expect(clients.delete(ws.id, globex)).resolves.toBeUndefined()
    await expectStatus(fake.endpoint(ClientEndpoint, null, { reRaise: true }).delete(ws.id, globex), 404, `No client with ID ${globex.id} was found`)
  })

  it('collectMine sends GET /me/clients (since as UNIX seconds)', async () => {
    const { fake, ws, soloWs, clients } = await seeded()
    fake.mock.state.addClient({ workspaceId: ws.id, name: 'Globex' })
    fake.mock.state.addClient({ workspaceId: soloWs.id, name: 'Solo client' })
    expect((await clients.collectMine()).map(({ name }) => name)).toEqual(['Globex', 'Solo client'])
    await clients.collectMine({ since: 1_700_000_000 })
    expect(fake.last()).toEqual({ method: 'GET', path: '/me/clients', query: { since: '1700000000' }, body: undefined })
  })
})
