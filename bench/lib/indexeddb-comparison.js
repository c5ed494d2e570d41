// Item 3's measurement, shared by Node (fake-indexeddb) and Chromium (bench:browser) so the two
// numbers come from the same code.
import { MemoryCache } from 'togglkit'
import { seededEndpoint, timeCachedGets } from './cached-gets.js'
import { formatCount, formatMs, formatRate, formatRatio } from './stats.js'

export const INDEXEDDB_ENTRIES = 10_000
// IndexedDB lookups are slower, so fewer per round than for the memory-only item 2.
const RUN = { rounds: 10, warmupRounds: 1, lookupsPerRound: 300 }

/** Cached `get` from `indexedDb` versus a MemoryCache of the same size, in alternating rounds. */
export async function compareWithMemoryCache(indexedDb) {
  // A cache that fell back to memory would make this a second MemoryCache benchmark.
  if (!(await indexedDb.connect())) throw new Error('IndexedDB did not open')
  const seeded = [await seededEndpoint(INDEXEDDB_ENTRIES, indexedDb), await seededEndpoint(INDEXEDDB_ENTRIES, new MemoryCache())]
  const [indexedDbMs, memoryMs] = await timeCachedGets(seeded, RUN)
  return { indexedDbMs, memoryMs }
}

export function comparisonRow(id, where, { indexedDbMs, memoryMs }) {
  return {
    id,
    benchmark: `Cached get, IndexedDbCache ${where}, ${formatCount(INDEXEDDB_ENTRIES)} entries`,
    result:
      `${formatRate(1000 / indexedDbMs)} (${formatMs(indexedDbMs)} per lookup); ` +
      `MemoryCache ${formatRate(1000 / memoryMs)}, ${formatRatio(indexedDbMs / memoryMs)} faster`,
  }
}

export const COMPARISON_NOTE =
  `both caches filled by one collect() each, then ${RUN.rounds} rounds of ${RUN.lookupsPerRound} random get(id), ` +
  'alternating between them; medians.'
