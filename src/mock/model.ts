// The records the fake keeps. Replies are derived from them (see views.ts); times are ms since the epoch.

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
  /** Its direct members; people in a group assigned to it are members too, see `MockState.workspaceUsersOf`. */
  users: MockWorkspaceUser[]
  /** Its settings under Toggl's own field names, as `PUT /workspaces/{id}` changes them. */
  settings: MockWorkspaceSettings
  /** What every time entry in it must name (`/workspaces/{id}/time_entry_constraints`). */
  constraints: MockTimeEntryConstraints
  /** ms since the epoch */
  createdAt: number
  /** Last change, ms since the epoch. */
  at: number
}

/** A workspace's settings, named as Toggl names them. */
export interface MockWorkspaceSettings {
  default_currency: string
  default_hourly_rate: number | null
  /** 0 to the nearest, 1 up, -1 down. */
  rounding: number
  rounding_minutes: number
  only_admins_may_create_projects: boolean
  only_admins_may_create_tags: boolean
  only_admins_see_team_dashboard: boolean
  projects_billable_by_default: boolean
  projects_enforce_billable: boolean
  projects_private_by_default: boolean
  limit_public_project_data: boolean
  reports_collapse: boolean
  hide_start_end_times: boolean
}

export interface MockTimeEntryConstraints {
  time_entry_constraints_enabled: boolean
  description_present: boolean
  project_present: boolean
  tag_present: boolean
  task_present: boolean
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
  /** Per-member details, by account id; see `MockState.membershipOf`. */
  memberships: Map<number, MockMembership>
  groups: MockGroup[]
  invitations: MockInvitation[]
  transfers: MockOwnershipTransfer[]
  /** What the organization told Toggl about itself; `undefined` until it is saved (then a GET answers 204). */
  segmentation: Record<string, unknown> | undefined
}

/** What a user set about themselves (`PUT /me`, `/me/preferences`); made on first use, see `MockState.profileOf`. */
export interface MockProfile {
  /** An IANA name, e.g. `Europe/Berlin`. */
  timezone: string
  /** 0 = Sunday … 6 = Saturday. */
  beginningOfWeek: number
  countryId: number | null
  /** `null` until set: Toggl then names the first workspace they are in. */
  defaultWorkspaceId: number | null
  /** The flat preferences object, Toggl's mixed camelCase and snake_case keys as they are. */
  preferences: Record<string, unknown>
  createdAt: number
  at: number
}

/** What every tracked entity carries, so `since` listings can show what changed and what went. */
export interface MockStamped {
  id: number
  workspaceId: number
  createdAt: number
  /** Last change. */
  at: number
  /** When it was deleted; deleted entities stay as tombstones for `since` listings. */
  deletedAt: number | null
}

export interface MockClient extends MockStamped {
  name: string
  archived: boolean
  creatorId: number
  notes: string | null
  externalReference: string | null
}

export interface MockProject extends MockStamped {
  clientId: number | null
  name: string
  /** `#` and six lower-case hex digits. */
  color: string
  /** `false` once archived. */
  active: boolean
  isPrivate: boolean
  billable: boolean
  template: boolean
  templateId: number | null
  autoEstimates: boolean | null
  estimatedSeconds: number | null
  rate: number | null
  fixedFee: number | null
  currency: string | null
  /** `YYYY-MM-DD` */
  startDate: string
  /** `YYYY-MM-DD`, or `null` for no end. */
  endDate: string | null
  recurring: boolean
  recurringParameters: unknown[] | null
  externalReference: string | null
  creatorId: number
}

export interface MockTag extends MockStamped {
  name: string
  creatorId: number
}

export interface MockTask extends MockStamped {
  projectId: number
  name: string
  /** `false` once done. */
  active: boolean
  estimatedSeconds: number | null
  /** The assignee. */
  userId: number | null
  externalReference: string | null
}

export interface MockTimeEntry extends MockStamped {
  userId: number
  projectId: number | null
  taskId: number | null
  description: string | null
  tagIds: number[]
  billable: boolean
  /** May hold milliseconds; replies show whole seconds. */
  start: number
  /** `null` while it runs. */
  stop: number | null
  createdWith: string
}

/** The entities by the model names Toggl's webhooks use. */
export interface MockRecords {
  client: MockClient
  project: MockProject
  tag: MockTag
  task: MockTask
  time_entry: MockTimeEntry
  workspace: MockWorkspace
}

export type MockModel = keyof MockRecords

export type MockAction = 'created' | 'updated' | 'deleted'

/** One change of the fake's data, as `MockState.onChange` listeners receive it. */
export interface MockChange {
  model: MockModel
  action: MockAction
  /**
   * The entity after the change as the API shows it to the acting user (a time entry as a create
   * reply shows it, `start` in `…Z`; a deleted one with `server_deleted_at` set).
   */
  entity: Record<string, unknown>
  workspaceId: number
  /** The account that made the change. */
  userId: number
  /** When, ms since the epoch. */
  at: number
}
