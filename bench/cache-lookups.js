import { MemoryCache } from 'togglkit'
import { seededEndpoint, timeCachedGets } from './lib/cached-gets.js'
import { formatCount, formatMs, formatRate, formatRatio } from './lib/stats.js'

const SIZES = [1_000, 10_000, 100_000]
const RUN = { rounds: 20, warmupRounds: 2, lookupsPerRound: 2_000 }
const MAX_GROWTH = 1.5
const MIN_SPEEDUP = 100

/**
 * Item 2: cached `get` with a MemoryCache of 1 000, 10 000 and 100 000 organizations. All three
 * stay alive and are timed in turn, so they share the heap and the machine's noise.
 *
 * @param networkMs the median network `get` of item 1, which the cached path must beat 50×
 */
export async function measureCacheLookups(networkMs) {
  const seeded = []
  for (const size of SIZES) seeded.push(await seededEndpoint(size, new MemoryCache()))
  const perLookup = await timeCachedGets(seeded, RUN)
  const growth = perLookup.at(-1) / perLookup[0]
  const slowest = Math.max(...perLookup)
  const speedup = networkMs / slowest
  return {
    rows: [
      {
        id: '2a',
        benchmark: `Cached get, MemoryCache with ${SIZES.map(formatCount).join(' / ')} organizations`,
        result:
          `${perLookup.map(formatMs).join(' / ')} per lookup ` +
          `(${perLookup.map((ms) => formatRate(1000 / ms)).join(' / ')}); ` +
          `${formatCount(SIZES.at(-1))} vs ${formatCount(SIZES[0])}: ${formatRatio(growth)}`,
        target: `≤ ${formatRatio(MAX_GROWTH)}`,
        met: growth <= MAX_GROWTH,
      },
      {
        id: '2b',
        benchmark: 'Cached get vs the network get of item 1',
        result: `${formatMs(networkMs)} / ${formatMs(slowest)}: ${formatRatio(speedup)} faster`,
        target: `≥ ${MIN_SPEEDUP}×`,
        met: speedup >= MIN_SPEEDUP,
      },
    ],
    notes: [
      'Cache lookups (2): each cache filled by one collect() from the in-process fake (the public path, so the keys ' +
        `are the ones get() reads); ${RUN.rounds} rounds of ${formatCount(RUN.lookupsPerRound)} get(id) per size, ` +
        'interleaved, ids drawn at random from the whole cache; medians per lookup. The run fails if a lookup reaches the fake.',
      'Cache lookups (2b) divides the network median of item 1 by the slowest of the three cache sizes.',
    ],
  }
}
