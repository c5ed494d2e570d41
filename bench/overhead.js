import { GCProfiler } from 'node:v8'
import { createFetch } from 'ofetch'
import * as v from 'valibot'
import { BasicAuth, MemoryCache, OrganizationEndpoint, OrganizationSchema } from 'togglkit'
import { DEMO_ACCOUNT } from 'togglkit/mock'
import { startFakeServer } from './lib/fake-server.js'
import { loadPeers, PEER_VERSIONS } from './lib/peers.js'
import { formatCount, formatMs, formatRatio, median } from './lib/stats.js'

// 20 timed rounds of 100 calls give each variant 2 000 calls in about 25 s on 2 cores; two more
// rounds first warm up the JIT and the keep-alive connections.
const WARMUP_ROUNDS = 2
const TIMED_ROUNDS = 20
const CALLS_PER_ROUND = 100
/** Calls per variant whose allocations are counted, after the timed rounds. */
const ALLOCATION_CALLS = 400
const TARGET_RATIO = 1.1
// RequestCore's default per-attempt timeout: the probes arm the same timer.
const ATTEMPT_TIMEOUT_MS = 10_000
const ORGANIZATION_ID = 9_000_001
/** The floor of this feature set: what any client with a per-attempt timeout must do per call. */
const FLOOR = 'fetch + signal'

/**
 * Item 1: sequential `get(id, { refresh: true })` against the fake on loopback, beside raw fetch,
 * fetch with an abortable per-attempt timer (the floor: togglkit's timeout needs one), ofetch, ky
 * and toggl-client asking for the same URL with the same headers, interleaved in one run. Each
 * variant's allocations per call are counted too.
 */
export async function measureOverhead() {
  const server = await startFakeServer({
    organizations: [{ id: ORGANIZATION_ID, name: 'Acme', memberIds: [DEMO_ACCOUNT.id] }],
    // A finite quota would answer 402 long before the run ends (and the fake rejects Infinity).
    quotaPerHour: Number.MAX_SAFE_INTEGER,
  })
  try {
    const variants = variantsFor(server.baseURL, await loadPeers())
    // Per variant, the durations of each timed round's calls (ms).
    const rounds = new Map(variants.map(({ name }) => [name, []]))
    for (let round = 0; round < WARMUP_ROUNDS + TIMED_ROUNDS; round++) {
      await server.reset()
      // Rotating the order spreads any drift within a round evenly over the variants.
      for (let turn = 0; turn < variants.length; turn++) {
        const { name, call } = variants[(round + turn) % variants.length]
        const durations = []
        for (let i = 0; i < CALLS_PER_ROUND; i++) {
          const started = performance.now()
          await call()
          durations.push(performance.now() - started)
        }
        if (round >= WARMUP_ROUNDS) rounds.get(name).push(durations)
      }
    }
    await server.reset()
    const allocations = new Map()
    for (const { name, call } of variants) allocations.set(name, await bytesPerCall(call))
    const togglkit = variants.find(({ name }) => name === 'togglkit')
    return summarize(rounds, allocations, await togglkit.call())
  } finally {
    await server.close()
  }
}

function variantsFor(baseURL, { ky, togglClient }) {
  const auth = BasicAuth.fromApiToken(DEMO_ACCOUNT.apiToken)
  const url = `${baseURL}/organizations/${ORGANIZATION_ID}`
  // The headers togglkit sends, so every client asks for the same thing.
  const headers = { Authorization: auth.header(), Accept: 'application/json' }
  const ofetch = createFetch({ fetch: (input, init) => globalThis.fetch(input, init) })
  const kyClient = ky.create({ headers, timeout: ATTEMPT_TIMEOUT_MS, retry: 0 })
  const toggl = togglClient({ apiToken: DEMO_ACCOUNT.apiToken })
  // toggl-client talks to the real API only; its got instance is pointed at the fake as it builds it.
  toggl.httpClient = toggl.httpClient.extend({ prefixUrl: baseURL, timeout: { request: ATTEMPT_TIMEOUT_MS } })
  const cached = new OrganizationEndpoint(auth, new MemoryCache(), { baseURL })
  const uncached = new OrganizationEndpoint(auth, null, { baseURL })
  return [
    { name: 'fetch', call: async () => (await fetch(url, { headers })).json() },
    { name: FLOOR, call: () => withAttemptSignal(async (signal) => (await fetch(url, { headers, signal })).json()) },
    {
      name: 'ofetch + signal',
      // The options RequestCore passes: the body as text, parsed by togglkit, never retried by ofetch.
      call: () =>
        withAttemptSignal(async (signal) => {
          const response = await ofetch.raw(url, { headers, signal, responseType: 'text', retry: false, ignoreResponseError: true })
          return JSON.parse(response._data)
        }),
    },
    { name: `ky ${PEER_VERSIONS.ky}`, call: () => kyClient.get(url).json() },
    { name: `toggl-client ${PEER_VERSIONS['toggl-client']}`, call: () => toggl.get(`organizations/${ORGANIZATION_ID}`) },
    { name: 'togglkit, no cache', call: () => uncached.get(ORGANIZATION_ID, { refresh: true }) },
    { name: 'togglkit', call: () => cached.get(ORGANIZATION_ID, { refresh: true }) },
  ]
}

/** A fresh AbortController and timer per request, as RequestCore arms for every attempt. */
async function withAttemptSignal(send) {
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), ATTEMPT_TIMEOUT_MS)
  try {
    return await send(controller.signal)
  } finally {
    clearTimeout(timer)
  }
}

/**
 * Bytes the JS heap allocated per call: what the heap grew by over {@link ALLOCATION_CALLS} calls
 * plus what every collection meanwhile freed (V8's GC profiler reports each one's before and after).
 */
async function bytesPerCall(call) {
  for (let i = 0; i < 50; i++) await call()
  globalThis.gc?.()
  const used = () => process.memoryUsage().heapUsed
  const profiler = new GCProfiler()
  profiler.start()
  const before = used()
  for (let i = 0; i < ALLOCATION_CALLS; i++) await call()
  const after = used()
  const { statistics } = profiler.stop()
  const freed = statistics.reduce((sum, { beforeGC, afterGC }) => sum + beforeGC.heapStatistics.usedHeapSize - afterGC.heapStatistics.usedHeapSize, 0)
  return (after - before + freed) / ALLOCATION_CALLS
}

/** valibot's share is timed directly: it is too small to read reliably off two network medians. */
function validationTime(organization) {
  const runs = 20_000
  for (let i = 0; i < runs; i++) v.safeParse(OrganizationSchema, organization)
  const started = performance.now()
  for (let i = 0; i < runs; i++) v.safeParse(OrganizationSchema, organization)
  return (performance.now() - started) / runs
}

const formatKiB = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`

function summarize(rounds, allocations, organization) {
  const medianOf = (name) => median(rounds.get(name).flat())
  const floorMedian = medianOf(FLOOR)
  const fetchMedian = medianOf('fetch')
  const togglkitMedian = medianOf('togglkit')
  const ratio = togglkitMedian / floorMedian
  const calls = rounds.get('fetch').flat().length
  // What one layer adds: compared within each round, where both variants met the same noise.
  const step = (from, to) => {
    const perRound = rounds.get(from).map((durations, round) => median(rounds.get(to)[round]) - median(durations))
    return formatMs(median(perRound))
  }
  const others = [...rounds.keys()].map((name) => `${name} ${formatRatio(medianOf(name) / floorMedian)} (${formatKiB(allocations.get(name))})`)
  return {
    networkMedianMs: togglkitMedian,
    rows: [
      {
        id: '1',
        benchmark: `Per-call overhead: get(id, { refresh: true }) vs fetch + an abortable per-attempt timer, ${formatCount(calls)} calls each`,
        result:
          `${formatMs(togglkitMedian)} vs ${formatMs(floorMedian)} (medians): ${formatRatio(ratio)}; raw fetch ${formatMs(fetchMedian)}; ` +
          `allocates ${formatKiB(allocations.get('togglkit'))} a call (fetch + timer ${formatKiB(allocations.get(FLOOR))})`,
        target: `≤ ${formatRatio(TARGET_RATIO)}`,
        met: ratio <= TARGET_RATIO,
      },
      {
        id: '1b',
        benchmark: 'The same call through each client, against the floor (allocated per call)',
        result: others.join('; '),
      },
    ],
    notes: [
      `Overhead (1): ${formatCount(calls)} sequential calls per variant against the fake on a loopback Node server in a worker ` +
        `thread, interleaved in ${TIMED_ROUNDS} rounds (order rotated each round, ${WARMUP_ROUNDS} warm-up rounds ` +
        'dropped, a fresh fake per round); per-call medians. togglkit uses a MemoryCache, so each call also stores its answer. ' +
        `The floor is fetch with an AbortController and a ${ATTEMPT_TIMEOUT_MS / 1000} s timer per request, which a per-attempt ` +
        `timeout needs; ky ${PEER_VERSIONS.ky} (its own timeout, no retry) and toggl-client ${PEER_VERSIONS['toggl-client']} ` +
        '(got, pointed at the fake) are installed for the benchmark only (bench/lib/peers.js).',
      `Overhead (1), allocation: the JS heap's growth over ${formatCount(ALLOCATION_CALLS)} calls per variant plus what every ` +
        'garbage collection meanwhile freed (node:v8 GCProfiler), per call; undici, which fetch runs on, allocates in the same heap.',
      `Overhead (1), where togglkit's extra ${step(FLOOR, 'togglkit')} per call over the floor goes (each layer's step, the ` +
        'median over rounds of the difference of round medians, so roughly): ofetch ' +
        `${step(FLOOR, 'ofetch + signal')}; togglkit's request core (URL, de-duplication, quota headers, ` +
        `validation) ${step('ofetch + signal', 'togglkit, no cache')}, of which valibot takes ` +
        `${formatMs(validationTime(organization))} (timed directly); storing in the cache ` +
        `${step('togglkit, no cache', 'togglkit')}.`,
    ],
  }
}
