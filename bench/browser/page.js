// Runs in Chromium (bundled by bench/browser.js): items 3, 7k and 9c against the browser's real IndexedDB.
import { IndexedDbCache } from 'togglkit'
import { compareWithMemoryCache } from '../lib/indexeddb-comparison.js'
import { LEAVE, timeLeaving } from '../lib/leaving.js'
import { timeQueryInRange } from '../lib/query-in-range.js'

// Called by the runner through Playwright; the profile is fresh per launch, so the database starts empty.
window.runBenchmark = () => compareWithMemoryCache(new IndexedDbCache({ name: 'togglkit-bench-lookups' }))

/** query() of 100 entries in a range among 10 000 and 100 000 in IndexedDB, ms (each in a database of its own). */
window.runQueryBenchmark = async () => {
  const results = []
  for (const size of [10_000, 100_000]) results.push(await timeQueryInRange(new IndexedDbCache({ name: `togglkit-bench-query-${size}` }), size))
  return results
}

/** collect({ refresh: true }) after leaving 1 000 of 10 000 cached organizations, ms, in a database of its own. */
window.runLeavingBenchmark = () => timeLeaving(new IndexedDbCache({ name: 'togglkit-bench-leaving' }), LEAVE)
