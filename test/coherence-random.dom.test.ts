// The randomized two-tab run (test/support/coherence-run.ts) with two IndexedDbCache instances on one
// database (fake-indexeddb), as two tabs of an origin share one.
import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { IndexedDbCache } from '../src/index.ts'
import { runTwoTabs } from './support/coherence-run.ts'

const SEEDS = [11, 12, 13, 14]
const STEPS = 100

describe('two IndexedDB caches on one database, a hundred concurrent operations, then a sync', () => {
  it.each(SEEDS)('seed %i: neither holds a stale copy of what a tab wrote, and after a sync each holds what Toggl has', async (seed) => {
    expect(await runTwoTabs(seed, STEPS, (name) => new IndexedDbCache({ name }))).toEqual({ stale: [], divergences: [] })
  }, 60_000)
})
