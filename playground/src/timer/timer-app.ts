// The timer: a small time-tracking app built on togglkit's public API alone, as your app would be.
// The cache does the work: sync() brings it up to date with what changed since the last sync
// (1 request), query() answers the week from it (0 requests), and every write through togglkit
// keeps it exact, so the list after a start, an edit or a delete costs nothing more.
import {
  NetworkError,
  TimeEntryEndpoint,
  TimeoutError,
  UserEndpoint,
  type BasicAuth,
  type EndpointOptions,
  type TimeEntryChanges,
  type TimeEntryStart,
  type TogglCache,
  type TogglTimeEntry,
  type TogglUserWithRelatedData,
} from 'togglkit'
import { renderTimer, tickClocks, type TimerActions } from './timer-view.ts'
import { startOfWeek } from './week.ts'

export interface TimerSetup {
  auth: BasicAuth
  /** Where the entries live between reloads: an IndexedDB cache in a browser (`await createCache()`). */
  cache: TogglCache
  /** The endpoints' options (where the API is, the fetch to use…). */
  options?: EndpointOptions
}

/** What the app shows; each render draws it whole. */
export interface TimerState {
  /** The user with their workspaces, projects, clients and tags (one cached request). */
  me: TogglUserWithRelatedData | undefined
  /** This week's entries, from the cache. */
  entries: TogglTimeEntry[]
  running: TogglTimeEntry | undefined
  /** The last sync: when, how many requests it took, and whether the network failed since. */
  sync: { at: number | undefined; requests: number | undefined; offline: boolean }
  /** Requests this app has sent since it started. */
  spent: number
  busy: boolean
  error: unknown
  /** The endpoint, for its view of the hourly quota (`quotaOf`). */
  entriesEndpoint: TimeEntryEndpoint
}

export interface TimerApp {
  /** Syncs and draws again (after the backend's data was reset, say). */
  refresh(): Promise<void>
  /** Draws again from the cache alone, 0 requests (after another part of the page wrote through togglkit). */
  redraw(): Promise<void>
  /** Stops the clock; the app's element can then be reused. */
  destroy(): void
}

/** Mounts the timer in `root` and syncs. */
export function mountTimer(root: HTMLElement, { auth, cache, options = {} }: TimerSetup): TimerApp {
  const counted: EndpointOptions = {
    ...options,
    onAttempt: (event) => {
      state.spent++
      options.onAttempt?.(event)
    },
  }
  const users = new UserEndpoint(auth, cache, counted)
  const entries = new TimeEntryEndpoint(auth, cache, counted)
  const state: TimerState = {
    me: undefined,
    entries: [],
    running: undefined,
    sync: { at: undefined, requests: undefined, offline: false },
    spent: 0,
    busy: false,
    error: undefined,
    entriesEndpoint: entries,
  }

  /** The week as the cache has it: 0 requests. */
  const showCached = async () => {
    const weekStart = startOfWeek(Date.now(), state.me?.beginning_of_week ?? 1)
    state.entries = await entries.query({ start_date: weekStart })
    state.running = (await entries.query({ running: true })).at(-1)
  }

  /** Actions under way: the app is busy until the last one has drawn. */
  let pending = 0
  /** Runs an action with the app marked busy; an error is shown, and the list drawn from the cache either way. */
  const act = async (action: () => Promise<void>) => {
    pending++
    state.busy = true
    state.error = undefined
    render()
    try {
      await action()
    } catch (error) {
      state.error = error
    }
    try {
      await showCached()
    } catch (error) {
      state.error ??= error
    }
    state.busy = --pending > 0
    render()
  }

  const refresh = () =>
    act(async () => {
      try {
        state.me = await users.get({ with_related_data: true }) // 0 requests while the cached copy is fresh
        const { requests } = await entries.sync() // 1 request: what changed since the last sync
        state.sync = { at: Date.now(), requests, offline: false }
      } catch (error) {
        if (!(error instanceof NetworkError || error instanceof TimeoutError)) throw error
        state.sync.offline = true // the cache still answers: the last synced week stays on screen
      }
    })

  const workspaceOf = () => {
    const id = state.me?.default_workspace_id
    if (id == null) throw new Error('the user has no default workspace to track time in')
    return id
  }

  const actions: TimerActions = {
    start: (entry: TimeEntryStart) => act(async () => void (await entries.start(workspaceOf(), { ...entry, created_with: 'togglkit playground' }))),
    stop: (entry: TogglTimeEntry) => act(async () => void (await entries.stop(entry.workspace_id, entry))),
    edit: (entry: TogglTimeEntry, changes: TimeEntryChanges) => act(async () => void (await entries.edit(entry.workspace_id, entry, changes))),
    remove: (entry: TogglTimeEntry) => act(() => entries.delete(entry.workspace_id, entry)),
    sync: () => refresh(),
  }

  const render = () => renderTimer(root, state, actions)
  const clock = setInterval(() => tickClocks(root, state), 1_000)
  void refresh()
  return {
    refresh,
    redraw: () => act(async () => {}),
    destroy: () => clearInterval(clock),
  }
}
