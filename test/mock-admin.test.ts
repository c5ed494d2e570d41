import { describe, expect, it } from 'vitest'
import { createTogglMock, DEMO_ACCOUNT, type MockOrganization } from '../src/mock/index.ts'
import { OTHER, THIRD } from './support/organizations.ts'

const NOW = Date.parse('2025-05-06T07:08:09.000Z')

/** The fake's state with Acme (Demo owns it, Other a member, a second workspace) and Initech (Other's). */
function seeded() {
  const { state } = createTogglMock({
    accounts: [DEMO_ACCOUNT, OTHER, THIRD],
    organizations: [
      { name: 'Acme', memberIds: [1, 2], pricingPlanName: 'Premium' },
      { name: 'Initech', memberIds: [2] },
    ],
    now: () => NOW,
  })
  const [acme, initech] = [...state.organizations.values()] as [MockOrganization, MockOrganization]
  const second = state.createWorkspace('Second', [1], [1])
  acme.workspaces.push(second)
  return { state, acme, initech, first: acme.workspaces[0]!, second }
}

describe('MockState.addMember', () => {
  it('joins the organization and exactly the workspaces named', () => {
    const { state, acme, first, second } = seeded()
    state.addMember(acme, THIRD.id, [second.id])
    expect(acme.memberIds).toEqual([1, 2, THIRD.id])
    expect(state.membershipOf(acme, THIRD.id)).toMatchObject({ inactive: false, joinedAt: NOW })
    expect(first.users.map(({ accountId }) => accountId)).toEqual([1, 2])
    expect(second.users.at(-1)).toEqual({ id: expect.any(Number), accountId: THIRD.id, admin: false })
    // Again: nothing doubles, and a member can join another workspace.
    state.addMember(acme, THIRD.id, [second.id, first.id])
    expect(acme.memberIds).toEqual([1, 2, THIRD.id])
    expect(second.users.filter(({ accountId }) => accountId === THIRD.id)).toHaveLength(1)
    expect(first.users.map(({ accountId }) => accountId)).toEqual([1, 2, THIRD.id])
  })

  it('throws for a workspace of another organization, adding no one', () => {
    const { state, acme, initech } = seeded()
    expect(() => state.addMember(acme, THIRD.id, [initech.workspaces[0]!.id])).toThrow(/has no workspace/)
    expect(acme.memberIds).toEqual([1, 2])
  })
})

describe('MockState.removeMember', () => {
  it('takes them out of workspaces (admin flag and all), groups, and ends transfers to them', () => {
    const { state, acme, first, second } = seeded()
    state.joinWorkspace(second, 2, true)
    acme.groups.push({ id: state.nextId(), name: 'Team', userIds: [1, 2], workspaceIds: [], at: 0 })
    const toOther = state.startTransfer(acme, 1, 2)
    acme.transfers.push({ ...toOther, id: state.nextId(), finishedAt: 5, outcome: 'withdrawn' })
    const noOne = { ...toOther, id: state.nextId(), newOwnerId: null }
    acme.transfers.push(noOne)

    state.removeMember(acme.id, 2)
    expect([...first.users, ...second.users].map(({ accountId }) => accountId)).toEqual([1, 1])
    expect(acme.groups[0]!.userIds).toEqual([1])
    expect(acme.transfers.map(({ finishedAt, outcome }) => ({ finishedAt, outcome }))).toEqual([
      { finishedAt: NOW, outcome: 'declined' },
      { finishedAt: 5, outcome: 'withdrawn' },
      { finishedAt: null, outcome: '' },
    ])
    // Back again, they are no admin of the workspace they left.
    state.addMember(acme, 2, [second.id])
    expect(second.users.find(({ accountId }) => accountId === 2)?.admin).toBe(false)
  })
})

describe('MockState.startTransfer', () => {
  it('refuses a new owner who is not a member, and takes none', () => {
    const { state, acme } = seeded()
    expect(() => state.startTransfer(acme, 1, THIRD.id)).toThrow('togglkit/mock: account 3 is not a member of organization')
    expect(state.startTransfer(acme, 1, null)).toMatchObject({ newOwnerId: null, finishedAt: null })
    expect(acme.transfers).toHaveLength(1)
  })
})

describe('MockState.workspaceUsersOf', () => {
  it('lists direct members, then group members not already in, with stable ids', () => {
    const { state, acme, first, second } = seeded()
    acme.groups.push({ id: state.nextId(), name: 'Team', userIds: [2, 1], workspaceIds: [second.id], at: 0 })
    const users = state.workspaceUsersOf(acme, second)
    expect(users).toEqual([
      { id: second.users[0]!.id, accountId: 1, admin: true, direct: true },
      { id: expect.any(Number), accountId: 2, admin: false, direct: false },
    ])
    expect(state.workspaceUsersOf(acme, second)[1]!.id).toBe(users[1]!.id)
    expect(first.users.some(({ id }) => id === users[1]!.id)).toBe(false)
    // An organization admin administers every workspace they are in, through a group too.
    acme.adminIds.push(2)
    expect(state.workspaceUsersOf(acme, second)[1]).toMatchObject({ accountId: 2, admin: true, direct: false })
  })
})
