import type * as v from 'valibot'
import type { CacheRange } from '../cache/types.ts'
import type { CacheScope } from './base.ts'
import { validCached } from './cache-keys.ts'
import type { WriteOutcome } from './cache-guard.ts'
import type { CacheEffects } from './operation.ts'

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

function validModel<T extends { id: number }>(scope: CacheScope, kind: ModelKind<T>, value: unknown): T | undefined {
  return validCached(scope, value, kind.schema)
}

/**
 * The catalogue's kinds. Their models are filed by the workspace they belong to (a workspace by its
 * own id), so everything cached of one workspace is one range of each group.
 */
export const CATALOGUE_GROUPS = ['workspace', 'project', 'client', 'tag', 'task'] as const

export type CatalogueKindName = (typeof CATALOGUE_GROUPS)[number]

/** A catalogue kind: `name` from {@link CATALOGUE_GROUPS}, its models ordered by `workspaceOf`. */
/* @__NO_SIDE_EFFECTS__ */
export function catalogueKind<T extends { id: number }>(
  name: CatalogueKindName,
  schema: v.GenericSchema<unknown, T>,
  workspaceOf: (model: T) => number,
): ModelKind<T> {
  return { name, schema, order: workspaceOf }
}

/**
 * Drops every catalogue model of these workspaces (access to them was lost, or may have been): one
 * range read per kind and workspace, whatever else the cache holds.
 */
export async function forgetWorkspaceModels(scope: CacheScope, workspaceIds: Iterable<number>): Promise<void> {
  const keys: string[] = []
  for (const workspaceId of workspaceIds) {
    for (const group of CATALOGUE_GROUPS) {
      for (const { key } of await scope.cache.range(scope.partition, group, { from: workspaceId, to: workspaceId + 1 })) keys.push(key)
    }
  }
  if (keys.length > 0) await scope.cache.deleteMany(scope.partition, keys)
}

/** The models of one kind that a reply holds. */
export interface ModelBatch<T extends { id: number } = { id: number }> {
  readonly kind: ModelKind<T>
  readonly models: readonly T[]
}

/** A {@link ModelBatch}, typed by its kind. */
export function batchOf<T extends { id: number }>(kind: ModelKind<T>, models: readonly T[]): ModelBatch {
  return { kind, models } as ModelBatch
}

/**
 * Models a write may have changed although its reply does not answer them: these ids of a kind, or
 * the models of a kind in one workspace that match (a renamed client's projects show its name).
 */
export type StaleModels =
  | { readonly kind: ModelKind<{ id: number }>; readonly ids: readonly number[] }
  | { readonly kind: ModelKind<{ id: number }>; readonly workspaceId: number; readonly where: (model: { id: number }) => boolean }

/** The models of `kind` in one workspace that `where` picks, as {@link StaleModels}. */
export function staleWhere<T extends { id: number }>(kind: ModelKind<T>, workspaceId: number, where: (model: T) => boolean): StaleModels {
  return { kind, workspaceId, where } as unknown as StaleModels
}

/**
 * Stores what a read's reply holds. A deleted entity (a `since` listing shows them, with
 * `server_deleted_at`) is not stored: its model goes.
 */
export async function storeModels(scope: CacheScope, batches: readonly ModelBatch[]): Promise<void> {
  for (const { kind, models } of batches) {
    const live = models.filter((model) => !isDeleted(model))
    if (live.length > 0) await putModels(scope, kind, live)
    if (live.length < models.length) await deleteModels(scope, kind, models.filter(isDeleted).map(({ id }) => id))
  }
}

/**
 * After a write: what it answered is stored and the other models it made stale go, when it
 * certainly was the last write Toggl applied (it ran alone and succeeded); otherwise every model it
 * named goes (the next read or sync brings them back), as with {@link settleModel}.
 */
export async function settleModels(scope: CacheScope, outcome: WriteOutcome, answered: readonly ModelBatch[], stale: readonly StaleModels[]): Promise<void> {
  const certain = outcome.alone && outcome.error === undefined
  if (certain) await storeModels(scope, answered)
  const answeredKeys = answered.flatMap(({ kind, models }) => models.map(({ id }) => modelKey(kind, id)))
  const kept = new Set(certain ? answeredKeys : [])
  const gone = certain ? [] : answeredKeys
  for (const change of stale) {
    const ids = 'ids' in change ? change.ids : (await modelsInRange(scope, change.kind, { from: change.workspaceId, to: change.workspaceId + 1 })).filter(change.where).map(({ id }) => id)
    gone.push(...ids.map((id) => modelKey(change.kind, id)).filter((key) => !kept.has(key)))
  }
  if (gone.length > 0) await scope.cache.deleteMany(scope.partition, [...new Set(gone)])
}

function isDeleted(model: { id: number }): boolean {
  const { server_deleted_at: serverDeletedAt, deleted_at: deletedAt } = model as { server_deleted_at?: unknown; deleted_at?: unknown }
  return (serverDeletedAt !== undefined && serverDeletedAt !== null) || (deletedAt !== undefined && deletedAt !== null)
}

/**
 * An operation's `keeps` for a call whose reply holds entities: a read stores the models `held`
 * picks from its reply; a write settles them (see {@link settleModels}) with the models `stale`
 * names from its path's ids.
 */
/* @__NO_SIDE_EFFECTS__ */
export function keepModels<Reply>(
  held: ((reply: Reply) => readonly ModelBatch[]) | undefined,
  stale?: (ids: Readonly<Record<string, number>>) => readonly StaleModels[],
): CacheEffects<Reply> {
  return {
    read: (scope, reply) => storeModels(scope, held?.(reply) ?? []),
    write: (scope, outcome, ids) =>
      settleModels(scope, outcome, 'value' in outcome && held ? held(outcome.value as Reply) : [], stale?.(ids) ?? []),
  }
}
