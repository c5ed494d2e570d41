import {
  GroupEndpoint,
  InvitationEndpoint,
  OrganizationUserEndpoint,
  OrganizationWorkspaceEndpoint,
  OwnerEndpoint,
  PageIterator,
  QuotaEndpoint,
  RoleEndpoint,
  SegmentationEndpoint,
  type ReadOptions,
} from '../../src/index.ts'
import type { DemoIds } from '../common/demo-fake.ts'
import type { EndpointClass, EndpointMaker } from './client.ts'

/** Makes the call from the card's JSON arguments; `options` is given to the calls a cache may answer. */
export type Invoke = (make: EndpointMaker, args: readonly unknown[], options?: ReadOptions) => unknown

/** One call of the organization admin API, as the admin card offers it. */
export interface AdminCall {
  /** `Class.method`, as the card's list and the request log name it. */
  name: string
  /** Its parameters and what it returns, after the name. */
  signature: string
  hint: string
  /** Arguments (options aside) that work against a freshly seeded demo fake. */
  example: (ids: DemoIds) => unknown[]
  /** `METHOD /path` it sends, named in the log when it sends nothing. */
  request: (args: readonly unknown[]) => string
  /** A cache may answer it, so the card offers `refresh`. */
  cached?: true
  invoke: Invoke
}

/** The card's arguments are not a JSON array the call can take; nothing was sent. */
export class ArgumentsError extends Error {
  override readonly name = 'ArgumentsError'
}

/** Every call of the organization admin API, one row each; the card lists them in this order. */
export const ADMIN_CALLS: readonly AdminCall[] = [
  {
    name: 'OrganizationUserEndpoint.page',
    signature: '(org, query?: UserPageQuery, options?: CallOptions): Promise<Page<OrganizationUser>>',
    hint: 'One page of members and invited people (admins only), with X-Page/X-Pages/X-Records.',
    example: (ids) => [ids.organization, { page: 1, per_page: 2 }],
    request: (a) => `GET /organizations/${org(a)}/users`,
    invoke: method(OrganizationUserEndpoint, 'page', 2),
  },
  {
    name: 'OrganizationUserEndpoint.detailedPage',
    signature: '(org, query?: UserPageQuery, options?: CallOptions): Promise<Page<OrganizationUser>>',
    hint: 'Like page, with each user’s workspaces and groups.',
    example: (ids) => [ids.organization, { per_page: 3, sort_dir: 'desc' }],
    request: (a) => `GET /organizations/${org(a)}/users/detailed`,
    invoke: method(OrganizationUserEndpoint, 'detailedPage', 2),
  },
  {
    name: 'OrganizationUserEndpoint.iterate',
    signature: '(org, filters?: UserListing, options?: CallOptions): PageIterator<OrganizationUser>',
    hint: 'Every page of /users, one request each; shown page by page.',
    example: (ids) => [ids.organization, { per_page: 2 }],
    request: (a) => `GET /organizations/${org(a)}/users`,
    invoke: method(OrganizationUserEndpoint, 'iterate', 2),
  },
  {
    name: 'OrganizationUserEndpoint.iterateDetailed',
    signature: '(org, filters?: UserListing, options?: CallOptions): PageIterator<OrganizationUser>',
    hint: 'Every page of /users/detailed, one request each; shown page by page.',
    example: (ids) => [ids.organization, { per_page: 3, active_status: ['active'] }],
    request: (a) => `GET /organizations/${org(a)}/users/detailed`,
    invoke: method(OrganizationUserEndpoint, 'iterateDetailed', 2),
  },
  {
    name: 'OrganizationUserEndpoint.edit',
    signature: '(org, organizationUser: number | { id }, changes: OrganizationUserChanges, options?: CallOptions): Promise<void>',
    hint: 'Changes one member by organization-user id (the id in user listings, not the account id).',
    example: (ids) => [ids.organization, ids.organizationUser, { inactive: true }],
    request: (a) => `PUT /organizations/${org(a)}/users/${id(a[1], 'organization_user_id')}`,
    invoke: method(OrganizationUserEndpoint, 'edit', 3),
  },
  {
    name: 'OrganizationUserEndpoint.delete',
    signature: '(org, organizationUsers: (number | { id })[], options?: CallOptions): Promise<void>',
    hint: 'Removes members (or withdraws invitations) by organization-user id.',
    example: (ids) => [ids.organization, [ids.organizationUser]],
    request: (a) => `PATCH /organizations/${org(a)}/users`,
    invoke: method(OrganizationUserEndpoint, 'delete', 2),
  },
  {
    name: 'GroupEndpoint.collect',
    signature: '(org, filters?: { name?, workspace? }, options?: ReadOptions): Promise<OrganizationGroup[]>',
    hint: 'The organization’s groups; from the cache while fresh.',
    example: (ids) => [ids.organization],
    request: (a) => `GET /organizations/${org(a)}/groups`,
    cached: true,
    invoke: method(GroupEndpoint, 'collect', 2),
  },
  {
    name: 'GroupEndpoint.collectInWorkspace',
    signature: '(org, workspace: number | { id }, options?: ReadOptions): Promise<OrganizationGroup[]>',
    hint: 'The groups that have access to one workspace; from the cache while fresh.',
    example: (ids) => [ids.organization, ids.workspace],
    request: (a) => `GET /organizations/${org(a)}/workspaces/${id(a[1], 'workspace_id')}/groups`,
    cached: true,
    invoke: method(GroupEndpoint, 'collectInWorkspace', 2),
  },
  {
    name: 'GroupEndpoint.add',
    signature: '(org, group: GroupInput, options?: CallOptions): Promise<OrganizationGroup>',
    hint: 'Creates a group (admins only); the name is checked before sending.',
    example: (ids) => [ids.organization, { name: 'Design' }],
    request: (a) => `POST /organizations/${org(a)}/groups`,
    invoke: method(GroupEndpoint, 'add', 2),
  },
  {
    name: 'GroupEndpoint.edit',
    signature: '(org, group: number | { group_id }, changes: GroupInput, options?: CallOptions): Promise<OrganizationGroup>',
    hint: 'Renames a group; users and workspaces, when given, replace its lists.',
    example: (ids) => [ids.organization, ids.group, { name: 'Product Design' }],
    request: (a) => `PUT /organizations/${org(a)}/groups/${id(a[1], 'group_id')}`,
    invoke: method(GroupEndpoint, 'edit', 3),
  },
  {
    name: 'GroupEndpoint.patch',
    signature: '(org, group: number | { group_id }, operations: GroupPatchOperation[], options?: CallOptions): Promise<GroupPatchResult>',
    hint: 'Adds or removes users (account ids) and workspaces; each operation succeeds or fails on its own.',
    example: (ids) => [ids.organization, ids.group, [{ op: 'add', path: '/users', value: [ids.teammate] }]],
    request: (a) => `PATCH /organizations/${org(a)}/groups/${id(a[1], 'group_id')}`,
    invoke: method(GroupEndpoint, 'patch', 3),
  },
  {
    name: 'GroupEndpoint.delete',
    signature: '(org, group: number | { group_id }, options?: CallOptions): Promise<void>',
    hint: 'Deletes a group; a 404 is ignored unless reRaise.',
    example: (ids) => [ids.organization, ids.group],
    request: (a) => `DELETE /organizations/${org(a)}/groups/${id(a[1], 'group_id')}`,
    invoke: method(GroupEndpoint, 'delete', 2),
  },
  {
    name: 'OwnerEndpoint.get',
    signature: '(org, options?: ReadOptions): Promise<OrganizationOwner | null>',
    hint: 'Who owns the organization; from the cache while fresh.',
    example: (ids) => [ids.organization],
    request: (a) => `GET /organizations/${org(a)}/owner`,
    cached: true,
    invoke: method(OwnerEndpoint, 'get', 1),
  },
  {
    name: 'OwnerEndpoint.collectTransfers',
    signature: '(org, filters?: { ongoing? }, options?: CallOptions): Promise<OwnershipTransfer[]>',
    hint: 'The organization’s ownership transfers, running or finished.',
    example: (ids) => [ids.transferOrganization, { ongoing: true }],
    request: (a) => `GET /organizations/${org(a)}/owner/transfer`,
    invoke: method(OwnerEndpoint, 'collectTransfers', 2),
  },
  {
    name: 'OwnerEndpoint.getTransfer',
    signature: '(org, transfer: number | { owner_transfer_id }, options?: CallOptions): Promise<OwnershipTransfer | null>',
    hint: 'One transfer; null when Toggl says 404 or 403.',
    example: (ids) => [ids.transferOrganization, ids.transfer],
    request: (a) => `GET /organizations/${org(a)}/owner/transfer/${id(a[1], 'owner_transfer_id')}`,
    invoke: method(OwnerEndpoint, 'getTransfer', 2),
  },
  {
    name: 'OwnerEndpoint.startTransfer',
    signature: '(org, options?: CallOptions): Promise<OwnershipTransfer>',
    hint: 'Starts handing the organization over (owner only, one at a time).',
    example: (ids) => [ids.organization],
    request: (a) => `POST /organizations/${org(a)}/owner/transfer`,
    invoke: method(OwnerEndpoint, 'startTransfer', 1),
  },
  {
    name: 'OwnerEndpoint.acceptTransfer',
    signature: '(org, transfer: number | { owner_transfer_id }, options?: CallOptions): Promise<OwnershipTransfer>',
    hint: 'The current owner’s yes; the transfer finishes once the new owner says yes too.',
    example: (ids) => [ids.transferOrganization, ids.transfer],
    request: (a) => `POST /organizations/${org(a)}/owner/transfer/${id(a[1], 'owner_transfer_id')}/accept`,
    invoke: method(OwnerEndpoint, 'acceptTransfer', 2),
  },
  {
    name: 'OwnerEndpoint.declineTransfer',
    signature: '(org, transfer: number | { owner_transfer_id }, options?: CallOptions): Promise<OwnershipTransfer>',
    hint: 'A no from either owner ends the transfer.',
    example: (ids) => [ids.transferOrganization, ids.transfer],
    request: (a) => `POST /organizations/${org(a)}/owner/transfer/${id(a[1], 'owner_transfer_id')}/decline`,
    invoke: method(OwnerEndpoint, 'declineTransfer', 2),
  },
  {
    name: 'OwnerEndpoint.withdrawTransfer',
    signature: '(org, transfer: number | { owner_transfer_id }, options?: CallOptions): Promise<OwnershipTransfer>',
    hint: 'The one who started the transfer calls it off.',
    example: (ids) => [ids.transferOrganization, ids.transfer],
    request: (a) => `POST /organizations/${org(a)}/owner/transfer/${id(a[1], 'owner_transfer_id')}/withdraw`,
    invoke: method(OwnerEndpoint, 'withdrawTransfer', 2),
  },
  {
    name: 'SegmentationEndpoint.get',
    signature: '(org, options?: CallOptions): Promise<OrganizationSegmentation | null>',
    hint: 'What the organization told Toggl about itself; null until it saved something (204).',
    example: (ids) => [ids.organization],
    request: (a) => `GET /organizations/${org(a)}/segmentation`,
    invoke: method(SegmentationEndpoint, 'get', 1),
  },
  {
    name: 'SegmentationEndpoint.edit',
    signature: '(org, segmentation: SegmentationInput, options?: CallOptions): Promise<OrganizationSegmentation>',
    hint: 'Saves the segmentation fields given (at least one).',
    example: (ids) => [ids.organization, { industries: ['Design'], members_range: '2-10', demo_requested: false }],
    request: (a) => `PUT /organizations/${org(a)}/segmentation`,
    invoke: method(SegmentationEndpoint, 'edit', 2),
  },
  {
    name: 'OrganizationWorkspaceEndpoint.add',
    signature: '(org, workspace: WorkspaceInput, options?: CallOptions): Promise<TogglWorkspace>',
    hint: 'Creates a workspace; the name is checked before sending. Free organizations have only one.',
    example: (ids) => [ids.premiumOrganization, { name: 'Marketing' }],
    request: (a) => `POST /organizations/${org(a)}/workspaces`,
    invoke: method(OrganizationWorkspaceEndpoint, 'add', 2),
  },
  {
    name: 'OrganizationWorkspaceEndpoint.statistics',
    signature: '(org, options?: ReadOptions): Promise<Record<string, WorkspaceStatistics>>',
    hint: 'Admins, members and groups per workspace id; from the cache while fresh.',
    example: (ids) => [ids.organization],
    request: (a) => `GET /organizations/${org(a)}/workspaces/statistics`,
    cached: true,
    invoke: method(OrganizationWorkspaceEndpoint, 'statistics', 1),
  },
  {
    name: 'OrganizationWorkspaceEndpoint.users',
    signature: '(org, workspace: number | { id }, filters?: WorkspaceUserFilters, options?: CallOptions): Promise<WorkspaceUser[]>',
    hint: 'The members of one workspace, with their workspace-user ids.',
    example: (ids) => [ids.organization, ids.workspace],
    request: (a) => `GET /organizations/${org(a)}/workspaces/${id(a[1], 'workspace_id')}/workspace_users`,
    invoke: method(OrganizationWorkspaceEndpoint, 'users', 3),
  },
  {
    name: 'OrganizationWorkspaceEndpoint.deleteUsers',
    signature: '(org, workspace: number | { id }, workspaceUsers: (number | { id })[], options?: CallOptions): Promise<void>',
    hint: 'Takes people out of one workspace, by workspace-user id.',
    example: (ids) => [ids.organization, ids.workspace, [ids.workspaceUser]],
    request: (a) => `PATCH /organizations/${org(a)}/workspaces/${id(a[1], 'workspace_id')}/workspace_users`,
    invoke: method(OrganizationWorkspaceEndpoint, 'deleteUsers', 3),
  },
  {
    name: 'InvitationEndpoint.add',
    signature: '(org, invitation: InvitationInput, options?: CallOptions): Promise<InvitationResult>',
    hint: 'Invites people by e-mail to workspaces of the organization; addresses are checked first.',
    example: (ids) => [ids.organization, { emails: ['pat@example.com'], workspaces: [{ workspace_id: ids.workspace }] }],
    request: (a) => `POST /organizations/${org(a)}/invitations`,
    invoke: method(InvitationEndpoint, 'add', 2),
  },
  {
    name: 'InvitationEndpoint.resend',
    signature: '(org, invitation: number | { invitation_id }, options?: CallOptions): Promise<void>',
    hint: 'Sends a pending invitation’s e-mail again.',
    example: (ids) => [ids.organization, ids.invitation],
    request: (a) => `PUT /organizations/${org(a)}/invitations/${id(a[1], 'invitation_id')}/resend`,
    invoke: method(InvitationEndpoint, 'resend', 2),
  },
  {
    name: 'InvitationEndpoint.accept',
    signature: '(code: string, options?: CallOptions): Promise<void>',
    hint: 'Joins the organization that invited you, by the code from the invitation link.',
    example: (ids) => [ids.invitationToAccept],
    request: (a) => `POST /organizations/invitations/${id(a[0], 'invitation_code')}/accept`,
    invoke: method(InvitationEndpoint, 'accept', 1),
  },
  {
    name: 'InvitationEndpoint.reject',
    signature: '(code: string, options?: CallOptions): Promise<void>',
    hint: 'Turns an invitation down, by the code from its link.',
    example: (ids) => [ids.invitationToReject],
    request: (a) => `POST /organizations/invitations/${id(a[0], 'invitation_code')}/reject`,
    invoke: method(InvitationEndpoint, 'reject', 1),
  },
  {
    name: 'RoleEndpoint.collect',
    signature: '(org, options?: ReadOptions): Promise<TogglRole[]>',
    hint: 'The roles members can hold; from the cache while fresh.',
    example: (ids) => [ids.organization],
    request: (a) => `GET /organizations/${org(a)}/roles`,
    cached: true,
    invoke: method(RoleEndpoint, 'collect', 1),
  },
  {
    name: 'QuotaEndpoint.collect',
    signature: '(options?: CallOptions): Promise<QuotaInfo[]>',
    hint: 'Your quota in every window Toggl counts it in; the meter above follows.',
    example: () => [],
    request: () => 'GET /me/quota',
    invoke: method(QuotaEndpoint, 'collect', 0),
  },
]

/** Names of the methods of an endpoint class. */
type MethodName<E> = { [K in keyof E]: E[K] extends (...args: never[]) => unknown ? K : never }[keyof E]

/**
 * Calls `Endpoint.name` with the card's arguments, which take the places of its first `positional`
 * parameters; the options, when given, go after them. The arguments go to the library as parsed:
 * it checks them itself, as it does a plain-JS caller's.
 */
function method<E>(Endpoint: EndpointClass<E>, name: MethodName<E>, positional: number): Invoke {
  return (make, args, options) => {
    if (args.length > positional) {
      const takes = `${positional} argument${positional === 1 ? '' : 's'}`
      throw new ArgumentsError(`${String(name)} takes ${takes} before its options, got ${args.length}`)
    }
    const endpoint = make(Endpoint)
    const call = endpoint[name] as (...parameters: unknown[]) => unknown
    const padded = [...args, ...Array<undefined>(positional - args.length).fill(undefined)]
    return call.apply(endpoint, options === undefined ? [...args] : [...padded, options])
  }
}

/** The card's text as the call's arguments, or an ArgumentsError saying what is wrong with it. */
export function parseArguments(text: string): unknown[] {
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (error) {
    throw new ArgumentsError(`the arguments are not JSON: ${error instanceof Error ? error.message : String(error)}`)
  }
  if (!Array.isArray(parsed)) throw new ArgumentsError('the arguments must be a JSON array, e.g. [9000001, {"name": "Design"}]')
  return parsed
}

/** A call's value as the card shows it: a PageIterator becomes every page it yields, with its counts. */
export async function shownValue(value: unknown): Promise<unknown> {
  if (!(value instanceof PageIterator)) return value
  const shown: unknown[] = []
  for await (const { page, pages, records, perPage, items } of (value as PageIterator<unknown>).pages()) {
    shown.push({ page, pages, records, perPage, items })
  }
  return shown
}

function org(args: readonly unknown[]): string {
  return id(args[0], 'organization_id')
}

/** An id (or code) for the log's path: as given, from a model, or its placeholder when neither. */
function id(value: unknown, field: string): string {
  if (typeof value === 'number' || typeof value === 'string') return String(value)
  const model = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {}
  const found = model[field] ?? model['id']
  return typeof found === 'number' ? String(found) : `{${field}}`
}
