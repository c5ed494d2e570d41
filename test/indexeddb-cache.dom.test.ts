import 'fake-indexeddb/auto'
import { forceCloseDatabase } from 'fake-indexeddb'
import { openDB } from 'idb'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { IndexedDbCache } from '../src/cache/index.ts'
import { FORMAT_VERSION } from '../src/cache/idb-schema.ts'
import { describeCacheConformance } from './cache-conformance.ts'
import {
  captureConnections,
  deleteDatabase,
  describeIndexedDbBehaviour,
  failOnWarning,
  persistentCache,
  uniqueName,
} from './indexeddb-behaviour.ts'

describeCacheConformance('IndexedDbCache (fake-indexeddb)', persistentCache, { persistent: true })
describeIndexedDbBehaviour('IndexedDbCache (fake-indexeddb)')

// What only fake-indexeddb under Vitest's module runner can show: format bumps need vi.doMock to
// re-evaluate a module, which native ES modules in a browser do not allow, and only
// fake-indexeddb lets a test end a connection the way the browser does.

afterEach(() => {
  vi.restoreAllMocks()
})

describe('IndexedDbCache format versions', () => {
  /** IndexedDbCache as it would be built with a later FORMAT_VERSION. */
  async function importWithFormatVersion(version: number): Promise<typeof IndexedDbCache> {
    vi.resetModules()
    vi.doMock('../src/cache/idb-schema.ts', async (importOriginal) => ({
      ...(await importOriginal<typeof import('../src/cache/idb-schema.ts')>()),
      FORMAT_VERSION: version,
    }))
    try {
      // The store module is loaded now, while the mock holds; the cache's own import() then finds it.
      await import('../src/cache/idb-store.ts')
      return (await import('../src/cache/indexeddb.ts')).IndexedDbCache
    } finally {
      vi.doUnmock('../src/cache/idb-schema.ts')
    }
  }

  it('a format bump discards what the old format stored instead of misreading it', async () => {
    const name = uniqueName()
    const old = new IndexedDbCache({ name, ttl: Infinity, onWarning: failOnWarning })
    await old.put('p', 'k', 'stored by this format')
    await old.close()
    const legacy = await openDB(name, FORMAT_VERSION)
    expect(legacy.objectStoreNames.contains('entries')).toBe(true)
    legacy.close()

    const FutureIndexedDbCache = await importWithFormatVersion(FORMAT_VERSION + 1)
    const future = new FutureIndexedDbCache({ name, onWarning: failOnWarning })
    expect(await future.find('p', 'k')).toBeUndefined()
    expect(await future.entries()).toEqual([])
    await future.put('p', 'k', 'stored by the next format')
    expect(await future.find('p', 'k')).toBe('stored by the next format')
    await future.close()

    const upgraded = await openDB(name)
    expect(upgraded.version).toBe(FORMAT_VERSION + 1)
    expect(Array.from(upgraded.objectStoreNames)).toEqual(['entries'])
    upgraded.close()
  })

  it('a database left by format 1 (entries indexed by partition) is upgraded: its entries discarded, the cache working', async () => {
    const name = uniqueName()
    const legacy = await openDB(name, 1, {
      upgrade: (db) => db.createObjectStore('entries', { keyPath: ['partition', 'key'] }).createIndex('partition', 'partition'),
    })
    await legacy.put('entries', { partition: 'p', key: 'organization:1', value: { id: 1 }, storedAt: 0, expiresAt: Infinity })
    legacy.close()

    const cache = new IndexedDbCache({ name, onWarning: failOnWarning })
    expect(await cache.find('p', 'organization:1')).toBeUndefined()
    await cache.put('p', 'te:1', { id: 1 }, { group: 'te', order: 5 })
    expect((await cache.range('p', 'te')).map(({ key }) => key)).toEqual(['te:1'])
    expect(await cache.connect()).toBe(true)
    await cache.close()
  })

  it('an upgrade blocked by a tab that will not close falls back to memory instead of hanging', async () => {
    const name = uniqueName()
    // An old tab's connection without a versionchange handler: it never lets the upgrade through.
    const stubborn = await openDB(name, FORMAT_VERSION, { upgrade: (db) => db.createObjectStore('entries') })

    const FutureIndexedDbCache = await importWithFormatVersion(FORMAT_VERSION + 1)
    const onWarning = vi.fn()
    const cache = new FutureIndexedDbCache({ name, onWarning })
    const started = Date.now()
    expect(await cache.connect()).toBe(false)
    expect(Date.now() - started).toBeLessThan(5000)
    await cache.put('p', 'k', 1)
    expect(await cache.find('p', 'k')).toBe(1)
    expect(onWarning).toHaveBeenCalledTimes(1)
    expect(String(onWarning.mock.calls[0]?.[1])).toMatch(/older version/)

    // Once the old tab goes, the upgrade that finally opens is closed at once, blocking nobody.
    stubborn.close()
    expect(await deleteDatabase(name)).toEqual({ blocked: false })
  })
})

describe('IndexedDbCache and a connection the browser ends', () => {
  it('reopens after the browser ends the connection (site data cleared in DevTools)', async () => {
    const name = uniqueName()
    const connections = captureConnections()
    const cache = new IndexedDbCache({ name, onWarning: failOnWarning })
    await cache.put('p', 'k', 1)
    // fake-indexeddb declares the parameter as the class rather than a connection.
    forceCloseDatabase(connections[0] as unknown as Parameters<typeof forceCloseDatabase>[0])
    // The next call meets the dead connection, opens a new one and answers from it, unwarned.
    expect(await cache.find('p', 'k')).toBe(1)
    expect(connections).toHaveLength(2)
    await cache.close()
  })
})
