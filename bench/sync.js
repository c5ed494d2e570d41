import { BasicAuth, IndexedDbCache, MemoryCache, TimeEntryEndpoint } from 'togglkit'
import { createTogglMock, DEMO_ACCOUNT } from 'togglkit/mock'
import { formatCount, formatMs, formatRatio, median } from './lib/stats.js'

const DAY = 86_400_000
const SIZES = [10_000, 100_000]
const NOTHING_CHANGED_MAX_MS = 50
const QUERY_MAX_MS = 5
const QUERY_MAX_GROWTH = 1.5
const CHANGES = 1_000

/**
 * Item 9 (offline-first): sync() and query() at 10 000 and 100 000 cached time entries, against the
 * in-process fake. "Client work" is the time of a call minus the time spent inside the fake's
 * handler, so the fake's own cost (it sorts every entry per listing) is not counted as togglkit's.
 */
export async function measureSync() {
  const rows = []
  const results = []
  for (const size of SIZES) results.push(await measureOneSize(size))
  const large = results.at(-1)
  rows.push(
    {
      id: '9a',
      benchmark: `sync() of ${formatCount(large.size)} cached entries, nothing changed (MemoryCache)`,
      result: `${large.nothingChanged.requests} request; ${formatMs(large.nothingChanged.clientMs)} client work (first, full sync: ${large.full.requests} requests, ${formatMs(large.full.clientMs)})`,
      target: `1 request; ≤ ${NOTHING_CHANGED_MAX_MS} ms`,
      met: large.nothingChanged.requests === 1 && large.nothingChanged.clientMs <= NOTHING_CHANGED_MAX_MS,
    },
    {
      id: '9b',
      benchmark: `sync() applying ${formatCount(CHANGES)} changes to ${results.map((result) => formatCount(result.size)).join(' / ')} cached (MemoryCache)`,
      result: `${results.map((result) => formatMs(result.changes.clientMs)).join(' / ')} client work, 1 request each`,
      target: 'O(k log n): report',
      met: undefined,
    },
  )
  const growth = large.queryMs / results[0].queryMs
  rows.push({
    id: '9c',
    benchmark: `query() of 100 entries in a date range among ${results.map((result) => formatCount(result.size)).join(' / ')} (MemoryCache)`,
    result: `${results.map((result) => formatMs(result.queryMs)).join(' / ')}; growth ${formatRatio(growth)}`,
    target: `≤ ${QUERY_MAX_MS} ms; growth ≤ ${formatRatio(QUERY_MAX_GROWTH)}`,
    met: large.queryMs <= QUERY_MAX_MS && growth <= QUERY_MAX_GROWTH,
  })
  const week = await measureWeek()
  rows.push({
    id: '9d',
    benchmark: 'A week of typical use: the app opened 20×/day in 2 tabs, a timer started and stopped 10×/day',
    result: `sync + query ${week.sync}, re-listing ${week.relisting}; the minimum ${week.minimum}`,
    target: '= the minimum with sync',
    met: week.sync === week.minimum,
  })
  rows.push({
    id: '9e',
    benchmark: `Memory per cached entry, MemoryCache with ${formatCount(large.size)} entries`,
    result: `${Math.round(large.heapPerEntry)} B of heap per entry; its JSON is ${Math.round(large.jsonPerEntry)} B (${formatRatio(large.heapPerEntry / large.jsonPerEntry)})`,
    target: '–',
    met: undefined,
  })
  return {
    rows,
    notes: [
      `Sync (9): a fake account with N entries over the last 30 days; the first sync fetches them 1000 a request (Toggl's cap), ` +
        `then a sync with nothing changed sends one since request, then the fake changes ${formatCount(CHANGES)} of them and a sync applies ` +
        'them. Client work: the call minus the time spent inside the fake. Query: 100 entries from the middle of the range, ' +
        `median of 50 calls. Heap: process.memoryUsage().heapUsed after GC before and after the sync, divided by N (only with --expose-gc, ` +
        'which npm run bench passes).',
      `Week (9d): per day 20 openings, each in 2 tabs at once (two endpoints on one IndexedDbCache, fake-indexeddb), and 10 timer ` +
        'sessions (start, stop). Sync: each opening calls sync() in both tabs and reads the week with query(), the running timer with ' +
        'current({ maxAge }); re-listing: each tab lists the week and asks current(). The minimum: every write, and one request per ' +
        'opening (what changed elsewhere cannot be known without asking).',
    ],
  }
}

async function measureOneSize(size) {
  // Entries written an hour ago, as an account's are: older than the cursor's overlap.
  const clock = { now: Date.now() - 3_600_000 }
  const { mock, entries, timed, workspace } = fixture(new MemoryCache({ ttl: Infinity }), clock)
  const now = Date.now()
  for (let index = 0; index < size; index++) {
    const start = now - 29 * DAY + Math.floor((index / size) * 28 * DAY)
    mock.state.addTimeEntry({ workspaceId: workspace, userId: DEMO_ACCOUNT.id, start, stop: start + 600_000 })
  }
  clock.now = Date.now()
  const heapBefore = heapUsed()
  const full = await timed(() => entries.sync())
  const heapAfter = heapUsed()
  const nothingChanged = await timed(() => entries.sync())
  const ids = [...mock.state.timeEntries.keys()]
  for (let index = 0; index < CHANGES; index++) {
    const entry = mock.state.timeEntries.get(ids[Math.floor((index * ids.length) / CHANGES)])
    entry.description = `changed ${index}`
    mock.state.commit('time_entry', 'updated', entry, DEMO_ACCOUNT.id)
  }
  const changes = await timed(() => entries.sync())
  if (changes.result.changed < CHANGES) throw new Error(`the sync applied ${changes.result.changed} changes, expected ${CHANGES}`)
  const middle = now - 15 * DAY
  const span = (100 / size) * 28 * DAY
  const queryTimes = []
  for (let round = 0; round < 50; round++) {
    const started = performance.now()
    const found = await entries.query({ start_date: new Date(middle), end_date: new Date(middle + span) })
    queryTimes.push(performance.now() - started)
    if (Math.abs(found.length - 100) > 2) throw new Error(`the query found ${found.length} entries, expected about 100`)
  }
  const sample = await entries.query({ limit: 100 })
  return {
    size,
    full,
    nothingChanged,
    changes,
    queryMs: median(queryTimes),
    heapPerEntry: heapBefore === undefined ? Number.NaN : (heapAfter - heapBefore) / size,
    jsonPerEntry: JSON.stringify(sample).length / sample.length,
  }
}

/** A week of use in two tabs on one IndexedDB, with sync or with re-listing, counted at the fake. */
async function measureWeek() {
  await import('fake-indexeddb/auto')
  const count = async (withSync) => {
    const name = `togglkit-bench-week-${withSync}`
    const tabs = [new IndexedDbCache({ name }), new IndexedDbCache({ name })]
    const { mock, workspace, endpointOn } = fixture(null)
    const [first, second] = tabs.map(endpointOn)
    const weekAgo = new Date(Date.now() - 7 * DAY)
    for (let day = 0; day < 7; day++) {
      for (let opening = 0; opening < 20; opening++) {
        await Promise.all(
          [first, second].map(async (tab) => {
            if (withSync) {
              await tab.sync()
              await tab.query({ start_date: weekAgo })
              await tab.current({ maxAge: 3_600_000 })
            } else {
              await tab.collect({ start_date: weekAgo, end_date: new Date(Date.now() + DAY) })
              await tab.current()
            }
          }),
        )
        if (opening % 2 === 0) {
          const running = await first.start(workspace, { description: `day ${day}, session ${opening / 2}` })
          await first.stop(workspace, running)
        }
      }
    }
    for (const cache of tabs) {
      await cache.clear()
      await cache.close()
    }
    return mock.requests.length
  }
  return { sync: await count(true), relisting: await count(false), minimum: 7 * (20 + 10 * 2) }
}

function fixture(cache, clock = { get now() { return Date.now() } }) {
  const mock = createTogglMock({ organizations: [{ name: 'Acme', memberIds: [DEMO_ACCOUNT.id] }], quotaPerHour: Infinity, now: () => clock.now })
  const workspace = [...mock.state.organizations.values()][0].workspaces[0].id
  let insideFake = 0
  const fetch = async (input, init) => {
    const started = performance.now()
    try {
      return await mock.fetch(input, init)
    } finally {
      insideFake += performance.now() - started
    }
  }
  const endpointOn = (onCache) => new TimeEntryEndpoint(BasicAuth.fromApiToken(DEMO_ACCOUNT.apiToken), onCache, { baseURL: 'http://sync.fake.test/api/v9', fetch })
  const entries = endpointOn(cache)
  const timed = async (run) => {
    const before = { fake: insideFake, requests: mock.requests.length }
    const started = performance.now()
    const result = await run()
    return { result, requests: mock.requests.length - before.requests, clientMs: performance.now() - started - (insideFake - before.fake) }
  }
  return { mock, workspace, entries, timed, endpointOn }
}

function heapUsed() {
  if (typeof globalThis.gc !== 'function') return undefined
  globalThis.gc()
  return process.memoryUsage().heapUsed
}
