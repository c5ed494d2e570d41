// Shared by Node and the Chromium page: collect({ refresh: true }) after the account left some of
// its organizations, with the complete list cached, timed against the in-process fake (so what is
// timed is the client and its cache, not a socket).
import { DEMO_ACCOUNT } from 'togglkit/mock'
import { seededEndpoint } from './cached-gets.js'

/** Leaving 1 000 of 10 000 organizations, and the refreshing collect's target then (issue 12). */
export const LEAVE = { of: 10_000, left: 1_000, maxMs: 200 }

/**
 * {@link seededEndpoint} with no quota, on an origin of its size's own: the client keeps an account's
 * quota view and rate schedule by base URL and token, so the sizes do not share them.
 */
export function seededOrganizations(size, cache) {
  return seededEndpoint(size, cache, { quotaPerHour: Infinity, baseURL: `http://scale-${size}.fake.test/api/v9` })
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
