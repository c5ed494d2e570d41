// A randomized run of two "tabs" (two cache instances of one name) and another device, against the
// in-process fake, with replies delayed at random: time entries started, stopped, edited, deleted,
// read and synced concurrently. At the end both tabs sync once more, and what each holds must be what
// Toggl has. Shared by the Node and happy-dom suites, and run with coherence off to show it matters.
import { BasicAuth } from '../../src/core/auth.ts'
import { TimeEntryEndpoint } from '../../src/endpoints/tracking/time-entries.ts'
import type { TogglCache } from '../../src/cache/types.ts'
import { createTogglMock, DEMO_ACCOUNT } from '../../src/mock/index.ts'
import { seededRandom } from './random.ts'

/** What a tab holds that Toggl does not (or the other way round), entry by entry. */
export interface Divergence {
  tab: string
  id: number
  cached: string | undefined
  toggl: string | undefined
}

/** What a run found: stale copies a tab held of what a tab wrote (after each step), and what disagreed after the last sync. */
export interface RunResult {
  stale: Divergence[]
  divergences: Divergence[]
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Plays `steps` rounds of up to three concurrent operations with the seed's randomness; `makeCache`
 * opens each tab's cache (both of one name); `coherent: false` removes the caches' channels, so the
 * tabs no longer hear of each other. After each step, neither tab may hold a copy of an entry that
 * is older than what a tab last wrote of it (another device's writes reach a tab with its next sync);
 * after a last sync each, both must hold exactly what the fake has.
 */
export async function runTwoTabs(seed: number, steps: number, makeCache: (name: string) => TogglCache, coherent = true): Promise<RunResult> {
  const random = seededRandom(seed)
  const pick = <T>(items: readonly T[]): T | undefined => items[Math.floor(random() * items.length)]
  const mock = createTogglMock({ organizations: [{ name: 'Acme', memberIds: [DEMO_ACCOUNT.id] }], quotaPerHour: Infinity })
  const workspace = [...mock.state.organizations.values()][0]!.workspaces[0]!.id
  // Replies leave the fake when it answers, and arrive after a random delay: a slow network.
  const slow: typeof fetch = async (input, init) => {
    await sleep(random() * 8)
    const response = await mock.fetch(input, init)
    await sleep(random() * 25)
    return response
  }
  const name = `coherence-run-${seed}-${Math.random().toString(36).slice(2)}`
  const tabs = ['A', 'B'].map((label) => {
    const cache = makeCache(name)
    if (!coherent) Object.defineProperty(cache, 'channel', { value: undefined })
    const auth = BasicAuth.fromApiToken(DEMO_ACCOUNT.apiToken)
    return { label, cache, entries: new TimeEntryEndpoint(auth, cache, { baseURL: `http://coherence-${seed}.test/api/v9`, fetch: slow, retryDelay: 1 }) }
  })
  // Entries whose last change came through a tab (not another device): every tab must show it once quiet.
  const writtenByTab = new Set<number>()
  const wrote = (entry: { id: number } | null | undefined) => {
    if (entry) writtenByTab.add(entry.id)
    return entry
  }
  const liveIds = () => [...mock.state.timeEntries.values()].filter((entry) => entry.deletedAt === null).map(({ id }) => id)
  const now = Date.now()

  const operations: ((tab: (typeof tabs)[number]) => Promise<unknown>)[] = [
    async (tab) => {
      const running = mock.state.runningEntryOf(DEMO_ACCOUNT.id)
      // Starting stops what ran: that is a change through a tab too.
      if (running) writtenByTab.add(running.id)
      return wrote(await tab.entries.start(workspace, { description: `started by ${tab.label}` }))
    },
    async (tab) => {
      const running = mock.state.runningEntryOf(DEMO_ACCOUNT.id)
      return running && wrote(await tab.entries.stop(workspace, running.id))
    },
    async (tab) => {
      const id = pick(liveIds())
      return id && wrote(await tab.entries.edit(workspace, id, { description: `edited by ${tab.label} ${Math.floor(random() * 1000)}` }))
    },
    async (tab) => {
      const id = pick(liveIds())
      if (!id) return
      writtenByTab.add(id)
      await tab.entries.delete(workspace, id)
    },
    async (tab) => wrote(await tab.entries.add(workspace, { start: new Date(now - Math.floor(random() * 86_400_000)), duration: 60, description: `added by ${tab.label}` })),
    async (tab) => {
      const id = pick([...mock.state.timeEntries.keys()])
      return id && tab.entries.get(id)
    },
    (tab) => tab.entries.collect({ since: new Date(now - 3_600_000) }),
    (tab) => tab.entries.sync(),
    (tab) => tab.entries.sync(),
    async (tab) => {
      // A sync given up halfway: the page closed, the user navigated away.
      const controller = new AbortController()
      setTimeout(() => controller.abort(new Error('gave up')), random() * 30)
      return tab.entries.sync({ signal: controller.signal })
    },
    async () => {
      // The network fails the next request: a 500 (retried for reads) or a dropped connection.
      mock.inject(random() < 0.5 ? { type: 'status', status: 500 } : { type: 'drop' })
    },
    async () => {
      // Another device edits an entry.
      const entry = mock.state.timeEntries.get(pick(liveIds()) ?? -1)
      if (!entry) return
      writtenByTab.delete(entry.id)
      entry.description = `edited elsewhere ${Math.floor(random() * 1000)}`
      mock.state.commit('time_entry', 'updated', entry, DEMO_ACCOUNT.id)
    },
  ]
  const stale: Divergence[] = []
  const shown = ({ description, stop }: { description?: string | null | undefined; stop: string | null }) =>
    JSON.stringify([description ?? null, stop === null ? 'running' : 'stopped'])
  const togglShows = (id: number) => {
    const record = mock.state.timeEntries.get(id)
    return record && record.deletedAt === null ? shown({ description: record.description, stop: record.stop === null ? null : 'stopped' }) : undefined
  }
  for (let step = 0; step < steps; step++) {
    const concurrent = 1 + Math.floor(random() * 3)
    await Promise.all(
      Array.from({ length: concurrent }, () => {
        const tab = pick(tabs)!
        // A failed write or read is a possible outcome; what matters is what the caches hold after.
        return pick(operations)!(tab).catch(() => {})
      }),
    )
    // What a tab announced reaches the other on the next turns of the event loop.
    await sleep(5)
    for (const { label, entries } of tabs) {
      for (const entry of await entries.query()) {
        if (!writtenByTab.has(entry.id)) continue
        const cached = shown(entry)
        const expected = togglShows(entry.id)
        if (cached !== expected) stale.push({ tab: label, id: entry.id, cached, toggl: expected })
      }
    }
  }
  const divergences: Divergence[] = []
  for (const { label, entries, cache } of tabs) {
    await entries.sync()
    const held = new Map((await entries.query()).map((entry) => [entry.id, entry]))
    const live = [...mock.state.timeEntries.values()].filter((entry) => entry.deletedAt === null).map(({ id }) => id)
    for (const id of new Set([...held.keys(), ...live])) {
      const entry = held.get(id)
      const cached = entry && shown(entry)
      const expected = togglShows(id)
      if (cached !== expected) divergences.push({ tab: label, id, cached, toggl: expected })
    }
    await cache.clear()
    await cache.close()
  }
  return { stale, divergences }
}
