// What StorageCache promises beyond the conformance suite, on any unstorage driver: the documented
// key layout and record format, misses for what it cannot read, and several caches (processes) on
// one store writing at once.
import type { Storage } from 'unstorage'
import { describe, expect, it } from 'vitest'
import { InputError } from '../src/core/errors.ts'
import { createStorageCache } from '../src/storage/index.ts'
import type { StorageCacheOptions } from '../src/storage/options.ts'

const START = Date.UTC(2025, 0, 1)
const HOUR = 3_600_000
/** A partition as endpoints name it: the account's hash and the API's base URL. */
const ACCOUNT = `${'ab12'.repeat(16)}@http://127.0.0.1/api/v9`
const ACCOUNT_SEGMENT = `${'ab12'.repeat(16)}_40http_3a_2f_2f127_2e0_2e0_2e1_2fapi_2fv9`

let names = 0

/**
 * @param atomicWrites whether the driver replaces a value in one step (Redis, memory); the fs driver
 *   writes files in place, so two writers of one key at once can tear it.
 */
export function describeStorageBehaviour(label: string, makeStorage: () => Storage | Promise<Storage>, { atomicWrites }: { atomicWrites: boolean }): void {
  describe(`StorageCache on ${label}`, () => {
    /** A store, and caches on it under one fresh name (so stores shared between tests never meet). */
    async function setup() {
      const storage = await makeStorage()
      const name = `test${++names}${Math.random().toString(36).slice(2, 8)}`
      const open = (options: StorageCacheOptions = {}) => createStorageCache(storage, { name, now: () => START, ...options })
      const stored = async () => (await storage.getKeys(name)).sort()
      return { storage, name, open, stored }
    }

    it('lays keys out as <name>:<partition>:e:<key> and <name>:<partition>:g:<group>:<order>:<write>:<key>', async () => {
      const { storage, name, open, stored } = await setup()
      const cache = open({ ttl: HOUR })
      await cache.put(ACCOUNT, 'w7|/workspaces/7/projects?active=true', { id: 1 })
      await cache.put(ACCOUNT, 'te:1', { id: 2 }, { group: 'te', order: 1.5 })
      const entry = `${name}:${ACCOUNT_SEGMENT}:e:w7_7c_2fworkspaces_2f7_2fprojects_3factive_3dtrue`
      const keys = await stored()
      expect(keys).toEqual([`${name}:${ACCOUNT_SEGMENT}:e:te_3a1`, entry, expect.stringMatching(new RegExp(`^${name}:${ACCOUNT_SEGMENT}:g:te:bff8000000000000:[0-9a-f]{16}:te_3a1$`))])
      expect(await storage.getItem(entry)).toEqual({ format: 1, storedAt: START, expiresAt: START + HOUR, value: { id: 1 } })
      const write = keys[2]!.split(':').at(-2)
      expect(await storage.getItem(keys[0]!)).toEqual({ format: 1, storedAt: START, expiresAt: START + HOUR, group: 'te', order: 1.5, write, value: { id: 2 } })
    })

    it('lets an operator remove one account by its key prefix, leaving the others', async () => {
      const { storage, name, open } = await setup()
      const cache = open()
      await cache.put(ACCOUNT, 'a', 1, { group: 'g', order: 1 })
      await cache.put('other-account', 'a', 2)
      const doomed = await storage.getKeys(`${name}:${ACCOUNT_SEGMENT}`)
      expect(doomed).toHaveLength(2)
      await Promise.all(doomed.map((key) => storage.removeItem(key)))
      expect([await cache.find(ACCOUNT, 'a'), await cache.find('other-account', 'a'), await cache.range(ACCOUNT, 'g')]).toEqual([undefined, 2, []])
    })

    it('writes ±Infinity orders and never-expiring entries as JSON can carry them', async () => {
      const { storage, open, stored } = await setup()
      const cache = open({ ttl: Infinity })
      await cache.put(ACCOUNT, 'running', 1, { group: 'g', order: Infinity })
      await cache.put(ACCOUNT, 'first', 2, { group: 'g', order: -Infinity })
      const records = await Promise.all((await stored()).filter((key) => key.includes(':e:')).map((key) => storage.getItem(key)))
      expect(records).toEqual([
        expect.objectContaining({ expiresAt: null, order: '-Infinity', value: 2 }),
        expect.objectContaining({ expiresAt: null, order: 'Infinity', value: 1 }),
      ])
      expect((await cache.range(ACCOUNT, 'g', { to: Infinity })).map(({ key, order }) => [key, order])).toEqual([['first', -Infinity]])
      expect((await cache.entries(ACCOUNT)).map(({ key, order, expiresAt }) => [key, order, expiresAt]).sort()).toEqual([
        ['first', -Infinity, Infinity],
        ['running', Infinity, Infinity],
      ])
    })

    it('reads a record of another format version, or one that is damaged, as a miss', async () => {
      const { storage, open, stored } = await setup()
      const cache = open()
      const names = ['newer', 'older', 'torn', 'alien']
      await cache.putMany(ACCOUNT, names.map((key, order) => ({ key, value: key, placement: { group: 'g', order } })))
      const keys = await stored()
      const [newer, older, torn, alien] = names.map((key) => keys.find((storageKey) => storageKey.endsWith(`:e:${key}`))!)
      const record = (await storage.getItem<Record<string, unknown>>(newer!))!
      await storage.setItem(newer!, { ...record, format: 2 })
      await storage.setItem(older!, { ...record, format: 0 })
      await storage.setItem(torn!, '{"format":1,"storedAt":1,"expi')
      await storage.setItem(alien!, { format: 1, storedAt: 'yesterday', expiresAt: null, value: 'x' })
      expect(await cache.findMany(ACCOUNT, names)).toEqual([undefined, undefined, undefined, undefined])
      expect(await cache.find(ACCOUNT, 'newer')).toBeUndefined()
      expect(await cache.entries(ACCOUNT)).toEqual([])
      expect(await cache.range(ACCOUNT, 'g')).toEqual([])
      await cache.put(ACCOUNT, 'newer', 'rewritten', { group: 'g', order: 0 })
      expect((await cache.range(ACCOUNT, 'g')).map(({ value }) => value)).toEqual(['rewritten'])
    })

    it('refuses with InputError what JSON would not give back as it was, storing nothing', async () => {
      const { open, stored } = await setup()
      const cache = open()
      const cyclic: Record<string, unknown> = {}
      cyclic.self = cyclic
      for (const value of [new Map([[1, 2]]), new Set([1]), Number.NaN, Infinity, 10n, Symbol('s'), [1, undefined], { nested: { when: Number.POSITIVE_INFINITY } }, cyclic, new (class Model {})()]) {
        await expect(cache.put(ACCOUNT, 'k', value), String(typeof value)).rejects.toThrow(InputError)
      }
      expect(await stored()).toEqual([])
      await cache.put(ACCOUNT, 'k', { kept: 1, dropped: undefined })
      expect(await cache.find(ACCOUNT, 'k')).toEqual({ kept: 1 })
    })

    it('range drops an index key once its entry moved, left the group or was deleted', async () => {
      const { open, stored } = await setup()
      const cache = open()
      const indexKeys = async () => (await stored()).filter((key) => key.includes(':g:'))
      await cache.put(ACCOUNT, 'a', 1, { group: 'g', order: 1 })
      await cache.put(ACCOUNT, 'a', 2, { group: 'g', order: 2 })
      await cache.put(ACCOUNT, 'a', 3, { group: 'g', order: 2 })
      await cache.put(ACCOUNT, 'b', 1, { group: 'g', order: 5 })
      await cache.put(ACCOUNT, 'b', 'loose')
      await cache.put(ACCOUNT, 'c', 1, { group: 'g', order: 6 })
      await cache.delete(ACCOUNT, 'c')
      expect(await indexKeys()).toHaveLength(5)
      expect((await cache.range(ACCOUNT, 'g')).map(({ key, value, order }) => [key, value, order])).toEqual([['a', 3, 2]])
      expect(await indexKeys()).toHaveLength(1)
      // A range over part of the group leaves the rest for later.
      await cache.put(ACCOUNT, 'a', 4, { group: 'g', order: 3 })
      await cache.put(ACCOUNT, 'z', 1, { group: 'g', order: 50 })
      await cache.put(ACCOUNT, 'z', 2, { group: 'g', order: 60 })
      expect((await cache.range(ACCOUNT, 'g', { to: 10 })).map(({ key }) => key)).toEqual(['a'])
      expect(await indexKeys()).toHaveLength(3)
      // deleteByPrefix takes the index keys of what it deletes along.
      await cache.deleteByPrefix(ACCOUNT, ['z'])
      expect(await indexKeys()).toHaveLength(1)
    })

    it('two caches on one store (two processes) see each other’s writes, deletions and moves at once', async () => {
      const { open } = await setup()
      const [first, second] = [open(), open()]
      await first.put(ACCOUNT, 'organization:1', { name: 'Acme' }, { group: 'orgs', order: 1 })
      expect(await second.find(ACCOUNT, 'organization:1')).toEqual({ name: 'Acme' })
      await second.put(ACCOUNT, 'organization:1', { name: 'Acme Ltd' }, { group: 'orgs', order: 7 })
      expect(await first.range(ACCOUNT, 'orgs')).toEqual([expect.objectContaining({ key: 'organization:1', value: { name: 'Acme Ltd' }, order: 7 })])
      await second.deleteByPrefix(ACCOUNT, ['organization:'])
      expect([await first.find(ACCOUNT, 'organization:1'), await first.range(ACCOUNT, 'orgs'), await first.keys(ACCOUNT)]).toEqual([undefined, [], []])
    })

    it('stays consistent when two caches rewrite the same entries at once: each listed once, where its record says', async () => {
      const { open } = await setup()
      const [first, second] = [open(), open()]
      const keys = ['a', 'b', 'c', 'd']
      const rounds = Array.from({ length: 8 }, (_, round) => round)
      await Promise.all(
        rounds.flatMap((round) => [
          first.putMany(ACCOUNT, keys.map((key, index) => ({ key, value: `first-${round}`, placement: { group: 'g', order: index * 10 + round } }))),
          second.putMany(ACCOUNT, keys.map((key, index) => ({ key, value: `second-${round}`, placement: { group: 'g', order: index * 10 + round + 0.5 } }))),
          // A range among the writes may miss a key being rewritten, but never lists one twice.
          first.range(ACCOUNT, 'g').then((listed) => expect(new Set(listed.map(({ key }) => key)).size).toBe(listed.length)),
        ]),
      )
      const listed = await second.range(ACCOUNT, 'g')
      if (atomicWrites) expect(listed.map(({ key }) => key)).toEqual(keys)
      for (const key of keys) {
        const entry = listed.find((listedEntry) => listedEntry.key === key)
        // A record torn by two writers at once reads as a miss everywhere, never as a value.
        if (entry === undefined) {
          expect(await first.find(ACCOUNT, key)).toBeUndefined()
          continue
        }
        const [writer, round] = String(entry.value).split('-')
        expect([key, entry.order]).toEqual([key, keys.indexOf(key) * 10 + Number(round) + (writer === 'second' ? 0.5 : 0)])
        expect(await first.find(ACCOUNT, key)).toEqual(entry.value)
      }
    })

    it('clear() removes only this cache’s keys from a store others use too', async () => {
      const { storage, name, open } = await setup()
      await storage.setItem(`${name}x:mine`, 'not the cache’s')
      await storage.setItem(`${name}-other:data`, 'neither')
      const cache = open()
      const other = createStorageCache(storage, { name: `${name}y`, now: () => START })
      await cache.put(ACCOUNT, 'a', 1)
      await other.put(ACCOUNT, 'a', 2)
      await cache.clear()
      expect([await cache.find(ACCOUNT, 'a'), await other.find(ACCOUNT, 'a')]).toEqual([undefined, 2])
      expect([await storage.getItem(`${name}x:mine`), await storage.getItem(`${name}-other:data`)]).toEqual(['not the cache’s', 'neither'])
    })
  })
}
