import { IndexedDbCache } from 'togglkit'
import { COMPARISON_NOTE, compareWithMemoryCache, comparisonRow } from './lib/indexeddb-comparison.js'

/** Item 3 in Node, under fake-indexeddb. Chromium's real IndexedDB: `npm run bench:browser`. */
export async function measureIndexedDbInNode() {
  // Installed only now, so the benchmarks before this one never see an `indexedDB` global.
  await import('fake-indexeddb/auto')
  const cache = new IndexedDbCache({ name: 'togglkit-bench-lookups' })
  try {
    return {
      rows: [comparisonRow('3', 'under fake-indexeddb (Node)', await compareWithMemoryCache(cache))],
      notes: [
        `IndexedDB (3): ${COMPARISON_NOTE} fake-indexeddb is a pure-JS model of IndexedDB: this shows the cost of ` +
          "togglkit's IndexedDB path in Node, not a browser's (that is bench:browser).",
      ],
    }
  } finally {
    await cache.close()
  }
}
