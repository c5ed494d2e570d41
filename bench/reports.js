import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { BasicAuth, DetailedReportEndpoint } from 'togglkit'
import { DEMO_ACCOUNT } from 'togglkit/mock'
import { startFakeServer } from './lib/fake-server.js'
import { RANGE, ROWS, WORKSPACE_ID } from './lib/report-seed.js'
import { formatCount, formatMs, median } from './lib/stats.js'

const PAGE_SIZES = [50, 200]
// Each loop of 200 pages takes seconds (the fake recomputes the report for every page): two timed
// loops per page size, after one warm-up loop at the larger size.
const TIMED_ROUNDS = 2
/** The heap is read over the larger page size: fewer requests, the same rows. */
const HEAP_PAGE_SIZE = 200
/** Streaming must hold less than this share of what `all()` holds for the same report. */
const STREAMING_TARGET = 0.05

// A forced collection before each heap reading, so it shows what is still held, not garbage.
setFlagsFromString('--expose-gc')
const collectGarbage = runInNewContext('gc')

/**
 * Item 8: iterating a detailed report of 10,000 rows (one per time entry, seeded into the fake in a
 * worker thread) with `for await`, page by page as Toggl's cursor leads: the requests it costs, the
 * client's own time per row, and the heap it holds, streaming versus `all()`.
 */
export async function measureDetailedReport() {
  const server = await startFakeServer(
    { organizations: [{ name: 'Acme', memberIds: [DEMO_ACCOUNT.id], pricingPlanName: 'Premium' }], quotaPerHour: Infinity },
    new URL('./lib/report-seed.js', import.meta.url),
  )
  try {
    const sent = { count: 0 }
    const detailed = new DetailedReportEndpoint(BasicAuth.fromApiToken(DEMO_ACCOUNT.apiToken), null, {
      baseURL: server.baseURL,
      onAttempt: () => sent.count++,
    })
    const workspaceId = WORKSPACE_ID
    await timedLoop(detailed, workspaceId, PAGE_SIZES.at(-1), sent)
    const runs = new Map(PAGE_SIZES.map((size) => [size, { requests: [], busy: [], wall: [] }]))
    for (let round = 0; round < TIMED_ROUNDS; round++) {
      for (const size of round % 2 === 0 ? PAGE_SIZES : [...PAGE_SIZES].reverse()) {
        const run = await timedLoop(detailed, workspaceId, size, sent)
        for (const key of ['requests', 'busy', 'wall']) runs.get(size)[key].push(run[key])
      }
    }
    const heap = await heapOf(detailed, workspaceId, HEAP_PAGE_SIZE)
    return summarize(runs, heap)
  } finally {
    await server.close()
  }
}

/**
 * One loop over every row, counting rows and requests. The main thread's event-loop busy time is
 * the client's own work (sending, parsing, validating, iterating); while it waits for the fake on
 * the other core it is idle.
 */
async function timedLoop(detailed, workspaceId, pageSize, sent) {
  const requestsBefore = sent.count
  const before = performance.eventLoopUtilization()
  const started = performance.now()
  let rows = 0
  for await (const _row of detailed.search(workspaceId, { ...RANGE, page_size: pageSize })) rows++
  const wall = performance.now() - started
  const { active } = performance.eventLoopUtilization(before)
  if (rows !== ROWS) throw new Error(`the loop saw ${rows} rows, not ${ROWS}`)
  return { requests: sent.count - requestsBefore, busy: active / rows, wall: wall / rows }
}

/**
 * What the heap holds, each read after a forced collection: while streaming, how much it grew from
 * the first page to any later one (read at every fifth page); after `all()`, with its array still
 * referenced, how much it grew from before the loop.
 */
async function heapOf(detailed, workspaceId, pageSize) {
  const used = () => {
    collectGarbage()
    return process.memoryUsage().heapUsed
  }
  let firstPage = 0
  let growth = 0
  let pages = 0
  for await (const _page of detailed.search(workspaceId, { ...RANGE, page_size: pageSize }).pages()) {
    if (++pages === 1) firstPage = used()
    else if (pages % 5 === 0) growth = Math.max(growth, used() - firstPage)
  }
  const before = used()
  const rows = await detailed.search(workspaceId, { ...RANGE, page_size: pageSize }).all()
  const all = used() - before
  if (rows.length !== ROWS) throw new Error(`all() gave ${rows.length} rows, not ${ROWS}`)
  return { growth, all, pageSize, samples: Math.floor(pages / 5) }
}

function summarize(runs, heap) {
  const expected = (size) => Math.ceil(ROWS / size)
  const requests = PAGE_SIZES.map((size) => median(runs.get(size).requests))
  const met = PAGE_SIZES.every((size, index) => requests[index] === expected(size))
  const per = (key) => PAGE_SIZES.map((size) => formatMs(median(runs.get(size)[key]))).join(' / ')
  const perRow = heap.all / ROWS
  const share = heap.growth / heap.all
  const kB = (bytes) => `${formatCount(Math.round(bytes / 1024))} kB`
  const sizes = PAGE_SIZES.join(' / ')
  return {
    rows: [
      {
        id: '10a',
        benchmark: `Detailed report of ${formatCount(ROWS)} rows, for await over search(), page_size ${sizes}: requests`,
        result: `${requests.join(' / ')} requests`,
        target: `= ⌈n / page_size⌉ (${PAGE_SIZES.map(expected).join(' / ')})`,
        met,
      },
      {
        id: '10b',
        benchmark: `Detailed report, page_size ${sizes}: client time per row (event loop busy; wall clock)`,
        result: `${per('busy')} per row; wall ${per('wall')} per row`,
        target: '–',
        met: undefined,
      },
      {
        id: '10c',
        benchmark: `Detailed report, page_size ${heap.pageSize}: heap held, streaming vs all()`,
        result:
          `all(): ${kB(heap.all)} held (${formatCount(Math.round(perRow))} B per row); streaming: the heap grew at most ${kB(heap.growth)} ` +
          `from the first page on (${(share * 100).toFixed(1)} % of all(), about ${formatCount(Math.round(heap.growth / perRow))} rows' worth)`,
        target: `streaming < ${STREAMING_TARGET * 100} % of all()`,
        met: share < STREAMING_TARGET,
      },
    ],
    notes: [
      `Detailed report (10): ${formatCount(ROWS)} time entries seeded into the fake (one row each), served from a worker thread on loopback; ` +
        `${TIMED_ROUNDS} timed loops per page size after a warm-up loop, alternating; medians. Requests are counted with onAttempt.`,
      'Detailed report (10b): "event loop busy" is the main thread\'s active time (performance.eventLoopUtilization) over the loop, divided by the rows: ' +
        "the client's own work (building each page's request, ofetch, JSON parsing, validating every row, the iterator); the fake's work runs on the other core. " +
        'Wall clock adds the waits for the fake, which recomputes the whole report for every page.',
      `Detailed report (10c): heap used after a forced collection; while streaming, its growth from the first page to the highest of ${heap.samples} ` +
        'readings (every fifth page: the loop holds only the page in hand, so it does not grow with the rows); for all(), its growth over the ' +
        'loop with the array of every row still held. Per row = all() / rows.',
    ],
  }
}
