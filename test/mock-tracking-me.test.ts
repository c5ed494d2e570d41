import { describe, expect, it } from 'vitest'
import { DEMO_ACCOUNT } from '../src/mock/index.ts'
import { OTHER } from './support/organizations.ts'
import { expectError, NOW, ok, world } from './support/tracking.ts'

describe('GET /me', () => {
  it('answers the user with the secrets real Toggl sends (api_token, intercom_hash), and no related data', async () => {
    const { call, ws } = world()
    const me = ok((await call('GET', '/me')))
    expect(me).toMatchObject({
      id: DEMO_ACCOUNT.id,
      email: DEMO_ACCOUNT.email,
      fullname: DEMO_ACCOUNT.fullname,
      api_token: DEMO_ACCOUNT.apiToken,
      intercom_hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      timezone: 'UTC',
      beginning_of_week: 1,
      default_workspace_id: ws.id,
      country_id: null,
      openid_email: null,
      has_password: true,
      at: '2024-12-16T12:00:00.000000Z',
    })
    for (const related of ['clients', 'projects', 'tags', 'tasks', 'time_entries', 'workspaces']) expect(me).not.toHaveProperty(related)
  })

  it('with with_related_data=true adds what the caller can see, leaving out kinds they have none of (as a real reply lacked tasks)', async () => {
    const { call, mock, ws, initechWs } = world()
    const client = mock.state.addClient({ workspaceId: ws.id, name: 'Globex' })
    const project = mock.state.addProject({ workspaceId: ws.id, name: 'Site', clientId: client.id })
    mock.state.addTag({ workspaceId: ws.id, name: 'billed' })
    mock.state.addTimeEntry({ workspaceId: ws.id, start: NOW - 3_600_000, duration: 600, projectId: project.id })
    mock.state.addProject({ workspaceId: initechWs.id, name: 'Not theirs' })
    const me = ok((await call('GET', '/me?with_related_data=true')))
    expect(me).toMatchObject({
      api_token: DEMO_ACCOUNT.apiToken,
      clients: [{ id: client.id, name: 'Globex' }],
      projects: [{ id: project.id, client_id: client.id }],
      tags: [{ name: 'billed' }],
      time_entries: [{ project_id: project.id, duration: 600 }],
    })
    expect(me).not.toHaveProperty('tasks')
    const workspaces = me['workspaces'] as Record<string, unknown>[]
    expect(workspaces.map(({ id }) => id)).toEqual([ws.id, expect.any(Number)])
    expect(workspaces[0]).toMatchObject({ api_token: expect.stringMatching(/^[0-9a-f]{32}$/), ical_url: expect.stringContaining('/ical/') })
  })
})

describe('PUT /me', () => {
  it('changes the profile and answers it; the new e-mail and password sign in', async () => {
    const { call, mock } = world()
    const reply = ok(await call('PUT', '/me', { fullname: 'Dee Mo', timezone: 'Europe/Berlin', beginning_of_week: 0, email: 'dee@example.com', current_password: DEMO_ACCOUNT.password, password: 'new-secret' }))
    expect(reply).toMatchObject({ fullname: 'Dee Mo', timezone: 'Europe/Berlin', beginning_of_week: 0, email: 'dee@example.com', api_token: DEMO_ACCOUNT.apiToken })
    expect(mock.state.findAccount('dee@example.com', 'new-secret')?.id).toBe(DEMO_ACCOUNT.id)
    expect(mock.state.findAccount(DEMO_ACCOUNT.email, DEMO_ACCOUNT.password)).toBeUndefined()
    expect(ok(await call('GET', '/me'))).toMatchObject({ fullname: 'Dee Mo', timezone: 'Europe/Berlin' })
  })

  it.each([
    [{ fullname: '  ' }, 'Invalid fullname'],
    [{ email: 'not-an-address' }, 'Invalid email'],
    [{ email: 'OTHER@example.com' }, 'user with this email already exists'],
    [{ timezone: 'Mars/Olympus' }, 'Invalid timezone'],
    [{ beginning_of_week: 7 }, 'Invalid beginning_of_week'],
    [{ country_id: -3 }, 'Invalid country_id'],
    [{ default_workspace_id: 1 }, 'Invalid default_workspace_id'],
    [{ password: 'new-secret' }, 'Current password must be present to change password'],
    [{ password: 'new-secret', current_password: 'wrong' }, 'Current password is not valid'],
    [{ password: 'short', current_password: DEMO_ACCOUNT.password }, 'Password should be at least 6 characters'],
  ])('answers 400 for %j with Toggl’s message, changing nothing', async (body, message) => {
    const { call } = world()
    expectError(await call('PUT', '/me', body), 400, message)
    expect(ok(await call('GET', '/me'))).toMatchObject({ fullname: DEMO_ACCOUNT.fullname, email: DEMO_ACCOUNT.email, timezone: 'UTC' })
  })

  it('takes a default workspace the user is in, and /me names it', async () => {
    const { call, soloWs } = world()
    expect(ok(await call('PUT', '/me', { default_workspace_id: soloWs.id }))).toMatchObject({ default_workspace_id: soloWs.id })
  })
})

describe('GET /me/logged', () => {
  it('answers 200 with no body for good credentials', async () => {
    const { call } = world()
    const reply = await call('GET', '/me/logged')
    expect({ status: reply.status, body: reply.body }).toEqual({ status: 200, body: undefined })
  })
})

describe('/me/preferences', () => {
  it('answers a flat object; POST merges what is sent and answers a string', async () => {
    const { call } = world()
    expect(ok(await call('GET', '/me/preferences'))).toMatchObject({ date_format: 'MM/DD/YYYY', timeofday_format: 'H:mm', collapseTimeEntries: true })
    expect(ok(await call('POST', '/me/preferences', { date_format: 'YYYY-MM-DD', manualMode: true }))).toBe('OK')
    expect(ok(await call('GET', '/me/preferences'))).toMatchObject({ date_format: 'YYYY-MM-DD', manualMode: true, timeofday_format: 'H:mm' })
    // Another user's preferences are their own.
    expect(ok(await call('GET', '/me/preferences', undefined, OTHER))).toMatchObject({ date_format: 'MM/DD/YYYY' })
  })

  it.each([
    [{}, 'Missing data'],
    [{ date_format: 'YY/M/D' }, 'Value in date_format is invalid'],
    [{ timeofday_format: 'HH' }, 'Value in timeofday_format is invalid'],
    [{ toSAcceptNeeded: false }, 'Cannot set value for ToSAcceptNeeded'],
    [{ alpha_features: [{ code: 'nope', enabled: true }] }, 'Invalid feature code(s)'],
  ])('refuses %j with 400 and Toggl’s message', async (body, message) => {
    const { call } = world()
    expectError(await call('POST', '/me/preferences', body), 400, message)
  })
})
