import * as v from 'valibot'
import type { BasicAuth } from '../../core/auth.ts'
import type { TogglCache } from '../../cache/types.ts'
import { describe } from '../../core/describe.ts'
import { InputError } from '../../core/errors.ts'
import type { EndpointOptions } from '../../core/options.ts'
import {
  MyTagFiltersSchema,
  TagBodySchema,
  TagDeletionSchema,
  TagFiltersSchema,
  TagListSchema,
  TagSchema,
  type MyTagFilters,
  type TagFilters,
  type TogglTag,
} from '../../schemas/tracking/tags.ts'
import { callOptionsOf, idOf, type CallOptions, type ReadOptions } from '../arguments.ts'
import { batchOf, findModel, keepModels, settleModels } from '../models.ts'
import { operation } from '../operation.ts'
import type { WorkspaceRef } from '../organizations/organization-workspaces.ts'
import { shownIn, TAG_MODEL } from './catalogue.ts'
import type { SyncResult } from '../sync.ts'
import type { CatalogueQuery } from './catalogue-sync.ts'
import { CatalogueEndpoint } from './catalogue-endpoint.ts'

/** A tag's id, or a tag model. */
export type TagRef = number | { id: number }

const TAGS = '/workspaces/{workspace_id}/tags'
const TAG = '/workspaces/{workspace_id}/tags/{tag_id}'

const asModels = (tags: readonly TogglTag[]) => [batchOf(TAG_MODEL, tags)]

/** Time entries show their tags by name. */
const CHANGED = shownIn(['tags', 'everything', 'timeEntries'])

const LIST = operation({ method: 'GET', path: TAGS, query: TagFiltersSchema, reply: TagListSchema, cached: true, keeps: keepModels(asModels) })
const ADD = operation({
  method: 'POST',
  path: TAGS,
  body: TagBodySchema,
  names: ['name'],
  reply: TagSchema,
  keeps: keepModels((tag: TogglTag) => asModels([tag])),
  invalidates: shownIn(['tags', 'everything']),
})
const EDIT = operation({
  method: 'PUT',
  path: TAG,
  body: TagBodySchema,
  names: ['name'],
  reply: TagSchema,
  keeps: keepModels((tag: TogglTag) => asModels([tag]), (ids) => [{ kind: TAG_MODEL, ids: [ids.tag_id!] }]),
  invalidates: CHANGED,
})
const DELETE = operation({
  method: 'DELETE',
  path: TAG,
  reply: v.unknown(),
  keeps: keepModels(undefined, (ids) => [{ kind: TAG_MODEL, ids: [ids.tag_id!] }]),
  invalidates: CHANGED,
})
const DELETE_MANY = operation({ method: 'PATCH', path: TAGS, body: TagDeletionSchema, reply: v.unknown(), invalidates: CHANGED })
const MINE = operation({ method: 'GET', path: '/me/tags', query: MyTagFiltersSchema, reply: TagListSchema, cached: true, keeps: keepModels(asModels) })

/**
 * The tags of a workspace: list, find one, create, rename, delete one or several at once. With a
 * cache, the listing is served from it while fresh and each tag kept as a model; a write drops the
 * tag listings (and what shows tags by name) but nothing else, so cached projects stay.
 *
 * @example
 * const tags = new TagEndpoint(auth, cache)
 * const billed = await tags.add(workspaceId, 'billed')
 * await tags.delete(workspaceId, [billed, otherTagId])
 */
export class TagEndpoint extends CatalogueEndpoint {
  constructor(auth: BasicAuth, cache?: TogglCache | null, options?: EndpointOptions) {
    super(auth, cache, options)
  }

  /**
   * The workspace's tags, by name: `GET /workspaces/{id}/tags`, `search` a part of the name.
   * Costs 0 requests on a cache hit, 1 otherwise.
   */
  async collect(workspace: WorkspaceRef, filters?: TagFilters, options?: ReadOptions): Promise<TogglTag[]> {
    return this.run(LIST, 'TagEndpoint.collect', { path: { workspace_id: workspace }, query: filters }, options)
  }

  /**
   * One tag. Toggl has no call that reads one tag, so this is its cached model (0 requests), else
   * the workspace's tag listing (`collect`: 0 requests on a cache hit, 1 otherwise) searched for it.
   * @returns `null` when the workspace has no such tag, or a 403/404 says it is not yours (unless `reRaise`).
   */
  async get(workspace: WorkspaceRef, tag: TagRef, options?: ReadOptions): Promise<TogglTag | null> {
    const where = 'TagEndpoint.get'
    const workspaceId = idOf(workspace, where, 'workspace')
    const id = idOf(tag, where, 'tag')
    const { refresh } = callOptionsOf(options, where)
    const scope = await this.cacheScope()
    const model = scope && !refresh ? await findModel(scope, TAG_MODEL, id) : undefined
    if (model?.workspace_id === workspaceId) return model
    let tags: TogglTag[]
    try {
      tags = await this.run(LIST, where, { path: { workspace_id: workspaceId } }, options)
    } catch (error) {
      if (!this.isQuietMiss(error, [403, 404])) throw error
      tags = []
    }
    return tags.find((listed) => listed.id === id) ?? null
  }

  /**
   * Creates a tag: `POST /workspaces/{id}/tags` with `{ name }`. A blank name is a `NamingError`
   * (nothing sent); a name the workspace has is Toggl's 400 "a tag with the name '…' already
   * exists". Never retried. Costs 1 request.
   */
  async add(workspace: WorkspaceRef, name: string, options?: CallOptions): Promise<TogglTag> {
    return this.run(ADD, 'TagEndpoint.add', { path: { workspace_id: workspace }, body: { name } }, options)
  }

  /** Renames a tag: `PUT /workspaces/{id}/tags/{tag_id}` with `{ name }`; 404 "Tag was not found". Costs 1 request. */
  async edit(workspace: WorkspaceRef, tag: TagRef, name: string, options?: CallOptions): Promise<TogglTag> {
    const path = { workspace_id: workspace, tag_id: tag }
    return this.run(EDIT, 'TagEndpoint.edit', { path, body: { name } }, options)
  }

  /**
   * Deletes tags (the time entries carrying them lose them). One tag: `DELETE …/tags/{tag_id}` (a
   * tag already gone, 404, is no error unless `reRaise`). Several: one
   * `PATCH /workspaces/{id}/tags` with `{ delete: [ids] }`, all or nothing (400 "Some tag IDs do not
   * belong to workspace." deletes none). Costs 1 request either way.
   */
  async delete(workspace: WorkspaceRef, tags: TagRef | readonly TagRef[], options?: CallOptions): Promise<void> {
    const where = 'TagEndpoint.delete'
    if (!Array.isArray(tags)) {
      try {
        await this.run(DELETE, where, { path: { workspace_id: workspace, tag_id: tags } }, options)
      } catch (error) {
        if (!this.isQuietMiss(error, [404])) throw error
      }
      return
    }
    const ids = tags.map((tag, index) => idOf(tag, where, `tags[${index}]`))
    if (ids.length === 0) throw new InputError(`${where}: tags must name at least one tag, got ${describe(tags)}`)
    if (ids.length === 1) return this.delete(workspace, ids[0]!, options)
    const { signal } = callOptionsOf(options, where)
    const call = this.prepare(DELETE_MANY, where, { path: { workspace_id: workspace }, body: ids, signal })
    await this.perform(call, { settle: (scope, outcome) => settleModels(scope, outcome, [], [{ kind: TAG_MODEL, ids }]) })
  }

  /**
   * The tags of every workspace you are in: `GET /me/tags` (deleted ones too with `since`), one
   * request from your own quota window. Costs 0 requests on a cache hit, 1 otherwise.
   */
  async collectMine(filters?: MyTagFilters, options?: ReadOptions): Promise<TogglTag[]> {
    return this.run(MINE, 'TagEndpoint.collectMine', { query: filters }, options)
  }

  /**
   * Brings the cached tags up to date, with the rest of the catalogue: the first time with one
   * `GET /me?with_related_data=true` (every kind in full, so syncing another kind next costs one
   * `since` request), then `GET /me/tags?since=…` (1 request) with what changed, deleted ones
   * included. The cursor lives in the cache. Needs a cache.
   */
  async sync(options?: CallOptions): Promise<SyncResult> {
    return this.syncKind(TAG_MODEL, 'TagEndpoint.sync', options)
  }

  /**
   * The cached tags that `filter` selects — `workspace_id`, `active` (every tag is active), `name`
   * (contains, case not counting), `limit` — from the cache alone: 0 requests.
   */
  async query(filter?: CatalogueQuery): Promise<TogglTag[]> {
    return this.queryKind(TAG_MODEL, filter, 'TagEndpoint.query', () => true)
  }
}

