import * as v from 'valibot'
import type { BasicAuth } from '../../core/auth.ts'
import type { TogglCache } from '../../cache/types.ts'
import type { EndpointOptions } from '../../core/options.ts'
import { BulkPatchResultSchema, IdListParamSchema, type BulkPatchResult } from '../../schemas/tracking/patch.ts'
import {
  MyProjectFiltersSchema,
  ProjectChangesSchema,
  ProjectDeletionSchema,
  ProjectFiltersSchema,
  ProjectInputSchema,
  ProjectListSchema,
  ProjectPatchSchema,
  ProjectSchema,
  type MyProjectFilters,
  type ProjectChanges,
  type ProjectDeletion,
  type ProjectFilters,
  type ProjectInput,
  type ProjectPatchOperation,
  type TogglProject,
} from '../../schemas/tracking/projects.ts'
import { callOptionsOf, type CallOptions, type ReadOptions } from '../arguments.ts'
import type { Miss } from '../base.ts'
import { batchOf, keepModels, settleModels, type StaleModels, staleWhere } from '../models.ts'
import { operation } from '../operation.ts'
import type { WorkspaceRef } from '../organizations/organization-workspaces.ts'
import type { PageIterator } from '../pages.ts'
import { PROJECT_MODEL, shownIn, TASK_MODEL } from './catalogue.ts'
import type { SyncResult } from '../sync.ts'
import type { CatalogueQuery } from './catalogue-sync.ts'
import { bulkIds, CatalogueEndpoint } from './catalogue-endpoint.ts'

/** A project's id, or a project model. */
export type ProjectRef = number | { id: number }

const PROJECTS = '/workspaces/{workspace_id}/projects'
const PROJECT = '/workspaces/{workspace_id}/projects/{project_id}'

/** Toggl's answer for a project id it does not have in the workspace. */
const NO_SUCH_PROJECT: Miss = { status: 400, message: 'Invalid project_id' }

const asModels = (projects: readonly TogglProject[]) => [batchOf(PROJECT_MODEL, projects)]

/** A project and what shows it: its tasks carry its name and colour. */
const projectsAndTheirTasks = (workspaceId: number, projectIds: readonly number[]): StaleModels[] => [
  { kind: PROJECT_MODEL, ids: projectIds },
  staleWhere(TASK_MODEL, workspaceId, (task) => projectIds.includes(task.project_id)),
]

/** What a change to projects makes stale: listings of projects, their tasks, and what names them. */
const CHANGED = shownIn(['projects', 'tasks', 'workspaces', 'everything', 'timeEntries'])

const LIST = operation({ method: 'GET', path: PROJECTS, query: ProjectFiltersSchema, reply: ProjectListSchema, cached: true, keeps: keepModels(asModels) })
const GET = operation({ method: 'GET', path: PROJECT, reply: ProjectSchema, keeps: keepModels((project: TogglProject) => asModels([project])) })
const ADD = operation({
  method: 'POST',
  path: PROJECTS,
  body: ProjectInputSchema,
  names: ['name'],
  reply: ProjectSchema,
  keeps: keepModels((project: TogglProject) => asModels([project])),
  invalidates: shownIn(['projects', 'workspaces', 'everything']),
})
const EDIT = operation({
  method: 'PUT',
  path: PROJECT,
  body: ProjectChangesSchema,
  names: ['name'],
  reply: ProjectSchema,
  keeps: keepModels((project: TogglProject) => asModels([project]), (ids) => projectsAndTheirTasks(ids.workspace_id!, [ids.project_id!])),
  invalidates: CHANGED,
})
const PATCH = operation({
  method: 'PATCH',
  path: '/workspaces/{workspace_id}/projects/{project_ids}',
  params: { project_ids: IdListParamSchema },
  body: ProjectPatchSchema,
  reply: BulkPatchResultSchema,
  invalidates: CHANGED,
})
const DELETE = operation({
  method: 'DELETE',
  path: PROJECT,
  query: ProjectDeletionSchema,
  // The deleted project's id.
  reply: v.unknown(),
  keeps: keepModels(undefined, (ids) => projectsAndTheirTasks(ids.workspace_id!, [ids.project_id!])),
  invalidates: CHANGED,
})
const MINE = operation({ method: 'GET', path: '/me/projects', query: MyProjectFiltersSchema, reply: ProjectListSchema, cached: true, keeps: keepModels(asModels) })

/**
 * The projects of a workspace: list them (page by page), read, create, change one or many,
 * archive (`edit` with `active: false`), delete. With a cache, listings and projects are served from
 * it while fresh; a write drops what it changed (project listings, the tasks that show a project's
 * name, the workspace list's project counts) and nothing else, so cached clients or tags stay.
 *
 * @example
 * const projects = new ProjectEndpoint(auth, cache)
 * const site = await projects.add(workspaceId, { name: 'Website', color: '#0b83d9', client_id: clientId })
 * for await (const project of projects.iterate(workspaceId, { active: true })) console.log(project.name)
 */
export class ProjectEndpoint extends CatalogueEndpoint {
  constructor(auth: BasicAuth, cache?: TogglCache | null, options?: EndpointOptions) {
    super(auth, cache, options)
  }

  /**
   * Every project of the workspace that matches `filters`: `GET /workspaces/{id}/projects` page by
   * page (`per_page` 200, Toggl's maximum, unless given) until a page comes back short, since Toggl
   * sends no page count. Costs 1 request per page (each page cached: 0 while fresh).
   */
  async collect(workspace: WorkspaceRef, filters?: ProjectFilters, options?: ReadOptions): Promise<TogglProject[]> {
    return this.#iterate('ProjectEndpoint.collect', workspace, filters, options).all()
  }

  /**
   * The same listing as {@link collect}, one page per request as the loop asks: breaking out sends
   * no more. Toggl sends no page count, so `cost()` answers `undefined`, and a listing that ends
   * on a full page costs one more request (an empty page). Bad filters throw here, nothing sent.
   */
  iterate(workspace: WorkspaceRef, filters?: ProjectFilters, options?: ReadOptions): PageIterator<TogglProject> {
    return this.#iterate('ProjectEndpoint.iterate', workspace, filters, options)
  }

  /**
   * One project: its cached model while fresh (0 requests), else
   * `GET /workspaces/{id}/projects/{project_id}` (1).
   * @returns `null` for a project the workspace does not have (Toggl's 400 "Invalid project_id"), or
   *   a workspace that is not yours (403), unless `reRaise`.
   */
  async get(workspace: WorkspaceRef, project: ProjectRef, options?: ReadOptions): Promise<TogglProject | null> {
    const path = { workspace_id: workspace, project_id: project }
    const entity = { placeholder: 'project_id', belongs: (model: TogglProject, ids: Readonly<Record<string, number>>) => model.workspace_id === ids.workspace_id }
    return this.readOne(PROJECT_MODEL, GET, 'ProjectEndpoint.get', path, entity, options, [NO_SUCH_PROJECT])
  }

  /**
   * Creates a project: `POST /workspaces/{id}/projects` with `input` (`name` required; a bad one is a
   * `NamingError`, any other bad field an `InputError`, and nothing is sent). Premium fields on a
   * Free plan are a `PlanRestrictionError` (402). Never retried (a retry could create two). Costs 1
   * request.
   */
  async add(workspace: WorkspaceRef, input: ProjectInput, options?: CallOptions): Promise<TogglProject> {
    return this.run(ADD, 'ProjectEndpoint.add', { path: { workspace_id: workspace }, body: input }, options)
  }

  /**
   * Changes a project: `PUT /workspaces/{id}/projects/{project_id}` with only the fields given (at
   * least one). `active: false` archives it, `true` restores it. Answers the project as it now is.
   * Costs 1 request.
   */
  async edit(workspace: WorkspaceRef, project: ProjectRef, changes: ProjectChanges, options?: CallOptions): Promise<TogglProject> {
    const path = { workspace_id: workspace, project_id: project }
    return this.run(EDIT, 'ProjectEndpoint.edit', { path, body: changes }, options)
  }

  /**
   * Changes several projects at once: `PATCH /workspaces/{id}/projects/{ids}` (ids comma-separated)
   * with JSON-Patch operations (`add`/`replace` a field's value, `remove` to clear one that may be
   * empty). Toggl applies them to each project on its own, without rollback: the result lists the
   * ids it changed (`success`) and the others with why (`failure`). Not retried. Costs 1 request.
   */
  async patch(
    workspace: WorkspaceRef,
    projects: readonly ProjectRef[],
    operations: readonly ProjectPatchOperation[],
    options?: CallOptions,
  ): Promise<BulkPatchResult> {
    const where = 'ProjectEndpoint.patch'
    const { signal } = callOptionsOf(options, where)
    const call = this.prepare(PATCH, where, { path: { workspace_id: workspace, project_ids: projects }, body: operations, signal })
    const workspaceId = call.ids.workspace_id!
    return this.perform(call, { settle: (scope, outcome) => settleModels(scope, outcome, [], projectsAndTheirTasks(workspaceId, bulkIds(call))) })
  }

  /**
   * Deletes a project: `DELETE /workspaces/{id}/projects/{project_id}`; `teDeletionMode` says
   * whether its time entries go too (`'delete'`) or stay without a project (`'unassign'`). Its
   * tasks go. A project already gone (Toggl's 400 "Invalid project_id", or 404) is no error unless
   * `reRaise`. Costs 1 request.
   */
  async delete(workspace: WorkspaceRef, project: ProjectRef, deletion?: ProjectDeletion, options?: CallOptions): Promise<void> {
    const path = { workspace_id: workspace, project_id: project }
    try {
      await this.run(DELETE, 'ProjectEndpoint.delete', { path, query: deletion }, options)
    } catch (error) {
      if (!this.isQuietMiss(error, [404, NO_SUCH_PROJECT])) throw error
    }
  }

  /**
   * The projects of every workspace you are in: `GET /me/projects`, one request from your own
   * quota window; archived ones too with `include_archived: true`, deleted ones with `since`.
   * Costs 0 requests on a cache hit, 1 otherwise.
   */
  async collectMine(filters?: MyProjectFilters, options?: ReadOptions): Promise<TogglProject[]> {
    return this.run(MINE, 'ProjectEndpoint.collectMine', { query: filters }, options)
  }

  #iterate(where: string, workspace: unknown, filters: unknown, options: unknown): PageIterator<TogglProject> {
    const { refresh, signal } = callOptionsOf(options, where)
    const call = this.prepare(LIST, where, { path: { workspace_id: workspace }, query: filters, signal })
    return this.pagesOf(call, { refresh }, (items, asked) => ({ items, ...asked, pages: undefined, records: undefined }))
  }

  /**
   * Brings the cached projects up to date, with the rest of the catalogue: the first time with one
   * `GET /me?with_related_data=true` (every kind in full, so syncing another kind next costs one
   * `since` request), then `GET /me/projects?since=…` (1 request) with what changed, deleted ones
   * included. The cursor lives in the cache. Needs a cache.
   */
  async sync(options?: CallOptions): Promise<SyncResult> {
    return this.syncKind(PROJECT_MODEL, 'ProjectEndpoint.sync', options)
  }

  /**
   * The cached projects that `filter` selects — `workspace_id`, `active` (active: not archived), `name`
   * (contains, case not counting), `limit` — from the cache alone: 0 requests.
   */
  async query(filter?: CatalogueQuery): Promise<TogglProject[]> {
    return this.queryKind(PROJECT_MODEL, filter, 'ProjectEndpoint.query', (project) => project.active)
  }
}

