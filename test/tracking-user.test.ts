import { describe, expect, it } from 'vitest'
import {
  BasicAuth,
  HTTPStatusError,
  InputError,
  MemoryCache,
  NamingError,
  ProjectEndpoint,
  UserEndpoint,
  WorkspaceEndpoint,
} from '../src/index.ts'
import { expectDrift, expectStatus, failureOf } from './support/fake.ts'
import { sentSince, startCatalogue } from './support/catalogue.ts'

async function seeded(cache: MemoryCache | null = null) {
  const seed = await startCatalogue()
  return { ...seed, user: seed.fake.endpoint(UserEndpoint, cache) }
}

describe('UserEndpoint.get', () => {
  it('sends GET /me and answers the profile without its secrets', async () => {
    const { fake, demo, ws, user } = await seeded()
    const me = await user.get()
    expect(fake.last()).toEqual({ method: 'GET', path: '/me', query: {}, body: undefined })
    expect(me).toMatchObject({ id: demo.id, email: demo.email, fullname: demo.fullname, timezone: 'UTC', beginning_of_week: 1, default_workspace_id: ws.id })
    expect(me).not.toHaveProperty('api_token')
    expect(me).not.toHaveProperty('intercom_hash')
    expect(me).not.toHaveProperty('projects')
  })

  it('costs 1 request, then 0 from a cache; refresh asks again; without a cache every call asks', async () => {
    const cached = await seeded(new MemoryCache())
    await cached.user.get()
    await cached.user.get()
    expect(cached.fake.sent()).toBe(1)
    await cached.user.get(undefined, { refresh: true })
    expect(cached.fake.sent()).toBe(2)
    const plain = await seeded()
    await plain.user.get()
    await plain.user.get()
    expect(plain.fake.sent()).toBe(2)
  })

  it('with_related_data: true sends it, lists every kind ([] for what Toggl left out), and keeps them as models', async () => {
    const cache = new MemoryCache()
    const { fake, ws, soloWs, acme, user } = await seeded(cache)
    const project = fake.mock.state.addProject({ workspaceId: ws.id, name: 'Site' })
    const me = await user.get({ with_related_data: true })
    expect(fake.last()).toMatchObject({ method: 'GET', path: '/me', query: { with_related_data: 'true' } })
    expect(me.projects.map(({ id }) => id)).toEqual([project.id])
    // The fake, like a real reply, leaves out what the user has none of.
    expect(me).toMatchObject({ clients: [], tags: [], tasks: [], time_entries: [] })
    expect(me.workspaces.map(({ id }) => id)).toEqual([ws.id, soloWs.id])
    for (const workspace of me.workspaces) {
      expect(workspace).not.toHaveProperty('api_token')
      expect(workspace).not.toHaveProperty('ical_url')
    }
    const sent = fake.sent()
    // The workspace → organization map and the models came with it: no request for either.
    expect(await fake.endpoint(WorkspaceEndpoint, cache).organizationOf(ws.id)).toBe(acme.id)
    expect(await fake.endpoint(ProjectEndpoint, cache).get(ws.id, project.id)).toMatchObject({ id: project.id, name: 'Site' })
    expect(fake.sent()).toBe(sent)
    // The plain profile is cached apart from it.
    await user.get()
    expect(fake.sent()).toBe(sent + 1)
  })

  it.each([
    [{ with_related_data: 'yes' }, 'with_related_data must be a boolean'],
    [{ with_related: true }, 'with_related is not a field Toggl takes here'],
    ['all', 'query must be an object'],
  ])('refuses the query %j with InputError and sends nothing', async (query, message) => {
    const { fake, user } = await seeded()
    const error = await failureOf(user.get(query as never))
    expect(error).toBeInstanceOf(InputError)
    expect(error.message).toContain(`UserEndpoint.get: ${message}`)
    expect(fake.sent()).toBe(0)
  })

  it('names the field of a reply that drifted', async () => {
    const { fake, user } = await seeded()
    fake.replyOnce('{"id": 1, "email": 5}')
    await expectDrift(user.get(), '$.email')
  })
})

describe('UserEndpoint.edit', () => {
  it('sends PUT /me with the changes and keeps the answer as the cached profile (1 request in all)', async () => {
    const cache = new MemoryCache()
    const { fake, demo, user } = await seeded(cache)
    await user.get()
    const changes = { fullname: 'Dee Mo', timezone: 'Europe/Berlin', beginning_of_week: 0 as const, password: 'new-secret', current_password: demo.password }
    const edited = await user.edit(changes)
    expect(fake.last()).toEqual({ method: 'PUT', path: '/me', query: {}, body: changes })
    expect(edited).toMatchObject({ fullname: 'Dee Mo', timezone: 'Europe/Berlin', beginning_of_week: 0 })
    expect(edited).not.toHaveProperty('api_token')
    const sent = fake.sent()
    expect(await user.get()).toMatchObject({ fullname: 'Dee Mo' })
    expect(fake.sent()).toBe(sent)
  })

  it.each([
    [{ fullname: '   ' }, NamingError, 'full name must not be blank'],
    [{ email: 'not-an-address' }, InputError, 'email must be a valid e-mail address'],
    [{ timezone: 'Mars/Olympus' }, InputError, "timezone must be an IANA time zone such as 'Europe/Berlin'"],
    [{ beginning_of_week: 7 }, InputError, 'beginning_of_week must be 0 (Sunday) to 6 (Saturday)'],
    [{ country_id: -3 }, InputError, 'country_id must be a positive whole number'],
    [{ password: 'new-secret' }, InputError, 'current_password must be given to change the password'],
    [{ password: 'short', current_password: 'x' }, InputError, 'password must be at least 6 characters'],
    [{}, InputError, 'changes must name at least one field'],
    [{ full_name: 'Dee' }, InputError, 'full_name is not a field Toggl takes here'],
  ])('refuses %j before sending', async (changes, kind, message) => {
    const { fake, user } = await seeded()
    const error = await failureOf(user.edit(changes as never))
    expect(error).toBeInstanceOf(kind)
    expect(error.message).toContain(`UserEndpoint.edit: ${message}`)
    expect(fake.sent()).toBe(0)
  })

  it('counts a password in code points: six emoji are six characters', async () => {
    const { demo, user } = await seeded()
    await expect(user.edit({ password: '🔑'.repeat(6), current_password: demo.password })).resolves.toMatchObject({ id: demo.id })
  })

  it('maps Toggl’s refusals to HTTPStatusError with its words, and drops the cached profile', async () => {
    const cache = new MemoryCache()
    const { fake, user } = await seeded(cache)
    await user.get()
    await expectStatus(user.edit({ email: 'other@example.com' }), 400, 'user with this email already exists')
    await expectStatus(user.edit({ password: 'new-secret', current_password: 'wrong' }), 400, 'Current password is not valid')
    const sent = fake.sent()
    await user.get()
    expect(fake.sent()).toBe(sent + 1)
  })
})

describe('UserEndpoint.verifyAuthentication', () => {
  it('sends GET /me/logged and answers true for working credentials', async () => {
    const { fake, demo } = await startCatalogue()
    expect(await UserEndpoint.verifyAuthentication(BasicAuth.fromApiToken(demo.apiToken), { baseURL: fake.server.baseURL })).toBe(true)
    expect(fake.last()).toEqual({ method: 'GET', path: '/me/logged', query: {}, body: undefined })
  })

  it('answers false for a token Toggl refuses (403) and for a 401', async () => {
    const { fake } = await startCatalogue()
    const options = { baseURL: fake.server.baseURL }
    expect(await UserEndpoint.verifyAuthentication(BasicAuth.fromApiToken('wrong-token'), options)).toBe(false)
    fake.mock.inject({ type: 'status', status: 401, body: '' })
    expect(await UserEndpoint.verifyAuthentication(BasicAuth.fromApiToken('any'), options)).toBe(false)
    expect(fake.sent()).toBe(2)
  })

  it('throws any other failure (here a 500 after its retries)', async () => {
    const { fake, demo } = await startCatalogue()
    fake.mock.inject({ type: 'status', status: 500 }, 2)
    const error = await failureOf(UserEndpoint.verifyAuthentication(BasicAuth.fromApiToken(demo.apiToken), { baseURL: fake.server.baseURL, retries: 1, retryDelay: 1 }))
    expect(error).toBeInstanceOf(HTTPStatusError)
    expect(error).toMatchObject({ status: 500 })
    expect(fake.sent()).toBe(2)
  })

  it('refuses a bad auth or options with InputError, sending nothing', async () => {
    const { fake } = await startCatalogue()
    await expect(UserEndpoint.verifyAuthentication('token' as never)).rejects.toBeInstanceOf(InputError)
    await expect(UserEndpoint.verifyAuthentication(fake.auth, { baseURL: fake.server.baseURL }, { signal: 1 } as never)).rejects.toBeInstanceOf(InputError)
    expect(fake.sent()).toBe(0)
  })
})

describe('UserEndpoint.preferences and editPreferences', () => {
  it('reads GET /me/preferences (cached: 0 requests the second time)', async () => {
    const { fake, user } = await seeded(new MemoryCache())
    const preferences = await user.preferences()
    expect(fake.last()).toEqual({ method: 'GET', path: '/me/preferences', query: {}, body: undefined })
    expect(preferences).toMatchObject({ date_format: 'MM/DD/YYYY', duration_format: 'improved', collapseTimeEntries: true })
    await user.preferences()
    expect(fake.sent()).toBe(1)
  })

  it('sends POST /me/preferences with the changes; the next read asks Toggl again and shows them', async () => {
    const { fake, user } = await seeded(new MemoryCache())
    await user.preferences()
    const changes = { date_format: 'DD.MM.YYYY', duration_format: 'decimal' as const, manualMode: true, alpha_features: [] }
    await expect(user.editPreferences(changes)).resolves.toBeUndefined()
    expect(fake.last()).toEqual({ method: 'POST', path: '/me/preferences', query: {}, body: changes })
    expect(await user.preferences()).toMatchObject({ date_format: 'DD.MM.YYYY', duration_format: 'decimal', manualMode: true })
    expect(sentSince(fake)).toEqual(['GET /me/preferences', 'POST /me/preferences', 'GET /me/preferences'])
  })

  it.each([
    [{}, 'changes must name at least one preference'],
    [{ ToSAcceptNeeded: false }, 'ToSAcceptNeeded cannot be set'],
    [{ 'date format': 'DD.MM.YYYY' }, 'changes must use Toggl’s preference keys'],
    [{ duration_format: 'long' }, "duration_format must be 'classic', 'decimal' or 'improved'"],
    [{ beginningOfWeek: 9 }, 'beginningOfWeek must be 0 (Sunday) to 6 (Saturday)'],
    [{ alpha_features: [{ code: 'x' }] }, 'alpha_features[0].enabled must be given'],
    [{ manualMode: () => true }, 'manualMode must be a JSON value'],
  ])('refuses %j with InputError before sending', async (changes, message) => {
    const { fake, user } = await seeded()
    const error = await failureOf(user.editPreferences(changes as never))
    expect(error).toBeInstanceOf(InputError)
    expect(error.message).toContain(`UserEndpoint.editPreferences: ${message}`)
    expect(fake.sent()).toBe(0)
  })

  it('maps Toggl’s 400 for a date format it does not know', async () => {
    const { user } = await seeded()
    await expectStatus(user.editPreferences({ date_format: 'YYYY' }), 400, 'Value in date_format is invalid')
  })
})
