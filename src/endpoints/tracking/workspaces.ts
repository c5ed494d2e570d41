import type { BasicAuth } from '../../core/auth.ts'
import type { TogglCache } from '../../cache/types.ts'
import type { EndpointOptions } from '../../core/options.ts'
import {
  WorkspaceSchema,
  WorkspaceStatisticsSchema,
  type TogglWorkspace,
  type WorkspaceStatistics,
} from '../../schemas/organizations/organization-workspaces.ts'
import {
  ListedWorkspaceListSchema,
  MyWorkspaceFiltersSchema,
  TrackerConstraintsSchema,
  WorkspaceChangesSchema,
  WorkspaceMemberFiltersSchema,
  WorkspaceMemberListSchema,
  type ListedWorkspace,
  type MyWorkspaceFilters,
  type TrackerConstraints,
  type WorkspaceChanges,
  type WorkspaceMember,
  type WorkspaceMemberFilters,
} from '../../schemas/tracking/workspaces.ts'
import { callOptionsOf, idOf, type CallOptions, type ReadOptions } from '../arguments.ts'
import { batchOf, keepModels } from '../models.ts'
import { operation, OWN_SCOPE, workspacesOf } from '../operation.ts'
import type { WorkspaceRef } from '../organizations/organization-workspaces.ts'
import { shownIn, WORKSPACE_MODEL } from './catalogue.ts'
import type { SyncResult } from '../sync.ts'
import type { CatalogueQuery } from './catalogue-sync.ts'
import { CatalogueEndpoint } from './catalogue-endpoint.ts'

const WORKSPACE = '/workspaces/{workspace_id}'

/** A listed workspace as its model: the entity itself, without the listing's project count. */
const modelOf = ({ active_project_count: _, ...workspace }: ListedWorkspace): TogglWorkspace => workspace

const LIST = operation({
  method: 'GET',
  path: '/me/workspaces',
  query: MyWorkspaceFiltersSchema,
  reply: ListedWorkspaceListSchema,
  cached: true,
  learn: workspacesOf,
  keeps: keepModels((workspaces: ListedWorkspace[]) => [batchOf(WORKSPACE_MODEL, workspaces.map(modelOf))]),
})
const GET = operation({
  method: 'GET',
  path: WORKSPACE,
  reply: WorkspaceSchema,
  learn: (workspace) => workspacesOf([workspace]),
  keeps: keepModels((workspace: TogglWorkspace) => [batchOf(WORKSPACE_MODEL, [workspace])]),
})
const EDIT = operation({
  method: 'PUT',
  path: WORKSPACE,
  body: WorkspaceChangesSchema,
  names: ['name'],
  reply: WorkspaceSchema,
  learn: (workspace) => workspacesOf([workspace]),
  keeps: keepModels((workspace: TogglWorkspace) => [batchOf(WORKSPACE_MODEL, [workspace])], (ids) => [{ kind: WORKSPACE_MODEL, ids: [ids.workspace_id!] }]),
  // Settings and admins show in the workspace's own reads and in what its organization says of it.
  invalidates: shownIn(['workspaces', 'everything'], OWN_SCOPE),
})
const STATISTICS = operation({ method: 'GET', path: '/workspaces/{workspace_id}/statistics', reply: WorkspaceStatisticsSchema, cached: true })
const CONSTRAINTS = operation({
  method: 'GET',
  path: '/workspaces/{workspace_id}/time_entry_constraints',
  reply: TrackerConstraintsSchema,
  cached: true,
})
const USERS = operation({ method: 'GET', path: '/workspaces/{workspace_id}/users', query: WorkspaceMemberFiltersSchema, reply: WorkspaceMemberListSchema })

/**
 * Your workspaces: list them, read one, change its settings, see its statistics, its time-entry
 * constraints and its members. Every workspace reply tells which organization it belongs to, so
 * calls about that workspace count against the organization's quota window from then on (see
 * `quotaOf`). With a cache, workspaces are kept one model each and served from it while fresh.
 *
 * @example
 * const workspaces = new WorkspaceEndpoint(auth, cache)
 * for (const workspace of await workspaces.collect()) console.log(workspace.name, workspace.organization_id)
 */
export class WorkspaceEndpoint extends CatalogueEndpoint {
  constructor(auth: BasicAuth, cache?: TogglCache | null, options?: EndpointOptions) {
    super(auth, cache, options)
  }

  /**
   * Every workspace you are in: `GET /me/workspaces` (`since` as UNIX seconds: those changed since
   * then, memberships included). Each carries `active_project_count`. Costs 0 requests on a cache
   * hit, 1 otherwise, from your own quota window; it also fills the cache for `get`.
   */
  async collect(filters?: MyWorkspaceFilters, options?: ReadOptions): Promise<ListedWorkspace[]> {
    return this.run(LIST, 'WorkspaceEndpoint.collect', { query: filters }, options)
  }

  /**
   * One workspace: its cached model while fresh (0 requests), else `GET /workspaces/{id}` (1).
   * @returns `null` when Toggl answers 403 or 404 (not a member), unless `reRaise`.
   */
  async get(workspace: WorkspaceRef, options?: ReadOptions): Promise<TogglWorkspace | null> {
    const found = await this.readOne(
      WORKSPACE_MODEL,
      GET,
      'WorkspaceEndpoint.get',
      { workspace_id: workspace },
      { placeholder: 'workspace_id', belongs: () => true },
      options,
    )
    // A model from the cache tells the organization as well as a reply does.
    if (found) this.core.learnWorkspaces(workspacesOf([found]))
    return found
  }

  /**
   * Changes a workspace's name or settings: `PUT /workspaces/{id}` with at least one of the fields
   * `OrganizationWorkspaceEndpoint.add` takes, only those sent. Admins only (403). Premium settings
   * on a Free plan are a `PlanRestrictionError` (402). Answers the workspace as it now is and keeps
   * it as its model; drops the rest of what is cached about the workspace and `collect()`'s list.
   * Costs 1 request.
   */
  async edit(workspace: WorkspaceRef, changes: WorkspaceChanges, options?: CallOptions): Promise<TogglWorkspace> {
    return this.run(EDIT, 'WorkspaceEndpoint.edit', { path: { workspace_id: workspace }, body: changes }, options)
  }

  /**
   * Its admins, member count and group count: `GET /workspaces/{id}/statistics`. Costs 0 requests
   * on a cache hit, 1 otherwise.
   */
  async statistics(workspace: WorkspaceRef, options?: ReadOptions): Promise<WorkspaceStatistics> {
    return this.run(STATISTICS, 'WorkspaceEndpoint.statistics', { path: { workspace_id: workspace } }, options)
  }

  /**
   * What every time entry in the workspace must have (a description, project, tag or task) when
   * `time_entry_constraints_enabled`: `GET /workspaces/{id}/time_entry_constraints`. Costs 0
   * requests on a cache hit, 1 otherwise; 400 "Workspace not found" for one you are not in.
   */
  async trackerConstraints(workspace: WorkspaceRef, options?: ReadOptions): Promise<TrackerConstraints> {
    return this.run(CONSTRAINTS, 'WorkspaceEndpoint.trackerConstraints', { path: { workspace_id: workspace } }, options)
  }

  /**
   * The people in the workspace (`id` is the user id): `GET /workspaces/{id}/users`, with
   * `exclude_deleted` when given. Never cached (people join by accepting invitations, which no
   * write of yours announces). Costs 1 request.
   */
  async users(workspace: WorkspaceRef, filters?: WorkspaceMemberFilters, options?: CallOptions): Promise<WorkspaceMember[]> {
    return this.run(USERS, 'WorkspaceEndpoint.users', { path: { workspace_id: workspace }, query: filters }, options)
  }

  /**
   * The organization a workspace belongs to (whose quota window its calls draw on): from what any
   * endpoint of this account has learnt (0 requests), else from `get` (its cached model, or 1
   * request). `null` when the workspace is not yours (403/404), unless `reRaise`.
   */
  async organizationOf(workspace: WorkspaceRef, options?: ReadOptions): Promise<number | null> {
    const where = 'WorkspaceEndpoint.organizationOf'
    const id = idOf(workspace, where, 'workspace')
    callOptionsOf(options, where)
    const known = this.core.organizationOf(id)
    if (known !== undefined) return known
    return (await this.get(id, options))?.organization_id ?? null
  }

  /**
   * Brings the cached workspaces up to date, with the rest of the catalogue: the first time with one
   * `GET /me?with_related_data=true` (every kind in full, so syncing another kind next costs one
   * `since` request), then `GET /me/workspaces?since=…` (1 request) with what changed, deleted ones
   * included. The cursor lives in the cache. Needs a cache.
   */
  async sync(options?: CallOptions): Promise<SyncResult> {
    return this.syncKind(WORKSPACE_MODEL, 'WorkspaceEndpoint.sync', options)
  }

  /**
   * The cached workspaces that `filter` selects — `workspace_id`, `active` (every workspace is active), `name`
   * (contains, case not counting), `limit` — from the cache alone: 0 requests.
   */
  async query(filter?: CatalogueQuery): Promise<TogglWorkspace[]> {
    return this.queryKind(WORKSPACE_MODEL, filter, 'WorkspaceEndpoint.query', () => true)
  }
}

