import { describe, expect, it } from 'vitest'
import { InputError, RateLimitError } from '../src/index.ts'
import { startFake } from './support/fake.ts'

const FIVE = ['A', 'B', 'C', 'D', 'E'].map((name) => ({ name, memberIds: [1] }))

async function fakeWithRateLimit() {
  // Toggl's leaky bucket, scaled up so the test is quick; the burst of 2 absorbs network jitter.
  const fake = await startFake({ organizations: FIVE, rateLimit: { perSecond: 5, burst: 2 } })
  return { fake, ids: [...fake.mock.state.organizations.keys()] }
}

describe('rateLimit option', () => {
  it('without it, a burst meets 429s', async () => {
    const { fake, ids } = await fakeWithRateLimit()
    const orgs = fake.organizations(null, { retries: 0 })
    const outcomes = await Promise.allSettled(ids.map((id) => orgs.get(id)))
    const limited = outcomes.filter((o) => o.status === 'rejected' && o.reason instanceof RateLimitError)
    expect(limited.length).toBeGreaterThan(0)
  })

  it('spaces a burst so that no request meets a 429', async () => {
    const { fake, ids } = await fakeWithRateLimit()
    const orgs = fake.organizations(null, { retries: 0, rateLimit: { perSecond: 4 } })
    const started = performance.now()
    const results = await Promise.all(ids.map((id) => orgs.get(id)))
    expect(results.map((r) => r?.name)).toEqual(['A', 'B', 'C', 'D', 'E'])
    expect(fake.mock.requests.map((r) => r.status)).toEqual([200, 200, 200, 200, 200])
    // Five requests at four a second: the last leaves a second after the first.
    expect(performance.now() - started).toBeGreaterThanOrEqual(990)
  })

  it('is shared by every client of the same account', async () => {
    const { fake, ids } = await fakeWithRateLimit()
    const options = { retries: 0, rateLimit: { perSecond: 4 } }
    const clients = [fake.organizations(null, options), fake.organizations(null, options)]
    await Promise.all(ids.map((id, i) => clients[i % 2]!.get(id)))
    expect(fake.mock.requests.every((r) => r.status === 200)).toBe(true)
  })

  it('rejects a malformed rateLimit', async () => {
    const fake = await startFake()
    for (const rateLimit of [0, { perSecond: 0 }, { perSecond: -1 }, { perSecond: 1, burst: 0.5 }, 'fast', true]) {
      expect(() => fake.organizations(null, { rateLimit } as never)).toThrow(InputError)
      expect(() => fake.organizations(null, { rateLimit } as never)).toThrow('options.rateLimit')
    }
  })
})
