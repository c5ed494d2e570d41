// Runs in Chromium (bundled by bench/browser.js): item 3 against the browser's real IndexedDB.
import { IndexedDbCache } from 'togglkit'
import { compareWithMemoryCache } from '../lib/indexeddb-comparison.js'

// Called by the runner through Playwright; the profile is fresh per launch, so the database starts empty.
window.runBenchmark = () => compareWithMemoryCache(new IndexedDbCache({ name: 'togglkit-bench-lookups' }))
