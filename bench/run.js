// `npm run bench`: builds dist/, runs the benchmarks one after the other on this machine (per-call
// overhead, cached lookups, IndexedDB under fake-indexeddb, requests spent, the detailed report of
// 10,000 rows, the cache at scale, a timer session, sync and query, bundle size, cold start and the
// shared Redis cache), prints the table and writes it to bench/RESULTS.md.
import { fileURLToPath } from 'node:url'
import { buildPackage } from './lib/build.js'
import { report } from './lib/report.js'

const started = performance.now()
const step = async (name, measure) => {
  console.log(`bench: ${name}…`)
  return measure()
}

await step('building dist/', buildPackage)
// Imported only now: each imports the package, which must be the build just made, not the one
// dist/ held before (its lazy chunks are gone once the build replaced them).
const [
  { measureCacheLookups },
  { measureCacheScale },
  { measureColdStart },
  { measureIndexedDbInNode },
  { measureOverhead },
  { measureDetailedReport },
  { measureRequestsSpent },
  { measureSync },
  { measureTimerSession },
  { measureBundleSize },
  { measureSharedCache },
] = await Promise.all([
  import('./cache-lookups.js'),
  import('./cache-scale.js'),
  import('./cold-start.js'),
  import('./indexeddb.js'),
  import('./overhead.js'),
  import('./reports.js'),
  import('./requests.js'),
  import('./sync.js'),
  import('./timer-session.js'),
  import('./size.js'),
  import('./storage.js'),
])
// The overhead runs first, before the cache benchmarks grow the heap by 100 000 organizations.
const overhead = await step('per-call overhead', measureOverhead)
const results = [
  overhead,
  await step('cache lookups', () => measureCacheLookups(overhead.networkMedianMs)),
  await step('IndexedDB (fake-indexeddb)', measureIndexedDbInNode),
  await step('requests spent', measureRequestsSpent),
  // Before the cache benchmarks grow the heap: its heap readings force collections.
  await step('detailed report of 10,000 rows', measureDetailedReport),
  await step('cache at scale', measureCacheScale),
  await step('timer session', measureTimerSession),
  await step('sync and query', measureSync),
  await step('bundle size', measureBundleSize),
  await step('cold start', measureColdStart),
  await step('shared cache (Redis)', () => measureSharedCache(overhead.networkMedianMs)),
]
await report({
  title: 'togglkit benchmarks',
  file: fileURLToPath(new URL('RESULTS.md', import.meta.url)),
  results,
  runtimeMs: performance.now() - started,
})
