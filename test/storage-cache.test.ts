import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createStorage, type Storage } from 'unstorage'
import fsDriver from 'unstorage/drivers/fs'
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest'
import { InputError } from '../src/core/errors.ts'
import { DEMO_ACCOUNT } from '../src/mock/index.ts'
import { createStorageCache, StorageCache } from '../src/storage/index.ts'
import type { StorageCacheOptions } from '../src/storage/options.ts'
import { describeCacheConformance } from './cache-conformance.ts'
import { startFake } from './support/fake.ts'
import { describeStorageBehaviour } from './storage-behaviour.ts'

const memory = createStorage()
const directory = mkdtempSync(join(tmpdir(), 'togglkit-storage-'))
const files = createStorage({ driver: fsDriver({ base: directory }) })
afterAll(() => rmSync(directory, { recursive: true, force: true }))

describeCacheConformance('StorageCache (unstorage memory)', (options) => createStorageCache(memory, options), { persistent: true, values: 'json' })
describeCacheConformance('StorageCache (unstorage fs)', (options) => createStorageCache(files, options), { persistent: true, values: 'json' })
describeStorageBehaviour('unstorage memory', () => createStorage(), { atomicWrites: true })
describeStorageBehaviour('unstorage fs', () => createStorage({ driver: fsDriver({ base: mkdtempSync(join(directory, 'behaviour-')) }) }), { atomicWrites: false })

afterEach(() => {
  vi.restoreAllMocks()
})

describe('createStorageCache', () => {
  it('refuses what is not an unstorage Storage, and bad options, with InputError', () => {
    for (const storage of [undefined, null, {}, new Map(), 'redis://127.0.0.1']) {
      expect(() => createStorageCache(storage as unknown as Storage), String(storage)).toThrow(InputError)
    }
    const bad: unknown[] = [{ timeout: 0 }, { timeout: '100' }, { timeout: Number.NaN }, { retryAfter: -1 }, { retryAfter: Infinity }, { ttl: -1 }]
    for (const options of bad) {
      expect(() => createStorageCache(createStorage(), options as StorageCacheOptions), JSON.stringify(options)).toThrow(InputError)
    }
    expect(createStorageCache(createStorage(), { timeout: Infinity, retryAfter: 0 })).toBeInstanceOf(StorageCache)
  })

  it('is not trusted (other processes write the store) and keeps the store reachable', () => {
    const storage = createStorage()
    const cache = createStorageCache(storage)
    expect(cache.trusted).toBe(false)
    expect(cache.storage).toBe(storage)
  })

  it('passes the ttl to the driver in whole seconds (rounded up), and none for Infinity', async () => {
    const storage = createStorage()
    const setItems = vi.spyOn(storage, 'setItems')
    await createStorageCache(storage, { ttl: 1_500 }).put('p', 'k', 1, { group: 'g', order: 1 })
    await createStorageCache(storage, { ttl: Infinity }).put('p', 'k', 1)
    expect(setItems.mock.calls.map(([items, options]) => [items.length, options])).toEqual([
      [1, { ttl: 2 }],
      [1, { ttl: 2 }],
      [1, {}],
    ])
  })

  it('refuses a placement it cannot file, with InputError, storing nothing', async () => {
    const cache = createStorageCache(createStorage())
    for (const placement of [{ group: 1, order: 1 }, { group: 'g', order: Number.NaN }, { group: 'g' }]) {
      await expect(cache.put('p', 'k', 1, placement as never), JSON.stringify(placement)).rejects.toThrow(InputError)
    }
    expect(await cache.keys('p')).toEqual([])
  })
})

describe('StorageCache with endpoints', () => {
  it('stores no credential: neither the token nor the Authorization header is in any key or value', async () => {
    const token = 'f0e1d2c3b4a5968778695a4b3c2d1e0f'
    const fake = await startFake({ accounts: [{ ...DEMO_ACCOUNT, apiToken: token }], organizations: [{ name: 'Acme', memberIds: [DEMO_ACCOUNT.id] }] })
    const storage = createStorage()
    const organizations = fake.organizations(createStorageCache(storage))
    const [acme] = await organizations.collect()
    await organizations.get(acme!.id, { refresh: true })
    const dump = JSON.stringify(await Promise.all((await storage.getKeys()).map(async (key) => [key, await storage.getItemRaw(key)])))
    expect(dump).toContain('Acme')
    for (const secret of [token, btoa(`${token}:api_token`), 'api_token']) expect(dump).not.toContain(secret)
  })

  it('serves a later endpoint, on a cache of its own over the same store, without a request', async () => {
    const fake = await startFake({ organizations: [{ name: 'Acme', memberIds: [DEMO_ACCOUNT.id] }] })
    const storage = createStorage()
    const [acme] = await fake.organizations(createStorageCache(storage)).collect()
    const sent = fake.sent()
    const other = fake.organizations(createStorageCache(storage))
    expect(await other.get(acme!.id)).toEqual(acme)
    expect(await other.collect()).toEqual([acme])
    expect(fake.sent()).toBe(sent)
  })
})

describe('StorageCache when the store fails', () => {
  const METHODS = ['getItem', 'getItems', 'setItems', 'removeItem', 'getKeys'] as const

  /** A memory store behind a switch: up, failing every call, or never answering. */
  function switchable() {
    const store = createStorage()
    let mode: 'up' | 'failing' | 'hanging' = 'up'
    let calls = 0
    const storage: Storage = { ...store }
    for (const method of METHODS) {
      const original = store[method] as (...args: unknown[]) => Promise<unknown>
      ;(storage as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
        calls++
        if (mode === 'failing') return Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:6379'))
        if (mode === 'hanging') return new Promise(() => {})
        return original(...args)
      }
    }
    let clock = START
    const warnings: string[] = []
    const open = () => createStorageCache(storage, { now: () => clock, timeout: 20, retryAfter: 1_000, onWarning: (message) => warnings.push(message) })
    return {
      store,
      open,
      /** Another process's cache on the same store, which never fails. */
      other: () => createStorageCache(store, { now: () => clock }),
      warnings,
      switchTo: (next: typeof mode) => (mode = next),
      calls: () => calls,
      advance: (ms: number) => (clock += ms),
    }
  }
  const START = Date.UTC(2025, 0, 1)

  it('fails no call: reads miss, writes are skipped, one warning, and the store is left alone for retryAfter', async () => {
    const { open, warnings, switchTo, calls, advance } = switchable()
    const cache = open()
    await cache.put('p', 'k', 1, { group: 'g', order: 1 })
    switchTo('failing')
    expect(await cache.find('p', 'k')).toBeUndefined()
    const afterFailure = calls()
    expect([await cache.findMany('p', ['k']), await cache.keys('p'), await cache.range('p', 'g'), await cache.entries()]).toEqual([[undefined], [], [], []])
    await cache.put('p', 'k', 2)
    await cache.delete('p', 'k')
    await cache.deleteByPrefix('p', ['k'])
    await cache.clear()
    expect(calls()).toBe(afterFailure)
    expect(warnings).toEqual(['the store failed: reading failed, treated as a miss; the cache is bypassed for 1000 ms, then tried again'])
    advance(1_000)
    expect(await cache.find('p', 'k')).toBeUndefined()
    expect(calls()).toBe(afterFailure + 1)
    expect(warnings).toHaveLength(1)
  })

  it('answers within the timeout when the store hangs', async () => {
    const { open, warnings, switchTo } = switchable()
    const cache = open()
    await cache.put('p', 'k', 1)
    switchTo('hanging')
    expect(await cache.find('p', 'k')).toBeUndefined()
    expect(warnings).toEqual([expect.stringMatching(/^the store did not answer within 20 ms: reading failed/)])
  })

  it('applies the deletions it missed before anything else once the store answers, for every cache on it', async () => {
    const { open, other: otherCache, switchTo, advance } = switchable()
    const cache = open()
    const other = otherCache()
    await cache.putMany('p', ['organization:1', 'w7|/projects', 'w8|/projects', 'kept'].map((key) => ({ key, value: key })))
    await cache.put('q', 'k', 'other partition')
    switchTo('failing')
    await cache.delete('p', 'organization:1')
    await cache.deleteByPrefix('p', ['w7|'])
    expect(await other.find('p', 'organization:1')).toBe('organization:1')
    switchTo('up')
    advance(1_000)
    expect(await cache.find('p', 'kept')).toBe('kept')
    expect(await other.keys('p')).toEqual(['kept', 'w8|/projects'])
    expect(await other.find('q', 'k')).toBe('other partition')
  })

  it('a write it could not make drops the key once the store answers: the older value is never served', async () => {
    const { open, other, switchTo, advance } = switchable()
    const cache = open()
    await cache.put('p', 'organization:1', { name: 'Acme' })
    switchTo('failing')
    await cache.put('p', 'organization:1', { name: 'Acme Renamed' })
    switchTo('up')
    advance(1_000)
    expect(await cache.find('p', 'organization:1')).toBeUndefined()
    expect(await other().find('p', 'organization:1')).toBeUndefined()
  })

  it('clear() missed while out clears every partition once the store answers', async () => {
    const { open, other, switchTo, advance } = switchable()
    const cache = open()
    await cache.put('p', 'a', 1)
    await cache.put('q', 'b', 2)
    switchTo('failing')
    await cache.clear()
    switchTo('up')
    advance(1_000)
    expect(await cache.entries()).toEqual([])
    expect(await other().entries()).toEqual([])
  })

  it('remembers at most 1000 missed keys per partition, then deletes the whole partition instead', async () => {
    const { open, other, switchTo, advance } = switchable()
    const cache = open()
    await cache.put('p', 'unrelated', 1)
    await cache.put('q', 'kept', 1)
    switchTo('failing')
    await cache.find('p', 'x')
    for (let batch = 0; batch < 11; batch++) await cache.deleteMany('p', Array.from({ length: 100 }, (_, index) => `k${batch}-${index}`))
    switchTo('up')
    advance(1_000)
    expect(await other().keys('p')).toEqual(['unrelated'])
    expect(await cache.keys('p')).toEqual([])
    expect(await cache.keys('q')).toEqual(['kept'])
  })
})
