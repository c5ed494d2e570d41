import type {
  MockAccount,
  MockAction,
  MockChange,
  MockClient,
  MockMembership,
  MockModel,
  MockOrganization,
  MockOrganizationSeed,
  MockOwnershipTransfer,
  MockProfile,
  MockProject,
  MockRecords,
  MockStamped,
  MockTag,
  MockTask,
  MockTimeEntry,
  MockWorkspace,
  MockWorkspaceMember,
  MockWorkspaceUser,
} from './model.ts'
import {
  defaultConstraints,
  defaultPreferences,
  defaultSettings,
  instantOf,
  paletteColor,
  type MockClientSeed,
  type MockProjectSeed,
  type MockTagSeed,
  type MockTaskSeed,
  type MockTimeEntrySeed,
} from './seeds.ts'
import { dayOf } from './times.ts'
import { viewOf } from './views.ts'

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
const MAX_DEPARTURES = 1000

/** The fake's accounts, organizations and memberships, open to tests and the playground. */
export class MockState {
  readonly accounts: Map<number, MockAccount> = new Map()
  readonly organizations: Map<number, MockOrganization> = new Map()
  // Tracked entities by id, deleted ones included (with `deletedAt`), for `since` listings.
  readonly clients: Map<number, MockClient> = new Map()
  readonly projects: Map<number, MockProject> = new Map()
  readonly tags: Map<number, MockTag> = new Map()
  readonly tasks: Map<number, MockTask> = new Map()
  readonly timeEntries: Map<number, MockTimeEntry> = new Map()
  readonly #profiles = new Map<number, MockProfile>()
  readonly #listeners = new Set<(change: MockChange) => void>()
  readonly #now: () => number
  // Counters only grow, so an id is never handed out twice, even after its organization is gone.
  #nextOrganizationId = FIRST_ORGANIZATION_ID
  #nextWorkspaceId = FIRST_WORKSPACE_ID
  #nextId = FIRST_OTHER_ID
  // The workspace-user ids of people in a workspace only through a group, by "workspace:account",
  // so a listing shows the same id every time.
  readonly #groupMemberIds = new Map<string, number>()
  // Who lost access to which workspace when, for `since` listings of /me/workspaces; the newest only.
  readonly #departures: { organization: MockOrganization; workspace: MockWorkspace; accountId: number; at: number }[] = []

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
    const now = this.#now()
    const workspace: MockWorkspace = {
      id: this.#nextWorkspaceId++,
      name,
      users: [],
      settings: defaultSettings(),
      constraints: defaultConstraints(),
      createdAt: now,
      at: now,
    }
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
    this.changeMembership(organization, () => this.#removeMember(organization, accountId))
  }

  #removeMember(organization: MockOrganization, accountId: number): void {
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
    if (organization.memberIds.length === 0) this.organizations.delete(organization.id)
  }

  /**
   * Runs `change` (people leave workspaces of `organization`), noting each workspace someone lost
   * access to, so their next `since` listing of `/me/workspaces` reports it deleted (Toggl's listing
   * "also reports membership changes"; the shape, a deleted workspace, is the fake's reading).
   */
  changeMembership(organization: MockOrganization, change: () => void): void {
    const accountIds = [...this.accounts.keys()]
    const had = organization.workspaces.flatMap((workspace) =>
      accountIds.filter((accountId) => this.accessOf(organization, workspace, accountId)).map((accountId) => ({ workspace, accountId })),
    )
    change()
    const at = this.#now()
    const stays = this.organizations.has(organization.id)
    for (const { workspace, accountId } of had) {
      if (stays && organization.workspaces.includes(workspace) && this.accessOf(organization, workspace, accountId)) continue
      this.#departures.push({ organization, workspace, accountId, at })
    }
    if (this.#departures.length > MAX_DEPARTURES) this.#departures.splice(0, this.#departures.length - MAX_DEPARTURES)
  }

  /** The workspaces an account lost access to at or after `since` (ms) and has not regained. */
  departuresOf(accountId: number, since: number): { organization: MockOrganization; workspace: MockWorkspace; at: number }[] {
    const regained = new Set(this.workspacesOf(accountId).map(({ workspace }) => workspace.id))
    const newest = new Map<number, { organization: MockOrganization; workspace: MockWorkspace; at: number }>()
    for (const departure of this.#departures) {
      if (departure.accountId === accountId && departure.at >= since && !regained.has(departure.workspace.id)) newest.set(departure.workspace.id, departure)
    }
    return [...newest.values()]
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

  /** The organization a workspace belongs to, if the fake knows the workspace. */
  organizationOfWorkspace(workspaceId: number): MockOrganization | undefined {
    return this.findWorkspace(workspaceId)?.organization
  }

  /** A workspace and its organization, by the workspace's id. */
  findWorkspace(workspaceId: number): { organization: MockOrganization; workspace: MockWorkspace } | undefined {
    for (const organization of this.organizations.values()) {
      const workspace = organization.workspaces.find(({ id }) => id === workspaceId)
      if (workspace) return { organization, workspace }
    }
    return undefined
  }

  /**
   * What an account may do in a workspace: `'admin'` (a workspace admin or an admin of its
   * organization), `'member'` (in it directly or through a group), or `undefined` for no access.
   */
  accessOf(organization: MockOrganization, workspace: MockWorkspace, accountId: number): 'admin' | 'member' | undefined {
    if (organization.adminIds.includes(accountId)) return 'admin'
    const member = this.workspaceUsersOf(organization, workspace).find((user) => user.accountId === accountId)
    if (!member) return undefined
    return member.admin ? 'admin' : 'member'
  }

  /** The workspaces an account may use, by ascending id. */
  workspacesOf(accountId: number): { organization: MockOrganization; workspace: MockWorkspace }[] {
    return this.organizationsOf(accountId)
      .flatMap((organization) => organization.workspaces.map((workspace) => ({ organization, workspace })))
      .filter(({ organization, workspace }) => this.accessOf(organization, workspace, accountId) !== undefined)
      .sort((a, b) => a.workspace.id - b.workspace.id)
  }

  /** What an account set about itself, made with Toggl's defaults on first use. */
  profileOf(accountId: number): MockProfile {
    let profile = this.#profiles.get(accountId)
    if (!profile) {
      const now = this.#now()
      profile = {
        timezone: 'UTC',
        beginningOfWeek: 1,
        countryId: null,
        defaultWorkspaceId: null,
        preferences: defaultPreferences(),
        createdAt: now,
        at: now,
      }
      this.#profiles.set(accountId, profile)
    }
    return profile
  }

  /** The workspace `/me` names as default: the one they chose while they may still use it, else their first. */
  defaultWorkspaceOf(accountId: number): number | null {
    const workspaces = this.workspacesOf(accountId).map(({ workspace }) => workspace.id)
    const chosen = this.profileOf(accountId).defaultWorkspaceId
    return chosen !== null && workspaces.includes(chosen) ? chosen : (workspaces[0] ?? null)
  }

  /** The entry running for an account, if any (one at most). */
  runningEntryOf(accountId: number): MockTimeEntry | undefined {
    return [...this.timeEntries.values()].find((entry) => isLive(entry) && entry.userId === accountId && entry.stop === null)
  }

  /**
   * Calls `listener` synchronously after every change of a tracked entity or workspace, whether
   * through the API or a seed helper. Answers a function that removes the listener.
   */
  onChange(listener: (change: MockChange) => void): () => void {
    this.#listeners.add(listener)
    return () => this.#listeners.delete(listener)
  }

  /**
   * The one place every change goes through: stamps `at` (and `deletedAt` for a deletion), stores a
   * new entity, and tells the listeners what changed, who changed it and how the API now shows it.
   * Change a record's fields first, then commit it.
   */
  commit<M extends MockModel>(model: M, action: MockAction, record: MockRecords[M], userId: number): void {
    const at = this.#now()
    record.at = at
    if ('deletedAt' in record) {
      if (action === 'deleted') record.deletedAt = at
      if (action === 'created') this.#tableOf(model as TrackedModel).set(record.id, record)
    }
    if (this.#listeners.size === 0) return
    const entity = viewOf(this, { model, record } as Parameters<typeof viewOf>[1], userId)
    const workspaceId = 'workspaceId' in record ? record.workspaceId : record.id
    for (const listener of [...this.#listeners]) listener({ model, action, entity, workspaceId, userId, at })
  }

  #tableOf(model: TrackedModel): Map<number, MockStamped> {
    const tables: Record<TrackedModel, Map<number, MockStamped>> = {
      client: this.clients,
      project: this.projects,
      tag: this.tags,
      task: this.tasks,
      time_entry: this.timeEntries,
    }
    return tables[model]
  }

  /**
   * Deletes an entity, keeping it as a tombstone for `since` listings, and what depends on it:
   * a client's projects lose it, a project's tasks go and its entries are deleted or (the default)
   * lose their project and task, a task's entries lose it, a tag leaves the entries that carry it.
   */
  remove<M extends TrackedModel>(model: M, record: MockRecords[M], actorId: number, options: { timeEntries?: 'delete' | 'unassign' } = {}): void {
    this.commit(model, 'deleted', record, actorId)
    const { id } = record
    switch (model) {
      case 'client':
        for (const project of liveWhere(this.projects, (project) => project.clientId === id)) this.update('project', project, { clientId: null }, actorId)
        return
      case 'project':
        for (const task of liveWhere(this.tasks, (task) => task.projectId === id)) this.remove('task', task, actorId)
        for (const entry of liveWhere(this.timeEntries, (entry) => entry.projectId === id)) {
          if (options.timeEntries === 'delete') this.remove('time_entry', entry, actorId)
          else this.update('time_entry', entry, { projectId: null, taskId: null }, actorId)
        }
        return
      case 'task':
        for (const entry of liveWhere(this.timeEntries, (entry) => entry.taskId === id)) this.update('time_entry', entry, { taskId: null }, actorId)
        return
      case 'tag':
        for (const entry of liveWhere(this.timeEntries, (entry) => entry.tagIds.includes(id))) {
          this.update('time_entry', entry, { tagIds: entry.tagIds.filter((tag) => tag !== id) }, actorId)
        }
    }
  }

  /** Changes an entity in place and commits it as updated (acting: `actorId`). */
  update<M extends TrackedModel>(model: M, record: MockRecords[M], changes: Partial<MockRecords[M]>, actorId: number): void {
    Object.assign(record, changes)
    this.commit(model, 'updated', record, actorId)
  }

  /** Adds a client (acting: `actorId`, else its creator); throws for a workspace the fake does not know. */
  addClient(seed: MockClientSeed, actorId?: number): MockClient {
    const workspace = this.#seedWorkspace(seed.workspaceId)
    const creatorId = seed.creatorId ?? this.#firstMember(workspace)
    const client: MockClient = {
      ...this.#stamp(workspace.id),
      name: seed.name,
      archived: seed.archived ?? false,
      creatorId,
      notes: seed.notes ?? null,
      externalReference: seed.externalReference ?? null,
    }
    this.commit('client', 'created', client, actorId ?? creatorId)
    return client
  }

  /** Adds a project with Toggl's defaults for what the seed leaves out; its client must be in the same workspace. */
  addProject(seed: MockProjectSeed, actorId?: number): MockProject {
    const project = this.draftProject(seed)
    this.commit('project', 'created', project, actorId ?? project.creatorId)
    return project
  }

  /** The project {@link addProject} would add, with its id, but not stored: for checks before it is committed as created. */
  draftProject(seed: MockProjectSeed): MockProject {
    const workspace = this.#seedWorkspace(seed.workspaceId)
    const clientId = seed.clientId ?? null
    if (clientId !== null) this.#seedEntity(this.clients, clientId, workspace.id, 'client')
    const paid = this.organizationOfWorkspace(workspace.id)?.pricingPlanName !== 'Free'
    const count = [...this.projects.values()].filter((project) => project.workspaceId === workspace.id).length
    return {
      ...this.#stamp(workspace.id),
      clientId,
      name: seed.name,
      color: (seed.color ?? paletteColor(count)).toLowerCase(),
      active: seed.active ?? true,
      isPrivate: seed.isPrivate ?? workspace.settings.projects_private_by_default,
      billable: seed.billable ?? (paid && workspace.settings.projects_billable_by_default),
      template: seed.template ?? false,
      templateId: seed.templateId ?? null,
      autoEstimates: seed.autoEstimates ?? null,
      estimatedSeconds: seed.estimatedSeconds ?? null,
      rate: seed.rate ?? null,
      fixedFee: seed.fixedFee ?? null,
      currency: seed.currency ?? null,
      startDate: seed.startDate ?? dayOf(this.#now()),
      endDate: seed.endDate ?? null,
      recurring: seed.recurring ?? false,
      recurringParameters: seed.recurringParameters ?? null,
      externalReference: seed.externalReference ?? null,
      creatorId: seed.creatorId ?? this.#firstMember(workspace),
    }
  }

  addTag(seed: MockTagSeed, actorId?: number): MockTag {
    const workspace = this.#seedWorkspace(seed.workspaceId)
    const creatorId = seed.creatorId ?? this.#firstMember(workspace)
    const tag: MockTag = { ...this.#stamp(workspace.id), name: seed.name, creatorId }
    this.commit('tag', 'created', tag, actorId ?? creatorId)
    return tag
  }

  /** Adds a task to a project, in the project's workspace. */
  addTask(seed: MockTaskSeed, actorId?: number): MockTask {
    const project = this.projects.get(seed.projectId)
    if (!project || !isLive(project)) throw new Error(`togglkit/mock: no project ${seed.projectId}`)
    const workspace = this.#seedWorkspace(project.workspaceId)
    const task: MockTask = {
      ...this.#stamp(project.workspaceId),
      projectId: project.id,
      name: seed.name,
      active: seed.active ?? true,
      estimatedSeconds: seed.estimatedSeconds ?? null,
      userId: seed.userId ?? null,
      externalReference: seed.externalReference ?? null,
    }
    this.commit('task', 'created', task, actorId ?? this.#firstMember(workspace))
    return task
  }

  /**
   * Adds a time entry. A running one (`stop: null`) first stops the user's running entry at its
   * start: the fake's rule, as Toggl's apps do it (whether the API does is not documented).
   */
  addTimeEntry(seed: MockTimeEntrySeed, actorId?: number): MockTimeEntry {
    const workspace = this.#seedWorkspace(seed.workspaceId)
    const userId = seed.userId ?? this.#firstMember(workspace)
    const taskId = seed.taskId ?? null
    const task = taskId === null ? undefined : this.#seedEntity(this.tasks, taskId, workspace.id, 'task')
    const projectId = seed.projectId ?? task?.projectId ?? null
    if (projectId !== null) this.#seedEntity(this.projects, projectId, workspace.id, 'project')
    if (task && task.projectId !== projectId) throw new Error(`togglkit/mock: task ${taskId} is not in project ${projectId}`)
    for (const tagId of seed.tagIds ?? []) this.#seedEntity(this.tags, tagId, workspace.id, 'tag')
    const start = instantOf(seed.start, 'start')
    const stop = seed.stop === null ? null : seed.stop === undefined ? start + (seed.duration ?? 0) * 1000 : instantOf(seed.stop, 'stop')
    if (stop !== null && stop < start) throw new Error('togglkit/mock: a time entry cannot stop before it starts')
    const actor = actorId ?? userId
    if (stop === null) this.stopRunningEntry(userId, start, actor)
    const entry: MockTimeEntry = {
      ...this.#stamp(workspace.id),
      userId,
      projectId,
      taskId,
      description: seed.description ?? null,
      tagIds: [...new Set(seed.tagIds ?? [])],
      billable: seed.billable ?? false,
      start,
      stop,
      createdWith: seed.createdWith ?? 'togglkit/mock',
    }
    this.commit('time_entry', 'created', entry, actor)
    return entry
  }

  /** Stops the account's running entry, if any, at `at` (never before it started). */
  stopRunningEntry(accountId: number, at: number, actorId: number): void {
    const running = this.runningEntryOf(accountId)
    if (!running) return
    running.stop = Math.max(running.start, at)
    this.commit('time_entry', 'updated', running, actorId)
  }

  #stamp(workspaceId: number): MockStamped {
    const now = this.#now()
    return { id: this.nextId(), workspaceId, createdAt: now, at: now, deletedAt: null }
  }

  #seedWorkspace(workspaceId: number): MockWorkspace {
    const found = this.findWorkspace(workspaceId)
    if (!found) throw new Error(`togglkit/mock: no workspace ${workspaceId}`)
    return found.workspace
  }

  #seedEntity<T extends MockStamped>(table: Map<number, T>, id: number, workspaceId: number, kind: string): T {
    const entity = table.get(id)
    if (!entity || !isLive(entity) || entity.workspaceId !== workspaceId) {
      throw new Error(`togglkit/mock: workspace ${workspaceId} has no ${kind} ${id}`)
    }
    return entity
  }

  #firstMember(workspace: MockWorkspace): number {
    const first = workspace.users[0]
    if (!first) throw new Error(`togglkit/mock: workspace ${workspace.id} has no members`)
    return first.accountId
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

/** The entities a workspace holds, which can be deleted (and then stay as tombstones). */
export type TrackedModel = Exclude<MockModel, 'workspace'>

function isLive(entity: MockStamped): boolean {
  return entity.deletedAt === null
}

function liveWhere<T extends MockStamped>(table: Map<number, T>, matches: (entity: T) => boolean): T[] {
  return [...table.values()].filter((entity) => isLive(entity) && matches(entity))
}
