import * as v from 'valibot'
import type { BasicAuth } from '../../core/auth.ts'
import type { TogglCache } from '../../cache/types.ts'
import type { EndpointOptions } from '../../core/options.ts'
import {
  ArchivedProjectIdsSchema,
  ClientFiltersSchema,
  ClientInputSchema,
  ClientListSchema,
  ClientRestoreSchema,
  ClientSchema,
  MyClientFiltersSchema,
  type ClientFilters,
  type ClientInput,
  type ClientRestore,
  type MyClientFilters,
  type TogglClient,
} from '../../schemas/tracking/clients.ts'
import type { CallOptions, ReadOptions } from '../arguments.ts'
import { batchOf, keepModels, type StaleModels, staleWhere } from '../models.ts'
import { operation } from '../operation.ts'
import type { WorkspaceRef } from '../organizations/organization-workspaces.ts'
import { CLIENT_MODEL, PROJECT_MODEL, shownIn, TASK_MODEL } from './catalogue.ts'
import type { SyncResult } from '../sync.ts'
import type { CatalogueQuery } from './catalogue-sync.ts'
import { CatalogueEndpoint } from './catalogue-endpoint.ts'

/** A client's id, or a client model. */
export type ClientRef = number | { id: number }

const CLIENTS = '/workspaces/{workspace_id}/clients'
const CLIENT = '/workspaces/{workspace_id}/clients/{client_id}'

const asModels = (clients: readonly TogglClient[]) => [batchOf(CLIENT_MODEL, clients)]

/** A client, and the projects and tasks that show it (its name, whether it is archived). */
const clientAndWhatShowsIt = (ids: Readonly<Record<string, number>>): StaleModels[] => {
  const clientId = ids.client_id!
  return [
    { kind: CLIENT_MODEL, ids: [clientId] },
    staleWhere(PROJECT_MODEL, ids.workspace_id!, (project) => project.client_id === clientId),
    staleWhere(TASK_MODEL, ids.workspace_id!, (task) => task.client_id === clientId),
  ]
}

/** A renamed or deleted client changes what project and task listings (and time entries) show of it. */
const CHANGED = shownIn(['clients', 'projects', 'tasks', 'everything', 'timeEntries'])
/** Archiving or restoring a client does it to its projects too, which the workspace list counts. */
const ARCHIVED = shownIn(['clients', 'projects', 'workspaces', 'everything'])

const LIST = operation({ method: 'GET', path: CLIENTS, query: ClientFiltersSchema, reply: ClientListSchema, cached: true, keeps: keepModels(asModels) })
const GET = operation({ method: 'GET', path: CLIENT, reply: ClientSchema, keeps: keepModels((client: TogglClient) => asModels([client])) })
const ADD = operation({
  method: 'POST',
  path: CLIENTS,
  body: ClientInputSchema,
  names: ['name'],
  reply: ClientSchema,
  keeps: keepModels((client: TogglClient) => asModels([client])),
  invalidates: shownIn(['clients', 'everything']),
})
const EDIT = operation({
  method: 'PUT',
  path: CLIENT,
  body: ClientInputSchema,
  names: ['name'],
  reply: ClientSchema,
  keeps: keepModels((client: TogglClient) => asModels([client]), clientAndWhatShowsIt),
  invalidates: CHANGED,
})
const ARCHIVE = operation({
  method: 'POST',
  path: '/workspaces/{workspace_id}/clients/{client_id}/archive',
  reply: ArchivedProjectIdsSchema,
  keeps: keepModels(undefined, clientAndWhatShowsIt),
  invalidates: ARCHIVED,
})
const RESTORE = operation({
  method: 'POST',
  path: '/workspaces/{workspace_id}/clients/{client_id}/restore',
  body: v.optional(ClientRestoreSchema, {}),
  reply: ClientSchema,
  keeps: keepModels((client: TogglClient) => asModels([client]), clientAndWhatShowsIt),
  invalidates: ARCHIVED,
})
const DELETE = operation({
  method: 'DELETE',
  path: CLIENT,
  // The deleted client's id.
  reply: v.unknown(),
  keeps: keepModels(undefined, clientAndWhatShowsIt),
  invalidates: CHANGED,
})
const MINE = operation({ method: 'GET', path: '/me/clients', query: MyClientFiltersSchema, reply: ClientListSchema, cached: true, keeps: keepModels(asModels) })

/**
 * The clients of a workspace: list, read, create, rename, archive (with their projects) and
 * restore, delete. With a cache, listings and clients are served from it while fresh; a write drops
 * the client listings and, when it changes what projects show (a new name, archiving), the project
 * listings too, but never what it does not touch (tags, say).
 *
 * @example
 * const clients = new ClientEndpoint(auth, cache)
 * const acme = await clients.add(workspaceId, { name: 'Acme Inc.' })
 * await clients.archive(workspaceId, acme)
 */
export class ClientEndpoint extends CatalogueEndpoint {
  constructor(auth: BasicAuth, cache?: TogglCache | null, options?: EndpointOptions) {
    super(auth, cache, options)
  }

  /**
   * The workspace's clients, by name: `GET /workspaces/{id}/clients`; `status` `'active'` (Toggl's
   * default), `'archived'` or `'both'`, `name` a part of the name (any case). Toggl does not page
   * them. Costs 0 requests on a cache hit, 1 otherwise.
   */
  async collect(workspace: WorkspaceRef, filters?: ClientFilters, options?: ReadOptions): Promise<TogglClient[]> {
    return this.run(LIST, 'ClientEndpoint.collect', { path: { workspace_id: workspace }, query: filters }, options)
  }

  /**
   * One client: its cached model while fresh (0 requests), else
   * `GET /workspaces/{id}/clients/{client_id}` (1).
   * @returns `null` when Toggl answers 404 ("No client with ID … was found") or 403, unless `reRaise`.
   */
  async get(workspace: WorkspaceRef, client: ClientRef, options?: ReadOptions): Promise<TogglClient | null> {
    const path = { workspace_id: workspace, client_id: client }
    const entity = { placeholder: 'client_id', belongs: (model: TogglClient, ids: Readonly<Record<string, number>>) => model.wid === ids.workspace_id }
    return this.readOne(CLIENT_MODEL, GET, 'ClientEndpoint.get', path, entity, options)
  }

  /**
   * Creates a client: `POST /workspaces/{id}/clients` with `{ name, notes?, external_reference? }`.
   * An empty name is a `NamingError` (nothing sent). Never retried. Costs 1 request.
   */
  async add(workspace: WorkspaceRef, input: ClientInput, options?: CallOptions): Promise<TogglClient> {
    return this.run(ADD, 'ClientEndpoint.add', { path: { workspace_id: workspace }, body: input }, options)
  }

  /**
   * Changes a client: `PUT /workspaces/{id}/clients/{client_id}` with `{ name, notes?,
   * external_reference? }` (Toggl's PUT takes the whole client, so `name` is required; archiving
   * has its own call). 404 "Client doesn't exist in the workspace." Costs 1 request.
   */
  async edit(workspace: WorkspaceRef, client: ClientRef, changes: ClientInput, options?: CallOptions): Promise<TogglClient> {
    const path = { workspace_id: workspace, client_id: client }
    return this.run(EDIT, 'ClientEndpoint.edit', { path, body: changes }, options)
  }

  /**
   * Archives a client and its active projects: `POST …/clients/{client_id}/archive`; answers the
   * ids of the projects archived with it. Paid plans only (`PlanRestrictionError` on Free). Not
   * retried. Costs 1 request.
   */
  async archive(workspace: WorkspaceRef, client: ClientRef, options?: CallOptions): Promise<number[]> {
    const path = { workspace_id: workspace, client_id: client }
    return this.run(ARCHIVE, 'ClientEndpoint.archive', { path }, options)
  }

  /**
   * Makes an archived client active again: `POST …/clients/{client_id}/restore`, with the projects
   * to restore with it (`projects: [ids]`, or `restore_all_projects: true`; without a body `{}` is
   * sent, which restores the client alone).
   * Answers the client. Not retried. Costs 1 request.
   */
  async restore(workspace: WorkspaceRef, client: ClientRef, body?: ClientRestore, options?: CallOptions): Promise<TogglClient> {
    const path = { workspace_id: workspace, client_id: client }
    return this.run(RESTORE, 'ClientEndpoint.restore', { path, body }, options)
  }

  /**
   * Deletes a client: `DELETE /workspaces/{id}/clients/{client_id}`; its projects stay, without a
   * client. A client already gone (404) is no error unless `reRaise`. Costs 1 request.
   */
  async delete(workspace: WorkspaceRef, client: ClientRef, options?: CallOptions): Promise<void> {
    const path = { workspace_id: workspace, client_id: client }
    try {
      await this.run(DELETE, 'ClientEndpoint.delete', { path }, options)
    } catch (error) {
      if (!this.isQuietMiss(error, [404])) throw error
    }
  }

  /**
   * The clients of every workspace you are in: `GET /me/clients` (deleted ones too with `since`),
   * one request from your own quota window. Costs 0 requests on a cache hit, 1 otherwise.
   */
  async collectMine(filters?: MyClientFilters, options?: ReadOptions): Promise<TogglClient[]> {
    return this.run(MINE, 'ClientEndpoint.collectMine', { query: filters }, options)
  }

  /**
   * Brings the cached clients up to date, with the rest of the catalogue: the first time with one
   * `GET /me?with_related_data=true` (every kind in full, so syncing another kind next costs one
   * `since` request), then `GET /me/clients?since=…` (1 request) with what changed, deleted ones
   * included. The cursor lives in the cache. Needs a cache.
   */
  async sync(options?: CallOptions): Promise<SyncResult> {
    return this.syncKind(CLIENT_MODEL, 'ClientEndpoint.sync', options)
  }

  /**
   * The cached clients that `filter` selects — `workspace_id`, `active` (active: not archived), `name`
   * (contains, case not counting), `limit` — from the cache alone: 0 requests.
   */
  async query(filter?: CatalogueQuery): Promise<TogglClient[]> {
    return this.queryKind(CLIENT_MODEL, filter, 'ClientEndpoint.query', (client) => !client.archived)
  }
}

