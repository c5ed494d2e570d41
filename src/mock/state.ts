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

/** A direct member of a workspace. */
export interface MockWorkspaceUser {
  /** The workspace-user id Toggl gives each member of a workspace (not the account id). */
  id: number
  accountId: number
  /** Administers this workspace; the flag goes with the entry when they leave it. */
  admin: boolean
}

export interface MockWorkspace {
  id: number
  name: string
  /** Its direct members; people in a group assigned to it are members too, see {@link MockState.workspaceUsersOf}. */
  users: MockWorkspaceUser[]
}

/** Someone in a workspace, directly or through a group, as `workspace_users` lists them. */
export interface MockWorkspaceMember {
  /** The workspace-user id. */
  id: number
  accountId: number
  admin: boolean
  /** In the workspace itself, not only through a group assigned to it. */
  direct: boolean
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
  // The workspace-user ids of people in a workspace only through a group, by "workspace:account",
  // so a listing shows the same id every time.
  readonly #groupMemberIds = new Map<string, number>()

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

  /** The account with this e-mail address (case does not count), if any. */
  accountWithEmail(email: string): MockAccount | undefined {
    return [...this.accounts.values()].find((account) => sameEmail(account.email, email))
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
    const workspace = this.createWorkspace(seed.workspaceName ?? DEFAULT_WORKSPACE_NAME, memberIds, [ownerId])
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

  /**
   * A new workspace (not yet in any organization) with these accounts as its direct members, those
   * of them in `adminIds` as its admins.
   */
  createWorkspace(name: string, accountIds: readonly number[], adminIds: readonly number[] = []): MockWorkspace {
    const workspace: MockWorkspace = { id: this.#nextWorkspaceId++, name, users: [] }
    for (const accountId of accountIds) this.joinWorkspace(workspace, accountId, adminIds.includes(accountId))
    return workspace
  }

  /** Makes an account a direct member of a workspace (if it is not one yet); answers its entry. */
  joinWorkspace(workspace: MockWorkspace, accountId: number, admin = false): MockWorkspaceUser {
    let user = workspace.users.find((entry) => entry.accountId === accountId)
    if (!user) {
      user = { id: this.nextId(), accountId, admin }
      workspace.users.push(user)
    }
    return user
  }

  /**
   * Everyone in a workspace: its direct members, then the other members of the groups assigned to
   * it (Toggl lists users who belong "directly or through at least one group"). Organization admins
   * count as admins of every workspace, as Toggl lets them manage all of them; anyone else only
   * where their direct entry says so (a group carries no admin rights).
   */
  workspaceUsersOf(organization: MockOrganization, workspace: MockWorkspace): MockWorkspaceMember[] {
    const organizationAdmin = (accountId: number) => organization.adminIds.includes(accountId)
    const members: MockWorkspaceMember[] = workspace.users.map(({ id, accountId, admin }) => ({
      id,
      accountId,
      admin: admin || organizationAdmin(accountId),
      direct: true,
    }))
    for (const group of organization.groups) {
      if (!group.workspaceIds.includes(workspace.id)) continue
      for (const accountId of group.userIds) {
        if (members.some((member) => member.accountId === accountId)) continue
        members.push({ id: this.#groupMemberId(workspace, accountId), accountId, admin: organizationAdmin(accountId), direct: false })
      }
    }
    return members
  }

  #groupMemberId(workspace: MockWorkspace, accountId: number): number {
    const key = `${workspace.id}:${accountId}`
    let id = this.#groupMemberIds.get(key)
    if (id === undefined) {
      id = this.nextId()
      this.#groupMemberIds.set(key, id)
    }
    return id
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

  /**
   * Adds an account to an organization (if it is not a member yet) and to these of its workspaces;
   * throws for a workspace of another organization, as this is for tests and seeding.
   */
  addMember(organization: MockOrganization, accountId: number, workspaceIds: readonly number[]): void {
    const workspaces = workspaceIds.map((workspaceId) => {
      const workspace = organization.workspaces.find(({ id }) => id === workspaceId)
      if (!workspace) throw new Error(`togglkit/mock: organization ${organization.id} has no workspace ${workspaceId}`)
      return workspace
    })
    if (!organization.memberIds.includes(accountId)) {
      organization.memberIds.push(accountId)
      organization.memberships.set(accountId, { id: this.nextId(), inactive: false, joinedAt: this.#now() })
    }
    for (const workspace of workspaces) this.joinWorkspace(workspace, accountId)
  }

  /** The organization a workspace belongs to, if the workspace exists. */
  organizationOfWorkspace(workspaceId: number): MockOrganization | undefined {
    for (const organization of this.organizations.values()) {
      if (organization.workspaces.some(({ id }) => id === workspaceId)) return organization
    }
    return undefined
  }

  /** The organizations an account belongs to, by ascending id. */
  organizationsOf(accountId: number): MockOrganization[] {
    return [...this.organizations.values()]
      .filter((organization) => organization.memberIds.includes(accountId))
      .sort((a, b) => a.id - b.id)
  }

  /**
   * Takes an account out of an organization, its workspaces and groups; a running ownership
   * transfer to them ends declined. The organization goes when its last member leaves.
   */
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
    for (const transfer of organization.transfers) {
      if (transfer.finishedAt === null && transfer.newOwnerId === accountId) {
        Object.assign(transfer, { finishedAt: this.#now(), outcome: 'declined' })
      }
    }
    if (organization.memberIds.length === 0) this.organizations.delete(organizationId)
  }

  /** Starts an ownership transfer that nobody has answered yet; the new owner must be a member. */
  startTransfer(organization: MockOrganization, requesterId: number, newOwnerId: number | null): MockOwnershipTransfer {
    if (newOwnerId !== null && !organization.memberIds.includes(newOwnerId)) {
      throw new Error(`togglkit/mock: account ${newOwnerId} is not a member of organization ${organization.id}`)
    }
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

/** E-mail addresses compare without regard to case, as Toggl's do. */
export function sameEmail(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase()
}
