import { describe, expect, it } from 'vitest'
import {
  InputError,
  MemoryCache,
  NamingError,
  PlanRestrictionError,
  ProjectEndpoint,
  QuotaError,
  WorkspaceEndpoint,
} from '../src/index.ts'
import { expectDrift, expectStatus, failureOf } from './support/fake.ts'
import { sentSince, startCatalogue } from './support/catalogue.ts'
import { OTHER } from './support/organizations.ts'

async function seeded(cache: MemoryCache | null = null) {
  const seed = await startCatalogue()
  return { ...seed, workspaces: seed.fake.endpoint(WorkspaceEndpoint, cache) }
}

describe('WorkspaceEndpoint.collect', () => {
  it('sends GET /me/workspaces and answers each workspace with its active project count, without secrets', async () => {
    const { fake, ws, soloWs, acme, workspaces } = await seeded()
    fake.mock.state.addProject({ workspaceId: ws.id, name: 'Site' })
    fake.mock.state.addProject({ workspaceId: ws.id, name: 'Old', active: false })
    const listed = await workspaces.collect()
    expect(fake.last()).toEqual({ method: 'GET', path: '/me/workspaces', query: {}, body: undefined })
    expect(listed.map(({ id, organization_id, active_project_count }) => ({ id, organization_id, active_project_count }))).toEqual([
      { id: ws.id, organization_id: acme.id, active_project_count: 1 },
      { id: soloWs.id, organization_id: expect.any(Number), active_project_count: 0 },
    ])
    for (const workspace of listed) {
      expect(workspace).not.toHaveProperty('api_token')
      expect(workspace).not.toHaveProperty('ical_url')
    }
  })

  it('sends since as UNIX seconds (from a Date, an RFC 3339 string or seconds)', async () => {
    const { fake, workspaces } = await seeded()
    await workspaces.collect({ since: new Date('2024-12-16T12:00:00Z') })
    expect(fake.last().query).toEqual({ since: '1734350400' })
    await workspaces.collect({ since: '2024-12-16T13:00:00+01:00' })
    expect(fake.last().query).toEqual({ since: '1734350400' })
    await workspaces.collect({ since: 1_734_350_400 })
    expect(fake.last().query).toEqual({ since: '1734350400' })
  })

  it.each([
    [{ since: 'yesterday' }, 'since must be a Date, an RFC 3339 timestamp with its offset, or whole UNIX seconds'],
    [{ since: '2024-12-16T12:00:00' }, 'since must be a Date'],
    [{ since: -1 }, 'since must be a Date'],
    [{ since: new Date(Number.NaN) }, 'since must be a Date'],
    [{ snce: 5 }, 'snce is not a field Toggl takes here'],
  ])('refuses %j with InputError and sends nothing', async (filters, message) => {
    const { fake, workspaces } = await seeded()
    const error = await failureOf(workspaces.collect(filters as never))
    expect(error).toBeInstanceOf(InputError)
    expect(error.message).toContain(`WorkspaceEndpoint.collect: ${message}`)
    expect(fake.sent()).toBe(0)
  })

  it('costs 0 requests on a cache hit, 1 otherwise, and fills the cache for get', async () => {
    const { fake, ws, workspaces } = await seeded(new MemoryCache())
    await workspaces.collect()
    await workspaces.collect()
    expect(await workspaces.get(ws.id)).toMatchObject({ id: ws.id, name: ws.name })
    expect(fake.sent()).toBe(1)
    // The model is the workspace itself: the listing's count stays with the listing.
    expect(await workspaces.get(ws.id)).not.toHaveProperty('active_project_count')
  })
})

describe('WorkspaceEndpoint.get', () => {
  it('sends GET /workspaces/{id} and answers the workspace; a workspace model works as the argument', async () => {
    const { fake, ws, acme, workspaces } = await seeded()
    const found = await workspaces.get({ id: ws.id })
    expect(fake.last()).toEqual({ method: 'GET', path: `/workspaces/${ws.id}`, query: {}, body: undefined })
    expect(found).toMatchObject({ id: ws.id, organization_id: acme.id, admin: true, role: 'admin', premium: true })
    expect(found).not.toHaveProperty('api_token')
  })

  it('costs 0 requests once its model is cached, 1 otherwise; refresh asks again', async () => {
    const { fake, ws, workspaces } = await seeded(new MemoryCache())
    await workspaces.get(ws.id)
    await workspaces.get(ws.id)
    expect(fake.sent()).toBe(1)
    await workspaces.get(ws.id, { refresh: true })
    expect(fake.sent()).toBe(2)
  })

  it('answers null for a workspace you are not in (403), and throws it with reRaise', async () => {
    const { fake, initechWs, workspaces } = await seeded()
    expect(await workspaces.get(initechWs.id)).toBeNull()
    const strict = fake.endpoint(WorkspaceEndpoint, null, { reRaise: true })
    await expectStatus(strict.get(initechWs.id), 403, 'User does not have access to this resource.')
  })

  it('refuses a bad id with InputError and sends nothing', async () => {
    const { fake, workspaces } = await seeded()
    await expect(workspaces.get(0)).rejects.toThrow(/WorkspaceEndpoint.get: workspace must be a positive whole-number id/)
    await expect(workspaces.get({} as never)).rejects.toBeInstanceOf(InputError)
    expect(fake.sent()).toBe(0)
  })

  it('names the field of a reply that drifted', async () => {
    const { fake, ws, workspaces } = await seeded()
    fake.replyOnce('{"id": 1, "name": "W", "organization_id": "one"}')
    await expectDrift(workspaces.get(ws.id), '$.organization_id')
  })
})

describe('WorkspaceEndpoint.edit', () => {
  it('sends PUT /workspaces/{id} with the changes, answers the workspace and keeps it as its model', async () => {
    const cache = new MemoryCache()
    const { fake, ws, workspaces } = await seeded(cache)
    await workspaces.collect()
    const changes = { name: 'Acme HQ', rounding: 1 as const, rounding_minutes: 15, only_admins_may_create_tags: true }
    const edited = await workspaces.edit(ws.id, changes)
    expect(fake.last()).toEqual({ method: 'PUT', path: `/workspaces/${ws.id}`, query: {}, body: changes })
    expect(edited).toMatchObject(changes)
    expect(edited).not.toHaveProperty('api_token')
    const sent = fake.sent()
    expect(await workspaces.get(ws.id)).toMatchObject({ name: 'Acme HQ' })
    expect(fake.sent()).toBe(sent)
    // The workspace list named the old name: it is asked for again.
    expect((await workspaces.collect())[0]).toMatchObject({ name: 'Acme HQ' })
    expect(fake.sent()).toBe(sent + 1)
  })

  it.each([
    [{ name: '  ' }, NamingError, 'workspace name must contain a non-space character'],
    [{ name: 'x'.repeat(141) }, NamingError, 'workspace name must be at most 140 characters'],
    [{}, InputError, 'changes must name at least one field'],
    [{ rounding: 3 }, InputError, 'rounding must be -1 (down), 0 (nearest) or 1 (up)'],
    [{ colour: 'red' }, InputError, 'colour is not a field Toggl takes here'],
  ])('refuses %j before sending', async (changes, kind, message) => {
    const { fake, ws, workspaces } = await seeded()
    const error = await failureOf(workspaces.edit(ws.id, changes as never))
    expect(error).toBeInstanceOf(kind)
    expect(error.message).toContain(`WorkspaceEndpoint.edit: ${message}`)
    expect(fake.sent()).toBe(0)
  })

  it('maps Toggl’s refusals: a premium setting on Free (402, no quota), a plain member (403)', async () => {
    const { fake, ws, soloWs, workspaces } = await seeded()
    const error = await expectStatus(workspaces.edit(soloWs.id, { rounding: 0 }), 402, 'Must be a premium user to use rounding', PlanRestrictionError)
    expect(error).not.toBeInstanceOf(QuotaError)
    await expectStatus(fake.endpointAs(OTHER, WorkspaceEndpoint).edit(ws.id, { name: 'Mine' }), 403, 'User does not have access to this resource.')
  })
})

describe('WorkspaceEndpoint.statistics, trackerConstraints and users', () => {
  it('statistics sends GET /workspaces/{id}/statistics (cached: 0 requests the second time)', async () => {
    const { fake, ws, demo, workspaces } = await seeded(new MemoryCache())
    const statistics = await workspaces.statistics(ws.id)
    expect(fake.last()).toEqual({ method: 'GET', path: `/workspaces/${ws.id}/statistics`, query: {}, body: undefined })
    expect(statistics).toMatchObject({ admins: [{ user_id: demo.id }], members_count: 2 })
    await workspaces.statistics(ws.id)
    expect(fake.sent()).toBe(1)
  })

  it('trackerConstraints sends GET /workspaces/{id}/time_entry_constraints (cached); 400 for a stranger’s workspace', async () => {
    const { fake, ws, initechWs, workspaces } = await seeded(new MemoryCache())
    expect(await workspaces.trackerConstraints(ws.id)).toEqual({
      time_entry_constraints_enabled: false,
      description_present: false,
      project_present: false,
      tag_present: false,
      task_present: false,
    })
    expect(fake.last()).toMatchObject({ method: 'GET', path: `/workspaces/${ws.id}/time_entry_constraints` })
    await workspaces.trackerConstraints(ws.id)
    expect(fake.sent()).toBe(1)
    await expectStatus(workspaces.trackerConstraints(initechWs.id), 400, 'Workspace not found')
  })

  it('users sends GET /workspaces/{id}/users with exclude_deleted, and is never cached', async () => {
    const { fake, ws, demo, workspaces } = await seeded(new MemoryCache())
    const users = await workspaces.users(ws.id, { exclude_deleted: true })
    expect(fake.last()).toEqual({ method: 'GET', path: `/workspaces/${ws.id}/users`, query: { exclude_deleted: 'true' }, body: undefined })
    expect(users).toEqual([
      expect.objectContaining({ id: demo.id, email: demo.email, is_admin: true }),
      expect.objectContaining({ id: OTHER.id, is_admin: false }),
    ])
    await workspaces.users(ws.id)
    expect(fake.sent()).toBe(2)
    await expect(workspaces.users(ws.id, { deleted: false } as never)).rejects.toThrow(/deleted is not a field Toggl takes here/)
  })
})

describe('WorkspaceEndpoint.organizationOf', () => {
  it('answers from a workspace reply seen before (0 requests), else with one get', async () => {
    const { fake, ws, acme, workspaces } = await seeded()
    expect(await workspaces.organizationOf(ws.id)).toBe(acme.id)
    expect(sentSince(fake)).toEqual([`GET /workspaces/${ws.id}`])
    expect(await workspaces.organizationOf({ id: ws.id })).toBe(acme.id)
    expect(fake.sent()).toBe(1)
  })

  it('knows what any endpoint of the account learnt: after collect, 0 requests', async () => {
    const { fake, ws, acme, soloWs, solo, workspaces } = await seeded()
    await fake.endpoint(WorkspaceEndpoint).collect()
    expect(await workspaces.organizationOf(ws.id)).toBe(acme.id)
    expect(await workspaces.organizationOf(soloWs.id)).toBe(solo.id)
    expect(fake.sent()).toBe(1)
  })

  it('answers null for a workspace that is not yours', async () => {
    const { initechWs, workspaces } = await seeded()
    expect(await workspaces.organizationOf(initechWs.id)).toBeNull()
  })
})

describe('the quota of workspace calls', () => {
  it('once a workspace reply told the organization, a project listing’s report is the organization’s window, with no extra request', async () => {
    const { fake, ws, acme, workspaces } = await seeded()
    await workspaces.collect()
    const projects = fake.endpoint(ProjectEndpoint)
    await projects.collect(ws.id)
    await projects.collect(ws.id)
    expect(sentSince(fake)).toEqual(['GET /me/workspaces', `GET /workspaces/${ws.id}/projects?page=1&per_page=200`, `GET /workspaces/${ws.id}/projects?page=1&per_page=200`])
    // Two calls drew on Acme's window, one on your own.
    expect(projects.quotaOf(acme.id)).toMatchObject({ organizationId: acme.id, remaining: 598 })
    expect(projects.quotaOf(acme.id)).not.toHaveProperty('workspaceId')
    expect(workspaces.quotaOf(null)).toMatchObject({ organizationId: null, remaining: 599 })
  })

  it('a call made before the organization is known is sent; its window joins the organization’s when a reply tells it', async () => {
    const { fake, ws, acme, workspaces } = await seeded()
    const projects = fake.endpoint(ProjectEndpoint)
    await projects.collect(ws.id)
    expect(fake.sent()).toBe(1)
    expect(projects.quotaOf(acme.id)).toBeNull()
    expect(projects.quota).toMatchObject({ organizationId: null, workspaceId: ws.id, remaining: 599 })
    await workspaces.collect()
    expect(projects.quotaOf(acme.id)).toEqual({ organizationId: acme.id, remaining: 599, resetsIn: expect.any(Number), at: expect.any(Number) })
    await projects.collect(ws.id)
    expect(projects.quotaOf(acme.id)).toMatchObject({ remaining: 598 })
    expect(fake.sent()).toBe(3)
  })

  it('a spent organization window stops its workspace calls without sending them, not your own', async () => {
    const { fake, ws, workspaces } = await startCatalogue({ quotaPerHour: 2 }).then((seed) => ({ ...seed, workspaces: seed.fake.endpoint(WorkspaceEndpoint) }))
    await workspaces.collect()
    const projects = fake.endpoint(ProjectEndpoint)
    await projects.collect(ws.id)
    await projects.collect(ws.id)
    const error = await failureOf(projects.collect(ws.id))
    expect(error).toBeInstanceOf(QuotaError)
    expect(error).toMatchObject({ sent: false })
    expect(fake.sent()).toBe(3)
    await expect(workspaces.collect({ since: 0 })).resolves.toBeInstanceOf(Array)
  })
})
