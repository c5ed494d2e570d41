import { IndexedDbCache, MemoryCache } from 'togglkit'
import { DEMO_ACCOUNT } from 'togglkit/mock'
import { LEAVE, seededOrganizations, timeLeaving } from './lib/leaving.js'
import { formatCount, formatMs, formatRatio, median } from './lib/stats.js'

const SIZES = [1_000, 10_000, 100_000]
/** fake-indexeddb is a pure-JS model: 100 000 entries in it would time the model, not togglkit. */
const IDB_SIZES = [1_000, 10_000]
const MAX_GROWTH = 2
const SAMPLES = 30

/**
 * Item 7 (the cache at scale): the paths that used to grow with the cache, each timed at 1 000,
 * 10 000 and 100 000 cached organizations, against the in-process fake so that what is timed is the
 * client and its cache, not a socket.
 */
export async function measureCacheScale() {
  await import('fake-indexeddb/auto')
  const rows = []
  const notes = []
  for (const [adapter, sizes, makeCache] of [
    ['MemoryCache', SIZES, () => new MemoryCache()],
    ['IndexedDbCache (fake-indexeddb)', IDB_SIZES, (size) => new IndexedDbCache({ name: `togglkit-bench-scale-${size}` })],
  ]) {
    const results = []
    for (const size of sizes) {
      const cache = makeCache(size)
      try {
        results.push(await measureOneSize(size, cache))
      } finally {
        await cache.clear()
        await cache.close()
      }
    }
    for (const [measure, label, unit] of [
      ['refreshGet', 'get(id, { refresh: true }) while the complete list is cached', 'per call'],
      ['missingGet', 'get(id) answered 404 (forgets the organization)', 'per call'],
      ['refreshCollect', 'collect({ refresh: true }) after leaving 1 in 10', 'per organization'],
      ['cachedCollect', 'collect() from the cache', 'per organization'],
    ]) {
      const values = results.map((result) => result[measure])
      const growth = values.at(-1) / values[0]
      rows.push({
        id: `7${String.fromCharCode(97 + rows.length)}`,
        benchmark: `${adapter}: ${label}`,
        result: `${values.map(formatMs).join(' / ')} ${unit} at ${sizes.map(formatCount).join(' / ')}; growth ${formatRatio(growth)}`,
        target: `≤ ${formatRatio(MAX_GROWTH)}`,
        met: growth <= MAX_GROWTH,
      })
    }
    const leaving = await timeLeaving(makeCache(LEAVE.of), LEAVE)
    rows.push({
      id: `7${String.fromCharCode(97 + rows.length)}`,
      benchmark: `${adapter}: collect({ refresh: true }) after leaving ${formatCount(LEAVE.left)} of ${formatCount(LEAVE.of)}`,
      result: formatMs(leaving),
      target: `< ${LEAVE.maxMs} ms`,
      met: leaving < LEAVE.maxMs,
    })
  }
  notes.push(
    `Cache at scale (7): each cache filled by one collect() of N organizations from the in-process fake; per size, the median of ${SAMPLES} ` +
      'calls of each kind. "Leaving 1 in 10" removes every tenth membership in the fake before the refreshing collect; "per organization" ' +
      'divides by the organizations listed. Growth compares the largest size with the smallest. IndexedDbCache runs under fake-indexeddb ' +
      `up to ${formatCount(IDB_SIZES.at(-1))} (its pure-JS model, not a browser, is then what a larger size would time). Leaving ` +
      '1,000 of 10,000 (7e, 7j): the refreshing collect() deletes the 1,000 and writes none of the 9,000 unchanged ones (their ' +
      'fingerprints match the stored list\'s); in "leaving 1 in 10" (7c, 7h) it writes again only the organizations the 404s of ' +
      '7b and 7g dropped.',
  )
  return { rows, notes }
}

async function measureOneSize(size, cache) {
  const { mock, endpoint, ids } = await seededOrganizations(size, cache)
  const pick = (index) => ids[(index * 7919) % ids.length]
  await timeEach(SAMPLES, (i) => endpoint.get(pick(i), { refresh: true })) // warm-up
  const refreshGet = await timeEach(SAMPLES, (i) => endpoint.get(pick(i), { refresh: true }))
  const cachedCollect = (await timeEach(5, () => endpoint.collect())) / size
  // 404s: organizations the account has left elsewhere.
  const gone = Array.from({ length: SAMPLES }, (_, i) => pick(i + SAMPLES))
  for (const id of gone) mock.state.removeMember(id, DEMO_ACCOUNT.id)
  const missingGet = await timeEach(SAMPLES, (i) => endpoint.get(gone[i], { refresh: true }))
  for (let index = 0; index < ids.length; index += 10) mock.state.removeMember(ids[index], DEMO_ACCOUNT.id)
  const refreshCollect = (await timeEach(1, () => endpoint.collect({ refresh: true }))) / mock.state.organizationsOf(DEMO_ACCOUNT.id).length
  return { refreshGet, missingGet, refreshCollect, cachedCollect }
}

/** The median ms of `count` sequential calls of `run(index)`. */
async function timeEach(count, run) {
  const times = []
  for (let index = 0; index < count; index++) {
    const started = performance.now()
    await run(index)
    times.push(performance.now() - started)
  }
  return median(times)
}
