import { describe, expect, it } from 'vitest'
import {
  InputError,
  MemoryCache,
  NamingError,
  PlanRestrictionError,
  QuotaError,
} from '../src/index.ts'
import { OrganizationUserEndpoint } from '../src/endpoints/organizations/organization-users.ts'
import { OrganizationWorkspaceEndpoint } from '../src/endpoints/organizations/organization-workspaces.ts'
import type { MockAccount } from '../src/mock/index.ts'
import type { WorkspaceUser } from '../src/schemas/organizations/organization-workspaces.ts'
import { expectDrift, expectStatus, failureOf, type Fake } from './support/fake.ts'
import { OTHER, startAcmeInitechSolo } from './support/organizations.ts'

/** {@link startAcmeInitechSolo}'s organizations, with the endpoint under test signed in as Demo. */
async function seeded() {
  const seed = await startAcmeInitechSolo()
  return { ...seed, workspaces: seed.fake.endpoint(OrganizationWorkspaceEndpoint) }
}

/** The endpoint signed in as another account. */
function as(fake: Fake, account: MockAccount, cache?: MemoryCache) {
  return fake.endpointAs(account, OrganizationWorkspaceEndpoint, cache)
}

/** A request the client's own checks would never send, to see the fake's answer. */
async function raw(fake: Fake, method: string, path: string, body: unknown) {
  const response = await fetch(`${fake.server.baseURL}${path}`, {
    method,
    headers: { authorization: fake.auth.header(), 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  return { status: response.status, message: (await response.json()) as unknown }
}

describe('OrganizationWorkspaceEndpoint.add', () => {
  it('sends POST /organizations/{id}/workspaces with the workspace and parses the new one', async () => {
    const { fake, acme, workspaces } = await seeded()
    const input = { name: 'Research Lab', admins: [2], default_hourly_rate: 80, rounding: -1 as const, projects_private_by_default: false }
    const created = await workspaces.add(acme.id, input)
    expect(fake.last()).toEqual({ method: 'POST', path: `/organizations/${acme.id}/workspaces`, query: {}, body: input })
    const stored = acme.workspaces.at(-1)!
    expect(created).toMatchObject({
      id: stored.id,
      name: 'Research Lab',
      organization_id: acme.id,
      admin: true,
      default_hourly_rate: 80,
      rounding: -1,
      projects_private_by_default: false,
      default_currency: 'USD',
    })
    expect(stored.users.map(({ accountId }) => accountId)).toEqual([1, 2])
  })

  it('takes the organization as a model and returns what the reply says', async () => {
    const { fake, acme, workspaces } = await seeded()
    const created = await workspaces.add({ id: acme.id }, { name: '  Spaced  name ' })
    expect(created.name).toBe('  Spaced  name ')
    expect(fake.sent()).toBe(1)
  })

  it.each([
    [{ name: '   ' }, /workspace name must contain a non-space character/],
    [{ name: 'x'.repeat(141) }, /workspace name must be at most 140 characters/],
    [{}, /: name must be given$/],
    [{ name: 5 }, /workspace name must be provided as a string/],
  ])('rejects the name of %j with NamingError and sends nothing', async (input, message) => {
    const { fake, acme, workspaces } = await seeded()
    const error = await failureOf(workspaces.add(acme.id, input as never))
    expect(error).toBeInstanceOf(NamingError)
    expect(error.message).toMatch(/^OrganizationWorkspaceEndpoint\.add: /)
    expect(error.message).toMatch(message)
    expect(fake.sent()).toBe(0)
  })

  it('counts a 140-character emoji name as 140 characters', async () => {
    const { acme, workspaces } = await seeded()
    await expect(workspaces.add(acme.id, { name: '🚀'.repeat(140) })).resolves.toMatchObject({ name: '🚀'.repeat(140) })
  })

  it.each([
    [{ name: 'W', rounding_minute: 5 }, 'rounding_minute is not a field Toggl takes here'],
    [{ name: 'W', rounding: 2 }, 'rounding must be -1 (down), 0 (nearest) or 1 (up), got 2'],
    [{ name: 'W', default_hourly_rate: -1 }, 'default_hourly_rate must not be negative, got -1'],
    [{ name: 'W', rounding_minutes: 1.5 }, 'rounding_minutes must be a whole number, got 1.5'],
    [{ name: 'W', admins: [0] }, 'admins[0] must be a positive whole number, got 0'],
    [{ name: 'W', admins: [2, 2] }, 'admins must not repeat an id'],
    [{ name: 'W', rate_change_mode: 'now' }, "rate_change_mode must be 'start-today', 'override-current' or 'override-all'"],
    [{ name: 'W', reports_collapse: 'yes' }, 'reports_collapse must be a boolean'],
    ['W', 'workspace must be an object'],
  ])('rejects %j with InputError and sends nothing', async (input, message) => {
    const { fake, acme, workspaces } = await seeded()
    const error = await failureOf(workspaces.add(acme.id, input as never))
    expect(error).toBeInstanceOf(InputError)
    expect(error).not.toBeInstanceOf(NamingError)
    expect(error.message).toContain(`OrganizationWorkspaceEndpoint.add: ${message}`)
    expect(fake.sent()).toBe(0)
  })

  it('rejects a bad organization or options with InputError and sends nothing', async () => {
    const { fake, acme, workspaces } = await seeded()
    await expect(workspaces.add(0, { name: 'W' })).rejects.toThrow(/organization must be a positive whole-number id/)
    await expect(workspaces.add(acme.id, { name: 'W' }, { signal: 'stop' } as never)).rejects.toBeInstanceOf(InputError)
    expect(fake.sent()).toBe(0)
  })

  it.each([
    [{ name: 'W', default_hourly_rate: 10 }, 'Must be a premium user to use default_hourly_rate'],
    [{ name: 'W', default_currency: 'EUR' }, 'Must be a premium user to use default_currency'],
    [{ name: 'W', rounding: 0 as const }, 'Must be a premium user to use rounding'],
    [{ name: 'W', rounding_minutes: 15 }, 'Must be a premium user to use rounding_minutes'],
    [{ name: 'W', projects_billable_by_default: false }, 'Must be a premium user to use projects_billable_by_default'],
    [{ name: 'W', only_admins_may_create_tags: true }, 'restricting tag management to administrators requires a premium subscription'],
  ])('maps a premium field on a Free organization (402, no quota headers) to PlanRestrictionError: %j', async (input, message) => {
    const { fake, solo, workspaces } = await seeded()
    const error = await expectStatus(workspaces.add(solo.id, input), 402, message, PlanRestrictionError)
    expect(error).not.toBeInstanceOf(QuotaError)
    expect(fake.sent()).toBe(1)
  })

  it('maps the fake refusals to HTTPStatusError with the server message', async () => {
    const { fake, acme, initech, solo, workspaces } = await seeded()
    // Each call starts inside the loop, so no refusal waits unhandled while an earlier one is checked.
    const refusals: [() => Promise<unknown>, number, string][] = [
      [() => workspaces.add(solo.id, { name: 'Second' }), 400, 'Multiple workspaces are not enabled in this organization.'],
      [() => workspaces.add(acme.id, { name: 'Default-Workspace' }), 400, 'another workspace with same name exists in organization'],
      [() => workspaces.add(acme.id, { name: 'W', admins: [3] }), 400, 'User with id 3 does not exist.'],
      [() => workspaces.add(initech.id, { name: 'W' }), 404, 'Organization not found/accessible'],
      [() => workspaces.add(999_999, { name: 'W' }), 404, 'Organization not found/accessible'],
      [() => as(fake, OTHER).add(acme.id, { name: 'W' }), 403, 'Forbidden'],
    ]
    for (const [call, status, serverMessage] of refusals) await expectStatus(call(), status, serverMessage)
    expect(acme.workspaces).toHaveLength(1)
  })

  it('refuses more than 20 workspaces in one organization', async () => {
    const { acme, workspaces } = await seeded()
    for (let n = 2; n <= 20; n++) await workspaces.add(acme.id, { name: `W${n}` })
    await expectStatus(workspaces.add(acme.id, { name: 'W21' }), 400, 'Organization Acme can have a maximum of 20 workspaces')
  })

  it('answers the name rules the client checks first, for callers that skip it', async () => {
    const { fake, acme } = await seeded()
    const path = `/organizations/${acme.id}/workspaces`
    expect(await raw(fake, 'POST', path, { name: ' ' })).toEqual({ status: 400, message: 'workspace name must contain non-space characters' })
    expect(await raw(fake, 'POST', path, {})).toEqual({ status: 400, message: 'workspace name must not be nil' })
    expect(await raw(fake, 'POST', path, { name: 'x'.repeat(141) })).toEqual({ status: 400, message: 'workspace name must not be longer than 140' })
    expect(await raw(fake, 'POST', path, [])).toEqual({ status: 400, message: 'JSON is not valid' })
  })

  it('is never retried: a 503 costs one request', async () => {
    const { fake, acme, workspaces } = await seeded()
    fake.mock.inject({ type: 'status', status: 503 })
    await expect(workspaces.add(acme.id, { name: 'W' })).rejects.toMatchObject({ status: 503 })
    expect(fake.sent()).toBe(1)
  })

  it('makes cached statistics of the organization stale', async () => {
    const { fake, acme } = await seeded()
    const workspaces = fake.endpoint(OrganizationWorkspaceEndpoint, new MemoryCache())
    expect(Object.keys(await workspaces.statistics(acme.id))).toHaveLength(1)
    await workspaces.add(acme.id, { name: 'W' })
    expect(Object.keys(await workspaces.statistics(acme.id))).toHaveLength(2)
    expect(fake.sent()).toBe(3)
  })
})

describe('OrganizationWorkspaceEndpoint.statistics', () => {
  it('sends GET …/workspaces/statistics and parses the counts by workspace id', async () => {
    const { fake, acme, workspaces } = await seeded()
    const [first] = acme.workspaces
    acme.groups.push({ id: 77, name: 'Team', userIds: [2], workspaceIds: [first!.id], at: 0 })
    const created = await workspaces.add(acme.id, { name: 'Lab', admins: [2] })
    const statistics = await workspaces.statistics(acme.id)
    expect(fake.last()).toEqual({ method: 'GET', path: `/organizations/${acme.id}/workspaces/statistics`, query: {}, body: undefined })
    expect(statistics).toEqual({
      [String(first!.id)]: { admins: [{ user_id: 1, name: 'Demo User' }], groups_count: 1, members_count: 2 },
      [String(created.id)]: {
        admins: [
          { user_id: 1, name: 'Demo User' },
          { user_id: 2, name: 'Other Person' },
        ],
        groups_count: 0,
        members_count: 2,
      },
    })
  })

  it('is served from the cache while fresh; refresh and writes under the organization send again', async () => {
    const { fake, acme } = await seeded()
    const workspaces = fake.endpoint(OrganizationWorkspaceEndpoint, new MemoryCache())
    const first = await workspaces.statistics(acme.id)
    expect(await workspaces.statistics({ id: acme.id })).toEqual(first)
    expect(fake.sent()).toBe(1)
    await workspaces.statistics(acme.id, { refresh: true })
    expect(fake.sent()).toBe(2)
    const [workspace] = acme.workspaces
    await workspaces.deleteUsers(acme.id, workspace!.id, [workspace!.users[1]!.id])
    const after = await workspaces.statistics(acme.id)
    expect(fake.sent()).toBe(4)
    expect(after[String(workspace!.id)]?.members_count).toBe(1)
  })

  it('sends every time without a cache', async () => {
    const { fake, acme, workspaces } = await seeded()
    await workspaces.statistics(acme.id)
    await workspaces.statistics(acme.id)
    expect(fake.sent()).toBe(2)
  })

  it('maps 403 (not an admin) and 404 (no such organization) to HTTPStatusError', async () => {
    const { fake, acme, workspaces } = await seeded()
    await expectStatus(as(fake, OTHER).statistics(acme.id), 403, 'Forbidden')
    await expectStatus(workspaces.statistics(999_999), 404, 'Resource can not be found')
  })

  it('names the field of a reply that drifted', async () => {
    const { fake, acme, workspaces } = await seeded()
    fake.replyOnce('{"5":{"members_count":"3"}}')
    await expectDrift(workspaces.statistics(acme.id), '$.5.members_count')
  })

  it('rejects a bad organization or refresh option with InputError and sends nothing', async () => {
    const { fake, acme, workspaces } = await seeded()
    await expect(workspaces.statistics('1' as never)).rejects.toBeInstanceOf(InputError)
    await expect(workspaces.statistics(acme.id, { refresh: 1 } as never)).rejects.toBeInstanceOf(InputError)
    expect(fake.sent()).toBe(0)
  })
})

describe('OrganizationWorkspaceEndpoint.users', () => {
  it('sends GET …/workspace_users with no query and parses each workspace user', async () => {
    const { fake, acme, workspaces } = await seeded()
    const [workspace] = acme.workspaces
    const users = await workspaces.users(acme.id, workspace!.id)
    expect(fake.last()).toEqual({
      method: 'GET',
      path: `/organizations/${acme.id}/workspaces/${workspace!.id}/workspace_users`,
      query: {},
      body: undefined,
    })
    expect(users).toHaveLength(2)
    expect(users[1]).toMatchObject({
      id: workspace!.users[1]!.id,
      user_id: 2,
      workspace_id: workspace!.id,
      name: 'Other Person',
      email: 'other@example.com',
      admin: false,
      organization_admin: false,
      inactive: false,
      '2fa_enabled': false,
    })
  })

  it('sends every filter as a query parameter', async () => {
    const { fake, acme, workspaces } = await seeded()
    const [workspace] = acme.workspaces
    const filters = { name: 'Other', search: 'example', page: 1, per_page: 10, custom_rates: false, active: true }
    const users = await workspaces.users(acme.id, { id: workspace!.id }, filters)
    expect(fake.last().query).toEqual({ name: 'Other', search: 'example', page: '1', per_page: '10', custom_rates: 'false', active: 'true' })
    expect(users.map(({ user_id }) => user_id)).toEqual([2])
  })

  it('pages by page and per_page, and the fake applies search, active and custom_rates', async () => {
    const { fake, acme, workspaces } = await seeded()
    const workspace = acme.workspaces[0]!.id
    expect((await workspaces.users(acme.id, workspace, { page: 2, per_page: 1 })).map(({ user_id }) => user_id)).toEqual([2])
    expect(await workspaces.users(acme.id, workspace, { page: 3, per_page: 1 })).toEqual([])
    expect((await workspaces.users(acme.id, workspace, { search: 'DEMO@' })).map(({ user_id }) => user_id)).toEqual([1])
    expect(await workspaces.users(acme.id, workspace, { custom_rates: true })).toEqual([])
    fake.mock.state.membershipOf(acme, 2)!.inactive = true
    expect((await workspaces.users(acme.id, workspace, { active: true })).map(({ user_id }) => user_id)).toEqual([1])
  })

  it('is not cached', async () => {
    const { fake, acme } = await seeded()
    const workspaces = fake.endpoint(OrganizationWorkspaceEndpoint, new MemoryCache())
    await workspaces.users(acme.id, acme.workspaces[0]!.id)
    await workspaces.users(acme.id, acme.workspaces[0]!.id)
    expect(fake.sent()).toBe(2)
  })

  it('maps 404 (a workspace outside the organization) and 403 (not an admin) to HTTPStatusError', async () => {
    const { fake, acme, initech, workspaces } = await seeded()
    await expectStatus(workspaces.users(acme.id, initech.workspaces[0]!.id), 404, 'Resource can not be found')
    await expectStatus(as(fake, OTHER).users(acme.id, acme.workspaces[0]!.id), 403, 'Forbidden')
  })

  it.each([
    [{ serch: 'x' }, 'serch is not a field Toggl takes here'],
    [{ page: 0 }, 'page must be at least 1, got 0'],
    [{ per_page: 2.5 }, 'per_page must be a whole number, got 2.5'],
    [{ active: 'yes' }, 'active must be a boolean'],
    [{ name: 5 }, 'name must be a string'],
    ['x', 'filters must be an object'],
  ])('rejects filters %j with InputError and sends nothing', async (filters, message) => {
    const { fake, acme, workspaces } = await seeded()
    const error = await failureOf(workspaces.users(acme.id, acme.workspaces[0]!.id, filters as never))
    expect(error).toBeInstanceOf(InputError)
    expect(error.message).toContain(`OrganizationWorkspaceEndpoint.users: ${message}`)
    expect(fake.sent()).toBe(0)
  })

  it('rejects a bad workspace with InputError and sends nothing', async () => {
    const { fake, acme, workspaces } = await seeded()
    await expect(workspaces.users(acme.id, 0)).rejects.toThrow(/workspace must be a positive whole-number id/)
    await expect(workspaces.users(acme.id, {} as never)).rejects.toBeInstanceOf(InputError)
    expect(fake.sent()).toBe(0)
  })
})

describe('OrganizationWorkspaceEndpoint.deleteUsers', () => {
  it('sends PATCH …/workspace_users with { delete: [ids] }, from ids or workspace users', async () => {
    const { fake, acme, workspaces } = await seeded()
    const workspace = acme.workspaces[0]!
    await workspaces.add(acme.id, { name: 'Lab', admins: [2] })
    const [demo, other] = await workspaces.users(acme.id, workspace.id)
    await expect(workspaces.deleteUsers(acme.id, workspace, [demo!.id, other!])).resolves.toBeUndefined()
    expect(fake.last()).toEqual({
      method: 'PATCH',
      path: `/organizations/${acme.id}/workspaces/${workspace.id}/workspace_users`,
      query: {},
      body: { delete: [demo!.id, other!.id] },
    })
    expect(await workspaces.users(acme.id, workspace.id)).toEqual([])
  })

  it.each([
    [[], 'workspace users must name at least one, got an array'],
    [[5, 5], 'workspace users must not repeat an id'],
    [[0], '[0] must be a positive whole number, got 0'],
    [[{ id: -1 }], '[0] must be a workspace-user id or a workspace user, got an object'],
    [['5'], '[0] must be a workspace-user id or a workspace user, got "5"'],
    [5, 'workspace users must be an array of ids, got 5'],
  ])('rejects %j with InputError and sends nothing', async (ids, message) => {
    const { fake, acme, workspaces } = await seeded()
    const error = await failureOf(workspaces.deleteUsers(acme.id, acme.workspaces[0]!.id, ids as never))
    expect(error).toBeInstanceOf(InputError)
    expect(error.message).toContain(`OrganizationWorkspaceEndpoint.deleteUsers: ${message}`)
    expect(fake.sent()).toBe(0)
  })

  it('maps the fake refusals to HTTPStatusError with the server message', async () => {
    const { fake, acme, initech, workspaces } = await seeded()
    const workspace = acme.workspaces[0]!.id
    await expectStatus(workspaces.deleteUsers(acme.id, workspace, [123]), 400, 'Wrong workspace user IDs')
    await expectStatus(workspaces.deleteUsers(acme.id, initech.workspaces[0]!.id, [123]), 404, 'Resource can not be found')
    await expectStatus(as(fake, OTHER).deleteUsers(acme.id, workspace, [123]), 403, 'Forbidden')
    expect(acme.workspaces[0]!.users).toHaveLength(2)
  })

  it('answers the list rules the client checks first, for callers that skip it', async () => {
    const { fake, acme } = await seeded()
    const path = `/organizations/${acme.id}/workspaces/${acme.workspaces[0]!.id}/workspace_users`
    const id = acme.workspaces[0]!.users[0]!.id
    expect(await raw(fake, 'PATCH', path, { delete: [] })).toEqual({ status: 400, message: 'At least one workspace user ID must be supplied.' })
    expect(await raw(fake, 'PATCH', path, {})).toEqual({ status: 400, message: 'At least one workspace user ID must be supplied.' })
    expect(await raw(fake, 'PATCH', path, { delete: [id, id] })).toEqual({ status: 400, message: 'Workspace user IDs must be unique' })
    expect(await raw(fake, 'PATCH', path, { delete: 'all' })).toEqual({ status: 400, message: 'JSON is not valid' })
  })
})

describe('workspace admins and members through groups', () => {
  it('an admin named at creation is one in that workspace only; leaving it ends that', async () => {
    const { fake, acme, workspaces } = await seeded()
    const lab = await workspaces.add(acme.id, { name: 'Lab', admins: [2] })
    const [first] = acme.workspaces
    const other = (users: WorkspaceUser[]) => users.find(({ user_id }) => user_id === 2)
    expect(other(await workspaces.users(acme.id, lab.id))).toMatchObject({ admin: true, workspace_admin: true, organization_admin: false, role: 'admin' })
    expect(other(await workspaces.users(acme.id, first!.id))).toMatchObject({ admin: false, workspace_admin: false, role: 'user' })
    const detailed = fake.endpoint(OrganizationUserEndpoint)
    const workspacesOfOther = async () => (await detailed.detailedPage(acme.id, { filter: 'Other' })).items[0]!.workspaces
    expect(await workspacesOfOther()).toEqual([
      expect.objectContaining({ workspace_id: first!.id, admin: false, role_id: 4 }),
      expect.objectContaining({ workspace_id: lab.id, admin: true, role_id: 3 }),
    ])

    const entry = acme.workspaces[1]!.users.find(({ accountId }) => accountId === 2)!
    await workspaces.deleteUsers(acme.id, lab.id, [entry.id])
    expect((await workspaces.statistics(acme.id))[String(lab.id)]?.admins).toEqual([{ user_id: 1, name: 'Demo User' }])
    // Back in the workspace, but no longer its admin.
    const otherUser = (await detailed.page(acme.id, { filter: 'Other' })).items[0]!
    await detailed.edit(acme.id, otherUser, { workspaces: [{ workspace_id: first!.id }, { workspace_id: lab.id }] })
    expect(other(await workspaces.users(acme.id, lab.id))).toMatchObject({ admin: false })
    expect((await workspaces.statistics(acme.id))[String(lab.id)]?.admins).toEqual([{ user_id: 1, name: 'Demo User' }])
  })

  it('organization admins administer the workspaces they are in; statistics list only those', async () => {
    const { acme, workspaces } = await seeded()
    const lab = await workspaces.add(acme.id, { name: 'Lab' })
    acme.adminIds.push(2)
    const statistics = await workspaces.statistics(acme.id)
    expect(statistics[String(acme.workspaces[0]!.id)]?.admins).toEqual([
      { user_id: 1, name: 'Demo User' },
      { user_id: 2, name: 'Other Person' },
    ])
    // Other is no user of Lab, so not one of its admins.
    expect(statistics[String(lab.id)]).toEqual({ admins: [{ user_id: 1, name: 'Demo User' }], groups_count: 0, members_count: 1 })
    expect((await workspaces.users(acme.id, acme.workspaces[0]!.id))[1]).toMatchObject({ user_id: 2, admin: true, organization_admin: true })
  })

  it('lists members of a group assigned to the workspace with is_direct false, each person once', async () => {
    const { fake, acme, workspaces } = await seeded()
    const lab = await workspaces.add(acme.id, { name: 'Lab' })
    const team = fake.mock.state.nextId()
    acme.groups.push({ id: team, name: 'Team', userIds: [1, 2], workspaceIds: [lab.id], at: 0 })
    const users = await workspaces.users(acme.id, lab.id)
    expect(users.map(({ user_id, is_direct, group_ids, admin }) => ({ user_id, is_direct, group_ids, admin }))).toEqual([
      { user_id: 1, is_direct: true, group_ids: [team], admin: true },
      { user_id: 2, is_direct: false, group_ids: [team], admin: false },
    ])
    // The same id every time; only a direct member can be taken out of the workspace.
    expect((await workspaces.users(acme.id, lab.id))[1]!.id).toBe(users[1]!.id)
    await expectStatus(workspaces.deleteUsers(acme.id, lab.id, [users[1]!.id]), 400, 'Wrong workspace user IDs')
    expect(await workspaces.users(acme.id, lab.id, { search: 'other' })).toEqual([users[1]])
    expect((await workspaces.statistics(acme.id))[String(lab.id)]).toMatchObject({ groups_count: 1, members_count: 2 })
    acme.groups[0]!.workspaceIds = []
    expect((await workspaces.users(acme.id, lab.id)).map(({ user_id }) => user_id)).toEqual([1])
  })
})
