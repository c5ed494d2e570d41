/** A Toggl user the fake knows; it can sign in with its API token or with email and password. */
export interface MockAccount {
  id: number
  email: string
  password: string
  apiToken: string
  fullname: string
}

/** An organization to create before the first request. */
export interface MockOrganizationSeed {
  /** @default the next free organization id */
  id?: number
  name: string
  /** @default 'Default-Workspace' */
  workspaceName?: string
  /** Account ids; the first is the owner and an admin, the others are plain members. */
  memberIds: number[]
  /** @default 'Free' */
  pricingPlanName?: string
}

export interface MockWorkspace {
  id: number
  name: string
  /** Its direct members: the workspace-user id Toggl gives each, and the account. */
  users: { id: number; accountId: number }[]
}

/** What the fake keeps about one member of an organization beyond being in `memberIds`. */
export interface MockMembership {
  /** The organization-user id (Toggl's `id` in user listings; not the account id). */
  id: number
  /** Deactivated by an admin, still a member. */
  inactive: boolean
  /** When they joined, ms since the epoch. */
  joinedAt: number
}

export interface MockGroup {
  id: number
  name: string
  /** Account ids. */
  userIds: number[]
  workspaceIds: number[]
  /** Last change, ms since the epoch. */
  at: number
}

export interface MockInvitation {
  id: number
  /** The secret in the invitation link, used to accept or reject it. */
  code: string
  email: string
  senderId: number
  workspaceIds: number[]
  groupIds: number[]
  /** ms since the epoch */
  createdAt: number
}

export interface MockOwnershipTransfer {
  id: number
  requesterId: number
  newOwnerId: number | null
  createdAt: number
  currentOwnerAnsweredAt: number | null
  currentOwnerAccepted: boolean
  newOwnerAnsweredAt: number | null
  newOwnerAccepted: boolean
  finishedAt: number | null
  /** How it ended ('accepted', 'declined', 'withdrawn'); '' while it runs. */
  outcome: string
}

/** An organization as the fake stores it; replies are derived from it per caller. */
export interface MockOrganization {
  id: number
  name: string
  pricingPlanName: string
  /** ms since the epoch */
  createdAt: number
  /** Last change, ms since the epoch. */
  at: number
  workspaces: MockWorkspace[]
  /** Account ids of the members; the first is the owner. */
  memberIds: number[]
  /** The members who administer it, the owner included. */
  adminIds: number[]
  /** Per-member details, by account id; see {@link MockState.membershipOf}. */
  memberships: Map<number, MockMembership>
  groups: MockGroup[]
  invitations: MockInvitation[]
  transfers: MockOwnershipTransfer[]
  /** What the organization told Toggl about itself; `undefined` until it is saved (then a GET answers 204). */
  segmentation: Record<string, unknown> | undefined
}

export const DEMO_ACCOUNT: MockAccount = Object.freeze({
  id: 1,
  email: 'demo@example.com',
  password: 'demo-password',
  apiToken: 'demo-token',
  fullname: 'Demo User',
})

// Real Toggl ids are large; starting high keeps tests from passing by accident with small literals.
const FIRST_ORGANIZATION_ID = 9_000_001
const FIRST_WORKSPACE_ID = 8_000_001
const FIRST_OTHER_ID = 7_000_001
const DEFAULT_WORKSPACE_NAME = 'Default-Workspace'

/** The fake's accounts, organizations and memberships, open to tests and the playground. */
export class MockState {
  readonly accounts: Map<number, MockAccount> = new Map()
  readonly organizations: Map<number, MockOrganization> = new Map()
  readonly #now: () => number
  // Counters only grow, so an id is never handed out twice, even after its organization is gone.
  #nextOrganizationId = FIRST_ORGANIZATION_ID
  #nextWorkspaceId = FIRST_WORKSPACE_ID
  #nextId = FIRST_OTHER_ID

  constructor(now: () => number) {
    this.#now = now
  }

  addAccount(account: MockAccount): void {
    for (const known of this.accounts.values()) {
      if (known.id === account.id || known.apiToken === account.apiToken || sameEmail(known.email, account.email)) {
        throw new Error(`togglkit/mock: account ${account.id} repeats the id, token or email of account ${known.id}`)
      }
    }
    this.accounts.set(account.id, account)
  }

  /** The account these Basic credentials belong to: `token:api_token` or `email:password`. */
  findAccount(username: string, password: string): MockAccount | undefined {
    for (const account of this.accounts.values()) {
      const matches =
        password === 'api_token'
          ? account.apiToken === username
          : sameEmail(account.email, username) && account.password === password
      if (matches) return account
    }
    return undefined
  }

  /** Creates an organization with one workspace; returns its id. */
  addOrganization(seed: MockOrganizationSeed): number {
    return this.createOrganization(seed).organization.id
  }

  /** Like {@link addOrganization}, returning the new records. */
  createOrganization(seed: MockOrganizationSeed): { organization: MockOrganization; workspace: MockWorkspace } {
    const [ownerId] = seed.memberIds
    if (ownerId === undefined) throw new Error(`togglkit/mock: organization "${seed.name}" needs at least one member`)
    for (const accountId of seed.memberIds) {
      if (!this.accounts.has(accountId)) throw new Error(`togglkit/mock: no account ${accountId}`)
    }
    const id = seed.id ?? this.#nextOrganizationId
    if (this.organizations.has(id)) throw new Error(`togglkit/mock: organization ${id} exists already`)
    this.#nextOrganizationId = Math.max(this.#nextOrganizationId, id + 1)

    const now = this.#now()
    const memberIds = [...new Set(seed.memberIds)]
    const workspace = this.createWorkspace(seed.workspaceName ?? DEFAULT_WORKSPACE_NAME, memberIds)
    const organization: MockOrganization = {
      id,
      name: seed.name,
      pricingPlanName: seed.pricingPlanName ?? 'Free',
      createdAt: now,
      at: now,
      workspaces: [workspace],
      memberIds,
      adminIds: [ownerId],
      memberships: new Map(),
      groups: [],
      invitations: [],
      transfers: [],
      segmentation: undefined,
    }
    this.organizations.set(id, organization)
    return { organization, workspace }
  }

  /** A new workspace (not yet in any organization) with these accounts as its direct members. */
  createWorkspace(name: string, accountIds: readonly number[]): MockWorkspace {
    return { id: this.#nextWorkspaceId++, name, users: accountIds.map((accountId) => ({ id: this.nextId(), accountId })) }
  }

  /** A fresh id for groups, memberships, invitations, transfers and workspace users. */
  nextId(): number {
    return this.#nextId++
  }

  /** The details of a member, made on first use; `undefined` for someone who is not a member. */
  membershipOf(organization: MockOrganization, accountId: number): MockMembership | undefined {
    if (!organization.memberIds.includes(accountId)) return undefined
    let membership = organization.memberships.get(accountId)
    if (!membership) {
      membership = { id: this.nextId(), inactive: false, joinedAt: organization.createdAt }
      organization.memberships.set(accountId, membership)
    }
    return membership
  }

  /** Adds an account to an organization and its first workspace. */
  addMember(organization: MockOrganization, accountId: number): void {
    if (organization.memberIds.includes(accountId)) return
    organization.memberIds.push(accountId)
    organization.memberships.set(accountId, { id: this.nextId(), inactive: false, joinedAt: this.#now() })
    organization.workspaces[0]?.users.push({ id: this.nextId(), accountId })
  }

  /** The organizations an account belongs to, by ascending id. */
  organizationsOf(accountId: number): MockOrganization[] {
    return [...this.organizations.values()]
      .filter((organization) => organization.memberIds.includes(accountId))
      .sort((a, b) => a.id - b.id)
  }

  /** Takes an account out of an organization; the organization goes when its last member leaves. */
  removeMember(organizationId: number, accountId: number): void {
    const organization = this.organizations.get(organizationId)
    if (!organization) return
    organization.memberIds = organization.memberIds.filter((id) => id !== accountId)
    organization.adminIds = organization.adminIds.filter((id) => id !== accountId)
    organization.memberships.delete(accountId)
    for (const workspace of organization.workspaces) {
      workspace.users = workspace.users.filter((user) => user.accountId !== accountId)
    }
    for (const group of organization.groups) group.userIds = group.userIds.filter((id) => id !== accountId)
    if (organization.memberIds.length === 0) this.organizations.delete(organizationId)
  }

  /** Starts an ownership transfer that nobody has answered yet. */
  startTransfer(organization: MockOrganization, requesterId: number, newOwnerId: number | null): MockOwnershipTransfer {
    const transfer: MockOwnershipTransfer = {
      id: this.nextId(),
      requesterId,
      newOwnerId,
      createdAt: this.#now(),
      currentOwnerAnsweredAt: null,
      currentOwnerAccepted: false,
      newOwnerAnsweredAt: null,
      newOwnerAccepted: false,
      finishedAt: null,
      outcome: '',
    }
    organization.transfers.push(transfer)
    return transfer
  }

  /** The fake's clock, in ms since the epoch. */
  now(): number {
    return this.#now()
  }

  /** Stamps a change, as Toggl's `at` field reports it. */
  touch(organization: MockOrganization): void {
    organization.at = this.#now()
  }
}

function sameEmail(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase()
}
