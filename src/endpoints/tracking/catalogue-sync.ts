import * as v from 'valibot'
import { IdInputSchema } from '../../schemas/common.ts'
import { ClientListSchema } from '../../schemas/tracking/clients.ts'
import { ProjectListSchema } from '../../schemas/tracking/projects.ts'
import { TagListSchema } from '../../schemas/tracking/tags.ts'
import { TaskListSchema } from '../../schemas/tracking/tasks.ts'
import { UserWithRelatedDataSchema } from '../../schemas/tracking/user.ts'
import { ListedWorkspaceListSchema } from '../../schemas/tracking/workspaces.ts'
import { filterOf } from '../arguments.ts'
import type { CacheScope } from '../base.ts'
import { forgetWorkspaceModels, modelsInRange, type ModelKind } from '../models.ts'
import { operation, workspacesOf, type Operation } from '../operation.ts'
import { keepListed, OVERLAP_SECONDS, serverSeconds, writeSyncState, type SyncResult, type SyncState } from '../sync.ts'
import { fullFetchDue } from './time-entry-range.ts'
import { CLIENT_MODEL, PROJECT_MODEL, TAG_MODEL, TASK_MODEL, WORKSPACE_MODEL } from './catalogue.ts'

type Entity = { id: number; server_deleted_at?: string | null | undefined; at?: string | null | undefined }

/** One request that lists the whole catalogue: every kind, in full, as a first sync needs it. */
const EVERYTHING = operation({
  method: 'GET',
  path: '/me',
  query: v.strictObject({ with_related_data: v.literal('true') }),
  reply: UserWithRelatedDataSchema,
  learn: (user) => workspacesOf(user.workspaces ?? []),
})

const since = v.strictObject({ since: v.string() })
/** `since`, and a flag always sent beside it. */
/* @__NO_SIDE_EFFECTS__ */
const sinceWith = (flag: string) => v.strictObject({ since: v.string(), [flag]: v.optional(v.literal('true'), 'true') })
/**
 * What changed of one kind since a second, deleted ones included (`server_deleted_at`); archived
 * projects and done tasks asked for outright, since without `since` Toggl leaves them out.
 */
const CHANGES: Readonly<Record<string, Operation<Entity[]>>> = {
  workspace: operation({ method: 'GET', path: '/me/workspaces', query: since, reply: ListedWorkspaceListSchema, learn: (found) => workspacesOf(found) }),
  project: operation({ method: 'GET', path: '/me/projects', query: sinceWith('include_archived'), reply: ProjectListSchema }),
  client: operation({ method: 'GET', path: '/me/clients', query: since, reply: ClientListSchema }),
  tag: operation({ method: 'GET', path: '/me/tags', query: since, reply: TagListSchema }),
  task: operation({ method: 'GET', path: '/me/tasks', query: sinceWith('include_not_active'), reply: TaskListSchema }),
}

/** Every synced catalogue kind, with where `GET /me?with_related_data=true` lists it. */
const KINDS: readonly (readonly [ModelKind<Entity>, 'workspaces' | 'projects' | 'clients' | 'tags' | 'tasks'])[] = [
  [WORKSPACE_MODEL, 'workspaces'],
  [PROJECT_MODEL, 'projects'],
  [CLIENT_MODEL, 'clients'],
  [TAG_MODEL, 'tags'],
  [TASK_MODEL, 'tasks'],
]

/** What a catalogue sync needs of its endpoint: a listing sent past the cache, with its headers. */
export type ListOf = <Reply>(operation: Operation<Reply>, query: Record<string, string>) => Promise<{ data: Reply; headers: Headers }>

/** The lock every catalogue sync takes: one full fetch serves all kinds, so they go one at a time. */
export const CATALOGUE_LOCK = 'catalogue'

/**
 * Brings one kind of the cached catalogue up to date. A first sync (or one whose cursor is too old,
 * or whose full fetch may have expired from the cache) sends `GET /me?with_related_data=true`: one
 * request lists every kind in full, so it brings all five up to date (and the next sync of another
 * kind continues with one `since` request). Later syncs send `GET /me/{kind}?since=…`.
 */
export async function syncCatalogueKind(
  scope: CacheScope,
  kind: ModelKind<Entity>,
  state: SyncState | undefined,
  list: ListOf,
  commit: (store: () => Promise<void>) => Promise<void>,
): Promise<SyncResult> {
  const now = Date.now()
  const full = state === undefined || fullFetchDue(scope, state, now)
  let result: SyncResult = { changed: 0, deleted: 0, requests: 1, full }
  if (full) {
    const { data, headers } = await list(EVERYTHING, { with_related_data: 'true' })
    const cursor = serverSeconds(headers, []) - OVERLAP_SECONDS
    await commit(async () => {
      for (const [each, field] of KINDS) {
        const listed: Entity[] = data[field] ?? []
        const cached = await modelsInRange(scope, each)
        const present = new Set(listed.map(({ id }) => id))
        const gone = cached.filter(({ id }) => !present.has(id)).map(({ id }) => id)
        const kept = await keepListed(scope, each, listed, gone, true)
        result = { ...result, changed: result.changed + kept.changed, deleted: result.deleted + kept.deleted }
        await writeSyncState(scope, each.name, { cursor, fullAt: now, syncedAt: Date.now() })
      }
      scope.guard.supersede()
    })
    return result
  }
  const { data, headers } = await list(CHANGES[kind.name]!, { since: String(state.cursor) })
  const cursor = Math.max(state.cursor, serverSeconds(headers, data.map(({ at }) => at)) - OVERLAP_SECONDS)
  await commit(async () => {
    const { changed, deleted } = await keepListed(scope, kind, data, [])
    // A workspace listed deleted may only be one you left: what it holds is no longer yours to see.
    const left = kind === WORKSPACE_MODEL ? data.filter((workspace) => workspace.server_deleted_at).map(({ id }) => id) : []
    await forgetWorkspaceModels(scope, left)
    result = { ...result, changed, deleted }
    await writeSyncState(scope, kind.name, { ...state, cursor, syncedAt: Date.now() })
    scope.guard.supersede()
  })
  return result
}

/** What `query()` selects among cached catalogue entities. */
export interface CatalogueQuery {
  /** Of this workspace (an id); all workspaces without it. */
  workspace_id?: number
  /** `true`: active only (not archived, not done); `false`: the others. */
  active?: boolean
  /** Text the name contains, case not counting. */
  name?: string
  /** At most this many. */
  limit?: number
}

const QuerySchema = v.strictObject(
  {
    workspace_id: v.optional(IdInputSchema),
    active: v.optional(v.boolean('must be a boolean')),
    name: v.optional(v.string('must be a string')),
    limit: v.optional(v.pipe(v.number('must be a number'), v.safeInteger('must be a whole number'), v.minValue(0, 'must be ≥ 0'))),
  },
  'filter must be an object',
)

/**
 * The cached entities of a kind a filter selects, from the cache alone (0 requests), in the cache's
 * order: by workspace (a workspace read reads only its own range), then by id.
 */
export async function queryCatalogue<T extends { id: number; name?: unknown }>(
  scope: CacheScope,
  kind: ModelKind<T>,
  filter: unknown,
  where: string,
  isActive: (model: T) => boolean,
): Promise<T[]> {
  const { workspace_id, active, name, limit = Infinity } = filterOf(QuerySchema, filter, where)
  const range = workspace_id === undefined ? {} : { from: workspace_id, to: workspace_id + 1 }
  const text = name?.toLowerCase()
  const found: T[] = []
  for (const model of await modelsInRange(scope, kind, range)) {
    if (found.length >= limit) break
    if (active !== undefined && isActive(model) !== active) continue
    if (text !== undefined && !(typeof model.name === 'string' && model.name.toLowerCase().includes(text))) continue
    found.push(model)
  }
  return found
}
