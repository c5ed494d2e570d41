import 'fake-indexeddb/auto'
import { forceCloseDatabase } from 'fake-indexeddb'
import { openDB } from 'idb'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { IndexedDbCache } from '../src/cache/index.ts'
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
      return (await import('../src/cache/indexeddb.ts')).IndexedDbCache
    } finally {
      vi.doUnmock('../src/cache/idb-schema.ts')
    }
  }

  it('a format bump discards what the old format stored instead of misreading it', async () => {
    const name = uniqueName()
    const old = new IndexedDbCache({ name, ttl: Infinity, onWarning: failOnWarning })
    await old.put('p', 'k', 'stored by format 1')
    await old.close()
    const legacy = await openDB(name, 1)
    expect(legacy.objectStoreNames.contains('entries')).toBe(true)
    legacy.close()

    const FutureIndexedDbCache = await importWithFormatVersion(2)
    const future = new FutureIndexedDbCache({ name, onWarning: failOnWarning })
    expect(await future.find('p', 'k')).toBeUndefined()
    expect(await future.entries()).toEqual([])
    await future.put('p', 'k', 'stored by format 2')
    expect(await future.find('p', 'k')).toBe('stored by format 2')
    await future.close()

    const upgraded = await openDB(name)
    expect(upgraded.version).toBe(2)
    expect(Array.from(upgraded.objectStoreNames)).toEqual(['entries'])
    upgraded.close()
  })

  it('an upgrade blocked by a tab that will not close falls back to memory instead of hanging', async () => {
    const name = uniqueName()
    // An old tab's connection without a versionchange handler: it never lets the upgrade through.
    const stubborn = await openDB(name, 1, { upgrade: (db) => db.createObjectStore('entries') })

    const FutureIndexedDbCache = await importWithFormatVersion(2)
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
