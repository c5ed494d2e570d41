// The randomized two-tab run (test/support/coherence-run.ts) with two memory caches of one name.
import { describe, expect, it } from 'vitest'
import { MemoryCache } from '../src/index.ts'
import { runTwoTabs } from './support/coherence-run.ts'

const SEEDS = [1, 2, 3, 4, 5, 6]
const STEPS = 120

describe('two memory caches of one name, a hundred concurrent operations, then a sync', () => {
  it.each(SEEDS)('seed %i: neither holds a stale copy of what a tab wrote, and after a sync each holds what Toggl has', async (seed) => {
    expect(await runTwoTabs(seed, STEPS, (name) => new MemoryCache({ name }))).toEqual({ stale: [], divergences: [] })
  }, 30_000)

  it('with the caches deaf to each other, a tab holds stale copies of what the other wrote (so the check can fail)', async () => {
    let stale = 0
    for (const seed of SEEDS.slice(0, 3)) stale += (await runTwoTabs(seed, STEPS, (name) => new MemoryCache({ name }), false)).stale.length
    expect(stale).toBeGreaterThan(0)
  }, 60_000)
})
