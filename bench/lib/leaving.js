// Shared by Node and the Chromium page: collect({ refresh: true }) after the account left some of
// its organizations, with the complete list cached, timed against the in-process fake (so what is
// timed is the client and its cache, not a socket).
import { BasicAuth, OrganizationEndpoint } from 'togglkit'
import { createTogglMock, DEMO_ACCOUNT } from 'togglkit/mock'

/** Leaving 1 000 of 10 000 organizations, and the refreshing collect's target then (issue 12). */
export const LEAVE = { of: 10_000, left: 1_000, maxMs: 200 }

/** An endpoint on `cache` whose account belongs to `size` organizations, all of them cached by one collect(). */
export async function seededOrganizations(size, cache) {
  const mock = createTogglMock({
    quotaPerHour: Infinity,
    organizations: Array.from({ length: size }, (_, index) => ({ name: `Organization ${index + 1}`, memberIds: [DEMO_ACCOUNT.id] })),
  })
  const endpoint = new OrganizationEndpoint(BasicAuth.fromApiToken(DEMO_ACCOUNT.apiToken), cache, {
    baseURL: `http://scale-${size}.fake.test/api/v9`,
    fetch: mock.fetch,
  })
  const ids = (await endpoint.collect()).map(({ id }) => id)
  if (ids.length !== size) throw new Error(`seeded ${ids.length} organizations, expected ${size}`)
  return { mock, endpoint, ids }
}

/** Ms of one collect({ refresh: true }) after leaving `left` of `of` cached organizations; empties and closes `cache`. */
export async function timeLeaving(cache, { of, left }) {
  try {
    const { mock, endpoint, ids } = await seededOrganizations(of, cache)
    for (const id of ids.slice(0, left)) mock.state.removeMember(id, DEMO_ACCOUNT.id)
    const started = performance.now()
    await endpoint.collect({ refresh: true })
    return performance.now() - started
  } finally {
    await cache.clear()
    await cache.close()
  }
}
