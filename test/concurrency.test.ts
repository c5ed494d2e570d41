import { describe, expect, it } from 'vitest'
import { MemoryCache, type TogglCache } from '../src/index.ts'
import type { TogglMock } from '../src/mock/index.ts'
import { startFake } from './support/fake.ts'
import { seededRandom as random } from './support/random.ts'


/** Every cached organization and any cached list must match what the fake finally holds. */
async function expectCacheAgreesWithFake(cache: TogglCache, mock: TogglMock, accountId: number) {
  const member = new Map(mock.state.organizationsOf(accountId).map((org) => [org.id, org.name]))
  for (const { key, value } of await cache.entries()) {
    if (key === 'organizations') {
      expect([...(value as number[])].sort()).toEqual([...member.keys()].sort())
    } else {
      const { id, name } = value as { id: number; name: string }
      expect(member.has(id), `cached organization ${id} was left`).toBe(true)
      expect(name, `cached name of ${id}`).toBe(member.get(id))
    }
  }
}

describe('concurrent callers never leave the cache disagreeing with Toggl', () => {
  it.each([1, 2, 3])('holds for 300 random interleaved operations (seed %i)', async (seed) => {
    const next = random(seed)
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!
    const fake = await startFake({
      organizations: ['A', 'B', 'C', 'D'].map((name) => ({ name, memberIds: [1] })),
      quotaPerHour: Infinity,
    })
    const cache = new MemoryCache()
    // Replies that linger on the way back: the answer was true when Toggl sent it, stale on arrival.
    const slowReturn: typeof fetch = async (input, init) => {
      const lag = Math.floor(next() * 20)
      const response = await fetch(input, init)
      await new Promise((resolve) => setTimeout(resolve, lag))
      return response
    }
    const options = { retries: 0, fetch: slowReturn }
    const clients = [fake.organizations(cache, options), fake.organizations(cache, options)]
    const ids = () => [...fake.mock.state.organizations.keys(), 999_999]

    for (let batch = 0; batch < 15; batch++) {
      const operations = Array.from({ length: 20 }, (_, n) => {
        const orgs = pick(clients)
        // Random small delays on the way in reorder the requests as well.
        if (next() < 0.5) fake.mock.inject({ type: 'delay', ms: Math.floor(next() * 15) })
        const roll = next()
        const id = pick(ids())
        if (roll < 0.35) return orgs.edit(id, `name-${seed}-${batch}-${n}`)
        if (roll < 0.6) return orgs.get(id, { refresh: next() < 0.5 })
        if (roll < 0.85) return orgs.collect({ refresh: next() < 0.5 })
        if (roll < 0.93) return orgs.delete(id)
        return orgs.add(`new-${seed}-${batch}-${n}`)
      })
      // Edits and deletes of organizations already gone fail; that is Toggl's answer, not ours.
      await Promise.allSettled(operations)
      await expectCacheAgreesWithFake(cache, fake.mock, 1)
    }
    // What the client then serves (from the cache where it can) is what Toggl holds.
    const served = await clients[0]!.collect()
    const truth = fake.mock.state.organizationsOf(1)
    expect(served.map(({ id, name }) => ({ id, name })).sort((a, b) => a.id - b.id)).toEqual(
      truth.map(({ id, name }) => ({ id, name })).sort((a, b) => a.id - b.id),
    )
  })
})
