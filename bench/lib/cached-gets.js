// Shared by the Node benchmarks and the Chromium page (bundled by Vite), so both measure the same thing.
import { BasicAuth, OrganizationEndpoint } from 'togglkit'
import { createTogglMock, DEMO_ACCOUNT } from 'togglkit/mock'
import { median, seededRandom } from './stats.js'

/**
 * An endpoint whose cache holds `size` organizations, filled the way an app fills it: one
 * `collect()` from the in-process fake, which stores every organization under the key `get` reads.
 * Seeding through the public path (not `cache.put`) keeps the benchmark blind to how keys are built.
 * `quotaPerHour` goes to the fake (its default when left out); `baseURL` is the endpoint's.
 */
export async function seededEndpoint(size, cache, { quotaPerHour, baseURL = 'http://fake.test/api/v9' } = {}) {
  const mock = createTogglMock({
    ...(quotaPerHour === undefined ? {} : { quotaPerHour }),
    organizations: Array.from({ length: size }, (_, index) => ({ name: `Organization ${index + 1}`, memberIds: [DEMO_ACCOUNT.id] })),
  })
  const endpoint = new OrganizationEndpoint(BasicAuth.fromApiToken(DEMO_ACCOUNT.apiToken), cache, { baseURL, fetch: mock.fetch })
  const ids = (await endpoint.collect()).map(({ id }) => id)
  if (ids.length !== size) throw new Error(`seeded ${ids.length} organizations, expected ${size}`)
  return { mock, endpoint, ids, requestsSent: () => mock.requests.length }
}

/**
 * Times cached `endpoint.get(id)` for each seeded endpoint, interleaved round by round so machine
 * noise hits all of them alike. Ids are drawn at random (fixed seed) from all cached organizations,
 * so lookups touch the whole store rather than one hot entry.
 *
 * @returns the median time per lookup in ms, in the order of `seeded`
 */
export async function timeCachedGets(seeded, { rounds, warmupRounds, lookupsPerRound }) {
  const random = seededRandom(20_240_601)
  const perLookup = seeded.map(() => [])
  const requestsBefore = seeded.map(({ requestsSent }) => requestsSent())
  for (let round = 0; round < warmupRounds + rounds; round++) {
    for (const [index, { endpoint, ids }] of seeded.entries()) {
      const picks = Array.from({ length: lookupsPerRound }, () => ids[Math.floor(random() * ids.length)])
      const started = performance.now()
      for (const id of picks) await endpoint.get(id)
      if (round >= warmupRounds) perLookup[index].push((performance.now() - started) / lookupsPerRound)
    }
  }
  // A miss would quietly time the fake instead of the cache.
  seeded.forEach(({ requestsSent }, index) => {
    if (requestsSent() !== requestsBefore[index]) throw new Error('a cached get reached the fake: the cache missed')
  })
  return perLookup.map(median)
}
