import { InputError } from '../../core/errors.ts'
import { callOptionsOf } from '../arguments.ts'
import type { Miss } from '../base.ts'
import { findModel, deleteModels, type ModelKind } from '../models.ts'
import { OperationEndpoint, pagesByNumber, type PreparedCall } from '../operation-endpoint.ts'
import type { Operation } from '../operation.ts'
import type { Page, PageIterator } from '../pages.ts'
import { syncMark, underSyncLock, type SyncResult } from '../sync.ts'
import { CATALOGUE_LOCK, queryCatalogue, syncCatalogueKind, type ListOf } from './catalogue-sync.ts'

/** The page size collect() and iterate() ask for when the caller names none: fewest requests. */
const LARGEST_PAGE = 200

/** The ids of a prepared bulk call (`…/projects/1,2,3`): its last path segment, as checked. */
export function bulkIds({ spec }: { spec: { path: string } }): number[] {
  return spec.path.slice(spec.path.lastIndexOf('/') + 1).split(',').map(Number)
}

/**
 * What the catalogue endpoints share: single reads answered from the entity's model while it is
 * cached, and paged listings whose pages are cached reads.
 */
export abstract class CatalogueEndpoint extends OperationEndpoint {
  /**
   * One entity: its cached model when there is one of this workspace (unless `refresh`), else the
   * operation's read (which stores the model). `null` when Toggl says it is not there (`misses`),
   * or a 403/404 says the workspace is not yours (unless `reRaise`); the model goes then.
   */
  protected async readOne<T extends { id: number }>(
    kind: ModelKind<T>,
    operation: Operation<T>,
    where: string,
    path: Record<string, unknown>,
    entity: { placeholder: string; belongs: (model: T, ids: Readonly<Record<string, number>>) => boolean },
    options: unknown,
    misses: readonly Miss[] = [],
  ): Promise<T | null> {
    const { refresh, signal } = callOptionsOf(options, where)
    const call = this.prepare(operation, where, { path, signal })
    const id = call.ids[entity.placeholder]!
    const scope = await this.cacheScope()
    if (scope && !refresh) {
      const model = await findModel(scope, kind, id)
      if (model && entity.belongs(model, call.ids)) return model
    }
    try {
      return await this.perform(call)
    } catch (error) {
      if (!this.isQuietMiss(error, [403, 404, ...misses])) throw error
      if (scope) await scope.guard.update(() => deleteModels(scope, kind, [id]))
      return null
    }
  }

  /**
   * A listing Toggl pages with `page` and `per_page`, as a {@link PageIterator}: each page a cached
   * read of its own (0 requests while fresh), fetched when the loop asks for it.
   */
  protected pagesOf<Reply, Item>(
    call: PreparedCall<Reply>,
    options: { refresh?: boolean | undefined },
    pageOf: (reply: Reply, asked: { page: number; perPage: number }) => Page<Item>,
  ): PageIterator<Item> {
    return pagesByNumber(call, LARGEST_PAGE, async (pageCall, asked) => pageOf(await this.perform(pageCall, { refresh: options.refresh }), asked))
  }

  /**
   * Brings this endpoint's kind of the cached catalogue up to date (see `syncCatalogueKind`): the
   * first time with one `GET /me?with_related_data=true` for every kind, then one `since` request.
   * Syncs of the catalogue on one store run one at a time; one that waited for another that served
   * it sends nothing. Needs a cache.
   */
  protected async syncKind(kind: ModelKind<{ id: number }>, where: string, options: unknown): Promise<SyncResult> {
    const mark = syncMark()
    const { signal } = callOptionsOf(options, where)
    const scope = await this.cacheScope()
    if (!scope) throw new InputError(`${where}: sync keeps the catalogue in a cache: create the endpoint with one (e.g. await createCache())`)
    const list: ListOf = async (operation, query) => {
      return this.performWithHeaders(this.prepare(operation, where, { query, signal }))
    }
    return underSyncLock(
      scope,
      kind.name,
      mark,
      async (state, syncedMeanwhile) =>
        syncedMeanwhile ? { changed: 0, deleted: 0, requests: 0, full: false } : syncCatalogueKind(scope, kind, state, list, scope.guard.beginRead()),
      CATALOGUE_LOCK,
    )
  }

  /** The cached entities of this endpoint's kind a filter selects: 0 requests. Needs a cache. */
  protected async queryKind<T extends { id: number; name?: unknown }>(kind: ModelKind<T>, filter: unknown, where: string, isActive: (model: T) => boolean): Promise<T[]> {
    const scope = await this.cacheScope()
    if (!scope) throw new InputError(`${where}: query answers from a cache: create the endpoint with one (e.g. await createCache())`)
    return queryCatalogue(scope, kind, filter, where, isActive)
  }
}
