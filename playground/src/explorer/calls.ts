// Every call of every endpoint class, one row each: what the explorer shows and runs. A row names
// the call (`Class.method`), its parameters in order (typed from the library's own input schemas
// where one exists, JSON otherwise), the per-call options it takes, an example that works on a
// freshly seeded demo fake, and the requests it sends as Toggl's spec writes them.
// test/playground-explorer.test.ts checks the table against the library: a method an endpoint gains
// without a row fails it, and so does a row whose example sends anything its `sends` does not name.
import type * as v from 'valibot'
import { DEMO_HOOK_SECRET, DEMO_HOOK_URL, DEMO_VALIDATING_HOOK_URL, type DemoIds } from '../../common/demo-fake.ts'
import { GroupFiltersSchema, GroupInputSchema } from '../../../src/schemas/organizations/groups.ts'
import { InvitationInputSchema } from '../../../src/schemas/organizations/invitations.ts'
import { OrganizationUserChangesSchema, UserListingSchema, UserPageQuerySchema } from '../../../src/schemas/organizations/organization-users.ts'
import { WorkspaceInputSchema, WorkspaceUserFiltersSchema } from '../../../src/schemas/organizations/organization-workspaces.ts'
import { SegmentationInputSchema } from '../../../src/schemas/organizations/segmentation.ts'
import { DetailedExportInputSchema, DetailedReportInputSchema, DetailedTotalsInputSchema } from '../../../src/schemas/reports/detailed.ts'
import { ReportRangeInputSchema, SummaryExportInputSchema, SummaryReportInputSchema } from '../../../src/schemas/reports/summary.ts'
import { WeeklyExportInputSchema, WeeklyReportInputSchema } from '../../../src/schemas/reports/weekly.ts'
import { ClientFiltersSchema, ClientInputSchema, ClientRestoreSchema, MyClientFiltersSchema } from '../../../src/schemas/tracking/clients.ts'
import { MyProjectFiltersSchema, ProjectChangesSchema, ProjectDeletionSchema, ProjectFiltersSchema, ProjectInputSchema } from '../../../src/schemas/tracking/projects.ts'
import { MyTagFiltersSchema, TagFiltersSchema } from '../../../src/schemas/tracking/tags.ts'
import { MyTaskFiltersSchema, TaskChangesSchema, TaskFiltersSchema, TaskInputSchema } from '../../../src/schemas/tracking/tasks.ts'
import { TimeEntryAddInputSchema, TimeEntryChangesSchema, TimeEntryStartInputSchema } from '../../../src/schemas/tracking/time-entries.ts'
import { PreferenceChangesSchema, UserChangesSchema, UserQuerySchema } from '../../../src/schemas/tracking/user.ts'
import { MyWorkspaceFiltersSchema, WorkspaceChangesSchema, WorkspaceMemberFiltersSchema } from '../../../src/schemas/tracking/workspaces.ts'
import { WebhookSubscriptionInputSchema } from '../../../src/schemas/webhooks/subscriptions.ts'

export const FAMILIES = ['Organizations', 'Organization admin', 'User and workspaces', 'Catalogue', 'Time entries', 'Reports', 'Webhooks'] as const
export type Family = (typeof FAMILIES)[number]

/** What an id parameter names, for its field's placeholder. */
export type IdKind =
  | 'organization'
  | 'workspace'
  | 'organization user'
  | 'workspace user'
  | 'user'
  | 'group'
  | 'transfer'
  | 'invitation'
  | 'project'
  | 'client'
  | 'tag'
  | 'task'
  | 'time entry'
  | 'subscription'

/** One parameter of a call, and the field the explorer gives it. */
export type Param = { name: string; optional?: true } & (
  | { kind: 'id' | 'ids'; of: IdKind }
  | { kind: 'text' | 'boolean' | 'json' }
  | { kind: 'choice'; choices: readonly string[] }
  /** An object the library checks with `schema`: a field per entry where the schema allows, JSON otherwise. */
  | { kind: 'object'; schema: v.GenericSchema }
)

/**
 * The options a call takes after its parameters: `call` only `{ signal }`; `read` also
 * `{ refresh }` (a cache may answer it); `current` `{ maxAge }`; `sync` `{ from }`; `none` takes none.
 */
export type CallOptionsKind = 'call' | 'read' | 'current' | 'sync' | 'none'

export interface ExplorerCall {
  /** `Class.method`. */
  name: string
  family: Family
  params: Param[]
  options: CallOptionsKind
  /** One value per parameter (`undefined` leaves an optional one out) that works on a fresh demo fake. */
  example(ids: DemoIds, now: number): unknown[]
  /** `METHOD /path` of each request it may send, paths as Toggl's spec writes them (an empty list: none). */
  sends: string[]
  hint: string
  /** A static method, called with the page's auth and options: `Class.method(auth, options)`. */
  static?: true
}

const id = (name: string, of: IdKind = name as IdKind): Param => ({ name, kind: 'id', of })
const ids = (name: string, of: IdKind): Param => ({ name, kind: 'ids', of })
const text = (name: string): Param => ({ name, kind: 'text' })
const json = (name: string): Param => ({ name, kind: 'json' })
const object = (name: string, schema: v.GenericSchema): Param => ({ name, kind: 'object', schema })
const choice = (name: string, choices: readonly string[]): Param => ({ name, kind: 'choice', choices })
const optional = (param: Param): Param => ({ ...param, optional: true })

const ws = id('workspace')
const org = id('organization')
const WS = '/workspaces/{workspace_id}'
const ORG = '/organizations/{organization_id}'
const REPORTS = '/reports/api/v3/workspace/{workspace_id}'

const DAY = 86_400_000
const day = (at: number) => new Date(at).toISOString().slice(0, 10)
/** The week up to today: what the demo fake has tracked. */
const lastWeek = (now: number) => ({ start_date: day(now - 6 * DAY), end_date: day(now) })

export const EXPLORER_CALLS: readonly ExplorerCall[] = [
  // Organizations
  { name: 'OrganizationEndpoint.collect', family: 'Organizations', params: [], options: 'read', example: () => [], sends: ['GET /me/organizations'], hint: 'Every organization you belong to; from the cache once a listing is stored.' },
  { name: 'OrganizationEndpoint.get', family: 'Organizations', params: [org], options: 'read', example: (i) => [i.organization], sends: [`GET ${ORG}`], hint: 'One organization, from the cache while fresh; null on 404 or 403.' },
  { name: 'OrganizationEndpoint.add', family: 'Organizations', params: [text('name'), optional(text('workspaceName'))], options: 'call', example: () => ['Playground Org', 'First Space'], sends: ['POST /organizations'], hint: 'Creates an organization with its first workspace; both names are checked before sending.' },
  { name: 'OrganizationEndpoint.edit', family: 'Organizations', params: [org, text('name')], options: 'call', example: (i) => [i.premiumOrganization, 'Globex Labs'], sends: [`PUT ${ORG}`, `GET ${ORG}`], hint: 'Renames it; Toggl answers "OK", so the model comes from the cache or one GET.' },
  { name: 'OrganizationEndpoint.delete', family: 'Organizations', params: [org], options: 'call', example: (i) => [i.memberOrganization], sends: [`DELETE ${ORG}/users/leave`], hint: 'Leaves the organization (Toggl deletes it with its last user); a 404 is ignored.' },

  // The organization admin API
  { name: 'OrganizationUserEndpoint.page', family: 'Organization admin', params: [org, optional(object('query', UserPageQuerySchema))], options: 'call', example: (i) => [i.organization, { page: 1, per_page: 2 }], sends: [`GET ${ORG}/users`], hint: 'One page of members and invited people (admins only), with X-Page/X-Pages/X-Records.' },
  { name: 'OrganizationUserEndpoint.detailedPage', family: 'Organization admin', params: [org, optional(object('query', UserPageQuerySchema))], options: 'call', example: (i) => [i.organization, { per_page: 3, sort_dir: 'desc' }], sends: [`GET ${ORG}/users/detailed`], hint: 'Like page, with each user’s workspaces and groups.' },
  { name: 'OrganizationUserEndpoint.iterate', family: 'Organization admin', params: [org, optional(object('filters', UserListingSchema))], options: 'call', example: (i) => [i.organization, { per_page: 2 }], sends: [`GET ${ORG}/users`], hint: 'Every page of /users, one request each, as the loop asks; shown page by page.' },
  { name: 'OrganizationUserEndpoint.iterateDetailed', family: 'Organization admin', params: [org, optional(object('filters', UserListingSchema))], options: 'call', example: (i) => [i.organization, { per_page: 3, active_status: ['active'] }], sends: [`GET ${ORG}/users/detailed`], hint: 'Every page of /users/detailed, one request each.' },
  { name: 'OrganizationUserEndpoint.edit', family: 'Organization admin', params: [org, id('organizationUser', 'organization user'), object('changes', OrganizationUserChangesSchema)], options: 'call', example: (i) => [i.organization, i.organizationUser, { inactive: true }], sends: [`PUT ${ORG}/users/{organization_user_id}`], hint: 'Changes one member, by organization-user id (the id in user listings, not the account id).' },
  { name: 'OrganizationUserEndpoint.delete', family: 'Organization admin', params: [org, ids('organizationUsers', 'organization user')], options: 'call', example: (i) => [i.organization, [i.organizationUser]], sends: [`PATCH ${ORG}/users`], hint: 'Removes members (or withdraws invitations) by organization-user id.' },
  { name: 'GroupEndpoint.collect', family: 'Organization admin', params: [org, optional(object('filters', GroupFiltersSchema))], options: 'read', example: (i) => [i.organization], sends: [`GET ${ORG}/groups`], hint: 'The organization’s groups; from the cache while fresh.' },
  { name: 'GroupEndpoint.collectInWorkspace', family: 'Organization admin', params: [org, ws], options: 'read', example: (i) => [i.organization, i.workspace], sends: [`GET ${ORG}/workspaces/{workspace_id}/groups`], hint: 'The groups that have access to one workspace; from the cache while fresh.' },
  { name: 'GroupEndpoint.add', family: 'Organization admin', params: [org, object('group', GroupInputSchema)], options: 'call', example: (i) => [i.organization, { name: 'Design' }], sends: [`POST ${ORG}/groups`], hint: 'Creates a group (admins only); the name is checked before sending.' },
  { name: 'GroupEndpoint.edit', family: 'Organization admin', params: [org, id('group'), object('changes', GroupInputSchema)], options: 'call', example: (i) => [i.organization, i.group, { name: 'Product Design' }], sends: [`PUT ${ORG}/groups/{group_id}`], hint: 'Renames a group; users and workspaces, when given, replace its lists.' },
  { name: 'GroupEndpoint.patch', family: 'Organization admin', params: [org, id('group'), json('operations')], options: 'call', example: (i) => [i.organization, i.group, [{ op: 'add', path: '/users', value: [i.teammate] }]], sends: [`PATCH ${ORG}/groups/{group_id}`], hint: 'Adds or removes users (account ids) and workspaces; each operation succeeds or fails on its own.' },
  { name: 'GroupEndpoint.delete', family: 'Organization admin', params: [org, id('group')], options: 'call', example: (i) => [i.organization, i.group], sends: [`DELETE ${ORG}/groups/{group_id}`], hint: 'Deletes a group; a 404 is ignored unless reRaise.' },
  { name: 'OwnerEndpoint.get', family: 'Organization admin', params: [org], options: 'read', example: (i) => [i.organization], sends: [`GET ${ORG}/owner`], hint: 'Who owns the organization; from the cache while fresh.' },
  { name: 'OwnerEndpoint.collectTransfers', family: 'Organization admin', params: [org, optional(json('filters'))], options: 'call', example: (i) => [i.transferOrganization, { ongoing: true }], sends: [`GET ${ORG}/owner/transfer`], hint: 'The ownership transfers, running ({ ongoing: true }) or finished.' },
  { name: 'OwnerEndpoint.getTransfer', family: 'Organization admin', params: [org, id('transfer')], options: 'call', example: (i) => [i.transferOrganization, i.transfer], sends: [`GET ${ORG}/owner/transfer/{owner_transfer_id}`], hint: 'One transfer; null on 404 or 403.' },
  { name: 'OwnerEndpoint.startTransfer', family: 'Organization admin', params: [org], options: 'call', example: (i) => [i.organization], sends: [`POST ${ORG}/owner/transfer`], hint: 'Starts handing the organization over (owner only, one at a time).' },
  { name: 'OwnerEndpoint.acceptTransfer', family: 'Organization admin', params: [org, id('transfer')], options: 'call', example: (i) => [i.transferOrganization, i.transfer], sends: [`POST ${ORG}/owner/transfer/{owner_transfer_id}/accept`], hint: 'The current owner’s yes; it finishes once the new owner says yes too.' },
  { name: 'OwnerEndpoint.declineTransfer', family: 'Organization admin', params: [org, id('transfer')], options: 'call', example: (i) => [i.transferOrganization, i.transfer], sends: [`POST ${ORG}/owner/transfer/{owner_transfer_id}/decline`], hint: 'A no from either owner ends the transfer.' },
  { name: 'OwnerEndpoint.withdrawTransfer', family: 'Organization admin', params: [org, id('transfer')], options: 'call', example: (i) => [i.transferOrganization, i.transfer], sends: [`POST ${ORG}/owner/transfer/{owner_transfer_id}/withdraw`], hint: 'The one who started the transfer calls it off.' },
  { name: 'SegmentationEndpoint.get', family: 'Organization admin', params: [org], options: 'call', example: (i) => [i.organization], sends: [`GET ${ORG}/segmentation`], hint: 'What the organization told Toggl about itself; null until it saved something (204).' },
  { name: 'SegmentationEndpoint.edit', family: 'Organization admin', params: [org, object('segmentation', SegmentationInputSchema)], options: 'call', example: (i) => [i.organization, { industries: ['Design'], members_range: '2-10', demo_requested: false }], sends: [`PUT ${ORG}/segmentation`], hint: 'Saves the segmentation fields given (at least one).' },
  { name: 'OrganizationWorkspaceEndpoint.add', family: 'Organization admin', params: [org, object('workspace', WorkspaceInputSchema)], options: 'call', example: (i) => [i.premiumOrganization, { name: 'Marketing' }], sends: [`POST ${ORG}/workspaces`], hint: 'Creates a workspace; the name is checked before sending. Free organizations have only one.' },
  { name: 'OrganizationWorkspaceEndpoint.statistics', family: 'Organization admin', params: [org], options: 'read', example: (i) => [i.organization], sends: [`GET ${ORG}/workspaces/statistics`], hint: 'Admins, members and groups per workspace id; from the cache while fresh.' },
  { name: 'OrganizationWorkspaceEndpoint.users', family: 'Organization admin', params: [org, ws, optional(object('filters', WorkspaceUserFiltersSchema))], options: 'call', example: (i) => [i.organization, i.workspace], sends: [`GET ${ORG}/workspaces/{workspace_id}/workspace_users`], hint: 'The members of one workspace, with their workspace-user ids.' },
  { name: 'OrganizationWorkspaceEndpoint.deleteUsers', family: 'Organization admin', params: [org, ws, ids('workspaceUsers', 'workspace user')], options: 'call', example: (i) => [i.organization, i.workspace, [i.workspaceUser]], sends: [`PATCH ${ORG}/workspaces/{workspace_id}/workspace_users`], hint: 'Takes people out of one workspace, by workspace-user id.' },
  { name: 'InvitationEndpoint.add', family: 'Organization admin', params: [org, object('invitation', InvitationInputSchema)], options: 'call', example: (i) => [i.organization, { emails: ['pat@example.com'], workspaces: [{ workspace_id: i.workspace }] }], sends: [`POST ${ORG}/invitations`], hint: 'Invites people by e-mail to workspaces of the organization; addresses are checked first.' },
  { name: 'InvitationEndpoint.resend', family: 'Organization admin', params: [org, id('invitation')], options: 'call', example: (i) => [i.organization, i.invitation], sends: [`PUT ${ORG}/invitations/{invitation_id}/resend`], hint: 'Sends a pending invitation’s e-mail again (never retried: each attempt may e-mail).' },
  { name: 'InvitationEndpoint.accept', family: 'Organization admin', params: [text('code')], options: 'call', example: (i) => [i.invitationToAccept], sends: ['POST /organizations/invitations/{invitation_code}/accept'], hint: 'Joins the organization that invited you, by the code from the invitation link.' },
  { name: 'InvitationEndpoint.reject', family: 'Organization admin', params: [text('code')], options: 'call', example: (i) => [i.invitationToReject], sends: ['POST /organizations/invitations/{invitation_code}/reject'], hint: 'Turns an invitation down, by the code from its link.' },
  { name: 'RoleEndpoint.collect', family: 'Organization admin', params: [org], options: 'read', example: (i) => [i.organization], sends: [`GET ${ORG}/roles`], hint: 'The roles members can hold; from the cache while fresh.' },
  { name: 'QuotaEndpoint.collect', family: 'Organization admin', params: [], options: 'call', example: () => [], sends: ['GET /me/quota'], hint: 'Your quota in every window Toggl counts it in; the quota card follows.' },

  // The user and workspaces
  { name: 'UserEndpoint.verifyAuthentication', family: 'User and workspaces', params: [], options: 'none', static: true, example: () => [], sends: ['GET /me/logged'], hint: 'Whether the credentials work: true, or false on 401/403.' },
  { name: 'UserEndpoint.get', family: 'User and workspaces', params: [optional(object('query', UserQuerySchema))], options: 'read', example: () => [{ with_related_data: true }], sends: ['GET /me'], hint: 'Your profile; with related data also every workspace, project, client, tag, task and recent entry, in 1 request.' },
  { name: 'UserEndpoint.edit', family: 'User and workspaces', params: [object('changes', UserChangesSchema)], options: 'call', example: () => [{ fullname: 'Demo Person' }], sends: ['PUT /me'], hint: 'Changes your profile; the answer becomes the cached profile.' },
  { name: 'UserEndpoint.preferences', family: 'User and workspaces', params: [], options: 'read', example: () => [], sends: ['GET /me/preferences'], hint: 'Your preferences, flat; from the cache while fresh.' },
  { name: 'UserEndpoint.editPreferences', family: 'User and workspaces', params: [object('changes', PreferenceChangesSchema)], options: 'call', example: () => [{ date_format: 'YYYY-MM-DD' }], sends: ['POST /me/preferences'], hint: 'Changes preferences; keys Toggl has beyond the typed ones are sent as given.' },
  { name: 'WorkspaceEndpoint.collect', family: 'User and workspaces', params: [optional(object('filters', MyWorkspaceFiltersSchema))], options: 'read', example: () => [], sends: ['GET /me/workspaces'], hint: 'Your workspaces, each with its active project count; they tell the client their organizations.' },
  { name: 'WorkspaceEndpoint.get', family: 'User and workspaces', params: [ws], options: 'read', example: (i) => [i.workspace], sends: [`GET ${WS}`], hint: 'One workspace; null on 403/404.' },
  { name: 'WorkspaceEndpoint.edit', family: 'User and workspaces', params: [ws, object('changes', WorkspaceChangesSchema)], options: 'call', example: (i) => [i.workspace, { name: 'Studio HQ' }], sends: [`PUT ${WS}`], hint: 'Changes a workspace (admins only).' },
  { name: 'WorkspaceEndpoint.statistics', family: 'User and workspaces', params: [ws], options: 'read', example: (i) => [i.workspace], sends: [`GET ${WS}/statistics`], hint: 'Admins, groups and members of the workspace.' },
  { name: 'WorkspaceEndpoint.trackerConstraints', family: 'User and workspaces', params: [ws], options: 'read', example: (i) => [i.workspace], sends: [`GET ${WS}/time_entry_constraints`], hint: 'Which of description, project, tag and task every entry must have.' },
  { name: 'WorkspaceEndpoint.users', family: 'User and workspaces', params: [ws, optional(object('filters', WorkspaceMemberFiltersSchema))], options: 'call', example: (i) => [i.workspace], sends: [`GET ${WS}/users`], hint: 'The people in the workspace (never cached).' },
  { name: 'WorkspaceEndpoint.organizationOf', family: 'User and workspaces', params: [ws], options: 'read', example: (i) => [i.workspace], sends: [`GET ${WS}`], hint: 'The workspace’s organization: 0 requests once any reply told it, else one GET.' },
  { name: 'WorkspaceEndpoint.sync', family: 'User and workspaces', params: [], options: 'call', example: () => [], sends: ['GET /me', 'GET /me/workspaces'], hint: 'Brings every cached workspace up to date: the first sync is one GET /me with related data (all five kinds), later ones one since request.' },
  { name: 'WorkspaceEndpoint.query', family: 'User and workspaces', params: [optional(json('filter'))], options: 'none', example: () => [{ active: true }], sends: [], hint: 'Answers from the cache alone: 0 requests (sync first); by workspace_id, active, name, limit.' },

  // The workspace catalogue
  { name: 'ProjectEndpoint.collect', family: 'Catalogue', params: [ws, optional(object('filters', ProjectFiltersSchema))], options: 'read', example: (i) => [i.workspace, { active: true }], sends: [`GET ${WS}/projects`], hint: 'Every page of the workspace’s projects; from the cache while fresh.' },
  { name: 'ProjectEndpoint.iterate', family: 'Catalogue', params: [ws, optional(object('filters', ProjectFiltersSchema))], options: 'read', example: (i) => [i.workspace, { per_page: 2 }], sends: [`GET ${WS}/projects`], hint: 'The projects page by page, as the loop asks.' },
  { name: 'ProjectEndpoint.get', family: 'Catalogue', params: [ws, id('project')], options: 'read', example: (i) => [i.workspace, i.project], sends: [`GET ${WS}/projects/{project_id}`], hint: 'One project; 0 requests when a listing or write cached its model.' },
  { name: 'ProjectEndpoint.add', family: 'Catalogue', params: [ws, object('input', ProjectInputSchema)], options: 'call', example: (i) => [i.workspace, { name: 'Website', color: '#0b83d9', client_id: i.client }], sends: [`POST ${WS}/projects`], hint: 'Creates a project; the name must be unique for its client.' },
  { name: 'ProjectEndpoint.edit', family: 'Catalogue', params: [ws, id('project'), object('changes', ProjectChangesSchema)], options: 'call', example: (i) => [i.workspace, i.project, { name: 'Website relaunch' }], sends: [`PUT ${WS}/projects/{project_id}`], hint: 'Changes the fields given; active: false archives.' },
  { name: 'ProjectEndpoint.patch', family: 'Catalogue', params: [ws, ids('projects', 'project'), json('operations')], options: 'call', example: (i) => [i.workspace, [i.project], [{ op: 'replace', path: '/color', value: '#e36a00' }]], sends: [`PATCH ${WS}/projects/{project_ids}`], hint: 'JSON-Patch operations on several projects at once; check failure.' },
  { name: 'ProjectEndpoint.delete', family: 'Catalogue', params: [ws, id('project'), optional(object('deletion', ProjectDeletionSchema))], options: 'call', example: (i) => [i.workspace, i.project, { teDeletionMode: 'unassign' }], sends: [`DELETE ${WS}/projects/{project_id}`], hint: 'Deletes a project and its tasks; its entries are deleted or unassigned.' },
  { name: 'ProjectEndpoint.collectMine', family: 'Catalogue', params: [optional(object('filters', MyProjectFiltersSchema))], options: 'read', example: () => [], sends: ['GET /me/projects'], hint: 'The projects of all your workspaces.' },
  { name: 'ProjectEndpoint.sync', family: 'Catalogue', params: [], options: 'call', example: () => [], sends: ['GET /me', 'GET /me/projects'], hint: 'Brings every cached project up to date: the first sync is one GET /me with related data (all five kinds), later ones one since request.' },
  { name: 'ProjectEndpoint.query', family: 'Catalogue', params: [optional(json('filter'))], options: 'none', example: (i) => [{ workspace_id: i.workspace, active: true }], sends: [], hint: 'Answers from the cache alone: 0 requests (sync first); by workspace_id, active, name, limit.' },
  { name: 'ClientEndpoint.collect', family: 'Catalogue', params: [ws, optional(object('filters', ClientFiltersSchema))], options: 'read', example: (i) => [i.workspace, { status: 'both' }], sends: [`GET ${WS}/clients`], hint: 'The workspace’s clients, by name.' },
  { name: 'ClientEndpoint.get', family: 'Catalogue', params: [ws, id('client')], options: 'read', example: (i) => [i.workspace, i.client], sends: [`GET ${WS}/clients/{client_id}`], hint: 'One client, or null.' },
  { name: 'ClientEndpoint.add', family: 'Catalogue', params: [ws, object('input', ClientInputSchema)], options: 'call', example: (i) => [i.workspace, { name: 'Fabrikam', notes: 'Met at the fair' }], sends: [`POST ${WS}/clients`], hint: 'Creates a client.' },
  { name: 'ClientEndpoint.edit', family: 'Catalogue', params: [ws, id('client'), object('changes', ClientInputSchema)], options: 'call', example: (i) => [i.workspace, i.client, { name: 'Northwind' }], sends: [`PUT ${WS}/clients/{client_id}`], hint: 'Replaces the client (Toggl’s PUT takes it whole, name included).' },
  { name: 'ClientEndpoint.archive', family: 'Catalogue', params: [ws, id('client')], options: 'call', example: (i) => [i.workspace, i.client], sends: [`POST ${WS}/clients/{client_id}/archive`], hint: 'Archives a client and its active projects (paid plans); answers their ids.' },
  { name: 'ClientEndpoint.restore', family: 'Catalogue', params: [ws, id('client'), optional(object('body', ClientRestoreSchema))], options: 'call', example: (i) => [i.workspace, i.archivedClient, { restore_all_projects: true }], sends: [`POST ${WS}/clients/{client_id}/restore`], hint: 'Makes an archived client active again, with the projects named (or all).' },
  { name: 'ClientEndpoint.delete', family: 'Catalogue', params: [ws, id('client')], options: 'call', example: (i) => [i.workspace, i.client], sends: [`DELETE ${WS}/clients/{client_id}`], hint: 'Deletes a client; its projects stay without it.' },
  { name: 'ClientEndpoint.collectMine', family: 'Catalogue', params: [optional(object('filters', MyClientFiltersSchema))], options: 'read', example: () => [], sends: ['GET /me/clients'], hint: 'The clients of all your workspaces.' },
  { name: 'ClientEndpoint.sync', family: 'Catalogue', params: [], options: 'call', example: () => [], sends: ['GET /me', 'GET /me/clients'], hint: 'Brings every cached client up to date: the first sync is one GET /me with related data (all five kinds), later ones one since request.' },
  { name: 'ClientEndpoint.query', family: 'Catalogue', params: [optional(json('filter'))], options: 'none', example: (i) => [{ workspace_id: i.workspace }], sends: [], hint: 'Answers from the cache alone: 0 requests (sync first); by workspace_id, active, name, limit.' },
  { name: 'TagEndpoint.collect', family: 'Catalogue', params: [ws, optional(object('filters', TagFiltersSchema))], options: 'read', example: (i) => [i.workspace], sends: [`GET ${WS}/tags`], hint: 'The workspace’s tags, by name.' },
  { name: 'TagEndpoint.get', family: 'Catalogue', params: [ws, id('tag')], options: 'read', example: (i) => [i.workspace, i.tag], sends: [`GET ${WS}/tags`], hint: 'One tag, from its cached model or the (cached) listing: Toggl reads no single tag.' },
  { name: 'TagEndpoint.add', family: 'Catalogue', params: [ws, text('name')], options: 'call', example: (i) => [i.workspace, 'billable'], sends: [`POST ${WS}/tags`], hint: 'Creates a tag; a name the workspace has is Toggl’s 400.' },
  { name: 'TagEndpoint.edit', family: 'Catalogue', params: [ws, id('tag'), text('name')], options: 'call', example: (i) => [i.workspace, i.tag, 'deep work'], sends: [`PUT ${WS}/tags/{tag_id}`], hint: 'Renames a tag.' },
  { name: 'TagEndpoint.delete', family: 'Catalogue', params: [ws, ids('tags', 'tag')], options: 'call', example: (i) => [i.workspace, [i.tag]], sends: [`DELETE ${WS}/tags/{tag_id}`, `PATCH ${WS}/tags`], hint: 'One tag by DELETE; several in one PATCH, all or none.' },
  { name: 'TagEndpoint.collectMine', family: 'Catalogue', params: [optional(object('filters', MyTagFiltersSchema))], options: 'read', example: () => [], sends: ['GET /me/tags'], hint: 'The tags of all your workspaces.' },
  { name: 'TagEndpoint.sync', family: 'Catalogue', params: [], options: 'call', example: () => [], sends: ['GET /me', 'GET /me/tags'], hint: 'Brings every cached tag up to date: the first sync is one GET /me with related data (all five kinds), later ones one since request.' },
  { name: 'TagEndpoint.query', family: 'Catalogue', params: [optional(json('filter'))], options: 'none', example: (i) => [{ workspace_id: i.workspace, limit: 5 }], sends: [], hint: 'Answers from the cache alone: 0 requests (sync first); by workspace_id, active, name, limit.' },
  { name: 'TaskEndpoint.collect', family: 'Catalogue', params: [ws, optional(object('filters', TaskFiltersSchema))], options: 'read', example: (i) => [i.workspace, { pid: i.project }], sends: [`GET ${WS}/tasks`], hint: 'Every page of the workspace’s tasks (active ones by default).' },
  { name: 'TaskEndpoint.iterate', family: 'Catalogue', params: [ws, optional(object('filters', TaskFiltersSchema))], options: 'read', example: (i) => [i.workspace, { per_page: 1 }], sends: [`GET ${WS}/tasks`], hint: 'The tasks page by page; cost() is known from total_count.' },
  { name: 'TaskEndpoint.get', family: 'Catalogue', params: [ws, id('project'), id('task')], options: 'read', example: (i) => [i.workspace, i.project, i.task], sends: [`GET ${WS}/projects/{project_id}/tasks/{task_id}`], hint: 'One task of a project, or null.' },
  { name: 'TaskEndpoint.add', family: 'Catalogue', params: [ws, id('project'), object('input', TaskInputSchema)], options: 'call', example: (i) => [i.workspace, i.project, { name: 'Footer', estimated_seconds: 7200 }], sends: [`POST ${WS}/projects/{project_id}/tasks`], hint: 'Adds a task to a project (not an archived one).' },
  { name: 'TaskEndpoint.edit', family: 'Catalogue', params: [ws, id('project'), id('task'), object('changes', TaskChangesSchema)], options: 'call', example: (i) => [i.workspace, i.project, i.task, { name: 'Home page' }], sends: [`PUT ${WS}/projects/{project_id}/tasks/{task_id}`], hint: 'Changes a task; active: false marks it done.' },
  { name: 'TaskEndpoint.patch', family: 'Catalogue', params: [ws, id('project'), ids('tasks', 'task'), json('operations')], options: 'call', example: (i) => [i.workspace, i.project, [i.task], [{ op: 'replace', path: '/active', value: false }]], sends: [`PATCH ${WS}/projects/{project_id}/tasks/{task_ids}`], hint: 'JSON-Patch operations on several tasks of a project.' },
  { name: 'TaskEndpoint.delete', family: 'Catalogue', params: [ws, id('project'), id('task')], options: 'call', example: (i) => [i.workspace, i.project, i.task], sends: [`DELETE ${WS}/projects/{project_id}/tasks/{task_id}`], hint: 'Deletes a task; its entries keep their project.' },
  { name: 'TaskEndpoint.collectMine', family: 'Catalogue', params: [optional(object('filters', MyTaskFiltersSchema))], options: 'read', example: () => [], sends: ['GET /me/tasks'], hint: 'The tasks of all your workspaces.' },
  { name: 'TaskEndpoint.sync', family: 'Catalogue', params: [], options: 'call', example: () => [], sends: ['GET /me', 'GET /me/tasks'], hint: 'Brings every cached task up to date: the first sync is one GET /me with related data (all five kinds), later ones one since request.' },
  { name: 'TaskEndpoint.query', family: 'Catalogue', params: [optional(json('filter'))], options: 'none', example: (i) => [{ workspace_id: i.workspace, active: true }], sends: [], hint: 'Answers from the cache alone: 0 requests (sync first); by workspace_id, active, name, limit.' },

  // Time entries and the timer
  { name: 'TimeEntryEndpoint.current', family: 'Time entries', params: [], options: 'current', example: () => [], sends: ['GET /me/time_entries/current'], hint: 'The running entry or null; 0 requests when maxAge accepts what the client learnt.' },
  { name: 'TimeEntryEndpoint.start', family: 'Time entries', params: [ws, optional(object('entry', TimeEntryStartInputSchema))], options: 'call', example: (i) => [i.workspace, { description: 'Explorer timer', project_id: i.project, tag_ids: [i.tag] }], sends: [`POST ${WS}/time_entries`], hint: 'Starts a running entry (Toggl stops the one that ran); never retried.' },
  { name: 'TimeEntryEndpoint.stop', family: 'Time entries', params: [ws, id('entry', 'time entry')], options: 'call', example: (i) => [i.workspace, i.timeEntry], sends: [`PATCH ${WS}/time_entries/{time_entry_id}/stop`, 'GET /me/time_entries/{time_entry_id}'], hint: 'Stops it; one already stopped (409) is no error, answered from the model, the cache or one GET.' },
  { name: 'TimeEntryEndpoint.add', family: 'Time entries', params: [ws, object('entry', TimeEntryAddInputSchema)], options: 'call', example: (i, now) => [i.workspace, { start: new Date(now - DAY).toISOString(), duration: 1800, description: 'Added in the explorer' }], sends: [`POST ${WS}/time_entries`], hint: 'A finished entry: start with duration or stop.' },
  { name: 'TimeEntryEndpoint.get', family: 'Time entries', params: [id('entry', 'time entry')], options: 'read', example: (i) => [i.timeEntry], sends: ['GET /me/time_entries/{time_entry_id}'], hint: 'One entry; 0 requests when it is cached (a sync, a listing, a write).' },
  { name: 'TimeEntryEndpoint.collect', family: 'Time entries', params: [optional(json('range'))], options: 'call', example: (_, now) => [lastWeek(now + DAY)], sends: ['GET /me/time_entries'], hint: 'Entries by { since }, { before } or { start_date, end_date }; always asks Toggl (see query).' },
  { name: 'TimeEntryEndpoint.edit', family: 'Time entries', params: [ws, id('entry', 'time entry'), object('changes', TimeEntryChangesSchema)], options: 'call', example: (i) => [i.workspace, i.timeEntry, { description: 'Edited in the explorer' }], sends: [`PUT ${WS}/time_entries/{time_entry_id}`], hint: 'Sends only the changes; the cached entry becomes Toggl’s answer.' },
  { name: 'TimeEntryEndpoint.patch', family: 'Time entries', params: [ws, ids('entries', 'time entry'), json('operations')], options: 'call', example: (i) => [i.workspace, [i.timeEntry], [{ op: 'replace', path: '/billable', value: true }]], sends: [`PATCH ${WS}/time_entries/{time_entry_ids}`], hint: 'JSON-Patch operations on any number of entries, 100 a request.' },
  { name: 'TimeEntryEndpoint.delete', family: 'Time entries', params: [ws, id('entry', 'time entry')], options: 'call', example: (i) => [i.workspace, i.timeEntry], sends: [`DELETE ${WS}/time_entries/{time_entry_id}`], hint: 'Deletes an entry; a 404 is ignored.' },
  { name: 'TimeEntryEndpoint.sync', family: 'Time entries', params: [], options: 'sync', example: () => [], sends: ['GET /me/time_entries'], hint: 'Brings the cache up to date: a full fetch the first time, then one since request.' },
  { name: 'TimeEntryEndpoint.query', family: 'Time entries', params: [optional(json('filter'))], options: 'none', example: (i, now) => [{ start_date: lastWeek(now).start_date, project_id: i.project }], sends: [], hint: 'Answers from the cache alone: 0 requests (sync first).' },

  // Reports v3
  { name: 'SummaryReportEndpoint.search', family: 'Reports', params: [ws, object('body', SummaryReportInputSchema)], options: 'read', example: (i, now) => [i.workspace, { ...lastWeek(now), grouping: 'clients', sub_grouping: 'projects' }], sends: [`POST ${REPORTS}/summary/time_entries`], hint: 'Time grouped and sub-grouped; a POST that only reads, cached.' },
  { name: 'SummaryReportEndpoint.projectSummary', family: 'Reports', params: [ws, id('project'), object('range', ReportRangeInputSchema)], options: 'read', example: (i, now) => [i.workspace, i.project, lastWeek(now)], sends: [`POST ${REPORTS}/projects/{project_id}/summary`], hint: 'One project’s totals in a range.' },
  { name: 'SummaryReportEndpoint.projectSummaries', family: 'Reports', params: [ws, object('range', ReportRangeInputSchema)], options: 'read', example: (i, now) => [i.workspace, lastWeek(now)], sends: [`POST ${REPORTS}/projects/summary`], hint: 'Tracked and billable seconds per user and project.' },
  { name: 'SummaryReportEndpoint.export', family: 'Reports', params: [ws, object('body', SummaryExportInputSchema), choice('format', ['csv', 'xlsx', 'pdf'])], options: 'call', example: (i, now) => [i.workspace, lastWeek(now), 'csv'], sends: [`POST ${REPORTS}/summary/time_entries.{extension}`, `POST ${REPORTS}/summary/time_entries.pdf`], hint: 'The summary as a file (a Blob); never cached.' },
  { name: 'DetailedReportEndpoint.search', family: 'Reports', params: [ws, object('body', DetailedReportInputSchema)], options: 'read', example: (i, now) => [i.workspace, { ...lastWeek(now), page_size: 10 }], sends: [`POST ${REPORTS}/search/time_entries`], hint: 'Every row, page by page (X-Next-ID / X-Next-Row-Number), as the loop asks.' },
  { name: 'DetailedReportEndpoint.page', family: 'Reports', params: [ws, object('body', DetailedReportInputSchema)], options: 'read', example: (i, now) => [i.workspace, { ...lastWeek(now), page_size: 5 }], sends: [`POST ${REPORTS}/search/time_entries`], hint: 'One page and the cursor of the next (spread next into the body).' },
  { name: 'DetailedReportEndpoint.totals', family: 'Reports', params: [ws, object('body', DetailedTotalsInputSchema)], options: 'read', example: (i, now) => [i.workspace, { ...lastWeek(now), with_graph: true, granularity: 'day' }], sends: [`POST ${REPORTS}/search/time_entries/totals`], hint: 'Totals, with a graph of buckets when asked.' },
  { name: 'DetailedReportEndpoint.export', family: 'Reports', params: [ws, object('body', DetailedExportInputSchema), choice('format', ['csv', 'xlsx', 'pdf'])], options: 'call', example: (i, now) => [i.workspace, lastWeek(now), 'csv'], sends: [`POST ${REPORTS}/search/time_entries.{extension}`, `POST ${REPORTS}/search/time_entries.pdf`], hint: 'The whole report as a file.' },
  { name: 'WeeklyReportEndpoint.search', family: 'Reports', params: [ws, object('body', WeeklyReportInputSchema)], options: 'read', example: (i, now) => [i.workspace, lastWeek(now)], sends: [`POST ${REPORTS}/weekly/time_entries`], hint: 'Rows of seconds per day, by user and project.' },
  { name: 'WeeklyReportEndpoint.export', family: 'Reports', params: [ws, object('body', WeeklyExportInputSchema), choice('format', ['csv', 'pdf'])], options: 'call', example: (i, now) => [i.workspace, lastWeek(now), 'csv'], sends: [`POST ${REPORTS}/weekly/time_entries.csv`, `POST ${REPORTS}/weekly/time_entries.pdf`], hint: 'The weekly report as CSV or PDF.' },

  // Webhooks v1
  { name: 'WebhookEndpoint.collect', family: 'Webhooks', params: [ws], options: 'call', example: (i) => [i.workspace], sends: ['GET /subscriptions/{workspace_id}'], hint: 'The workspace’s subscriptions, each with its secret (never cached).' },
  {
    name: 'WebhookEndpoint.add',
    family: 'Webhooks',
    params: [ws, object('subscription', WebhookSubscriptionInputSchema)],
    options: 'call',
    example: (i) => [i.workspace, { url_callback: DEMO_VALIDATING_HOOK_URL, event_filters: [{ entity: 'project', action: '*' }], description: 'Projects to the explorer', enabled: true, secret: DEMO_HOOK_SECRET }],
    sends: ['POST /subscriptions/{workspace_id}'],
    hint: 'Subscribes a URL; Toggl PINGs it before answering (here an in-page receiver that validates).',
  },
  {
    name: 'WebhookEndpoint.edit',
    family: 'Webhooks',
    params: [ws, id('subscription'), object('changes', WebhookSubscriptionInputSchema)],
    options: 'call',
    example: (i) => [i.workspace, i.subscription, { url_callback: DEMO_HOOK_URL, event_filters: [{ entity: 'time_entry', action: 'created' }], description: 'New entries to the dashboard', enabled: true, secret: 'seeded-subscription-secret' }],
    sends: ['PUT /subscriptions/{workspace_id}/{subscription_id}'],
    hint: 'Replaces a subscription; given an id, the changes hold all five fields.',
  },
  { name: 'WebhookEndpoint.setEnabled', family: 'Webhooks', params: [ws, id('subscription'), { name: 'enabled', kind: 'boolean' }], options: 'call', example: (i) => [i.workspace, i.subscription, false], sends: ['PATCH /subscriptions/{workspace_id}/{subscription_id}'], hint: 'Turns deliveries on or off.' },
  { name: 'WebhookEndpoint.delete', family: 'Webhooks', params: [ws, id('subscription')], options: 'call', example: (i) => [i.workspace, i.subscription], sends: ['DELETE /subscriptions/{workspace_id}/{subscription_id}'], hint: 'Deletes it; null when already gone.' },
  { name: 'WebhookEndpoint.eventFilters', family: 'Webhooks', params: [], options: 'read', example: () => [], sends: ['GET /event_filters'], hint: 'Each entity with its actions.' },
  { name: 'WebhookEndpoint.limits', family: 'Webhooks', params: [ws], options: 'read', example: (i) => [i.workspace], sends: ['GET /limits/{workspace_id}'], hint: 'How many subscriptions and filters the plan allows.' },
  { name: 'WebhookEndpoint.ping', family: 'Webhooks', params: [ws, id('subscription')], options: 'call', example: (i) => [i.workspace, i.subscription], sends: ['POST /ping/{workspace_id}/{subscription_id}'], hint: 'Toggl PINGs the URL now.' },
  { name: 'WebhookEndpoint.validate', family: 'Webhooks', params: [ws, id('subscription'), text('code')], options: 'call', example: (i) => [i.workspace, i.subscription, i.validationCode], sends: ['GET /validate/{workspace_id}/{subscription_id}/{validation_code}'], hint: 'Validates with the code a PING carried (redacted in what the page shows).' },
  { name: 'WebhookEndpoint.status', family: 'Webhooks', params: [], options: 'call', example: () => [], sends: ['GET /status'], hint: 'Whether the Webhooks service is up.' },
]
