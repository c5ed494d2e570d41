import { describe, expect, it } from 'vitest'
import {
  BasicAuth,
  InputError,
  MemoryCache,
  NamingError,
  PlanRestrictionError,
} from '../src/index.ts'
import { GroupEndpoint } from '../src/endpoints/organizations/groups.ts'
import { DEMO_ACCOUNT, type MockOrganization } from '../src/mock/index.ts'
import type { GroupPatchOperation } from '../src/schemas/organizations/groups.ts'
import { expectDrift, expectStatus, failureOf, startFake, type Fake } from './support/fake.ts'
import { OTHER } from './support/organizations.ts'

const STRANGER = { id: 3, email: 'stranger@example.com', password: 'stranger-password', apiToken: 'stranger-token', fullname: 'Stranger' }
const NOW = Date.parse('2025-03-04T05:06:07.000Z')
const SEEDED_AT = Date.parse('2024-01-02T03:04:05.000Z')
/** The ids 1 to n. */
const idsUpTo = (n: number) => Array.from({ length: n }, (_, i) => i + 1)
const addOne = { op: 'add', path: '/users', value: [1] } as const

/**
 * Acme: the demo account (owner, admin) and Other (a plain member), two workspaces and two groups.
 * Initech: Other's, with a group of its own; the demo account is not in it.
 */
async function seeded() {
  const fake = await startFake({
    accounts: [DEMO_ACCOUNT, OTHER, STRANGER],
    organizations: [
      { name: 'Acme', memberIds: [1, 2] },
      { name: 'Initech', memberIds: [2] },
    ],
    now: () => NOW,
  })
  const { state } = fake.mock
  const [acme, initech] = [...state.organizations.values()] as [MockOrganization, MockOrganization]
  const second = state.createWorkspace('Second', [1])
  acme.workspaces.push(second)
  const first = acme.workspaces[0]!
  const seed = (organization: MockOrganization, name: string, userIds: number[], workspaceIds: number[]) => {
    const group = { id: state.nextId(), name, userIds, workspaceIds, at: SEEDED_AT }
    organization.groups.push(group)
    return group.id
  }
  const design = seed(acme, 'Design', [1, 2], [first.id, second.id])
  const backend = seed(acme, 'backend', [2], [second.id])
  const finance = seed(initech, 'Finance', [2], [])
  return { fake, acme: acme.id, initech: initech.id, acmeOrg: acme, first: first.id, second: second.id, design, backend, finance }
}

/** The endpoint signed in as Other, a member of Acme who is not an admin. */
function asOther(fake: Fake, cache?: MemoryCache): GroupEndpoint {
  return new GroupEndpoint(BasicAuth.fromApiToken(OTHER.apiToken), cache, { baseURL: fake.server.baseURL, retryDelay: 1 })
}

/** A request past the client, for the fake's refusals of what the client never sends. */
async function raw(fake: Fake, method: string, path: string, body: string): Promise<{ status: number; message: unknown }> {
  const response = await fetch(`${fake.server.baseURL}${path}`, {
    method,
    headers: { authorization: fake.auth.header(), 'content-type': 'application/json' },
    body,
  })
  return { status: response.status, message: await response.json() }
}

describe('GroupEndpoint.collect', () => {
  it('sends GET /organizations/{id}/groups and parses every group, sorted by name', async () => {
    const { fake, acme, first, second, design, backend } = await seeded()
    const groups = await fake.endpoint(GroupEndpoint).collect(acme)
    expect(fake.last()).toEqual({ method: 'GET', path: `/organizations/${acme}/groups`, query: {}, body: undefined })
    expect(groups).toEqual([
      {
        group_id: backend,
        name: 'backend',
        at: '2024-01-02T03:04:05.000Z',
        permissions: null,
        users: [{ user_id: 2, name: 'Other Person', avatar_url: '', inactive: false, joined: true }],
        workspaces: [second],
      },
      {
        group_id: design,
        name: 'Design',
        at: '2024-01-02T03:04:05.000Z',
        permissions: null,
        users: [
          { user_id: 1, name: 'Demo User', avatar_url: '', inactive: false, joined: true },
          { user_id: 2, name: 'Other Person', avatar_url: '', inactive: false, joined: true },
        ],
        workspaces: [first, second],
      },
    ])
  })

  it('sends the name and workspace filters as query parameters', async () => {
    const { fake, acme, first, second } = await seeded()
    const groups = fake.endpoint(GroupEndpoint)
    expect((await groups.collect({ id: acme }, { name: 'SIG', workspace: first })).map(({ name }) => name)).toEqual(['Design'])
    const query = { name: 'SIG', workspace: String(first) }
    expect(fake.last()).toEqual({ method: 'GET', path: `/organizations/${acme}/groups`, query, body: undefined })
    expect((await groups.collect(acme, { workspace: second })).map(({ name }) => name)).toEqual(['backend', 'Design'])
    expect(await groups.collect(acme, { name: 'nobody' })).toEqual([])
  })

  it('is served from the cache while fresh, each filter apart; refresh sends again', async () => {
    const { fake, acme, first } = await seeded()
    const groups = fake.endpoint(GroupEndpoint, new MemoryCache())
    const all = await groups.collect(acme)
    const filtered = await groups.collect(acme, { workspace: first })
    expect(fake.sent()).toBe(2)
    expect(await groups.collect(acme)).toEqual(all)
    expect(await groups.collect(acme, { workspace: first })).toEqual(filtered)
    expect(fake.sent()).toBe(2)
    await groups.collect(acme, undefined, { refresh: true })
    expect(fake.sent()).toBe(3)
  })

  it('sends every time without a cache', async () => {
    const { fake, acme } = await seeded()
    const groups = fake.endpoint(GroupEndpoint)
    await groups.collect(acme)
    await groups.collect(acme)
    expect(fake.sent()).toBe(2)
  })

  it('maps 403 (not a member) to HTTPStatusError with the server message', async () => {
    const { fake, initech } = await seeded()
    await expectStatus(fake.endpoint(GroupEndpoint).collect(initech), 403, 'User does not have access to this resource')
  })

  it('maps 402 without quota headers to PlanRestrictionError', async () => {
    const { fake, acme } = await seeded()
    fake.mock.inject({ type: 'status', status: 402, body: '"Feature not available on your plan"' })
    await expectStatus(fake.endpoint(GroupEndpoint).collect(acme), 402, 'Feature not available on your plan', PlanRestrictionError)
  })

  it('names the field of a reply that drifted', async () => {
    const { fake, acme } = await seeded()
    const body = '[{"group_id":1,"name":"A","users":[{"user_id":"2"}]}]'
    fake.replyOnce(body)
    await expectDrift(fake.endpoint(GroupEndpoint).collect(acme), '$[0].users[0].user_id')
  })

  it.each([
    [{ workspace: 0 }, /^GroupEndpoint\.collect: workspace must be a positive whole number, got 0$/],
    [{ name: 5 }, /^GroupEndpoint\.collect: name must be a string, got 5$/],
    [{ nme: 'x' }, /^GroupEndpoint\.collect: nme is not a field Toggl takes here$/],
    ['x', /^GroupEndpoint\.collect: filters must be an object, got "x"$/],
  ])('rejects filters %j with InputError and sends nothing', async (filters, message) => {
    const { fake, acme } = await seeded()
    const error = await failureOf(fake.endpoint(GroupEndpoint).collect(acme, filters as never))
    expect(error).toBeInstanceOf(InputError)
    expect(error.message).toMatch(message)
    expect(fake.sent()).toBe(0)
  })

})

describe('GroupEndpoint.collectInWorkspace', () => {
  it('sends GET …/workspaces/{workspace_id}/groups and answers the groups assigned to it', async () => {
    const { fake, acme, first, second } = await seeded()
    const groups = fake.endpoint(GroupEndpoint)
    expect((await groups.collectInWorkspace(acme, first)).map(({ name }) => name)).toEqual(['Design'])
    expect(fake.last()).toEqual({ method: 'GET', path: `/organizations/${acme}/workspaces/${first}/groups`, query: {}, body: undefined })
    const inSecond = await groups.collectInWorkspace({ id: acme }, { id: second })
    expect(inSecond.map(({ name }) => name)).toEqual(['backend', 'Design'])
    expect(inSecond[0]).toMatchObject({ users: [{ user_id: 2, name: 'Other Person' }], workspaces: [second] })
  })

  it('is served from the cache while fresh; refresh sends again', async () => {
    const { fake, acme, first } = await seeded()
    const groups = fake.endpoint(GroupEndpoint, new MemoryCache())
    const found = await groups.collectInWorkspace(acme, first)
    expect(await groups.collectInWorkspace(acme, first)).toEqual(found)
    expect(fake.sent()).toBe(1)
    await groups.collectInWorkspace(acme, first, { refresh: true })
    expect(fake.sent()).toBe(2)
  })

  it('maps 404 (a workspace outside the organization) and 403 (not a member)', async () => {
    const { fake, acme, initech } = await seeded()
    const initechWorkspace = fake.mock.state.organizations.get(initech)!.workspaces[0]!.id
    const groups = fake.endpoint(GroupEndpoint)
    await expectStatus(groups.collectInWorkspace(acme, initechWorkspace), 404, 'Resource can not be found')
    await expectStatus(groups.collectInWorkspace(initech, initechWorkspace), 403, 'Forbidden')
  })

  it.each([0, -3, '7', null, {}])('rejects workspace %j with InputError and sends nothing', async (workspace) => {
    const { fake, acme } = await seeded()
    const error = await failureOf(fake.endpoint(GroupEndpoint).collectInWorkspace(acme, workspace as number))
    expect(error).toBeInstanceOf(InputError)
    expect(error.message).toMatch(/^GroupEndpoint\.collectInWorkspace: workspace must be a positive whole-number id/)
    expect(fake.sent()).toBe(0)
  })
})

describe('GroupEndpoint.add', () => {
  it('sends POST /organizations/{id}/groups with the group and answers it as created', async () => {
    const { fake, acme, acmeOrg, first } = await seeded()
    const created = await fake.endpoint(GroupEndpoint).add(acme, { name: 'Support', users: [2], workspaces: [first] })
    expect(fake.last()).toEqual({
      method: 'POST',
      path: `/organizations/${acme}/groups`,
      query: {},
      body: { name: 'Support', users: [2], workspaces: [first] },
    })
    expect(created).toEqual({
      group_id: expect.any(Number),
      name: 'Support',
      at: new Date(NOW).toISOString(),
      permissions: null,
      users: [{ user_id: 2, name: 'Other Person', avatar_url: '', inactive: false, joined: true }],
      workspaces: [first],
    })
    expect(acmeOrg.groups.find(({ id }) => id === created.group_id)).toMatchObject({ name: 'Support', userIds: [2] })
  })

  it('sends only the name when no lists are given; 200 characters (code points) is fine', async () => {
    const { fake, acme } = await seeded()
    const name = '😀'.repeat(200)
    const created = await fake.endpoint(GroupEndpoint).add(acme, { name })
    expect(fake.last().body).toEqual({ name })
    expect(created).toMatchObject({ name, users: [], workspaces: [] })
  })

  it.each([
    [{ name: 'Design' }, 'Name has already been taken'],
    [{ name: 'New', users: [3] }, `User 3 not exists in the organization {org}`],
    [{ name: 'New', workspaces: [999] }, `Workspace 999 not exists in the organization {org}`],
  ])('maps the 400 for %j to HTTPStatusError', async (group, message) => {
    const { fake, acme } = await seeded()
    await expectStatus(fake.endpoint(GroupEndpoint).add(acme, group), 400, message.replace('{org}', String(acme)))
  })

  it('maps 403 for a member who is not an admin, and for a stranger', async () => {
    const { fake, acme, initech } = await seeded()
    await expectStatus(asOther(fake).add(acme, { name: 'Mine' }), 403, 'User does not have access to this resource')
    await expectStatus(fake.endpoint(GroupEndpoint).add(initech, { name: 'Mine' }), 403, 'User does not have access to this resource')
  })

  it.each([
    [{ name: '' }, /^GroupEndpoint\.add: group name must not be blank, got ""$/],
    [{ name: ' \t ' }, /^GroupEndpoint\.add: group name must not be blank/],
    [{ name: 'x'.repeat(201) }, /^GroupEndpoint\.add: group name must be at most 200 characters, got a string of 201 characters$/],
    [{ name: '😀'.repeat(201) }, /^GroupEndpoint\.add: group name must be at most 200 characters/],
    [{ name: 7 }, /^GroupEndpoint\.add: group name must be a string, got 7$/],
    [{ users: [2] }, /^GroupEndpoint\.add: name must be given$/],
  ])('rejects the name of %j with NamingError and sends nothing', async (group, message) => {
    const { fake, acme } = await seeded()
    const error = await failureOf(fake.endpoint(GroupEndpoint).add(acme, group as never))
    expect(error).toBeInstanceOf(NamingError)
    expect(error.message).toMatch(message)
    expect(fake.sent()).toBe(0)
  })

  it.each([
    [{ name: 'A', users: [0] }, /^GroupEndpoint\.add: users\[0\] must be a positive whole number, got 0$/],
    [{ name: 'A', users: [2, 2] }, /^GroupEndpoint\.add: users must not repeat an id/],
    [{ name: 'A', workspaces: '5' }, /^GroupEndpoint\.add: workspaces must be an array of ids, got "5"$/],
    [{ name: 'A', user: [2] }, /^GroupEndpoint\.add: user is not a field Toggl takes here$/],
    // Misspelt alone, the field it was meant to be is missing too: the misspelling is what to name.
    [{ nmae: 'A' }, /^GroupEndpoint\.add: nmae is not a field Toggl takes here$/],
    [null, /^GroupEndpoint\.add: group must be an object, got null$/],
  ])('rejects %j with InputError and sends nothing', async (group, message) => {
    const { fake, acme } = await seeded()
    const error = await failureOf(fake.endpoint(GroupEndpoint).add(acme, group as never))
    expect(error).toBeInstanceOf(InputError)
    expect(error).not.toBeInstanceOf(NamingError)
    expect(error.message).toMatch(message)
    expect(fake.sent()).toBe(0)
  })

  it('is not retried after a server error (a retry could create two)', async () => {
    const { fake, acme } = await seeded()
    fake.mock.inject({ type: 'status', status: 503 })
    await expect(fake.endpoint(GroupEndpoint).add(acme, { name: 'Once' })).rejects.toMatchObject({ status: 503 })
    expect(fake.sent()).toBe(1)
  })
})

describe('GroupEndpoint.edit', () => {
  it('sends PUT …/groups/{group_id} with the changes and answers the group as it now is', async () => {
    const { fake, acme, acmeOrg, backend, first } = await seeded()
    const edited = await fake.endpoint(GroupEndpoint).edit(acme, backend, { name: 'Backend', users: [1], workspaces: [first] })
    expect(fake.last()).toEqual({
      method: 'PUT',
      path: `/organizations/${acme}/groups/${backend}`,
      query: {},
      body: { name: 'Backend', users: [1], workspaces: [first] },
    })
    expect(edited).toMatchObject({
      group_id: backend,
      name: 'Backend',
      at: new Date(NOW).toISOString(),
      users: [{ user_id: 1, name: 'Demo User' }],
      workspaces: [first],
    })
    expect(acmeOrg.groups.find(({ id }) => id === backend)).toMatchObject({ name: 'Backend', userIds: [1] })
  })

  it('takes a group model (its group_id), and keeps its own name', async () => {
    const { fake, acme, design } = await seeded()
    const groups = fake.endpoint(GroupEndpoint)
    const [, model] = await groups.collect(acme)
    expect(model!.group_id).toBe(design)
    await groups.edit(acme, model!, { name: 'Design' })
    expect(fake.last()).toMatchObject({ path: `/organizations/${acme}/groups/${design}`, body: { name: 'Design' } })
  })

  it('maps 404 (an unknown group), 400 (a name taken) and 403 (not an admin)', async () => {
    const { fake, acme, backend, finance } = await seeded()
    const groups = fake.endpoint(GroupEndpoint)
    await expectStatus(groups.edit(acme, finance, { name: 'X' }), 404, 'Invalid group ID.')
    await expectStatus(groups.edit(acme, backend, { name: 'Design' }), 400, 'Name has already been taken')
    await expectStatus(asOther(fake).edit(acme, backend, { name: 'X' }), 403, 'Forbidden')
  })

  it.each([0, '5', null, { id: 0 }, { name: 'Design' }])('rejects group %j with InputError and sends nothing', async (group) => {
    const { fake, acme } = await seeded()
    const error = await failureOf(fake.endpoint(GroupEndpoint).edit(acme, group as never, { name: 'X' }))
    expect(error).toBeInstanceOf(InputError)
    expect(error.message).toMatch(/^GroupEndpoint\.edit: group must be a positive whole-number id/)
    expect(fake.sent()).toBe(0)
  })

  it('rejects a bad name with NamingError and sends nothing', async () => {
    const { fake, acme, backend } = await seeded()
    const error = await failureOf(fake.endpoint(GroupEndpoint).edit(acme, backend, { name: '   ' }))
    expect(error).toBeInstanceOf(NamingError)
    expect(fake.sent()).toBe(0)
  })
})

describe('GroupEndpoint.patch', () => {
  it('sends PATCH …/groups/{group_id} with the operations and answers what was applied and refused', async () => {
    const { fake, acme, acmeOrg, backend, first, second } = await seeded()
    const operations: GroupPatchOperation[] = [
      { op: 'add', path: '/users', value: [1] },
      { op: 'remove', path: '/workspaces', value: [second] },
      { op: 'add', path: '/users', value: [3] },
      { op: 'add', path: '/workspaces', value: [first] },
    ]
    const result = await fake.endpoint(GroupEndpoint).patch(acme, { group_id: backend }, operations)
    expect(fake.last()).toEqual({ method: 'PATCH', path: `/organizations/${acme}/groups/${backend}`, query: {}, body: operations })
    expect(result).toEqual({
      success: [operations[0], operations[1], operations[3]],
      failure: [{ message: `User 3 not exists in the organization ${acme}`, patch: operations[2] }],
    })
    expect(acmeOrg.groups.find(({ id }) => id === backend)).toMatchObject({ userIds: [2, 1], workspaceIds: [first], at: NOW })
  })

  it('takes 100 operations of 100 ids each (Toggl’s limits)', async () => {
    const { fake, acme, design } = await seeded()
    const operations: GroupPatchOperation[] = Array.from({ length: 100 }, () => ({ op: 'remove', path: '/users', value: [1] }))
    operations[0] = { op: 'remove', path: '/users', value: idsUpTo(100) }
    const result = await fake.endpoint(GroupEndpoint).patch(acme, design, operations)
    expect(fake.sent()).toBe(1)
    expect(result.success).toHaveLength(99)
    expect(result.failure).toEqual([{ message: `User 3 not exists in the organization ${acme}`, patch: operations[0] }])
  })

  it.each([
    ['101 operations', Array(101).fill(addOne), /^GroupEndpoint\.patch: operations must hold at most 100 operations, got an array$/],
    ['no operation', [], /^GroupEndpoint\.patch: operations must hold at least 1 operation, got an array$/],
    ['101 ids', [{ ...addOne, value: idsUpTo(101) }], /^GroupEndpoint\.patch: \[0\]\.value must have at most 100 ids/],
    ['no id', [{ op: 'add', path: '/users', value: [] }], /^GroupEndpoint\.patch: \[0\]\.value must have at least 1 id/],
    ['a repeated id', [{ op: 'add', path: '/users', value: [1, 1] }], /^GroupEndpoint\.patch: \[0\]\.value must not repeat an id/],
    ['op replace', [{ op: 'replace', path: '/users', value: [1] }], /^GroupEndpoint\.patch: \[0\]\.op must be 'add' or 'remove', got "replace"$/],
    ['path /name', [{ op: 'add', path: '/name', value: [1] }], /^GroupEndpoint\.patch: \[0\]\.path must be '\/users' or '\/workspaces', got "\/name"$/],
    ['an unknown field', [{ ...addOne, from: '/x' }], /^GroupEndpoint\.patch: \[0\]\.from is not a field Toggl takes here$/],
    ['a missing value', [{ op: 'add', path: '/users' }], /^GroupEndpoint\.patch: \[0\]\.value must be given$/],
    ['a number', [5], /^GroupEndpoint\.patch: \[0\] .*, got 5$/],
    ['an object', { op: 'add', path: '/users', value: [1] }, /^GroupEndpoint\.patch: operations must be an array, got an object$/],
  ])('rejects %s with InputError and sends nothing', async (_, operations, message) => {
    const { fake, acme, design } = await seeded()
    const error = await failureOf(fake.endpoint(GroupEndpoint).patch(acme, design, operations as never))
    expect(error).toBeInstanceOf(InputError)
    expect(error.message).toMatch(message)
    expect(fake.sent()).toBe(0)
  })

  it('maps 404 (no such group), 400 (a group of another organization) and 403 (not an admin)', async () => {
    const { fake, acme, design, finance } = await seeded()
    const add = [{ ...addOne, value: [1] }]
    const groups = fake.endpoint(GroupEndpoint)
    await expectStatus(groups.patch(acme, 999_999, add), 404, 'Invalid group ID.')
    await expectStatus(groups.patch(acme, finance, add), 400, 'Unknown group at organization')
    await expectStatus(asOther(fake).patch(acme, design, add), 403, 'User does not have permission to manage user groups.')
  })
})

describe('GroupEndpoint.delete', () => {
  it('sends DELETE …/groups/{group_id}; the group is gone', async () => {
    const { fake, acme, acmeOrg, design } = await seeded()
    expect(await fake.endpoint(GroupEndpoint).delete(acme, { group_id: design })).toBeUndefined()
    expect(fake.last()).toEqual({ method: 'DELETE', path: `/organizations/${acme}/groups/${design}`, query: {}, body: undefined })
    expect(acmeOrg.groups.map(({ name }) => name)).toEqual(['backend'])
  })

  it('ignores 404 (already gone) unless reRaise', async () => {
    const { fake, acme, finance } = await seeded()
    await fake.endpoint(GroupEndpoint).delete(acme, finance)
    expect(fake.sent()).toBe(1)
    await expectStatus(fake.endpoint(GroupEndpoint, null, { reRaise: true }).delete(acme, finance), 404, 'Invalid group ID.')
  })

  it('throws 403 (not an admin), and InputError for a bad group without sending', async () => {
    const { fake, acme, design } = await seeded()
    await expectStatus(asOther(fake).delete(acme, design), 403, 'User does not have access to this resource')
    expect(fake.sent()).toBe(1)
    const error = await failureOf(fake.endpoint(GroupEndpoint).delete(acme, -1))
    expect(error).toBeInstanceOf(InputError)
    expect(fake.sent()).toBe(1)
  })
})

describe('GroupEndpoint cache', () => {
  const writes = {
    add: (groups: GroupEndpoint, acme: number) => groups.add(acme, { name: 'Support', workspaces: [] }),
    edit: (groups: GroupEndpoint, acme: number, design: number) => groups.edit(acme, design, { name: 'Designers' }),
    patch: (groups: GroupEndpoint, acme: number, design: number, first: number) =>
      groups.patch(acme, design, [{ op: 'remove', path: '/workspaces', value: [first] }]),
    delete: (groups: GroupEndpoint, acme: number, design: number) => groups.delete(acme, design),
  }
  const after = {
    add: { all: ['backend', 'Design', 'Support'], inFirst: ['Design'] },
    edit: { all: ['backend', 'Designers'], inFirst: ['Designers'] },
    patch: { all: ['backend', 'Design'], inFirst: [] },
    delete: { all: ['backend'], inFirst: [] },
  }

  it.each(Object.keys(writes) as (keyof typeof writes)[])('%s drops the cached listings; they are fetched again', async (kind) => {
    const { fake, acme, design, first } = await seeded()
    const groups = fake.endpoint(GroupEndpoint, new MemoryCache())
    expect((await groups.collect(acme)).map(({ name }) => name)).toEqual(['backend', 'Design'])
    expect((await groups.collectInWorkspace(acme, first)).map(({ name }) => name)).toEqual(['Design'])
    await groups.collect(acme)
    await groups.collectInWorkspace(acme, first)
    expect(fake.sent()).toBe(2)
    await writes[kind](groups, acme, design, first)
    expect(fake.sent()).toBe(3)
    expect((await groups.collect(acme)).map(({ name }) => name)).toEqual(after[kind].all)
    expect((await groups.collectInWorkspace(acme, first)).map(({ name }) => name)).toEqual(after[kind].inFirst)
    expect(fake.sent()).toBe(5)
  })

  it('a write refused or ignored still drops them (Toggl may have acted)', async () => {
    const { fake, acme, finance } = await seeded()
    const groups = fake.endpoint(GroupEndpoint, new MemoryCache())
    await groups.collect(acme)
    await groups.delete(acme, finance)
    await groups.collect(acme)
    expect(fake.sent()).toBe(3)
    await failureOf(groups.add(acme, { name: 'Design' }))
    await groups.collect(acme)
    expect(fake.sent()).toBe(5)
  })

  it('bad input drops nothing: nothing was sent', async () => {
    const { fake, acme } = await seeded()
    const groups = fake.endpoint(GroupEndpoint, new MemoryCache())
    await groups.collect(acme)
    await failureOf(groups.add(acme, { name: '' }))
    await groups.collect(acme)
    expect(fake.sent()).toBe(1)
  })
})

describe('the fake’s refusals of what the client never sends', () => {
  it.each(['abc', '-1', '1.5'])('GET with workspace=%s answers 400 "Invalid number: …"', async (workspace) => {
    const { fake, acme } = await seeded()
    const response = await fetch(`${fake.server.baseURL}/organizations/${acme}/groups?workspace=${workspace}`, {
      headers: { authorization: fake.auth.header() },
    })
    expect({ status: response.status, message: await response.json() }).toEqual({ status: 400, message: `Invalid number: '${workspace}'` })
  })

  it.each([
    ['Group name must be present', '{"name":"  "}'],
    ['Group name must be present', '{}'],
    ['Group name too long, maximum length is 200', JSON.stringify({ name: 'x'.repeat(201) })],
    ['Invalid JSON input', '{"name":5}'],
    ['Invalid JSON input', '[1]'],
  ])('POST answers 400 %j (case %#)', async (message, body) => {
    const { fake, acme } = await seeded()
    expect(await raw(fake, 'POST', `/organizations/${acme}/groups`, body)).toEqual({ status: 400, message })
  })

  it.each([
    ['Too many operations', Array(101).fill(addOne)],
    ['Unsupported operation', [{ op: 'replace', path: '/users', value: [1] }]],
    ['Unsupported operation', [{ op: 'add', path: '/name', value: [1] }]],
    ['Value not present, or too many per patch operation', [{ op: 'add', path: '/users', value: [] }]],
    ['Value not present, or too many per patch operation', [{ ...addOne, value: idsUpTo(101) }]],
    ['Invalid JSON input', { op: 'add' }],
  ])('PATCH answers 400 %j (case %#)', async (message, body) => {
    const { fake, acme, design } = await seeded()
    expect(await raw(fake, 'PATCH', `/organizations/${acme}/groups/${design}`, JSON.stringify(body))).toEqual({ status: 400, message })
  })
})
