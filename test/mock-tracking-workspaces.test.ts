import { describe, expect, it } from 'vitest'
import { DEMO_ACCOUNT } from '../src/mock/index.ts'
import { OTHER, THIRD } from './support/organizations.ts'
import { expectError, ok, world } from './support/tracking.ts'

const NO_ACCESS = 'User does not have access to this resource.'

describe('GET /me/workspaces and GET /workspaces/{id}', () => {
  it('lists the caller’s workspaces with their organization, plan, role, active_project_count and secrets', async () => {
    const { call, mock, acme, ws, solo, soloWs } = world()
    mock.state.addProject({ workspaceId: ws.id, name: 'Live' })
    mock.state.addProject({ workspaceId: ws.id, name: 'Old', active: false })
    const mine = ok<Record<string, unknown>[]>(await call('GET', '/me/workspaces'))
    expect(mine).toEqual([
      expect.objectContaining({ id: ws.id, organization_id: acme.id, premium: true, business_ws: true, admin: true, role: 'admin', active_project_count: 1 }),
      expect.objectContaining({ id: soloWs.id, organization_id: solo.id, premium: false, business_ws: false, active_project_count: 0 }),
    ])
    for (const workspace of mine) {
      expect(workspace).toMatchObject({ api_token: expect.stringMatching(/^[0-9a-f]{32}$/), ical_url: expect.stringMatching(/^\/ical\/workspace_user\/[0-9a-f]{32}$/) })
    }
    // A plain member sees the same workspace as a user, secrets included.
    expect(ok(await call('GET', `/workspaces/${ws.id}`, undefined, OTHER))).toMatchObject({ id: ws.id, admin: false, role: 'user', api_token: mine[0]!['api_token'] })
  })

  it('answers 403 for a workspace the caller is not in, and for one that does not exist', async () => {
    const { call, initechWs } = world()
    expectError(await call('GET', `/workspaces/${initechWs.id}`), 403, NO_ACCESS)
    expectError(await call('GET', '/workspaces/1'), 403, NO_ACCESS)
  })

  it('with since lists only the workspaces changed since then', async () => {
    const { call, clock, ws } = world()
    clock.now += 60_000
    const since = Math.floor(clock.now / 1000)
    ok(await call('PUT', `/workspaces/${ws.id}`, { name: 'Renamed' }))
    expect(ok<{ id: number }[]>(await call('GET', `/me/workspaces?since=${since}`)).map(({ id }) => id)).toEqual([ws.id])
    expectError(await call('GET', '/me/workspaces?since=yesterday'), 400, 'Invalid since')
  })

  // TOGGL-TRACKING-API: the since listing "also reports membership changes"; as a deleted workspace is the fake's reading.
  it('with since reports a workspace the caller lost access to as deleted, until they regain it', async () => {
    const { call, clock, mock, solo, soloWs } = world()
    clock.now += 60_000
    const since = Math.floor(clock.now / 1000)
    mock.state.removeMember(solo.id, DEMO_ACCOUNT.id)
    const listed = ok<{ id: number; server_deleted_at: string | null }[]>(await call('GET', `/me/workspaces?since=${since}`))
    expect(listed).toEqual([expect.objectContaining({ id: soloWs.id, server_deleted_at: new Date(clock.now).toISOString() })])
    expect(ok<{ id: number }[]>(await call('GET', '/me/workspaces')).map(({ id }) => id)).not.toContain(soloWs.id)
    expect(ok<unknown[]>(await call('GET', `/me/workspaces?since=${since + 120}`))).toEqual([])
  })
})

describe('PUT /workspaces/{id}', () => {
  it('changes the name and settings sent, answers the workspace, and new projects follow its defaults', async () => {
    const { call, ws } = world()
    const reply = ok(await call('PUT', `/workspaces/${ws.id}`, { name: 'HQ', projects_private_by_default: false, rounding: -1, only_admins_may_create_projects: true }))
    expect(reply).toMatchObject({ name: 'HQ', projects_private_by_default: false, rounding: -1, only_admins_may_create_projects: true, reports_collapse: true })
    expect(ok(await call('POST', `/workspaces/${ws.id}/projects`, { name: 'Open' }))).toMatchObject({ is_private: false })
  })

  it('refuses a premium setting on a Free plan with 402 and no quota headers (a plan restriction)', async () => {
    const { call, soloWs } = world({ quotaPerHour: 100 })
    const reply = await call('PUT', `/workspaces/${soloWs.id}`, { default_hourly_rate: 50 })
    expectError(reply, 402, 'Must be a premium user to use default_hourly_rate')
    expect(reply.headers.has('x-toggl-quota-remaining')).toBe(false)
  })

  it('is for its admins: a plain member gets 403; bad names and strangers as admins are 400', async () => {
    const { call, ws } = world()
    expectError(await call('PUT', `/workspaces/${ws.id}`, { name: 'Mine' }, OTHER), 403, NO_ACCESS)
    expectError(await call('PUT', `/workspaces/${ws.id}`, { name: ' ' }), 400, 'workspace name must contain non-space characters')
    expectError(await call('PUT', `/workspaces/${ws.id}`, { admins: [THIRD.id] }), 400, `User with id ${THIRD.id} does not exist.`)
  })

  it('makes the members named in admins its admins, and only them', async () => {
    const { call, ws } = world()
    ok(await call('PUT', `/workspaces/${ws.id}`, { admins: [DEMO_ACCOUNT.id, OTHER.id] }))
    expect(ok(await call('GET', `/workspaces/${ws.id}`, undefined, OTHER))).toMatchObject({ admin: true, role: 'admin' })
  })
})

describe('workspace statistics, users and time entry constraints', () => {
  it('counts admins, groups and members', async () => {
    const { call, ws } = world()
    expect(ok(await call('GET', `/workspaces/${ws.id}/statistics`, undefined, OTHER))).toEqual({
      admins: [{ user_id: DEMO_ACCOUNT.id, name: DEMO_ACCOUNT.fullname }],
      groups_count: 0,
      members_count: 2,
    })
  })

  it('lists its users by account id', async () => {
    const { call, ws } = world()
    expect(ok(await call('GET', `/workspaces/${ws.id}/users`))).toEqual([
      { id: DEMO_ACCOUNT.id, email: DEMO_ACCOUNT.email, fullname: DEMO_ACCOUNT.fullname, inactive: false, is_active: true, is_admin: true, role: 'admin' },
      { id: OTHER.id, email: OTHER.email, fullname: OTHER.fullname, inactive: false, is_active: true, is_admin: false, role: 'user' },
    ])
  })

  it('keeps constraints: GET them, POST (admins only) answers { wid }, 400 otherwise', async () => {
    const { call, ws, initechWs } = world()
    expect(ok(await call('GET', `/workspaces/${ws.id}/time_entry_constraints`))).toEqual({
      time_entry_constraints_enabled: false,
      description_present: false,
      project_present: false,
      tag_present: false,
      task_present: false,
    })
    expect(ok(await call('POST', `/workspaces/${ws.id}/time_entry_constraints`, { time_entry_constraints_enabled: true, project_present: true }))).toEqual({ wid: ws.id })
    expect(ok(await call('GET', `/workspaces/${ws.id}/time_entry_constraints`, undefined, OTHER))).toMatchObject({ time_entry_constraints_enabled: true, project_present: true, tag_present: false })
    expectError(await call('POST', `/workspaces/${ws.id}/time_entry_constraints`, { tag_present: true }, OTHER), 400, 'Admin permissions required')
    expectError(await call('GET', `/workspaces/${initechWs.id}/time_entry_constraints`), 400, 'Workspace not found')
  })
})

describe('quota of workspace calls', () => {
  it('draws /workspaces/{id}/… on its organization’s window and /me/… on the user’s', async () => {
    const { call, acme, ws, solo, soloWs } = world({ quotaPerHour: 5 })
    const remaining = async (path: string) => Number((await call('GET', path)).headers.get('x-toggl-quota-remaining'))
    expect(await remaining(`/workspaces/${ws.id}/projects`)).toBe(4)
    expect(await remaining(`/workspaces/${ws.id}/tags`)).toBe(3)
    // The organization's own calls share that window; another organization's workspace has its own.
    expect(await remaining(`/organizations/${acme.id}`)).toBe(2)
    expect(await remaining(`/workspaces/${soloWs.id}`)).toBe(4)
    expect(await remaining('/me/time_entries')).toBe(4)
    expect(await remaining('/me')).toBe(3)
    const windows = ok<{ organization_id: number | null; remaining: number }[]>(await call('GET', '/me/quota'))
    expect(windows.map(({ organization_id, remaining }) => [organization_id, remaining])).toEqual([
      [null, 2],
      [acme.id, 2],
      [solo.id, 4],
    ])
  })

  it('draws a workspace the fake does not know on the user’s window, and answers it 403', async () => {
    const { call } = world({ quotaPerHour: 5 })
    const reply = await call('GET', '/workspaces/123/projects')
    expectError(reply, 403, NO_ACCESS)
    expect(reply.headers.get('x-toggl-quota-remaining')).toBe('4')
    expect((await call('GET', '/me')).headers.get('x-toggl-quota-remaining')).toBe('3')
  })
})
