import * as v from 'valibot'
import { realmLock } from '../cache/lock.ts'
import type { CacheScope } from './base.ts'
import { deleteModels, modelKey, putModels, type ModelKind } from './models.ts'

/** What one `sync()` did. */
export interface SyncResult {
  /** Entities this sync added to the cache or updated there. */
  changed: number
  /** Entities it removed from the cache (deleted in Toggl, or gone from a full listing). */
  deleted: number
  /** Requests it sent: 0 when another tab or instance synced while this one waited for it. */
  requests: number
  /** Whether it fetched in full (the first time, or when its cursor was too old to continue). */
  full: boolean
}

/**
 * Where a synced set stands, kept in the cache beside it so a reload, another tab or another process
 * on the same store continues with one `since` request.
 */
export interface SyncState {
  /** The next `since`, in unix seconds on Toggl's clock (overlapping the last sync a little). */
  cursor: number
  /** When the last full fetch happened, ms on this client's clock: entries stored then expire first. */
  fullAt: number
  /** When this set was last brought up to date, ms on this client's clock. */
  syncedAt: number
  /** The earliest start the set covers (time entries), ms. */
  from?: number
  /** The JS realm that wrote it, and its count of sync states written then (see {@link syncMark}). */
  realm?: string
  written?: number
}

const SyncStateSchema = v.object({ cursor: v.number(), fullAt: v.number(), syncedAt: v.number(), from: v.optional(v.number()), realm: v.optional(v.string()), written: v.optional(v.number()) })

/** This realm's name in the sync states it writes. */
const REALM = Math.random().toString(36).slice(2)
let writtenHere = 0

/**
 * Where this realm's sync-state writes stand: a sync that takes it when called knows afterwards
 * which states were written after that, by a count no clock can skew.
 */
export function syncMark(): number {
  return writtenHere
}

/**
 * Seconds a cursor overlaps the last sync: a change Toggl committed while its listing was being
 * answered is listed again next time (and de-duplicated by id) rather than missed.
 */
export const OVERLAP_SECONDS = 60

const syncKey = (name: string) => `sync:${name}`

async function readSyncState(scope: CacheScope, name: string): Promise<SyncState | undefined> {
  const found = v.safeParse(SyncStateSchema, await scope.cache.find(scope.partition, syncKey(name)))
  return found.success ? (found.output as SyncState) : undefined
}

export async function writeSyncState(scope: CacheScope, name: string, state: SyncState): Promise<void> {
  await scope.cache.put(scope.partition, syncKey(name), { ...state, realm: REALM, written: ++writtenHere })
}

/**
 * Toggl's clock when it answered, in unix seconds: its `Date` header (every HTTP server sends one),
 * else the latest `at` of what it sent, else this client's clock. Cursors come from this, not from
 * the client's own clock, which may be minutes off.
 */
export function serverSeconds(headers: Headers, stamps: Iterable<string | null | undefined>): number {
  const date = Date.parse(headers.get('date') ?? '')
  if (!Number.isNaN(date)) return Math.floor(date / 1000)
  let latest = Number.NEGATIVE_INFINITY
  for (const stamp of stamps) latest = Math.max(latest, Date.parse(stamp ?? ''))
  return Math.floor((Number.isFinite(latest) ? latest : Date.now()) / 1000)
}

/**
 * Runs one sync of `name` (asked for at `mark`, the {@link syncMark} then) while no other sync of
 * it on the same store runs (other tabs through Web Locks, other processes through a shared store's
 * lock, else within this realm), with the set's state as it is then. A sync that had to wait may find the set brought up to date meanwhile
 * (`syncedMeanwhile`), and then needs to send nothing. Sets whose syncs serve each other share a `lock`.
 */
export async function underSyncLock<T>(
  scope: CacheScope,
  name: string,
  mark: number,
  task: (state: SyncState | undefined, syncedMeanwhile: boolean) => Promise<T>,
  lock: string = name,
): Promise<T> {
  const before = await readSyncState(scope, name)
  const lockName = `sync:${scope.partition}:${lock}`
  const run = async () => {
    const state = await readSyncState(scope, name)
    // Changed since it was first read, or written in this realm after this call began (it may have
    // been read late). Clocks decide nothing: another process's may be minutes off.
    const changed = state !== undefined && (state.realm !== before?.realm || state.written !== before?.written || state.syncedAt !== before?.syncedAt)
    const meanwhile = changed || (state?.realm === REALM && (state.written ?? 0) > mark)
    return task(state, meanwhile)
  }
  return scope.cache.lock ? scope.cache.lock(lockName, run) : realmLock(lockName, run)
}

/**
 * Stores a listing's entities as models: deleted ones (`server_deleted_at`) and the ids in `gone`
 * leave the cache. Answers what it changed there: an entity listed again as it is cached (the same
 * `at`, as a sync's overlap lists it) changes nothing, and only entities that were cached count as
 * deleted. A full listing (`full`) stores every entity again all the same, so each lives a whole
 * `ttl` from the fetch the sync state dates the set by, not from when it was first cached.
 */
export async function keepListed<T extends { id: number; server_deleted_at?: string | null | undefined; at?: string | null | undefined }>(
  scope: CacheScope,
  kind: ModelKind<T>,
  entities: readonly T[],
  gone: readonly number[],
  full = false,
): Promise<{ changed: number; deleted: number; live: T[] }> {
  const live = entities.filter((entity) => !entity.server_deleted_at)
  const deleted = [...gone, ...entities.filter((entity) => entity.server_deleted_at).map(({ id }) => id)]
  const cached = await scope.cache.findMany<T>(scope.partition, live.map(({ id }) => modelKey(kind, id)))
  const changed = live.filter((entity, index) => cached[index]?.at == null || cached[index]!.at !== entity.at)
  const wereCached = (await scope.cache.findMany(scope.partition, deleted.map((id) => modelKey(kind, id)))).filter((found) => found !== undefined)
  await putModels(scope, kind, full ? live : changed)
  await deleteModels(scope, kind, deleted)
  return { changed: changed.length, deleted: wereCached.length, live }
}
