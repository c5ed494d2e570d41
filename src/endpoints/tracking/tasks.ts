import * as v from 'valibot'
import type { BasicAuth } from '../../core/auth.ts'
import type { TogglCache } from '../../cache/types.ts'
import type { EndpointOptions } from '../../core/options.ts'
import { BulkPatchResultSchema, IdListParamSchema, type BulkPatchResult } from '../../schemas/tracking/patch.ts'
import {
  MyTaskFiltersSchema,
  TaskChangesSchema,
  TaskFiltersSchema,
  TaskInputSchema,
  TaskListSchema,
  TaskPageSchema,
  TaskPatchSchema,
  TaskSchema,
  type MyTaskFilters,
  type TaskChanges,
  type TaskFilters,
  type TaskInput,
  type TaskPage,
  type TaskPatchOperation,
  type TogglTask,
} from '../../schemas/tracking/tasks.ts'
import { callOptionsOf, type CallOptions, type ReadOptions } from '../arguments.ts'
import type { Miss } from '../base.ts'
import { batchOf, keepModels, settleModels } from '../models.ts'
import { operation } from '../operation.ts'
import type { WorkspaceRef } from '../organizations/organization-workspaces.ts'
import type { PageIterator } from '../pages.ts'
import { PROJECT_MODEL, shownIn, TASK_MODEL } from './catalogue.ts'
import type { SyncResult } from '../sync.ts'
import type { CatalogueQuery } from './catalogue-sync.ts'
import { bulkIds, CatalogueEndpoint } from './catalogue-endpoint.ts'
import type { ProjectRef } from './projects.ts'

/** A task's id, or a task model. */
export type TaskRef = number | { id: number }

const TASKS = '/workspaces/{workspace_id}/projects/{project_id}/tasks'
const TASK = '/workspaces/{workspace_id}/projects/{project_id}/tasks/{task_id}'

/** Toggl's answers for a project or task it does not have there. */
const NOT_THERE: readonly Miss[] = [
  { status: 400, message: 'Invalid project_id' },
  { status: 400, message: 'Invalid task_id' },
]

const asModels = (tasks: readonly TogglTask[]) => [batchOf(TASK_MODEL, tasks)]

/** A new or deleted task changes its project's `tasks_count`, so project listings go too. */
const COUNTED = shownIn(['tasks', 'projects', 'everything'])
/** A changed task shows in task listings (the project's own among them) and in time entries. */
const CHANGED = shownIn(['tasks', 'everything', 'timeEntries'], TASKS)

const LIST = operation({
  method: 'GET',
  path: '/workspaces/{workspace_id}/tasks',
  query: TaskFiltersSchema,
  reply: TaskPageSchema,
  cached: true,
  keeps: keepModels((page: TaskPage) => asModels(page.data)),
})
const GET = operation({ method: 'GET', path: TASK, reply: TaskSchema, keeps: keepModels((task: TogglTask) => asModels([task])) })
const ADD = operation({
  method: 'POST',
  path: TASKS,
  body: TaskInputSchema,
  names: ['name'],
  reply: TaskSchema,
  keeps: keepModels((task: TogglTask) => asModels([task]), (ids) => [{ kind: PROJECT_MODEL, ids: [ids.project_id!] }]),
  invalidates: COUNTED,
})
const EDIT = operation({
  method: 'PUT',
  path: TASK,
  body: TaskChangesSchema,
  names: ['name'],
  reply: TaskSchema,
  keeps: keepModels((task: TogglTask) => asModels([task]), (ids) => [{ kind: TASK_MODEL, ids: [ids.task_id!] }]),
  invalidates: CHANGED,
})
const PATCH = operation({
  method: 'PATCH',
  path: '/workspaces/{workspace_id}/projects/{project_id}/tasks/{task_ids}',
  params: { task_ids: IdListParamSchema },
  body: TaskPatchSchema,
  reply: BulkPatchResultSchema,
  invalidates: CHANGED,
})
const DELETE = operation({
  method: 'DELETE',
  path: TASK,
  reply: v.unknown(),
  keeps: keepModels(undefined, (ids) => [
    { kind: TASK_MODEL, ids: [ids.task_id!] },
    { kind: PROJECT_MODEL, ids: [ids.project_id!] },
  ]),
  invalidates: shownIn(['tasks', 'projects', 'everything', 'timeEntries']),
})
const MINE = operation({ method: 'GET', path: '/me/tasks', query: MyTaskFiltersSchema, reply: TaskListSchema, cached: true, keeps: keepModels(asModels) })

/**
 * The tasks of a workspace's projects: list them (page by page), read, create, change one or many
 * (`active: false` marks one done), delete. Toggl may keep tasks to paid plans. With a cache,
 * listings and tasks are served from it while fresh; a write drops the task listings and what
 * counts or shows tasks, but nothing else.
 *
 * @example
 * const tasks = new TaskEndpoint(auth, cache)
 * const task = await tasks.add(workspaceId, projectId, { name: 'Design', estimated_seconds: 7200 })
 * await tasks.edit(workspaceId, projectId, task, { active: false })
 */
export class TaskEndpoint extends CatalogueEndpoint {
  constructor(auth: BasicAuth, cache?: TogglCache | null, options?: EndpointOptions) {
    super(auth, cache, options)
  }

  /**
   * Every task of the workspace that matches `filters` (Toggl lists active ones unless `active`
   * says otherwise): `GET /workspaces/{id}/tasks` page by page (`per_page` 200 unless given). Toggl
   * wraps each page with `total_count`, so exactly as many requests are sent as there are pages
   * (each cached: 0 while fresh).
   */
  async collect(workspace: WorkspaceRef, filters?: TaskFilters, options?: ReadOptions): Promise<TogglTask[]> {
    return this.#iterate('TaskEndpoint.collect', workspace, filters, options).all()
  }

  /**
   * The same listing as {@link collect}, one page per request as the loop asks: breaking out sends
   * no more, and `cost()` tells the number of pages from Toggl's `total_count` (fetching page 1,
   * which the loop then uses). Bad filters throw here, nothing sent.
   */
  iterate(workspace: WorkspaceRef, filters?: TaskFilters, options?: ReadOptions): PageIterator<TogglTask> {
    return this.#iterate('TaskEndpoint.iterate', workspace, filters, options)
  }

  /**
   * One task of a project: its cached model while fresh (0 requests), else
   * `GET /workspaces/{id}/projects/{project_id}/tasks/{task_id}` (1).
   * @returns `null` when Toggl has no such project or task there (its 400 "Invalid project_id" /
   *   "Invalid task_id") or the workspace is not yours (403), unless `reRaise`.
   */
  async get(workspace: WorkspaceRef, project: ProjectRef, task: TaskRef, options?: ReadOptions): Promise<TogglTask | null> {
    const path = { workspace_id: workspace, project_id: project, task_id: task }
    const entity = {
      placeholder: 'task_id',
      belongs: (model: TogglTask, ids: Readonly<Record<string, number>>) => model.workspace_id === ids.workspace_id && model.project_id === ids.project_id,
    }
    return this.readOne(TASK_MODEL, GET, 'TaskEndpoint.get', path, entity, options, NOT_THERE)
  }

  /**
   * Creates a task: `POST /workspaces/{id}/projects/{project_id}/tasks` with `{ name, active?,
   * estimated_seconds?, user_id?, external_reference? }`. A blank name is a `NamingError` (nothing
   * sent); an archived project is Toggl's 400. Never retried. Costs 1 request.
   */
  async add(workspace: WorkspaceRef, project: ProjectRef, input: TaskInput, options?: CallOptions): Promise<TogglTask> {
    const path = { workspace_id: workspace, project_id: project }
    return this.run(ADD, 'TaskEndpoint.add', { path, body: input }, options)
  }

  /**
   * Changes a task: `PUT …/projects/{project_id}/tasks/{task_id}` with only the fields given (at
   * least one); `active: false` marks it done. Costs 1 request.
   */
  async edit(workspace: WorkspaceRef, project: ProjectRef, task: TaskRef, changes: TaskChanges, options?: CallOptions): Promise<TogglTask> {
    const path = { workspace_id: workspace, project_id: project, task_id: task }
    return this.run(EDIT, 'TaskEndpoint.edit', { path, body: changes }, options)
  }

  /**
   * Changes several tasks of a project at once: `PATCH …/projects/{project_id}/tasks/{ids}` with
   * JSON-Patch operations. Toggl applies them to each task on its own, without rollback: `success`
   * lists the ids it changed, `failure` the others with why. Not retried. Costs 1 request.
   */
  async patch(
    workspace: WorkspaceRef,
    project: ProjectRef,
    tasks: readonly TaskRef[],
    operations: readonly TaskPatchOperation[],
    options?: CallOptions,
  ): Promise<BulkPatchResult> {
    const where = 'TaskEndpoint.patch'
    const { signal } = callOptionsOf(options, where)
    const path = { workspace_id: workspace, project_id: project, task_ids: tasks }
    const call = this.prepare(PATCH, where, { path, body: operations, signal })
    return this.perform(call, { settle: (scope, outcome) => settleModels(scope, outcome, [], [{ kind: TASK_MODEL, ids: bulkIds(call) }]) })
  }

  /**
   * Deletes a task: `DELETE …/projects/{project_id}/tasks/{task_id}`; its time entries keep their
   * project. A task already gone (Toggl's 400 "Invalid task_id", or 404) is no error unless
   * `reRaise`. Costs 1 request.
   */
  async delete(workspace: WorkspaceRef, project: ProjectRef, task: TaskRef, options?: CallOptions): Promise<void> {
    const path = { workspace_id: workspace, project_id: project, task_id: task }
    try {
      await this.run(DELETE, 'TaskEndpoint.delete', { path }, options)
    } catch (error) {
      if (!this.isQuietMiss(error, [404, { status: 400, message: 'Invalid task_id' }])) throw error
    }
  }

  /**
   * The tasks of every workspace you are in: `GET /me/tasks`, active ones unless
   * `include_not_active: true`, deleted ones too with `since`; `meta: true` adds project and client
   * names. One request from your own quota window; 0 on a cache hit.
   */
  async collectMine(filters?: MyTaskFilters, options?: ReadOptions): Promise<TogglTask[]> {
    return this.run(MINE, 'TaskEndpoint.collectMine', { query: filters }, options)
  }

  #iterate(where: string, workspace: unknown, filters: unknown, options: unknown): PageIterator<TogglTask> {
    const { refresh, signal } = callOptionsOf(options, where)
    const call = this.prepare(LIST, where, { path: { workspace_id: workspace }, query: filters, signal })
    return this.pagesOf(call, { refresh }, (reply, asked) => {
      // Toggl says which page and size it applied, and how many tasks match in all.
      const perPage = reply.per_page ?? asked.perPage
      const records = reply.total_count ?? undefined
      return {
        items: reply.data,
        page: reply.page ?? asked.page,
        perPage,
        pages: records === undefined ? undefined : Math.ceil(records / perPage),
        records,
      }
    })
  }

  /**
   * Brings the cached tasks up to date, with the rest of the catalogue: the first time with one
   * `GET /me?with_related_data=true` (every kind in full, so syncing another kind next costs one
   * `since` request), then `GET /me/tasks?since=…` (1 request) with what changed, deleted ones
   * included. The cursor lives in the cache. Needs a cache.
   */
  async sync(options?: CallOptions): Promise<SyncResult> {
    return this.syncKind(TASK_MODEL, 'TaskEndpoint.sync', options)
  }

  /**
   * The cached tasks that `filter` selects — `workspace_id`, `active` (active: not done), `name`
   * (contains, case not counting), `limit` — from the cache alone: 0 requests.
   */
  async query(filter?: CatalogueQuery): Promise<TogglTask[]> {
    return this.queryKind(TASK_MODEL, filter, 'TaskEndpoint.query', (task) => task.active)
  }
}

