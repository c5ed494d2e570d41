import * as v from 'valibot'
import type { CacheRange } from '../cache/types.ts'
import type { CacheScope } from './base.ts'
import type { WriteOutcome } from './cache-guard.ts'

/**
 * An entity kind kept in the cache one model per entity (a time entry, a project…), so that reads,
 * local queries and sync share one copy of each, and a write through the client updates exactly it.
 * Each model lives under `{name}:{id}` and is filed in the group `name`, in the order `order` gives
 * (time entries by start, catalogue entities by workspace), so a range of them is one index read.
 */
export interface ModelKind<T extends { id: number }> {
  /** The key prefix and group: `time_entry`, `project`, … */
  readonly name: string
  /** What a stored model must still pass to be served (another version may have written it). */
  readonly schema: v.GenericSchema<unknown, T>
  /** Its place in the group: a number (ms since the epoch, an id…). */
  order(model: T): number
}

export function modelKey(kind: ModelKind<{ id: number }>, id: number): string {
  return `${kind.name}:${id}`
}

/** The cached model of one entity, if it is there and (from an untrusted store) still valid. */
export async function findModel<T extends { id: number }>(scope: CacheScope, kind: ModelKind<T>, id: number): Promise<T | undefined> {
  return validModel(scope, kind, await scope.cache.find(scope.partition, modelKey(kind, id)))
}

/** Stores models (one transaction), each filed in its kind's group. */
export async function putModels<T extends { id: number }>(scope: CacheScope, kind: ModelKind<T>, models: readonly T[]): Promise<void> {
  await scope.cache.putMany(
    scope.partition,
    models.map((model) => ({ key: modelKey(kind, model.id), value: model, placement: { group: kind.name, order: kind.order(model) } })),
  )
}

export async function deleteModels(scope: CacheScope, kind: ModelKind<{ id: number }>, ids: readonly number[]): Promise<void> {
  await scope.cache.deleteMany(
    scope.partition,
    ids.map((id) => modelKey(kind, id)),
  )
}

/** The models of a kind within a range of their order, ascending; invalid ones are left out. */
export async function modelsInRange<T extends { id: number }>(scope: CacheScope, kind: ModelKind<T>, range?: CacheRange): Promise<T[]> {
  const found: T[] = []
  for (const { value } of await scope.cache.range(scope.partition, kind.name, range)) {
    const model = validModel(scope, kind, value)
    if (model !== undefined) found.push(model)
  }
  return found
}

/**
 * After a write to Toggl about one entity: its model as Toggl answered (`model`, from the write's
 * reply), when the write certainly was the last one Toggl applied (it ran alone and succeeded);
 * otherwise the model goes (the next read or sync brings it back), since the order of overlapping
 * writes is unknown. `model: null` says the entity is gone (a delete).
 */
export async function settleModel<T extends { id: number }>(
  scope: CacheScope,
  kind: ModelKind<T>,
  id: number,
  outcome: WriteOutcome,
  model: T | null | undefined,
): Promise<void> {
  if (outcome.alone && outcome.error === undefined && model) await putModels(scope, kind, [model])
  else await deleteModels(scope, kind, [id])
}

function validModel<T extends { id: number }>({ cache }: CacheScope, kind: ModelKind<T>, value: unknown): T | undefined {
  if (value === undefined) return undefined
  if (cache.trusted) return value as T
  const result = v.safeParse(kind.schema, value)
  return result.success ? result.output : undefined
}
