import { describe, expect, it } from 'vitest'
import { BasicAuth, InputError, MemoryCache, NamingError } from '../src/index.ts'
import { GroupEndpoint } from '../src/endpoints/organizations/groups.ts'
import { OrganizationUserEndpoint } from '../src/endpoints/organizations/organization-users.ts'
import { OrganizationWorkspaceEndpoint } from '../src/endpoints/organizations/organization-workspaces.ts'
import { RoleEndpoint } from '../src/endpoints/organizations/roles.ts'
import type { MockAccount, MockOrganization } from '../src/mock/index.ts'
import type { OrganizationUser, UserPageQuery } from '../src/schemas/organizations/organization-users.ts'
import { expectDrift, expectStatus, failureOf, startFake, type Fake } from './support/fake.ts'

let fakes = 0

/** Accounts with tokens of their own per fake, so no client state carries over between tests. */
function accounts(): MockAccount[] {
  const run = ++fakes
  const person = (id: number, fullname: string): MockAccount => {
    const first = fullname.split(' ')[0]!.toLowerCase()
    return { id, email: `${first}@example.com`, password: `pw-${id}`, apiToken: `users-${run}-${id}`, fullname }
  }
  return [person(1, 'Demo User'), person(2, 'Ann Able'), person(3, 'Bob Baker'), person(4, 'Cid Cole'), person(5, 'Dee Dunn'), person(6, 'Olga Other')]
}

/**
 * Acme: Demo (owner), Ann, Bob (admin), Cid (deactivated), Dee, and eve@ invited; a second
 * workspace with Ann and Dee; a group with Ann and Bob. Initech: Olga (owner) and Ann.
 */
async function seeded() {
  const fake = await startFake({
    accounts: accounts(),
    organizations: [
      { name: 'Acme', memberIds: [1, 2, 3, 4, 5] },
      { name: 'Initech', memberIds: [6, 2] },
    ],
  })
  const { state } = fake.mock
  const [acme, initech] = [...state.organizations.values()] as [MockOrganization, MockOrganization]
  acme.adminIds.push(3)
  state.membershipOf(acme, 4)!.inactive = true
  const second = state.createWorkspace('Second', [2, 5])
  acme.workspaces.push(second)
  const group = { id: state.nextId(), name: 'Ops', userIds: [2, 3], workspaceIds: [], at: 0 }
  acme.groups.push(group)
  const invitation = { id: state.nextId(), code: 'code', email: 'eve@example.com', senderId: 1, workspaceIds: [second.id], groupIds: [], createdAt: 0 }
  acme.invitations.push(invitation)
  /** The organization-user id of an account (in Acme unless told). */
  const userId = (accountId: number, organizationId = acme.id) => state.membershipOf(state.organizations.get(organizationId)!, accountId)!.id
  /** A client signed in as another account of this fake. */
  const as = (accountId: number) =>
    new OrganizationUserEndpoint(BasicAuth.fromApiToken(state.accounts.get(accountId)!.apiToken), null, { baseURL: fake.server.baseURL, retryDelay: 1 })
  return { fake, acme: acme.id, initech: initech.id, first: acme.workspaces[0]!.id, second: second.id, group: group.id, invitation: invitation.id, userId, as }
}

const NAMES_ASC = ['', 'Ann Able', 'Bob Baker', 'Cid Cole', 'Dee Dunn', 'Demo User']
const names = (users: OrganizationUser[]) => users.map(({ name }) => name)

/** Plain-JS callers can pass anything. */
const any = (value: unknown) => value as never

describe('OrganizationUserEndpoint.page', () => {
  it('sends GET /organizations/{id}/users and parses members and invitations', async () => {
    const { fake, acme, invitation, userId } = await seeded()
    const page = await fake.endpoint(OrganizationUserEndpoint).page(acme)
    expect(fake.last()).toEqual({ method: 'GET', path: `/organizations/${acme}/users`, query: {}, body: undefined })
    expect(page).toMatchObject({ page: 1, perPage: 50, pages: 1, records: 6 })
    expect(names(page.items)).toEqual(NAMES_ASC)
    expect(page.items[0]).toMatchObject({ id: invitation, user_id: null, email: 'eve@example.com', joined: false, invitation_id: invitation })
    expect(page.items.find(({ user_id }) => user_id === 1)).toMatchObject({
      id: userId(1),
      organization_id: acme,
      name: 'Demo User',
      email: 'demo@example.com',
      admin: true,
      owner: true,
      inactive: false,
      joined: true,
    })
    expect(page.items.find(({ user_id }) => user_id === 4)).toMatchObject({ id: userId(4), inactive: true, admin: false, owner: false })
    expect(page.items[1]!.groups).toBeUndefined()
    expect(page.items[1]!.workspaces).toBeUndefined()
  })

  it('sends every filter under its Toggl name, lists comma-separated', async () => {
    const { fake, acme, group, first, second } = await seeded()
    const query: UserPageQuery = {
      filter: 'a',
      active_status: ['active', 'inactive'],
      only_admins: false,
      groups: [group],
      workspaces: [first, second],
      sort_dir: 'desc',
      page: 1,
      per_page: 2,
    }
    const page = await fake.endpoint(OrganizationUserEndpoint).page({ id: acme }, query)
    expect(fake.last()).toEqual({
      method: 'GET',
      path: `/organizations/${acme}/users`,
      query: {
        filter: 'a',
        active_status: 'active,inactive',
        only_admins: 'false',
        groups: String(group),
        workspaces: `${first},${second}`,
        sort_dir: 'desc',
        page: '1',
        per_page: '2',
      },
      body: undefined,
    })
    // Ann and Bob are in the group, have an "a" and are active.
    expect(page).toMatchObject({ page: 1, perPage: 2, pages: 1, records: 2 })
    expect(names(page.items)).toEqual(['Bob Baker', 'Ann Able'])
  })

  it.each<[string, UserPageQuery, string[]]>([
    ['invited', { active_status: ['invited'] }, ['']],
    ['inactive', { active_status: ['inactive'] }, ['Cid Cole']],
    ['active', { active_status: ['active'] }, ['Ann Able', 'Bob Baker', 'Dee Dunn', 'Demo User']],
    ['admins', { only_admins: true }, ['Bob Baker', 'Demo User']],
    ['a name, case aside', { filter: 'DEE' }, ['Dee Dunn']],
    ['an email', { filter: 'eve@' }, ['']],
    ['descending', { sort_dir: 'desc' }, [...NAMES_ASC].reverse()],
  ])('the fake filters %s as Toggl does', async (_, query, expected) => {
    const { fake, acme } = await seeded()
    expect(names((await fake.endpoint(OrganizationUserEndpoint).page(acme, query)).items)).toEqual(expected)
  })

  it('the fake filters by group and by workspace (invitations by their workspaces)', async () => {
    const { fake, acme, group, second } = await seeded()
    const users = fake.endpoint(OrganizationUserEndpoint)
    expect(names((await users.page(acme, { groups: [group] })).items)).toEqual(['Ann Able', 'Bob Baker'])
    expect(names((await users.page(acme, { workspaces: [second] })).items)).toEqual(['', 'Ann Able', 'Dee Dunn'])
  })

  it('reads the page counts from X-Page, X-Pages and X-Records', async () => {
    const { fake, acme } = await seeded()
    const page = await fake.endpoint(OrganizationUserEndpoint).page(acme, { page: 2, per_page: 4 })
    expect(page).toMatchObject({ page: 2, perPage: 4, pages: 2, records: 6 })
    expect(names(page.items)).toEqual(['Dee Dunn', 'Demo User'])
  })

  it('maps 403 (a member who is not an admin) to HTTPStatusError', async () => {
    const { fake, acme, as } = await seeded()
    await expectStatus(as(2).page(acme), 403, 'User is not authorized to list the organization users')
    await expectStatus(as(6).page(acme), 403, 'User is not authorized to list the organization users')
    expect(fake.sent()).toBe(2)
  })

  it('names the field of a reply that drifted', async () => {
    const { fake, acme } = await seeded()
    fake.replyOnce('[{"id":1,"name":"A","email":7}]')
    await expectDrift(fake.endpoint(OrganizationUserEndpoint).page(acme), '$[0].email')
  })
})

describe('OrganizationUserEndpoint.detailedPage', () => {
  it('sends GET /organizations/{id}/users/detailed and parses workspaces and groups', async () => {
    const { fake, acme, first, second, group, userId } = await seeded()
    const page = await fake.endpoint(OrganizationUserEndpoint).detailedPage(acme, { filter: 'ann', per_page: 10 })
    expect(fake.last()).toEqual({ method: 'GET', path: `/organizations/${acme}/users/detailed`, query: { filter: 'ann', per_page: '10' }, body: undefined })
    expect(page).toMatchObject({ page: 1, perPage: 10, pages: 1, records: 1 })
    const [ann] = page.items
    expect(ann).toMatchObject({ id: userId(2), name: 'Ann Able', groups: [{ group_id: group, name: 'Ops' }], workspace_count: 2 })
    expect(ann!.workspaces?.map(({ workspace_id }) => workspace_id)).toEqual([first, second])
    expect(ann!.workspaces?.[1]).toMatchObject({ workspace_name: 'Second', active: true })
  })

  it('maps 400 (a workspace outside the organization) to HTTPStatusError', async () => {
    const { fake, acme } = await seeded()
    await expectStatus(fake.endpoint(OrganizationUserEndpoint).detailedPage(acme, { workspaces: [999] }), 400, 'user cannot access specified workspace id.')
  })

  it('maps 403 (a member who is not an admin, or a stranger) to HTTPStatusError', async () => {
    const { fake, acme, as } = await seeded()
    await expectStatus(as(2).detailedPage(acme), 403, 'User is not authorized to list the organization users')
    await expectStatus(as(6).detailedPage(acme, { per_page: 5 }), 403, 'User is not authorized to list the organization users')
    expect(fake.mock.requests.map(({ path, status }) => ({ path, status }))).toEqual([
      { path: `/organizations/${acme}/users/detailed`, status: 403 },
      { path: `/organizations/${acme}/users/detailed`, status: 403 },
    ])
  })
})

describe('OrganizationUserEndpoint.iterate', () => {
  it('yields every user of a 3-page listing once, in exactly 3 requests', async () => {
    const { fake, acme } = await seeded()
    const seen: string[] = []
    for await (const user of fake.endpoint(OrganizationUserEndpoint).iterate(acme, { per_page: 2 })) seen.push(user.email)
    expect(seen).toHaveLength(6)
    expect(new Set(seen).size).toBe(6)
    expect(fake.sent()).toBe(3)
    expect(fake.mock.requests.map(({ path, query }) => ({ path, query }))).toEqual(
      [1, 2, 3].map((page) => ({ path: `/organizations/${acme}/users`, query: { page: String(page), per_page: '2' } })),
    )
  })

  it('stops cleanly when the loop breaks early: no further request', async () => {
    const { fake, acme } = await seeded()
    // In-process, so the fake records a request the moment the client sends it; and any page read
    // ahead after the break has had its turn to be sent by the time the timer fires.
    const users = fake.endpoint(OrganizationUserEndpoint, null, { fetch: fake.mock.fetch }).iterate(acme, { per_page: 2 })
    const settled = () => new Promise((resolve) => setTimeout(resolve, 20))
    for await (const user of users) {
      expect(user.name).toBe('')
      break
    }
    await settled()
    expect(fake.sent()).toBe(1)
    let count = 0
    for await (const _ of users) if (++count === 3) break
    await settled()
    // The third user is on page 2; page 3 is never asked for.
    expect(fake.sent()).toBe(3)
    expect(fake.last().query).toEqual({ page: '2', per_page: '2' })
  })

  it('cost() says 3, and cost() plus the whole loop sends exactly 3 requests', async () => {
    const { fake, acme } = await seeded()
    const users = fake.endpoint(OrganizationUserEndpoint).iterate(acme, { per_page: 2 })
    expect(await users.cost()).toBe(3)
    expect(fake.sent()).toBe(1)
    expect(names(await users.all())).toEqual(NAMES_ASC)
    expect(fake.sent()).toBe(3)
  })

  it('sends the filters on every page, with Toggl’s default of 50 per page when none is given', async () => {
    const { fake, acme, group } = await seeded()
    const users = await fake.endpoint(OrganizationUserEndpoint).iterate(acme, { groups: [group], sort_dir: 'desc' }).all()
    expect(names(users)).toEqual(['Bob Baker', 'Ann Able'])
    expect(fake.sent()).toBe(1)
    expect(fake.last().query).toEqual({ groups: String(group), sort_dir: 'desc', page: '1', per_page: '50' })
  })

  it('iterateDetailed pages through /users/detailed', async () => {
    const { fake, acme } = await seeded()
    const users = await fake.endpoint(OrganizationUserEndpoint).iterateDetailed(acme, { per_page: 4 }).all()
    expect(users).toHaveLength(6)
    expect(users.every(({ workspaces }) => Array.isArray(workspaces))).toBe(true)
    expect(fake.mock.requests.map(({ path, query }) => ({ path, query }))).toEqual(
      [1, 2].map((page) => ({ path: `/organizations/${acme}/users/detailed`, query: { page: String(page), per_page: '4' } })),
    )
  })

  it('maps 403 on the first page', async () => {
    const { acme, as } = await seeded()
    await expectStatus(as(2).iterate(acme).all(), 403, 'User is not authorized to list the organization users')
  })
})

describe('OrganizationUserEndpoint.edit', () => {
  it('sends PUT /organizations/{id}/users/{organization_user_id} with the changes and answers nothing', async () => {
    const { fake, acme, group, first, userId } = await seeded()
    const users = fake.endpoint(OrganizationUserEndpoint)
    const changes = { name: 'Dee Dune', email: 'dee@dune.example', organization_admin: true, groups: [group], workspaces: [{ workspace_id: first, rate: 20 }] }
    expect(await users.edit(acme, userId(5), changes)).toBeUndefined()
    expect(fake.last()).toEqual({ method: 'PUT', path: `/organizations/${acme}/users/${userId(5)}`, query: {}, body: changes })
    const [dee] = (await users.detailedPage(acme, { filter: 'dune' })).items
    expect(dee).toMatchObject({ name: 'Dee Dune', email: 'dee@dune.example', admin: true, groups: [{ group_id: group }] })
    expect(dee!.workspaces?.map(({ workspace_id }) => workspace_id)).toEqual([first])
  })

  it('sends a listed user’s workspaces back as they came (read-only fields and nulls included)', async () => {
    const { fake, acme, second } = await seeded()
    const users = fake.endpoint(OrganizationUserEndpoint)
    const [ann] = (await users.detailedPage(acme, { filter: 'ann' })).items
    const workspaces = (ann!.workspaces ?? []).map((workspace) => ({ ...workspace, rate: null }))
    await users.edit(acme, ann!, { workspaces })
    expect(fake.last()).toMatchObject({ method: 'PUT', body: { workspaces } })
    expect(workspaces.map(({ workspace_id }) => workspace_id)).toContain(second)
  })

  it('leaves an empty search filter off the URL: it lists everyone', async () => {
    const { fake, acme } = await seeded()
    const page = await fake.endpoint(OrganizationUserEndpoint).page(acme, { filter: '' })
    expect(fake.last().query).toEqual({})
    expect(names(page.items)).toEqual(NAMES_ASC)
  })

  it('takes an address with an apostrophe, which Toggl accepts', async () => {
    const { fake, acme, userId } = await seeded()
    await fake.endpoint(OrganizationUserEndpoint).edit(acme, userId(5), { email: "d.o'dunn@example.com" })
    expect(fake.last()).toMatchObject({ method: 'PUT', body: { email: "d.o'dunn@example.com" } })
  })

  it('takes a listed user as the model and deactivates them', async () => {
    const { fake, acme } = await seeded()
    const users = fake.endpoint(OrganizationUserEndpoint)
    const [dee] = (await users.page(acme, { filter: 'Dee' })).items
    await users.edit(acme, dee!, { inactive: true })
    expect(fake.last()).toMatchObject({ path: `/organizations/${acme}/users/${dee!.id}`, body: { inactive: true } })
    expect(names((await users.page(acme, { active_status: ['inactive'] })).items)).toEqual(['Cid Cole', 'Dee Dunn'])
  })

  it.each<[string, (ids: Awaited<ReturnType<typeof seeded>>) => [number, object], number, string]>([
    ['deactivating the owner', ({ userId }) => [userId(1), { inactive: true }], 400, 'Cannot deactivate owner.'],
    ['demoting the owner', ({ userId }) => [userId(1), { organization_admin: false }], 400, 'Cannot remove admin privileges from owner.'],
    ['a user of another organization', ({ userId, initech }) => [userId(6, initech), { inactive: true }], 400, 'User does not exist in the organization.'],
    ['renaming someone in two organizations', ({ userId }) => [userId(2), { name: 'Ann B' }], 400, 'User has multiple organizations.'],
    ['a taken email', ({ userId }) => [userId(5), { email: 'bob@example.com' }], 400, 'Email already exists.'],
    ['an unknown role', ({ userId }) => [userId(5), { role_id: 99 }], 400, 'Invalid role ID: 99.'],
    ['a group of no organization', ({ userId }) => [userId(5), { groups: [999] }], 400, "Group '999' is not in Organization '{acme}'."],
    ['an unknown organization user', () => [999_999, { inactive: true }], 404, 'Invalid organization user ID.'],
  ])('maps the fake’s refusal of %s to HTTPStatusError', async (_, attempt, status, message) => {
    const context = await seeded()
    const { fake, acme } = context
    const [organizationUser, changes] = attempt(context)
    await expectStatus(fake.endpoint(OrganizationUserEndpoint).edit(acme, organizationUser, changes), status, message.replace('{acme}', String(acme)))
    expect(fake.sent()).toBe(1)
  })

  it('maps 403 for a member who is not an admin', async () => {
    const { acme, as, userId } = await seeded()
    await expectStatus(as(2).edit(acme, userId(5), { inactive: true }), 403, 'User is not authorized to update the organization user')
  })

  it('drops what is cached about the organization, even when Toggl refuses', async () => {
    const { fake, acme, userId } = await seeded()
    const cache = new MemoryCache()
    const roles = fake.endpoint(RoleEndpoint, cache)
    const users = fake.endpoint(OrganizationUserEndpoint, cache)
    await roles.collect(acme)
    await roles.collect(acme)
    expect(fake.sent()).toBe(1)
    await users.edit(acme, userId(5), { inactive: true })
    await roles.collect(acme)
    expect(fake.sent()).toBe(3)
    await failureOf(users.edit(acme, userId(1), { inactive: true }))
    await roles.collect(acme)
    expect(fake.sent()).toBe(5)
  })
})

describe('OrganizationUserEndpoint.delete', () => {
  it('sends PATCH /organizations/{id}/users with { delete: [ids] }: members go, invitations are withdrawn', async () => {
    const { fake, acme, invitation, userId } = await seeded()
    const users = fake.endpoint(OrganizationUserEndpoint)
    const cid = userId(4)
    expect(await users.delete(acme, [cid, { id: invitation }])).toBeUndefined()
    expect(fake.last()).toEqual({ method: 'PATCH', path: `/organizations/${acme}/users`, query: {}, body: { delete: [cid, invitation] } })
    expect(names((await users.page(acme)).items)).toEqual(['Ann Able', 'Bob Baker', 'Dee Dunn', 'Demo User'])
  })

  it.each<[string, (ids: Awaited<ReturnType<typeof seeded>>) => number[], number, string]>([
    ['the owner', ({ userId }) => [userId(5), userId(1)], 400, "Cannot remove the organization owner user with organization user ID='{owner}'."],
    ['ids of another organization', ({ userId, initech }) => [userId(5), userId(6, initech), 999], 400, "The following organization user IDs do not belong to this organization: '{olga}, 999'."],
  ])('maps the fake’s refusal of %s to HTTPStatusError, removing no one', async (_, ids, status, message) => {
    const context = await seeded()
    const { fake, acme, initech, userId } = context
    const expected = message.replace('{owner}', String(userId(1))).replace('{olga}', String(userId(6, initech)))
    await expectStatus(fake.endpoint(OrganizationUserEndpoint).delete(acme, ids(context)), status, expected)
    expect(fake.mock.state.organizations.get(acme)!.memberIds).toEqual([1, 2, 3, 4, 5])
  })

  it('maps 403 for a member who is not an admin', async () => {
    const { acme, as, userId } = await seeded()
    await expectStatus(as(2).delete(acme, [userId(5)]), 403, 'User is not authorized to delete the organization user')
  })

  it('takes the members out of their groups, workspaces and the workspace statistics too', async () => {
    const { fake, acme, initech, first, second, userId } = await seeded()
    const workspaces = fake.endpoint(OrganizationWorkspaceEndpoint)
    const before = await workspaces.statistics(acme)
    expect(before[String(first)]).toMatchObject({ admins: [{ user_id: 1 }, { user_id: 3 }], members_count: 5 })
    expect(before[String(second)]).toMatchObject({ members_count: 2 })

    // Ann (in Ops and both workspaces) and Bob (an admin, in Ops).
    await fake.endpoint(OrganizationUserEndpoint).delete(acme, [userId(2), userId(3)])
    expect((await fake.endpoint(GroupEndpoint).collect(acme))[0]).toMatchObject({ name: 'Ops', users: [] })
    expect((await workspaces.users(acme, first)).map(({ user_id }) => user_id)).toEqual([1, 4, 5])
    expect((await workspaces.users(acme, second)).map(({ user_id }) => user_id)).toEqual([5])
    const after = await workspaces.statistics(acme)
    expect(after[String(first)]).toEqual({ admins: [{ user_id: 1, name: 'Demo User' }], groups_count: 0, members_count: 3 })
    expect(after[String(second)]).toEqual({ admins: [], groups_count: 0, members_count: 1 })
    // Their other organization keeps them.
    expect(fake.mock.state.organizations.get(initech)!.memberIds).toEqual([6, 2])
  })

  it('drops what is cached about the organization', async () => {
    const { fake, acme, userId } = await seeded()
    const cache = new MemoryCache()
    const roles = fake.endpoint(RoleEndpoint, cache)
    await roles.collect(acme)
    await fake.endpoint(OrganizationUserEndpoint, cache).delete(acme, [userId(5)])
    await roles.collect(acme)
    expect(fake.sent()).toBe(3)
  })
})

type Users = OrganizationUserEndpoint

/** [what is wrong, the call, the start of the message, the error class] */
const badInput: Array<[string, (users: Users) => Promise<unknown>, string, typeof InputError]> = [
  ['page(0)', (users) => users.page(0), 'OrganizationUserEndpoint.page: organization must be a positive whole-number id', InputError],
  ['page with a query that is no object', (users) => users.page(1, any('all')), 'OrganizationUserEndpoint.page: query must be an object', InputError],
  ['page with a typo', (users) => users.page(1, any({ perPage: 5 })), 'OrganizationUserEndpoint.page: perPage is not a field Toggl takes here', InputError],
  ['page 0', (users) => users.page(1, { page: 0 }), 'OrganizationUserEndpoint.page: page must be a positive whole number', InputError],
  ['per_page 2.5', (users) => users.page(1, { per_page: 2.5 }), 'OrganizationUserEndpoint.page: per_page must be a positive whole number', InputError],
  ['per_page "10"', (users) => users.page(1, { per_page: any('10') }), 'OrganizationUserEndpoint.page: per_page must be a number', InputError],
  ['an unknown status', (users) => users.page(1, { active_status: any(['gone']) }), "OrganizationUserEndpoint.page: active_status[0] must be 'active', 'inactive' or 'invited'", InputError],
  ['a status string', (users) => users.page(1, { active_status: any('active') }), 'OrganizationUserEndpoint.page: active_status must be an array of statuses', InputError],
  ['no status', (users) => users.page(1, { active_status: [] }), 'OrganizationUserEndpoint.page: active_status must name at least one status', InputError],
  ['a repeated status', (users) => users.page(1, { active_status: ['active', 'active'] }), 'OrganizationUserEndpoint.page: active_status must not repeat a status', InputError],
  ['only_admins "true"', (users) => users.page(1, { only_admins: any('true') }), 'OrganizationUserEndpoint.page: only_admins must be true or false', InputError],
  ['no groups', (users) => users.page(1, { groups: [] }), 'OrganizationUserEndpoint.page: groups must name at least one id', InputError],
  ['a repeated group', (users) => users.page(1, { groups: [3, 3] }), 'OrganizationUserEndpoint.page: groups must not repeat an id', InputError],
  ['a workspace id -1', (users) => users.page(1, { workspaces: [-1] }), 'OrganizationUserEndpoint.page: workspaces[0] must be a positive whole number', InputError],
  ['sort_dir "up"', (users) => users.page(1, { sort_dir: any('up') }), "OrganizationUserEndpoint.page: sort_dir must be 'asc' or 'desc'", InputError],
  ['detailedPage with bad options', (users) => users.detailedPage(1, {}, any({ signal: 'stop' })), 'OrganizationUserEndpoint.detailedPage: options.signal must be an AbortSignal', InputError],
  ['edit with no changes', (users) => users.edit(1, 2, {}), 'OrganizationUserEndpoint.edit: changes must set at least one field', InputError],
  ['edit with changes that are no object', (users) => users.edit(1, 2, any(null)), 'OrganizationUserEndpoint.edit: changes must be an object', InputError],
  ['edit of user 0', (users) => users.edit(1, 0, { inactive: true }), 'OrganizationUserEndpoint.edit: organization user must be a positive whole-number id', InputError],
  ['edit with an empty name', (users) => users.edit(1, 2, { name: '' }), 'OrganizationUserEndpoint.edit: user name must not be empty', NamingError],
  ['edit with a numeric name', (users) => users.edit(1, 2, { name: any(5) }), 'OrganizationUserEndpoint.edit: user name must be a string', NamingError],
  ['edit with a bad email', (users) => users.edit(1, 2, { email: 'not-an-email' }), 'OrganizationUserEndpoint.edit: email must be a valid e-mail address', InputError],
  ['edit with admin flag and role', (users) => users.edit(1, 2, { organization_admin: true, role_id: 2 }), 'OrganizationUserEndpoint.edit: changes must not set both organization_admin and role_id', InputError],
  ['edit with a typo', (users) => users.edit(1, 2, any({ inactve: true })), 'OrganizationUserEndpoint.edit: inactve is not a field Toggl takes here', InputError],
  ['edit with a repeated group', (users) => users.edit(1, 2, { groups: [4, 4] }), 'OrganizationUserEndpoint.edit: groups must not repeat an id', InputError],
  ['edit with a workspace without id', (users) => users.edit(1, 2, { workspaces: [any({ rate: 1 })] }), 'OrganizationUserEndpoint.edit: workspaces[0].workspace_id must be given', InputError],
  ['edit with a negative rate', (users) => users.edit(1, 2, { workspaces: [{ workspace_id: 3, rate: -1 }] }), 'OrganizationUserEndpoint.edit: workspaces[0].rate must not be negative', InputError],
  ['edit with a repeated workspace', (users) => users.edit(1, 2, { workspaces: [{ workspace_id: 3 }, { workspace_id: 3 }] }), 'OrganizationUserEndpoint.edit: workspaces must not repeat a workspace_id', InputError],
  ['delete of no one', (users) => users.delete(1, []), 'OrganizationUserEndpoint.delete: organization users must name at least one user', InputError],
  ['delete of an id twice', (users) => users.delete(1, [5, { id: 5 }]), 'OrganizationUserEndpoint.delete: organization users must not repeat an id', InputError],
  ['delete of a string id', (users) => users.delete(1, [5, any('6')]), 'OrganizationUserEndpoint.delete: organization users[1] must be a positive whole-number id', InputError],
  ['delete of one id, not a list', (users) => users.delete(1, any(5)), 'OrganizationUserEndpoint.delete: organization users must be an array of ids', InputError],
  ['delete in organization "1"', (users) => users.delete(any('1'), [5]), 'OrganizationUserEndpoint.delete: organization must be a positive whole-number id', InputError],
]

describe('bad input', () => {
  it.each(badInput)('%s is refused before anything is sent', async (_, attempt, message, kind) => {
    const fake = await startFake()
    const error = await failureOf(attempt(fake.endpoint(OrganizationUserEndpoint)))
    expect(error).toBeInstanceOf(kind)
    expect(error.message.slice(0, message.length)).toBe(message)
    expect(fake.sent()).toBe(0)
  })

  it.each<[string, (users: Users) => unknown, string]>([
    ['an organization that is no id', (users) => users.iterate(any('acme')), 'OrganizationUserEndpoint.iterate: organization must be a positive whole-number id'],
    ['a page number (the iterator pages)', (users) => users.iterate(1, any({ page: 2 })), 'OrganizationUserEndpoint.iterate: page is not a field Toggl takes here'],
    ['per_page 0', (users) => users.iterate(1, { per_page: 0 }), 'OrganizationUserEndpoint.iterate: per_page must be a positive whole number'],
    ['filters that are no object', (users) => users.iterate(1, any([])), 'OrganizationUserEndpoint.iterate: filters must be an object'],
    ['an unknown status', (users) => users.iterateDetailed(1, { active_status: any(['deleted']) }), 'OrganizationUserEndpoint.iterateDetailed: active_status[0] must be'],
    ['bad options', (users) => users.iterateDetailed(1, {}, any('fast')), 'OrganizationUserEndpoint.iterateDetailed: options must be an object'],
  ])('iterate with %s throws InputError at once and sends nothing', async (_, attempt, message) => {
    const fake = await startFake()
    let thrown: unknown
    try {
      attempt(fake.endpoint(OrganizationUserEndpoint))
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(InputError)
    expect((thrown as Error).message.slice(0, message.length)).toBe(message)
    expect(fake.sent()).toBe(0)
  })
})

/** The fake's answers to requests the client never sends, as Toggl gives them. */
describe('the fake organization-users routes', () => {
  async function raw(fake: Fake, method: string, path: string, body?: unknown) {
    const init: RequestInit = { method, headers: { authorization: fake.auth.header(), 'content-type': 'application/json' } }
    if (body !== undefined) init.body = JSON.stringify(body)
    const response = await fetch(`${fake.server.baseURL}${path}`, init)
    return { status: response.status, body: await response.json() }
  }

  it.each([
    ['active_status=active,gone', "active_status parameter can contain only 'active', 'inactive' or 'invited'."],
    ['only_admins=yes', "only_admins parameter can contain only 'true' or 'false'."],
    ['page=x', "Invalid value sent for 'page'."],
    ['page=0', 'page parameter must contain values > 0.'],
    ['per_page=1.5', "Invalid value sent for 'per_page'."],
    ['per_page=-2', 'per_page parameter must contain values > 0.'],
    ['sort_dir=up', "sort_dir parameter can contain only 'asc' or 'desc'."],
    ['groups=1,x', "Invalid value sent for 'groups'."],
    ['workspaces=0', "Invalid value sent for 'workspaces'."],
  ])('answers 400 to ?%s', async (query, message) => {
    const { fake, acme } = await seeded()
    expect(await raw(fake, 'GET', `/organizations/${acme}/users?${query}`)).toEqual({ status: 400, body: message })
    expect(await raw(fake, 'GET', `/organizations/${acme}/users/detailed?${query}`)).toEqual({ status: 400, body: message })
  })

  it('refuses a bad organization id, empty or repeated deletions, and mixed admin changes', async () => {
    const { fake, acme, userId } = await seeded()
    expect(await raw(fake, 'GET', '/organizations/x/users')).toEqual({ status: 400, body: 'Missing or invalid organization_id.' })
    expect(await raw(fake, 'PATCH', `/organizations/${acme}/users`, { delete: [] })).toEqual({ status: 400, body: 'At least one organization user ID must be supplied.' })
    expect(await raw(fake, 'PATCH', `/organizations/${acme}/users`, {})).toEqual({ status: 400, body: 'At least one organization user ID must be supplied.' })
    expect(await raw(fake, 'PATCH', `/organizations/${acme}/users`, { delete: [5, 5] })).toEqual({ status: 400, body: 'Organization user IDs must be unique.' })
    const put = (body: unknown) => raw(fake, 'PUT', `/organizations/${acme}/users/${userId(5)}`, body)
    expect(await put({})).toEqual({ status: 400, body: 'At least one field is required.' })
    expect(await put({ organization_admin: true, role_id: 2 })).toEqual({ status: 400, body: 'Cannot use both admin flags and role_id.' })
    expect(await put({ name: '' })).toEqual({ status: 400, body: "Field 'name' cannot be empty." })
    expect(await put({ email: 'nope' })).toEqual({ status: 400, body: "Invalid e-mail: 'nope'" })
    expect(await put({ inactive: 'yes' })).toEqual({ status: 400, body: 'Invalid JSON input' })
    expect(await put({ role_id: 1 })).toEqual({ status: 400, body: 'Invalid organization role.' })
    expect(await put({ workspaces: [{ workspace_id: 5 }] })).toEqual({ status: 400, body: `Workspace '5' is not in Organization '${acme}'.` })
    expect(fake.mock.state.membershipOf(fake.mock.state.organizations.get(acme)!, 5)!.inactive).toBe(false)
  })

  it('sends an empty listing as no pages', async () => {
    const { fake, acme } = await seeded()
    const page = await fake.endpoint(OrganizationUserEndpoint).page(acme, { filter: 'nobody' })
    expect(page).toMatchObject({ items: [], pages: 0, records: 0 })
  })
})
