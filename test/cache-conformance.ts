import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { InputError } from '../src/core/errors.ts'
import { DEFAULT_TTL } from '../src/cache/types.ts'
import type { CacheEntry, CacheOptions, TogglCache } from '../src/cache/types.ts'

export interface ConformanceFeatures {
  /** Entries outlive the instance: a new cache with the same `name` sees them (IndexedDB). */
  persistent?: boolean
}

const ALICE = 'account-alice'
const BOB = 'account-bob'
const HOUR = 3_600_000
const START = Date.UTC(2025, 0, 1)

/**
 * The behaviour every {@link TogglCache} adapter promises. `makeCache` gets options carrying a
 * unique `name` per test and a fake clock; it must honour both.
 */
export function describeCacheConformance(
  label: string,
  makeCache: (options: CacheOptions) => TogglCache | Promise<TogglCache>,
  features: ConformanceFeatures = {},
): void {
  describe(`${label} conformance`, () => {
    let clock = START
    let name = ''
    const opened: TogglCache[] = []

    /** A cache on the test's fake clock and private name; closed after the test. */
    async function cache(options: CacheOptions = {}): Promise<TogglCache> {
      const created = await makeCache({ name, now: () => clock, ...options })
      opened.push(created)
      return created
    }

    let testNumber = 0
    beforeEach(() => {
      clock = START
      // A fresh name per test keeps persistent adapters from seeing an earlier test's entries.
      name = `togglkit-conformance-${label}-${++testNumber}-${Math.random().toString(36).slice(2)}`
    })
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((created) => created.close()))
    })

    it('finds nothing in an empty cache', async () => {
      const subject = await cache()
      expect(await subject.find(ALICE, 'organization:1')).toBeUndefined()
      expect(await subject.entries()).toEqual([])
    })

    it('finds what was put, and a later put replaces it', async () => {
      const subject = await cache()
      await subject.put(ALICE, 'organization:1', { id: 1, name: 'Acme' })
      expect(await subject.find(ALICE, 'organization:1')).toEqual({ id: 1, name: 'Acme' })
      await subject.put(ALICE, 'organization:1', { id: 1, name: 'Acme Ltd' })
      expect(await subject.find(ALICE, 'organization:1')).toEqual({ id: 1, name: 'Acme Ltd' })
    })

    it('round-trips structured-clone types: Dates, nested arrays, null', async () => {
      const subject = await cache()
      const value = { at: new Date(START), tags: [['a'], ['b', 'c']], owner: null, ratio: 0.5 }
      await subject.put(ALICE, 'k', value)
      const found = await subject.find<typeof value>(ALICE, 'k')
      expect(found).toEqual(value)
      expect(found?.at).toBeInstanceOf(Date)
    })

    it('delete removes one key and leaves the others', async () => {
      const subject = await cache()
      await subject.put(ALICE, 'organization:1', 1)
      await subject.put(ALICE, 'organization:2', 2)
      await subject.delete(ALICE, 'organization:1')
      await subject.delete(ALICE, 'never-stored')
      expect(await subject.find(ALICE, 'organization:1')).toBeUndefined()
      expect(await subject.find(ALICE, 'organization:2')).toBe(2)
    })

    it('clear(partition) empties that partition only', async () => {
      const subject = await cache()
      await subject.put(ALICE, 'a', 1)
      await subject.put(ALICE, 'b', 2)
      await subject.put(BOB, 'a', 3)
      // A partition that is a prefix of another must not take the longer one with it.
      await subject.put(`${ALICE}-2`, 'a', 4)
      await subject.clear(ALICE)
      expect(await subject.find(ALICE, 'a')).toBeUndefined()
      expect(await subject.find(ALICE, 'b')).toBeUndefined()
      expect(await subject.find(BOB, 'a')).toBe(3)
      expect(await subject.find(`${ALICE}-2`, 'a')).toBe(4)
    })

    it('clear() empties every partition', async () => {
      const subject = await cache()
      await subject.put(ALICE, 'a', 1)
      await subject.put(BOB, 'a', 2)
      await subject.clear()
      expect(await subject.find(ALICE, 'a')).toBeUndefined()
      expect(await subject.find(BOB, 'a')).toBeUndefined()
      expect(await subject.entries()).toEqual([])
    })

    it('entries() lists what is stored, with storedAt and expiresAt, per partition or all', async () => {
      const subject = await cache({ ttl: HOUR })
      await subject.put(ALICE, 'a', { id: 1 })
      clock += 1000
      await subject.put(BOB, 'b', { id: 2 })
      const alice: CacheEntry = {
        partition: ALICE,
        key: 'a',
        value: { id: 1 },
        storedAt: START,
        expiresAt: START + HOUR,
      }
      const bob: CacheEntry = {
        partition: BOB,
        key: 'b',
        value: { id: 2 },
        storedAt: START + 1000,
        expiresAt: START + 1000 + HOUR,
      }
      expect(await subject.entries(ALICE)).toEqual([alice])
      expect(await subject.entries(BOB)).toEqual([bob])
      expect(byPartitionAndKey(await subject.entries())).toEqual([alice, bob])
      expect(await subject.entries('account-nobody')).toEqual([])
    })

    it('entries expire after ttl on the injected clock, and then are absent everywhere', async () => {
      const subject = await cache({ ttl: HOUR })
      await subject.put(ALICE, 'a', 'fresh')
      clock += HOUR - 1
      expect(await subject.find(ALICE, 'a')).toBe('fresh')
      expect(await subject.entries(ALICE)).toHaveLength(1)
      clock += 1
      expect(await subject.entries(ALICE)).toEqual([])
      expect(await subject.entries()).toEqual([])
      expect(await subject.find(ALICE, 'a')).toBeUndefined()
      // Still absent after a lazy clean-up, and storable again.
      expect(await subject.find(ALICE, 'a')).toBeUndefined()
      await subject.put(ALICE, 'a', 'again')
      expect(await subject.find(ALICE, 'a')).toBe('again')
    })

    it('a new put restarts the expiry clock', async () => {
      const subject = await cache({ ttl: HOUR })
      await subject.put(ALICE, 'a', 1)
      clock += HOUR - 10
      await subject.put(ALICE, 'a', 2)
      clock += HOUR - 10
      expect(await subject.find(ALICE, 'a')).toBe(2)
    })

    it('ttl defaults to one day', async () => {
      const subject = await cache()
      expect(subject.ttl).toBe(DEFAULT_TTL)
      await subject.put(ALICE, 'a', 1)
      clock += DEFAULT_TTL - 1
      expect(await subject.find(ALICE, 'a')).toBe(1)
      clock += 1
      expect(await subject.find(ALICE, 'a')).toBeUndefined()
    })

    it('ttl: 0 stores nothing', async () => {
      const subject = await cache({ ttl: 0 })
      expect(subject.ttl).toBe(0)
      await subject.put(ALICE, 'a', 1)
      expect(await subject.find(ALICE, 'a')).toBeUndefined()
      expect(await subject.entries()).toEqual([])
    })

    it('ttl: Infinity never expires', async () => {
      const subject = await cache({ ttl: Infinity })
      await subject.put(ALICE, 'a', 1)
      clock += 100 * 365 * 24 * HOUR
      expect(await subject.find(ALICE, 'a')).toBe(1)
      expect(await subject.entries(ALICE)).toEqual([
        { partition: ALICE, key: 'a', value: 1, storedAt: START, expiresAt: Infinity },
      ])
    })

    it("one account's entries are never served to another", async () => {
      const subject = await cache()
      await subject.put(ALICE, 'organizations', [{ id: 1 }])
      expect(await subject.find(BOB, 'organizations')).toBeUndefined()
      await subject.put(BOB, 'organizations', [{ id: 2 }])
      expect(await subject.find(ALICE, 'organizations')).toEqual([{ id: 1 }])
      expect(await subject.find(BOB, 'organizations')).toEqual([{ id: 2 }])
      await subject.delete(BOB, 'organizations')
      expect(await subject.find(ALICE, 'organizations')).toEqual([{ id: 1 }])
      expect((await subject.entries(ALICE)).map((entry) => entry.partition)).toEqual([ALICE])
    })

    it('values are copies: mutating the stored or returned object changes nothing', async () => {
      const subject = await cache()
      const original = { id: 1, name: 'Acme', tags: ['a'] }
      const putting = subject.put(ALICE, 'a', original)
      original.name = 'changed before put resolved'
      await putting
      original.tags.push('changed after put')

      const found = await subject.find<typeof original>(ALICE, 'a')
      expect(found).toEqual({ id: 1, name: 'Acme', tags: ['a'] })
      found!.name = 'changed after find'
      const [listed] = await subject.entries(ALICE)
      ;(listed!.value as typeof original).tags.push('c')

      expect(await subject.find(ALICE, 'a')).toEqual({ id: 1, name: 'Acme', tags: ['a'] })
      expect(await subject.find(ALICE, 'a')).not.toBe(await subject.find(ALICE, 'a'))
    })

    it('a value that cannot be structured-cloned is refused with InputError', async () => {
      const subject = await cache()
      await expect(subject.put(ALICE, 'a', { callback: () => 1 })).rejects.toThrow(InputError)
      expect(await subject.find(ALICE, 'a')).toBeUndefined()
    })

    it('bad options throw InputError', async () => {
      const bad: unknown[] = [
        { ttl: -1 },
        { ttl: Number.NaN },
        { ttl: '60000' },
        { name: '' },
        { name: 42 },
        { onWarning: 'console' },
        { now: 1234 },
      ]
      for (const options of bad) {
        await expect(async () => makeCache(options as CacheOptions), JSON.stringify(options)).rejects.toThrow(
          InputError,
        )
      }
    })

    it('close() resolves, and can be called twice', async () => {
      const subject = await cache()
      await subject.put(ALICE, 'a', 1)
      await subject.close()
      await subject.close()
    })

    if (features.persistent) {
      it('a new instance with the same name sees entries while the first is still open', async () => {
        const first = await cache()
        await first.put(ALICE, 'a', { id: 1 })
        const second = await cache()
        expect(await second.find(ALICE, 'a')).toEqual({ id: 1 })
        await second.put(BOB, 'b', 2)
        expect(await first.find(BOB, 'b')).toBe(2)
      })

      it('entries survive closing the cache (a page reload)', async () => {
        const first = await cache({ ttl: HOUR })
        await first.put(ALICE, 'a', { id: 1 })
        await first.close()
        clock += 1000
        const reloaded = await cache({ ttl: HOUR })
        expect(await reloaded.entries(ALICE)).toEqual([
          { partition: ALICE, key: 'a', value: { id: 1 }, storedAt: START, expiresAt: START + HOUR },
        ])
        // Expiry is the one stored, not restarted by reopening.
        clock = START + HOUR
        expect(await reloaded.find(ALICE, 'a')).toBeUndefined()
      })

      it('caches with different names never share entries', async () => {
        const first = await cache()
        await first.put(ALICE, 'a', 1)
        const other = await cache({ name: `${name}-other` })
        expect(await other.find(ALICE, 'a')).toBeUndefined()
      })
    }
  })
}

function byPartitionAndKey(entries: CacheEntry[]): CacheEntry[] {
  const order = (entry: CacheEntry) => `${entry.partition}\u0000${entry.key}`
  return [...entries].sort((a, b) => (order(a) < order(b) ? -1 : 1))
}
