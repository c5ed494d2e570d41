import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { InputError } from '../src/core/errors.ts'
import { DEFAULT_TTL } from '../src/cache/types.ts'
import type { CacheEntry, CacheOptions, TogglCache } from '../src/cache/types.ts'

export interface ConformanceFeatures {
  /** Entries outlive the instance: a new cache with the same `name` sees them (IndexedDB). */
  persistent?: boolean
  /**
   * How values are kept: as structured clones (a Date comes back a Date) or as JSON (a Date comes
   * back as its ISO string, as a store other processes read must keep it).
   * @default 'structured-clone'
   */
  values?: 'structured-clone' | 'json'
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

    it('round-trips nested arrays and objects, null, numbers, booleans and strings', async () => {
      const subject = await cache()
      const value = { tags: [['a'], ['b', 'c']], owner: null, ratio: 0.5, negative: -7, active: false, name: 'Ünïcødé 😀', nested: { deep: [{}] } }
      await subject.put(ALICE, 'k', value)
      expect(await subject.find(ALICE, 'k')).toEqual(value)
      await subject.put(ALICE, 'k', 'plain')
      expect(await subject.find(ALICE, 'k')).toBe('plain')
    })

    if (features.values === 'json') {
      it('stores values as JSON: a Date comes back as its ISO string', async () => {
        const subject = await cache()
        await subject.put(ALICE, 'k', { at: new Date(START) })
        expect(await subject.find(ALICE, 'k')).toEqual({ at: new Date(START).toISOString() })
      })
    } else {
      it('round-trips structured-clone types: a Date comes back a Date', async () => {
        const subject = await cache()
        await subject.put(ALICE, 'k', { at: new Date(START) })
        const found = await subject.find<{ at: Date }>(ALICE, 'k')
        expect(found).toEqual({ at: new Date(START) })
        expect(found?.at).toBeInstanceOf(Date)
      })
    }

    it('takes any string as a key or a partition, and keeps each apart', async () => {
      const subject = await cache()
      // Separators, dots, case, a trailing $, empty, non-BMP, a lone surrogate, and longer than a file name may be.
      const keys = ['a:b', 'a/b', 'a\\b', 'a?b', '.', '..', 'A', 'a', 'a$', '', 'x'.repeat(600), 'ü😀', '\ud800', 'a b', 'a_62', 'ab', '_', '-', 'a-']
      await subject.putMany(ALICE, keys.map((key, index) => ({ key, value: index })))
      expect(await subject.findMany(ALICE, keys)).toEqual(keys.map((_, index) => index))
      expect(await subject.keys(ALICE)).toEqual([...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)))
      const partitions = [`${'f'.repeat(64)}@https://toggl.example/api/v9`, 'P', 'p', 'p:e', '']
      for (const [index, partition] of partitions.entries()) await subject.put(partition, 'k', index)
      for (const [index, partition] of partitions.entries()) expect(await subject.find(partition, 'k'), partition).toBe(index)
      await subject.clear('p')
      expect(await subject.find('p', 'k')).toBeUndefined()
      expect(await subject.find('p:e', 'k')).toBe(3)
      expect(await subject.find('P', 'k')).toBe(1)
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

    it('a write with a ttl of its own stays that long, and a later plain put gives it the cache ttl again', async () => {
      const subject = await cache({ ttl: HOUR })
      await subject.putMany(ALICE, [
        { key: 'member:1', value: { id: 1 }, ttl: 2 * HOUR },
        { key: 'member:2', value: { id: 2 }, ttl: Infinity, placement: { group: 'members', order: 2 } },
        { key: 'listing', value: true },
      ])
      clock += HOUR
      expect(await subject.findMany(ALICE, ['member:1', 'member:2', 'listing'])).toEqual([{ id: 1 }, { id: 2 }, undefined])
      expect((await subject.range(ALICE, 'members')).map(({ key, expiresAt }) => [key, expiresAt])).toEqual([['member:2', Infinity]])
      expect(byPartitionAndKey(await subject.entries(ALICE))).toEqual([
        { partition: ALICE, key: 'member:1', value: { id: 1 }, storedAt: START, expiresAt: START + 2 * HOUR },
        { partition: ALICE, key: 'member:2', value: { id: 2 }, storedAt: START, expiresAt: Infinity, group: 'members', order: 2 },
      ])
      clock += HOUR
      expect(await subject.find(ALICE, 'member:1')).toBeUndefined()
      await subject.put(ALICE, 'member:2', { id: 2, renamed: true })
      clock += HOUR
      expect(await subject.entries(ALICE)).toEqual([])
      expect(await subject.range(ALICE, 'members')).toEqual([])
    })

    it('a write with a ttl of its own stores nothing while the cache ttl is 0; a bad one is refused with InputError', async () => {
      const none = await cache({ ttl: 0 })
      await none.putMany(ALICE, [{ key: 'a', value: 1, ttl: HOUR }])
      expect(await none.entries()).toEqual([])
      const subject = await cache()
      for (const ttl of [0, -1, Number.NaN, '60000']) {
        await expect(subject.putMany(ALICE, [{ key: 'a', value: 1, ttl: ttl as number }]), String(ttl)).rejects.toThrow(InputError)
      }
      expect(await subject.entries()).toEqual([])
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

    it('a value nested too deeply to copy is not stored: put resolves, onWarning is told, nothing of the batch is kept', async () => {
      const warnings: string[] = []
      const subject = await cache({ onWarning: (message) => warnings.push(message) })
      const deep = JSON.parse('['.repeat(10_000) + ']'.repeat(10_000)) as unknown
      await subject.putMany(ALICE, ['a', 'b', 'c'].map((key) => ({ key, value: 'older' })))
      await subject.put(ALICE, 'a', deep)
      await subject.putMany(ALICE, [
        { key: 'b', value: 1 },
        { key: 'c', value: { nested: deep } },
      ])
      expect(warnings).toEqual([expect.stringContaining('"a" nests over 100 levels deep'), expect.stringContaining('"c" nests over 100 levels deep')])
      // What the keys held before is older than the refused values, so it is gone too.
      expect(await subject.findMany(ALICE, ['a', 'b', 'c'])).toEqual([undefined, undefined, undefined])
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

    it('findMany answers each key in order, a miss as undefined, expired ones included', async () => {
      const subject = await cache({ ttl: HOUR })
      await subject.put(ALICE, 'a', { id: 1 })
      clock += HOUR / 2
      await subject.put(ALICE, 'b', null)
      await subject.put(BOB, 'c', 3)
      expect(await subject.findMany(ALICE, ['b', 'missing', 'a', 'c'])).toEqual([null, undefined, { id: 1 }, undefined])
      clock += HOUR / 2
      expect(await subject.findMany(ALICE, ['a', 'b'])).toEqual([undefined, null])
      expect(await subject.findMany(ALICE, [])).toEqual([])
    })

    it('putMany stores each value as put would, and deleteMany removes each key', async () => {
      const subject = await cache()
      await subject.putMany(ALICE, [
        { key: 'a', value: { id: 1 } },
        { key: 'b', value: [2] },
        { key: 'a', value: { id: 3 } },
      ])
      expect(await subject.findMany(ALICE, ['a', 'b'])).toEqual([{ id: 3 }, [2]])
      await subject.putMany(ALICE, [])
      await subject.deleteMany(ALICE, ['a', 'never-stored'])
      await subject.deleteMany(ALICE, [])
      expect(await subject.findMany(ALICE, ['a', 'b'])).toEqual([undefined, [2]])
    })

    it('putMany refuses a value it cannot clone without storing any of the others', async () => {
      const subject = await cache()
      await expect(
        subject.putMany(ALICE, [
          { key: 'a', value: 1 },
          { key: 'b', value: () => {} },
        ]),
      ).rejects.toBeInstanceOf(InputError)
      expect(await subject.find(ALICE, 'a')).toBeUndefined()
    })

    it('keys(prefix) lists the keys that start with it, in order, per partition', async () => {
      const subject = await cache({ ttl: HOUR })
      await subject.putMany(ALICE, ['w7|b', 'w7|a', 'w70|a', 'w8|a', 'w7|', 'o5|x'].map((key) => ({ key, value: key })))
      await subject.put(BOB, 'w7|c', 1)
      expect(await subject.keys(ALICE, 'w7|')).toEqual(['w7|', 'w7|a', 'w7|b'])
      expect(await subject.keys(ALICE, 'w7')).toEqual(['w70|a', 'w7|', 'w7|a', 'w7|b'])
      expect(await subject.keys(ALICE)).toEqual(['o5|x', 'w70|a', 'w7|', 'w7|a', 'w7|b', 'w8|a'])
      expect(await subject.keys(ALICE, 'nothing')).toEqual([])
      expect(await subject.keys('nobody', '')).toEqual([])
      await subject.put(ALICE, 'w7|z', 1)
      await subject.delete(ALICE, 'w7|a')
      expect(await subject.keys(ALICE, 'w7|')).toEqual(['w7|', 'w7|b', 'w7|z'])
    })

    it('deleteByPrefix removes every key under each prefix, nothing else, in that partition only', async () => {
      const subject = await cache()
      await subject.putMany(ALICE, ['w7|b', 'w7|a', 'w70|a', 'w8|a', 'o5|x', 'o5', 'z\uffff\uffff', 'z\uffffy'].map((key) => ({ key, value: key, placement: { group: 'g', order: 1 } })))
      await subject.put(BOB, 'w7|c', 1)
      await subject.deleteByPrefix(ALICE, ['w7|', 'o5|', 'z\uffff\uffff', 'nothing'])
      expect(await subject.keys(ALICE)).toEqual(['o5', 'w70|a', 'w8|a', 'z\uffffy'])
      expect((await subject.range(ALICE, 'g')).map(({ key }) => key)).toEqual(['o5', 'w70|a', 'w8|a', 'z\uffffy'])
      expect(await subject.keys(BOB)).toEqual(['w7|c'])
      await subject.deleteByPrefix(ALICE, [])
      await subject.deleteByPrefix(ALICE, [''])
      expect(await subject.keys(ALICE)).toEqual([])
      expect(await subject.find(BOB, 'w7|c')).toBe(1)
    })

    it('deleteByPrefix with many prefixes, most with nothing under them, among keys that fall between them', async () => {
      const subject = await cache()
      // Organizations 1…300 and their workspaces (w1000…): a few hold cached reads, models sit between the two runs.
      const kept = ['organization:1', 'organizations', 'o2', 'o3|', 'p|x', 'time_entry:9', 'w1002|', 'workspace:1000', '\uffff']
      const doomed = ['o1|/organizations/1/users', 'o10|/groups', 'o299|a', 'o299|b', 'w1000|/projects', 'w1000|/tags', 'w1299|x', 'z\uffff\uffffq']
      await subject.putMany(ALICE, [...kept, ...doomed].map((key) => ({ key, value: key })))
      await subject.put(BOB, 'o1|/organizations/1/users', 'bob')
      const prefixes = Array.from({ length: 300 }, (_, index) => [`o${index + 1}|`, `w${index + 1000}|`]).flat()
      prefixes.splice(prefixes.indexOf('o3|'), 1)
      prefixes.splice(prefixes.indexOf('w1002|'), 1)
      // Duplicates and extensions of other prefixes change nothing.
      await subject.deleteByPrefix(ALICE, [...prefixes, 'o10|/gr', 'w1000|', 'z\uffff\uffff', 'zz'])
      expect(await subject.keys(ALICE)).toEqual([...kept].sort())
      expect(await subject.find(BOB, 'o1|/organizations/1/users')).toBe('bob')
    })

    it('keys(prefix) takes prefixes with characters at the end of the code-unit range', async () => {
      const subject = await cache()
      const keys = ['a\uffff', 'a\uffff\uffff', 'a\uffffb', 'b', 'a\ud83d\ude00']
      await subject.putMany(ALICE, keys.map((key) => ({ key, value: 1 })))
      expect(await subject.keys(ALICE, 'a\uffff')).toEqual(['a\uffff', 'a\uffffb', 'a\uffff\uffff'])
      expect(await subject.keys(ALICE, 'a\ud83d')).toEqual(['a\ud83d\ude00'])
    })

    it('range reads a group in order (ties by key), within [from, to), up to a limit', async () => {
      const subject = await cache()
      const placed = (key: string, order: number) => ({ key, value: { key }, placement: { group: 'te', order } })
      await subject.putMany(ALICE, [placed('te:3', 30), placed('te:1', 10), placed('te:2b', 20), placed('te:2a', 20), placed('te:4', -5)])
      await subject.put(ALICE, 'te:loose', 1)
      await subject.put(ALICE, 'p:1', 1, { group: 'projects', order: 15 })
      await subject.put(BOB, 'te:9', 1, { group: 'te', order: 15 })
      const keysOf = (entries: CacheEntry[]) => entries.map(({ key }) => key)
      expect(keysOf(await subject.range(ALICE, 'te'))).toEqual(['te:4', 'te:1', 'te:2a', 'te:2b', 'te:3'])
      expect(keysOf(await subject.range(ALICE, 'te', { from: 10, to: 30 }))).toEqual(['te:1', 'te:2a', 'te:2b'])
      expect(keysOf(await subject.range(ALICE, 'te', { from: 11, limit: 2 }))).toEqual(['te:2a', 'te:2b'])
      expect(keysOf(await subject.range(ALICE, 'te', { from: 20, to: 20 }))).toEqual([])
      expect(keysOf(await subject.range(ALICE, 'te', { limit: 0 }))).toEqual([])
      expect(keysOf(await subject.range(ALICE, 'none'))).toEqual([])
      const [first] = await subject.range(ALICE, 'te', { limit: 1 })
      expect(first).toEqual({ partition: ALICE, key: 'te:4', value: { key: 'te:4' }, storedAt: START, expiresAt: START + DEFAULT_TTL, group: 'te', order: -5 })
    })

    it('range follows an entry that moves, leaves the group, is deleted or expires', async () => {
      const subject = await cache({ ttl: HOUR })
      await subject.put(ALICE, 'a', 1, { group: 'g', order: 1 })
      await subject.put(ALICE, 'b', 2, { group: 'g', order: 2 })
      await subject.put(ALICE, 'c', 3, { group: 'g', order: 3 })
      await subject.put(ALICE, 'a', 'moved', { group: 'g', order: 4 })
      await subject.put(ALICE, 'b', 'left the group')
      const keysOf = async () => (await subject.range(ALICE, 'g')).map(({ key, value }) => [key, value])
      expect(await keysOf()).toEqual([['c', 3], ['a', 'moved']])
      await subject.delete(ALICE, 'c')
      expect(await keysOf()).toEqual([['a', 'moved']])
      clock += HOUR
      expect(await keysOf()).toEqual([])
      await subject.put(ALICE, 'a', 'back', { group: 'g', order: 1 })
      expect(await keysOf()).toEqual([['a', 'back']])
      await subject.clear(ALICE)
      expect(await keysOf()).toEqual([])
    })

    it('range takes ±Infinity as an order and as bounds', async () => {
      const subject = await cache()
      await subject.put(ALICE, 'running', 1, { group: 'g', order: Infinity })
      await subject.put(ALICE, 'first', 1, { group: 'g', order: -Infinity })
      await subject.put(ALICE, 'middle', 1, { group: 'g', order: 0 })
      expect((await subject.range(ALICE, 'g', { from: -Infinity, to: Infinity })).map(({ key }) => key)).toEqual(['first', 'middle'])
      expect((await subject.range(ALICE, 'g', { from: 1 })).map(({ key }) => key)).toEqual([])
      expect((await subject.range(ALICE, 'g')).map(({ key }) => key)).toEqual(['first', 'middle'])
    })

    it('ttl: 0 stores nothing through putMany either', async () => {
      const subject = await cache({ ttl: 0 })
      await subject.putMany(ALICE, [{ key: 'a', value: 1, placement: { group: 'g', order: 1 } }])
      expect([await subject.find(ALICE, 'a'), await subject.keys(ALICE), await subject.range(ALICE, 'g')]).toEqual([undefined, [], []])
    })

    it('lock(name) runs the tasks of one name one at a time, others meanwhile, and goes on after a failure', async () => {
      const subject = await cache()
      expect(typeof subject.lock).toBe('function')
      const log: string[] = []
      const task = (label: string, fail = false) => async () => {
        log.push(`${label}+`)
        await new Promise((resolve) => setTimeout(resolve, 20))
        log.push(`${label}-`)
        if (fail) throw new Error(label)
        return label
      }
      const results = await Promise.allSettled([subject.lock!('sync:a', task('a1', true)), subject.lock!('sync:a', task('a2')), subject.lock!('sync:b', task('b'))])
      expect(results.map((result) => (result.status === 'fulfilled' ? result.value : 'failed'))).toEqual(['failed', 'a2', 'b'])
      expect(log.indexOf('a2+')).toBeGreaterThan(log.indexOf('a1-'))
      expect(log.indexOf('b+')).toBeLessThan(log.indexOf('a1-'))
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
