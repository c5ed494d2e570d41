import 'fake-indexeddb/auto'
import { forceCloseDatabase } from 'fake-indexeddb'
import { deleteDB, openDB } from 'idb'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createCache, IndexedDbCache, MemoryCache } from '../src/cache/index.ts'
import type { CacheOptions } from '../src/cache/types.ts'
import { describeCacheConformance } from './cache-conformance.ts'

/** Fails the test if the adapter quietly fell back to memory, which would hide IndexedDB bugs. */
async function persistentCache(options: CacheOptions): Promise<IndexedDbCache> {
  const cache = new IndexedDbCache({ onWarning: failOnWarning, ...options })
  expect(await cache.connect(), 'IndexedDB opened').toBe(true)
  return cache
}

function failOnWarning(message: string, cause?: unknown): never {
  throw new Error(`unexpected cache warning: ${message}`, { cause })
}

describeCacheConformance('IndexedDbCache (fake-indexeddb)', persistentCache, { persistent: true })

const uniqueName = () => `togglkit-test-${Math.random().toString(36).slice(2)}`
const quotaExceeded = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError')

/** Deletes a database, reporting whether an open connection held the deletion up. */
async function deleteDatabase(name: string): Promise<{ blocked: boolean }> {
  let blocked = false
  await deleteDB(name, { blocked: () => (blocked = true) })
  return { blocked }
}

/** The raw connections the code under test opens, so a test can act as the browser on them. */
function captureConnections(): IDBDatabase[] {
  const connections: IDBDatabase[] = []
  const open = indexedDB.open.bind(indexedDB)
  vi.spyOn(indexedDB, 'open').mockImplementation((name, version) => {
    const request = open(name, version)
    request.addEventListener('success', () => connections.push(request.result))
    return request
  })
  return connections
}

afterEach(() => {
  vi.restoreAllMocks()
  vi.unstubAllGlobals()
})

describe('createCache with IndexedDB', () => {
  it('returns an IndexedDbCache whose entries persist', async () => {
    const name = uniqueName()
    const cache = await createCache({ name, onWarning: failOnWarning })
    expect(cache).toBeInstanceOf(IndexedDbCache)
    await cache.put('p', 'k', { id: 1 })
    await cache.close()
    const reopened = await createCache({ name })
    expect(await reopened.find('p', 'k')).toEqual({ id: 1 })
    await reopened.close()
  })

  it('returns a MemoryCache, with exactly one warning, when IndexedDB refuses to open', async () => {
    vi.spyOn(indexedDB, 'open').mockImplementation(() => {
      throw new DOMException('access denied', 'SecurityError')
    })
    const onWarning = vi.fn()
    const cache = await createCache({ name: uniqueName(), onWarning })
    expect(cache).toBeInstanceOf(MemoryCache)
    await cache.put('p', 'k', 1)
    expect(await cache.find('p', 'k')).toBe(1)
    expect(onWarning).toHaveBeenCalledTimes(1)
  })
})

describe('IndexedDbCache falling back to memory', () => {
  async function expectWorkingMemoryFallback(cache: IndexedDbCache, onWarning: ReturnType<typeof vi.fn>) {
    expect(await cache.connect()).toBe(false)
    await cache.put('p', 'a', { id: 1 })
    await cache.put('p', 'b', { id: 2 })
    expect(await cache.find('p', 'a')).toEqual({ id: 1 })
    await cache.delete('p', 'a')
    expect((await cache.entries('p')).map((entry) => entry.key)).toEqual(['b'])
    expect(onWarning).toHaveBeenCalledTimes(1)
    expect(onWarning.mock.calls[0]?.[0]).toMatch(/caching in memory/)
  }

  it('when indexedDB is missing', async () => {
    vi.stubGlobal('indexedDB', undefined)
    const onWarning = vi.fn()
    await expectWorkingMemoryFallback(new IndexedDbCache({ name: uniqueName(), onWarning }), onWarning)
  })

  it('when indexedDB.open throws (storage disabled)', async () => {
    const denied = new DOMException('access denied', 'SecurityError')
    vi.spyOn(indexedDB, 'open').mockImplementation(() => {
      throw denied
    })
    const onWarning = vi.fn()
    await expectWorkingMemoryFallback(new IndexedDbCache({ name: uniqueName(), onWarning }), onWarning)
    expect(onWarning.mock.calls[0]?.[1]).toBe(denied)
  })

  it('when another tab already stored a newer format, leaving that data alone', async () => {
    const name = uniqueName()
    const newer = await openDB(name, 2, { upgrade: (db) => db.createObjectStore('entries-v2') })
    await newer.put('entries-v2', 'newer data', 'k')
    newer.close()

    const onWarning = vi.fn()
    await expectWorkingMemoryFallback(new IndexedDbCache({ name, onWarning }), onWarning)
    expect((onWarning.mock.calls[0]?.[1] as Error).name).toBe('VersionError')

    const again = await openDB(name, 2)
    expect(await again.get('entries-v2', 'k')).toBe('newer data')
    again.close()
  })

  it('when a database of that name holds something else', async () => {
    const name = uniqueName()
    const foreign = await openDB(name, 1, { upgrade: (db) => db.createObjectStore('notes') })
    foreign.close()
    const onWarning = vi.fn()
    await expectWorkingMemoryFallback(new IndexedDbCache({ name, onWarning }), onWarning)
  })
})

describe('IndexedDbCache expiry', () => {
  it('deletes an expired entry from the database when it is read', async () => {
    const name = uniqueName()
    let clock = 0
    const cache = new IndexedDbCache({ name, ttl: 10, now: () => clock, onWarning: failOnWarning })
    await cache.put('p', 'k', 1)
    clock = 10
    expect(await cache.find('p', 'k')).toBeUndefined()
    await cache.close()
    const raw = await openDB(name)
    expect(await raw.count('entries')).toBe(0)
    raw.close()
  })

  it('never deletes a fresh value that another tab stored while the expired one was being read', async () => {
    const name = uniqueName()
    let clock = 0
    const options = { name, ttl: 10, now: () => clock, onWarning: failOnWarning }
    const reader = new IndexedDbCache(options)
    const writer = new IndexedDbCache(options)
    await Promise.all([reader.connect(), writer.connect()])
    await reader.put('p', 'k', 'stale')
    clock = 10
    const [found] = await Promise.all([reader.find('p', 'k'), writer.put('p', 'k', 'fresh')])
    expect(found).toBeUndefined()
    expect(await writer.find('p', 'k')).toBe('fresh')
    await Promise.all([reader.close(), writer.close()])
  })
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

describe('IndexedDbCache and other connections', () => {
  it('closes its connection when another tab deletes the database, then reopens', async () => {
    const name = uniqueName()
    const cache = new IndexedDbCache({ name, onWarning: failOnWarning })
    await cache.put('p', 'k', 'before')

    expect(await deleteDatabase(name)).toEqual({ blocked: false })

    expect(await cache.find('p', 'k')).toBeUndefined()
    await cache.put('p', 'k', 'after')
    const other = new IndexedDbCache({ name, onWarning: failOnWarning })
    expect(await other.find('p', 'k')).toBe('after')
    await Promise.all([cache.close(), other.close()])
  })

  it('lets another tab upgrade to a newer format, then degrades to memory with one warning', async () => {
    const name = uniqueName()
    const onWarning = vi.fn()
    const cache = new IndexedDbCache({ name, onWarning })
    await cache.put('p', 'k', 1)

    let blocked = false
    const newer = await openDB(name, 2, { blocked: () => (blocked = true) })
    expect(blocked).toBe(false)
    newer.close()

    await cache.put('p', 'k', 2)
    expect(await cache.find('p', 'k')).toBe(2)
    expect(onWarning).toHaveBeenCalledTimes(1)
    expect(await cache.connect()).toBe(false)
  })

  it('close() releases the connection, and a later call opens it again', async () => {
    const name = uniqueName()
    const connections = captureConnections()
    const cache = new IndexedDbCache({ name, onWarning: failOnWarning })
    await cache.put('p', 'k', 1)
    await cache.close()
    expect(() => connections[0]!.transaction('entries')).toThrow(
      expect.objectContaining({ name: 'InvalidStateError' }),
    )
    await cache.put('p', 'k', 2)
    expect(await cache.find('p', 'k')).toBe(2)
    expect(connections).toHaveLength(2)
    await cache.close()
  })

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

describe('IndexedDbCache when storage operations fail', () => {
  it('a refused write (quota exceeded) resolves, warns, and stores nothing', async () => {
    const onWarning = vi.fn()
    const cache = new IndexedDbCache({ name: uniqueName(), onWarning })
    await cache.put('p', 'kept', 'fits')
    const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw quotaExceeded()
    })

    await expect(cache.put('p', 'k', { big: 'x'.repeat(100) })).resolves.toBeUndefined()
    expect(onWarning).toHaveBeenCalledTimes(1)
    expect(onWarning.mock.calls[0]?.[0]).toMatch(/not cached/)
    expect((onWarning.mock.calls[0]?.[1] as Error).name).toBe('QuotaExceededError')
    expect(await cache.find('p', 'k')).toBeUndefined()
    expect(await cache.find('p', 'kept')).toBe('fits')

    put.mockRestore()
    await cache.put('p', 'k', 'fits now')
    expect(await cache.find('p', 'k')).toBe('fits now')
    await cache.close()
  })

  it('a failing read resolves undefined (and entries() an empty list) with a warning', async () => {
    const onWarning = vi.fn()
    const cache = new IndexedDbCache({ name: uniqueName(), onWarning })
    await cache.put('p', 'k', 1)
    vi.spyOn(IDBObjectStore.prototype, 'get').mockImplementation(() => {
      throw new DOMException('disk error', 'UnknownError')
    })
    vi.spyOn(IDBObjectStore.prototype, 'getAll').mockImplementation(() => {
      throw new DOMException('disk error', 'UnknownError')
    })
    expect(await cache.find('p', 'k')).toBeUndefined()
    expect(await cache.entries()).toEqual([])
    expect(onWarning).toHaveBeenCalledTimes(2)
    await cache.close()
  })

  it('by default writes one console.warn per cache, however many writes fail', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const cache = new IndexedDbCache({ name: uniqueName() })
    await cache.connect()
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw quotaExceeded()
    })
    await cache.put('p', 'a', 1)
    await cache.put('p', 'b', 2)
    expect(warn).toHaveBeenCalledTimes(1)
    await cache.close()
  })
})
