import * as v from 'valibot'
import type { BasicAuth } from '../../core/auth.ts'
import type { TogglCache } from '../../cache/types.ts'
import { describe } from '../../core/describe.ts'
import { HTTPStatusError, InputError } from '../../core/errors.ts'
import type { EndpointOptions } from '../../core/options.ts'
import {
  CurrentTimeEntrySchema,
  TimeEntryAddInputSchema,
  TimeEntryChangesSchema,
  TimeEntryListSchema,
  TimeEntryPatchOperationsSchema,
  TimeEntryPatchResultSchema,
  TimeEntrySchema,
  TimeEntryStartInputSchema,
  type TimeEntryChanges,
  type TimeEntryInput,
  type TimeEntryPatchOperation,
  type TimeEntryPatchResult,
  type TimeEntryRange,
  type TimeEntryStart,
  type TogglTimeEntry,
} from '../../schemas/tracking/time-entries.ts'
import { utcText } from '../../schemas/time.ts'
import { callOptionsOf, idOf, type CallOptions, type ReadOptions } from '../arguments.ts'
import type { CacheScope } from '../base.ts'
import type { WriteOutcome } from '../cache-guard.ts'
import { findValid, forgetPrefixes, pathPrefix, USER_SCOPE } from '../cache-keys.ts'
import { deleteModels, findModel, modelsInRange, putModels, settleModel, type ModelKind } from '../models.ts'
import { OperationEndpoint, type PreparedCall } from '../operation-endpoint.ts'
import type { WorkspaceRef } from '../organizations/organization-workspaces.ts'
import { AcknowledgementSchema, operation } from '../operation.ts'
import { keepListed, OVERLAP_SECONDS, serverSeconds, syncMark, underSyncLock, writeSyncState, type SyncResult } from '../sync.ts'
import { fullFetchDue, timeEntryRangeQuery } from './time-entry-range.ts'
import { entriesBetween, queryEntries, RUNNING_ORDER, syncWindow, type TimeEntryQuery } from './time-entry-sync.ts'

/** A time entry's id, or a model carrying it. */
export type TimeEntryRef = number | { id: number }

/** Per-call options of `current`. */
export interface CurrentOptions extends CallOptions {
  /**
   * Answer from what this client learnt about the timer within this many ms (its own start, stop,
   * edit or delete, an earlier `current()`, a listing or a sync): 0 requests. Another device may
   * have started or stopped the timer since, so only as old an answer as the app can live with.
   * @default 0 (always ask Toggl)
   */
  maxAge?: number
}

/**
 * Time entries as models in the cache, in order of their start; running ones after every finished
 * one (at {@link RUNNING_ORDER}), so "whatever runs" is one index read (a start ends it, whoever
 * started it).
 */
const TIME_ENTRY: ModelKind<TogglTimeEntry> = {
  name: 'time_entry',
  schema: TimeEntrySchema,
  order: (entry) => (entry.stop === null ? RUNNING_ORDER : Date.parse(entry.start)),
}

/** The cached entries that run (one per user, as Toggl has it; more when the cache lags). */
function runningModels(scope: CacheScope): Promise<TogglTimeEntry[]> {
  return modelsInRange(scope, TIME_ENTRY, { from: RUNNING_ORDER })
}

/** Per-call options of `sync`. */
export interface TimeEntrySyncOptions extends CallOptions {
  /**
   * Where a full fetch (the first sync, or one after the cursor grew too old) starts: a Date,
   * RFC 3339 or `YYYY-MM-DD`, at most 3 months back (Toggl's limit). A later sync asked for an earlier
   * start fetches in full again.
   * @default 30 days back
   */
  from?: Date | string
}

/** What the client knows of the running timer, and since when (ms since the epoch). */
interface TimerRecord {
  id: number | null
  learntAt: number
}
const TimerRecordSchema = v.object({ id: v.nullable(v.number()), learntAt: v.number() })
const TIMER_KEY = 'timer'

/** Toggl takes at most 100 ids per bulk PATCH. */
const PATCH_CHUNK = 100

const ENTRY = '/workspaces/{workspace_id}/time_entries/{time_entry_id}'
const CURRENT = operation({ method: 'GET', path: '/me/time_entries/current', reply: CurrentTimeEntrySchema })
const LIST = operation({ method: 'GET', path: '/me/time_entries', reply: TimeEntryListSchema })
const GET = operation({ method: 'GET', path: '/me/time_entries/{time_entry_id}', reply: TimeEntrySchema })
const START = operation({ method: 'POST', path: '/workspaces/{workspace_id}/time_entries', body: TimeEntryStartInputSchema, reply: TimeEntrySchema })
const ADD = operation({ method: 'POST', path: '/workspaces/{workspace_id}/time_entries', body: TimeEntryAddInputSchema, reply: TimeEntrySchema })
const EDIT = operation({ method: 'PUT', path: ENTRY, body: TimeEntryChangesSchema, reply: TimeEntrySchema })
const PATCH = operation({
  method: 'PATCH',
  path: '/workspaces/{workspace_id}/time_entries/{time_entry_ids}',
  params: { time_entry_ids: v.pipe(v.string(), v.regex(/^\d+(,\d+)*$/, 'must be ids')) },
  body: TimeEntryPatchOperationsSchema,
  reply: TimeEntryPatchResultSchema,
})
// Stopping twice changes nothing more (the second is a 409, which counts as done), so it may be retried.
const STOP = operation({ method: 'PATCH', path: `${ENTRY}/stop`, reply: TimeEntrySchema, retry: true })
const DELETE = operation({ method: 'DELETE', path: ENTRY, reply: AcknowledgementSchema })

/**
 * Time entries and the running timer. With a cache every entry read or written is kept as one model,
 * and writes keep it exact: starting an entry ends the one that ran, stopping updates it, a delete
 * removes it. The running timer is asked of Toggl unless `current({ maxAge })` accepts what the
 * client learnt recently.
 *
 * @example
 * const entries = new TimeEntryEndpoint(auth, await createCache())
 * const running = await entries.start(workspaceId, { description: 'Writing the report' })
 * await entries.stop(workspaceId, running)
 */
export class TimeEntryEndpoint extends OperationEndpoint {
  /** Without a cache, what this client learnt of the timer lives here. */
  #timer: { entry: TogglTimeEntry | null; learntAt: number } | undefined

  constructor(auth: BasicAuth, cache?: TogglCache | null, options?: EndpointOptions) {
    super(auth, cache, options)
  }

  /**
   * The running entry, or `null` when nothing runs: `GET /me/time_entries/current` (Toggl answers
   * 200 with `null`, not 404). Costs 1 request, or 0 when `maxAge` accepts what the client learnt.
   */
  async current(options?: CurrentOptions): Promise<TogglTimeEntry | null> {
    const where = 'TimeEntryEndpoint.current'
    const maxAge = maxAgeOf(options, where)
    const { signal } = callOptionsOf(withoutField(options, 'maxAge'), where)
    const call = this.prepare(CURRENT, where, { signal })
    const scope = await this.#scope()
    if (maxAge > 0) {
      const known = await this.#knownTimer(scope)
      if (known && Date.now() - known.learntAt <= maxAge) return known.entry
    }
    const commit = scope?.guard.beginRead()
    const running = (await this.performWithHeaders(call)).data
    const learntAt = Date.now()
    if (scope && commit) {
      await commit(async () => {
        // Toggl says what runs: a cached entry that shows running besides it stopped meanwhile (on another device).
        const stopped = (await runningModels(scope)).map(({ id }) => id).filter((id) => id !== running?.id)
        await deleteModels(scope, TIME_ENTRY, stopped)
        await this.#learnTimer(scope, running, learntAt)
      })
    } else this.#timer = { entry: running, learntAt }
    return running
  }

  /**
   * Starts a running entry: `POST /workspaces/{wid}/time_entries` with `duration: -1`, `start` now
   * unless given, `workspace_id` and `created_with` ("togglkit" unless given), as Toggl requires.
   * Toggl stops the entry that was running: the cache no longer holds it as running. Never retried
   * (a retry could start two). Costs 1 request.
   */
  async start(workspace: WorkspaceRef, entry: TimeEntryStart = {}, options?: CallOptions): Promise<TogglTimeEntry> {
    const where = 'TimeEntryEndpoint.start'
    const { signal } = callOptionsOf(options, where)
    const call = this.prepare(START, where, { path: { workspace_id: workspace }, body: entry, signal })
    const { start, ...fields } = call.spec.body as v.InferOutput<typeof TimeEntryStartInputSchema>
    call.spec.body = { ...createFields(call, fields), start: utcText(start ?? Date.now()), duration: -1 }
    return this.#write(call, async (scope, outcome) => {
      const started = outcome.value
      const clearlyRefused = outcome.error instanceof HTTPStatusError && outcome.error.status < 500
      if (clearlyRefused) return
      // Whatever ran before is stopped now, or may be (the start may have reached Toggl): not running any more.
      const ended = (await runningModels(scope)).map(({ id }) => id).filter((id) => id !== started?.id)
      await deleteModels(scope, TIME_ENTRY, ended)
      if (started && outcome.alone) await this.#learnTimer(scope, started, Date.now())
      else await scope.cache.delete(scope.partition, TIMER_KEY)
    })
  }

  /**
   * Stops a running entry: `PATCH /workspaces/{wid}/time_entries/{id}/stop`. An entry already
   * stopped (Toggl's 409) is no error: the stopped entry is returned from the model given or the
   * cache when they show it stopped, else with one `GET`, so a double click costs at most 2
   * requests. Retried like a GET (stopping twice changes nothing).
   */
  async stop(workspace: WorkspaceRef, entry: TimeEntryRef, options?: CallOptions): Promise<TogglTimeEntry> {
    const where = 'TimeEntryEndpoint.stop'
    const { signal } = callOptionsOf(options, where)
    const call = this.prepare(STOP, where, { path: { workspace_id: workspace, time_entry_id: entry }, signal })
    const id = call.ids.time_entry_id!
    try {
      return await this.#write(call, (scope, outcome) =>
        isAlreadyStopped(outcome.error) ? this.#forgetRunning(scope, id) : this.#settleTimerOf(scope, id, outcome),
      )
    } catch (error) {
      if (!isAlreadyStopped(error)) throw error
    }
    const given = typeof entry === 'object' ? v.safeParse(TimeEntrySchema, entry) : undefined
    if (given?.success && given.output.id === id && given.output.stop !== null) return given.output
    const scope = await this.#scope()
    const cached = scope ? await findModel(scope, TIME_ENTRY, id) : undefined
    if (cached && cached.stop !== null) return cached
    const stopped = await this.get(id, { refresh: true, ...(signal ? { signal } : {}) })
    if (stopped) return stopped
    throw new InputError(`${where}: time entry ${id} was stopped and is gone`)
  }

  /**
   * Adds a finished entry: `start` with `duration` (seconds) or `stop` (they must agree when both
   * are given): `POST /workspaces/{wid}/time_entries`. Never retried. Costs 1 request.
   */
  async add(workspace: WorkspaceRef, entry: TimeEntryInput, options?: CallOptions): Promise<TogglTimeEntry> {
    const where = 'TimeEntryEndpoint.add'
    const { signal } = callOptionsOf(options, where)
    const call = this.prepare(ADD, where, { path: { workspace_id: workspace }, body: entry, signal })
    const { start, stop, duration, ...fields } = call.spec.body as v.InferOutput<typeof TimeEntryAddInputSchema>
    call.spec.body = {
      ...createFields(call, fields),
      start: utcText(start),
      duration: duration ?? (stop! - start) / 1000,
      ...(stop === undefined ? {} : { stop: utcText(stop) }),
    }
    // A create that failed may still have reached Toggl; there is no model of it to drop.
    return this.#write(call, (scope, outcome) => (outcome.value ? settleModel(scope, TIME_ENTRY, outcome.value.id, outcome, outcome.value) : Promise.resolve()))
  }

  /**
   * One entry: from the cache when it holds it (unless `refresh`), else `GET /me/time_entries/{id}`.
   * Costs 0 or 1 request. `null` when Toggl does not know it (404), unless `reRaise`.
   */
  async get(entry: TimeEntryRef, options?: ReadOptions): Promise<TogglTimeEntry | null> {
    const where = 'TimeEntryEndpoint.get'
    const { refresh, signal } = callOptionsOf(options, where)
    const call = this.prepare(GET, where, { path: { time_entry_id: entry }, signal })
    const id = call.ids.time_entry_id!
    const scope = await this.#scope()
    if (scope && !refresh) {
      const cached = await findModel(scope, TIME_ENTRY, id)
      if (cached) return cached
    }
    const commit = scope?.guard.beginRead()
    try {
      const found = (await this.performWithHeaders(call)).data
      if (scope && commit) await commit(async () => void (await this.#keep(scope, [found])))
      return found
    } catch (error) {
      if (!this.isQuietMiss(error, [404])) throw error
      if (scope) await scope.guard.update(() => deleteModels(scope, TIME_ENTRY, [id]))
      return null
    }
  }

  /**
   * Your time entries: `GET /me/time_entries` with one of `{ since }` (changed since then, Date, RFC
   * 3339 or unix seconds; deleted ones are dropped from the cache, never returned), `{ before }`
   * (started before), or `{ start_date, end_date }` (Date, RFC 3339 or `YYYY-MM-DD`; `end_date`
   * excluded; at most 3 months back; Toggl answers at most 1000). Nothing: Toggl's latest entries.
   * Always 1 request; what it lists refreshes the cache.
   */
  async collect(range: TimeEntryRange = {}, options?: CallOptions): Promise<TogglTimeEntry[]> {
    const where = 'TimeEntryEndpoint.collect'
    const { signal } = callOptionsOf(options, where)
    const call = this.prepare(LIST, where, { signal })
    call.spec.query = timeEntryRangeQuery(range, where, Date.now())
    const scope = await this.#scope()
    const commit = scope?.guard.beginRead()
    const listed = (await this.performWithHeaders(call)).data
    if (scope && commit) await commit(async () => void (await this.#keep(scope, listed)))
    return listed.filter((found) => !found.server_deleted_at)
  }

  /**
   * Changes an entry: `PUT /workspaces/{wid}/time_entries/{id}` with the changed fields only
   * (`tag_action: 'add' | 'delete'` applies `tags`/`tag_ids` to the entry's). Costs 1 request.
   */
  async edit(workspace: WorkspaceRef, entry: TimeEntryRef, changes: TimeEntryChanges, options?: CallOptions): Promise<TogglTimeEntry> {
    const where = 'TimeEntryEndpoint.edit'
    const { signal } = callOptionsOf(options, where)
    const call = this.prepare(EDIT, where, { path: { workspace_id: workspace, time_entry_id: entry }, body: changes, signal })
    const body = call.spec.body as v.InferOutput<typeof TimeEntryChangesSchema>
    call.spec.body = {
      ...body,
      ...(body.start === undefined ? {} : { start: utcText(body.start) }),
      ...(body.stop === undefined || body.stop === null ? {} : { stop: utcText(body.stop) }),
    }
    const id = call.ids.time_entry_id!
    return this.#write(call, (scope, outcome) => this.#settleTimerOf(scope, id, outcome))
  }

  /**
   * Applies JSON-Patch operations to any number of entries: `PATCH /workspaces/{wid}/time_entries/{ids}`,
   * one request per 100 ids (Toggl's limit), the results merged. Toggl applies what it can: the ids
   * it changed are in `success`, the others in `failure` with why. Each operation's path and value
   * are checked first. Never retried. Costs ⌈ids / 100⌉ requests. A request that fails throws its
   * error and sends none after it; the ones before it were applied.
   */
  async patch(
    workspace: WorkspaceRef,
    entries: readonly TimeEntryRef[],
    operations: TimeEntryPatchOperation[],
    options?: CallOptions,
  ): Promise<TimeEntryPatchResult> {
    const where = 'TimeEntryEndpoint.patch'
    const { signal } = callOptionsOf(options, where)
    if (!Array.isArray(entries) || entries.length === 0) {
      throw new InputError(`${where}: entries must be a non-empty array of ids or entries, got ${describe(entries)}`)
    }
    const ids = [...new Set(entries.map((entry, index) => idOf(entry, where, `entries[${index}]`)))]
    // Every chunk is checked before the first is sent, so bad input sends nothing.
    const chunks: { call: PreparedCall<TimeEntryPatchResult>; ids: number[] }[] = []
    for (let first = 0; first < ids.length; first += PATCH_CHUNK) {
      const chunk = ids.slice(first, first + PATCH_CHUNK)
      const path = { workspace_id: workspace, time_entry_ids: chunk.join(',') }
      chunks.push({ call: this.prepare(PATCH, where, { path, body: operations, signal }), ids: chunk })
    }
    const merged: TimeEntryPatchResult = { success: [], failure: [] }
    for (const { call, ids: chunk } of chunks) {
      const { success, failure } = await this.#write(call, (scope, outcome) => this.#settlePatch(scope, chunk, call.spec.body as TimeEntryPatchOperation[], outcome))
      merged.success.push(...success)
      merged.failure.push(...failure)
    }
    return merged
  }

  /**
   * Deletes an entry: `DELETE /workspaces/{wid}/time_entries/{id}`. A 404 (already gone) is ignored
   * unless `reRaise`. Costs 1 request.
   */
  async delete(workspace: WorkspaceRef, entry: TimeEntryRef, options?: CallOptions): Promise<void> {
    const where = 'TimeEntryEndpoint.delete'
    const { signal } = callOptionsOf(options, where)
    const call = this.prepare(DELETE, where, { path: { workspace_id: workspace, time_entry_id: entry }, signal })
    const id = call.ids.time_entry_id!
    try {
      await this.#write(call, async (scope, outcome) => {
        const gone = outcome.error instanceof HTTPStatusError && outcome.error.status === 404
        await settleModel(scope, TIME_ENTRY, id, gone ? { alone: outcome.alone } : outcome, null)
        if ((await this.#timerRecord(scope))?.id !== id) return
        // Deleted, nothing runs; refused or unanswered, it may run still: the timer is unknown.
        if (outcome.alone && (outcome.error === undefined || gone)) await this.#learnTimer(scope, null, Date.now())
        else await scope.cache.delete(scope.partition, TIMER_KEY)
      })
    } catch (error) {
      if (!this.isQuietMiss(error, [404])) throw error
    }
  }

  /**
   * Brings the cached entries up to date with the fewest requests Toggl allows. The first time (or
   * when the cursor is older than Toggl's three months, or the entries of the last full fetch may
   * have expired from the cache) it fetches every entry that starts from `from` on, by date, 1000
   * per request (Toggl's cap); after that one `GET /me/time_entries?since=…` brings what changed,
   * deleted entries included, and moves the cursor, which lives in the cache: a reload, another tab
   * or another process continues with one request. Syncs of one store run one at a time, and one
   * that waited for another sends nothing. Needs a cache.
   */
  async sync(options?: TimeEntrySyncOptions): Promise<SyncResult> {
    const where = 'TimeEntryEndpoint.sync'
    const mark = syncMark()
    const from = (options as { from?: unknown } | null | undefined)?.from
    const { signal } = callOptionsOf(withoutField(options, 'from'), where)
    const now = Date.now()
    const window = syncWindow(from, where, now)
    const scope = await this.#scope()
    if (!scope) throw new InputError(`${where}: sync keeps the entries in a cache: create the endpoint with one (e.g. await createCache())`)
    const list = async (query: Record<string, string>) => {
      const call = this.prepare(LIST, where, { signal })
      call.spec.query = query
      const { data, headers } = await this.performWithHeaders(call)
      return { entries: data, headers }
    }
    return underSyncLock(scope, TIME_ENTRY.name, mark, async (state, syncedMeanwhile) => {
      if (syncedMeanwhile && (from === undefined || window.from >= (state!.from ?? Infinity))) {
        return { changed: 0, deleted: 0, requests: 0, full: false }
      }
      const wider = state !== undefined && from !== undefined && window.from < (state.from ?? Infinity)
      const commit = scope.guard.beginRead()
      let result: SyncResult = { changed: 0, deleted: 0, requests: 0, full: false }
      if (state === undefined || fullFetchDue(scope, state, now) || wider) {
        const fetched = await entriesBetween(list, window.from, window.to)
        const live = [...fetched.entries.values()].filter((entry) => !entry.server_deleted_at)
        const cursor = serverSeconds(fetched.first ?? new Headers(), live.map(({ at }) => at)) - OVERLAP_SECONDS
        await commit(async () => {
          const cached = [...(await modelsInRange(scope, TIME_ENTRY, { from: window.from, to: window.to })), ...(await runningModels(scope))]
          const gone = cached.filter(({ id }) => !fetched.entries.has(id)).map(({ id }) => id)
          const { changed, deleted } = await this.#keep(scope, live, gone, true)
          // Whatever runs started within the window (a timer does not run for months): none listed, none runs.
          if (!live.some((entry) => entry.stop === null)) await this.#learnTimer(scope, null, Date.now())
          await writeSyncState(scope, TIME_ENTRY.name, { cursor, fullAt: now, syncedAt: Date.now(), from: window.from })
          scope.guard.supersede()
          result = { changed, deleted, requests: fetched.requests, full: true }
        })
        return { ...result, requests: fetched.requests, full: true }
      }
      const { entries, headers } = await list({ since: String(state.cursor) })
      const cursor = Math.max(state.cursor, serverSeconds(headers, entries.map(({ at }) => at)) - OVERLAP_SECONDS)
      await commit(async () => {
        const { changed, deleted } = await this.#keep(scope, entries)
        const running = entries.find((entry) => entry.stop === null && !entry.server_deleted_at)
        const timer = await this.#timerRecord(scope)
        if (!running && timer) {
          // The entry known to run shows stopped or deleted: nothing runs. It does not show: what was known still holds now.
          const ended = timer.id !== null && entries.some(({ id }) => id === timer.id)
          const model = timer.id === null ? null : await findModel(scope, TIME_ENTRY, timer.id)
          if (ended) await this.#learnTimer(scope, null, Date.now())
          else if (model !== undefined) await this.#learnTimer(scope, model, Date.now())
        }
        await writeSyncState(scope, TIME_ENTRY.name, { ...state, cursor, syncedAt: Date.now() })
        scope.guard.supersede()
        result = { changed, deleted, requests: 1, full: false }
      })
      return { ...result, requests: 1 }
    })
  }

  /**
   * The cached entries a filter selects, ascending by start, from the cache alone: 0 requests.
   * `start_date` (included) and `end_date` (excluded) read the cache's index by start;
   * `workspace_id`, `project_id`, `client_id` (through the cached project), `tag_ids` (any of them),
   * `billable`, `description` (contains, case not counting), `running` and `limit` narrow it.
   * It answers from what `sync()`, listings and writes through this client put in the cache.
   */
  async query(filter: TimeEntryQuery = {}): Promise<TogglTimeEntry[]> {
    const where = 'TimeEntryEndpoint.query'
    const scope = await this.#scope()
    if (!scope) throw new InputError(`${where}: query answers from a cache: create the endpoint with one (e.g. await createCache())`)
    return queryEntries(scope, TIME_ENTRY, filter, where)
  }

  /**
   * Sends a write and, with a cache, settles what it changed there (`settle`) and drops what is
   * cached of the workspace's reports (an entry changes them) and of `/me` with its related data.
   * Without a cache, keeps the timer knowledge of this instance honest.
   */
  async #write<Reply>(call: PreparedCall<Reply>, settle: (scope: CacheScope, outcome: WriteOutcome<Reply>) => Promise<void>): Promise<Reply> {
    const send = async () => (await this.performWithHeaders(call)).data
    const scope = await this.#scope()
    if (!scope) {
      this.#timer = undefined
      return send()
    }
    const workspaceId = call.ids.workspace_id!
    return scope.guard.write(send, async (outcome) => {
      await settle(scope, outcome)
      await forgetPrefixes(scope, [
        pathPrefix({ organizationId: null, workspaceId }, 'reports', `/reports/api/v3/workspace/${workspaceId}/`),
        pathPrefix(USER_SCOPE, 'track', '/me?'),
      ])
    })
  }

  /**
   * Stores listed entries as models (deleted ones leave), and notes a running one as the timer.
   * Answers how many it changed in the cache: an entry listed again as it is cached (same `at`, as
   * a sync's overlap lists it) changes nothing.
   */
  async #keep(scope: CacheScope, entries: readonly TogglTimeEntry[], gone: readonly number[] = [], full = false): Promise<{ changed: number; deleted: number }> {
    const { changed, deleted, live } = await keepListed(scope, TIME_ENTRY, entries, gone, full)
    const running = live.find((entry) => entry.stop === null)
    if (running) await this.#learnTimer(scope, running, Date.now())
    return { changed, deleted }
  }

  /** Toggl says the entry is stopped: a cached copy that still shows it running, and the timer it was, go. */
  async #forgetRunning(scope: CacheScope, id: number): Promise<void> {
    if ((await findModel(scope, TIME_ENTRY, id))?.stop === null) await deleteModels(scope, TIME_ENTRY, [id])
    await scope.cache.delete(scope.partition, TIMER_KEY)
  }

  /** After a write that answers the entry (stop, edit): its model, and whether it is the timer now. */
  async #settleTimerOf(scope: CacheScope, id: number, outcome: WriteOutcome<TogglTimeEntry>): Promise<void> {
    await settleModel(scope, TIME_ENTRY, id, outcome, outcome.value)
    const timer = await this.#timerRecord(scope)
    const answered = outcome.alone && outcome.error === undefined ? outcome.value : undefined
    if (answered?.stop === null) await this.#learnTimer(scope, answered, Date.now())
    else if (timer?.id === id) {
      if (answered) await this.#learnTimer(scope, null, Date.now())
      else await scope.cache.delete(scope.partition, TIMER_KEY)
    }
  }

  /**
   * After one chunk of a bulk PATCH: the operations Toggl applied are applied to the cached models
   * of the ids it names in `success` where that is certain (plain fields), and those models go
   * where it is not (fields Toggl changes others with, or a patch that overlapped another write).
   */
  async #settlePatch(scope: CacheScope, ids: number[], operations: TimeEntryPatchOperation[], outcome: WriteOutcome<TimeEntryPatchResult>): Promise<void> {
    const changed = outcome.value?.success ?? ids
    const exact = outcome.alone && outcome.error === undefined && operations.every(({ path }) => REPLAYED_FIELDS.has(path))
    for (const id of changed) {
      const model = exact ? await findModel(scope, TIME_ENTRY, id) : undefined
      if (model) await putModels(scope, TIME_ENTRY, [patched(model, operations)])
      else await deleteModels(scope, TIME_ENTRY, [id])
    }
    const timer = await this.#timerRecord(scope)
    if (!exact && timer?.id != null && changed.includes(timer.id)) await scope.cache.delete(scope.partition, TIMER_KEY)
  }

  /** Which entry the client last learnt was running (`null`: none), and when. */
  #timerRecord(scope: CacheScope): Promise<TimerRecord | undefined> {
    return findValid(scope, TIMER_KEY, TimerRecordSchema)
  }

  /** The cache scope, heeding what other instances on the store do to the timer. */
  async #scope(): Promise<CacheScope | undefined> {
    const scope = await this.cacheScope()
    if (scope) heedOtherTimers(scope)
    return scope
  }

  /** What the client knows of the timer: the running entry (or `null`) and when it learnt it. */
  async #knownTimer(scope: CacheScope | undefined): Promise<{ entry: TogglTimeEntry | null; learntAt: number } | undefined> {
    if (!scope) return this.#timer
    const record = await this.#timerRecord(scope)
    if (!record) return undefined
    const { id, learntAt } = record
    if (id === null) return { entry: null, learntAt }
    const entry = await findModel(scope, TIME_ENTRY, id)
    // The model changed or left since: what was learnt no longer holds.
    return entry?.stop === null ? { entry, learntAt } : undefined
  }

  async #learnTimer(scope: CacheScope, running: TogglTimeEntry | null, learntAt: number): Promise<void> {
    if (running) await putModels(scope, TIME_ENTRY, [running])
    await scope.cache.put(scope.partition, TIMER_KEY, { id: running?.id ?? null, learntAt } satisfies TimerRecord)
  }
}

const heeding = new WeakMap<object, Set<string>>()

/**
 * When another instance of a store of its own (a memory cache of the same name, in another tab)
 * changed the timer, Toggl stopped whatever ran: what this one holds as running goes, with what it
 * knew of the timer. A shared store (IndexedDB) needs none of this: the instance that started the
 * entry updated the store itself.
 */
function heedOtherTimers(scope: CacheScope): void {
  const { channel, trusted } = scope.cache
  if (!channel || !trusted) return
  let partitions = heeding.get(channel)
  if (!partitions) heeding.set(channel, (partitions = new Set()))
  if (partitions.has(scope.partition)) return
  partitions.add(scope.partition)
  channel.subscribe((message) => {
    if (message.type !== 'change' || message.partition !== scope.partition || !message.keys?.includes(TIMER_KEY)) return
    void scope.guard.update(async () => {
      await deleteModels(scope, TIME_ENTRY, (await runningModels(scope)).map(({ id }) => id))
      await scope.cache.delete(scope.partition, TIMER_KEY)
    })
  })
}

/** The seed's name for this endpoint. */
export { TimeEntryEndpoint as TrackerEndpoint }

function isAlreadyStopped(error: unknown): boolean {
  return error instanceof HTTPStatusError && error.status === 409
}

/**
 * The fields a patch changes alone, so it is replayed on the cached model as Toggl applied it. The
 * others change more than they name: times move the entry (and its duration or stop), tags by name
 * create tags and change `tag_ids` (and back), a project clears a task of another project, a task
 * sets its project, and another user takes the entry out of yours.
 */
const REPLAYED_FIELDS: ReadonlySet<string> = new Set(['/description', '/billable'])

/** The fields of a new entry as given, with what Toggl requires of every create: the workspace (also in the path) and the app. */
function createFields<F extends { created_with?: string | undefined }>(call: { ids: Record<string, number> }, fields: F): F & { workspace_id: number; created_with: string } {
  return { ...fields, workspace_id: call.ids.workspace_id!, created_with: fields.created_with ?? 'togglkit' }
}

/** A cached model with patch operations of {@link REPLAYED_FIELDS} applied, as Toggl applied them. */
function patched(model: TogglTimeEntry, operations: readonly TimeEntryPatchOperation[]): TogglTimeEntry {
  const entry: TogglTimeEntry = { ...model }
  for (const { op, path, value } of operations) {
    const field = path.slice(1) as 'description' | 'billable'
    entry[field] = (op === 'remove' ? (field === 'billable' ? false : null) : value) as never
  }
  return entry
}

function maxAgeOf(options: unknown, where: string): number {
  const maxAge = (options as { maxAge?: unknown } | null | undefined)?.maxAge
  if (maxAge === undefined) return 0
  if (typeof maxAge !== 'number' || !(maxAge >= 0)) {
    throw new InputError(`${where}: options.maxAge must be a number of ms ≥ 0, got ${describe(maxAge)}`)
  }
  return maxAge
}

/** Per-call options without one of this call's own, for the shared check of the rest. */
function withoutField(options: unknown, field: string): unknown {
  if (options === null || typeof options !== 'object') return options
  const { [field]: _, ...rest } = options as Record<string, unknown>
  return rest
}
