import { deleteDB, openDB } from 'idb'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createCache, IndexedDbCache } from '../src/cache/index.ts'
import type { CacheOptions } from '../src/cache/types.ts'
import { describeCacheConformance } from './cache-conformance.ts'

// The checks of the happy-dom suite against Chromium's real IndexedDB (on-disk storage, real
// structured clone, real versionchange delivery). Format bumps stay there: they need vi.doMock to
// re-evaluate a module, which native ES modules in a browser do not allow.

async function persistentCache(options: CacheOptions): Promise<IndexedDbCache> {
  const cache = new IndexedDbCache({ onWarning: failOnWarning, ...options })
  expect(await cache.connect(), 'IndexedDB opened').toBe(true)
  return cache
}

function failOnWarning(message: string, cause?: unknown): never {
  throw new Error(`unexpected cache warning: ${message}`, { cause })
}

describeCacheConformance('IndexedDbCache (Chromium)', persistentCache, { persistent: true })

const uniqueName = () => `togglkit-browser-${crypto.randomUUID()}`

async function deleteDatabase(name: string): Promise<{ blocked: boolean }> {
  let blocked = false
  await deleteDB(name, { blocked: () => (blocked = true) })
  return { blocked }
}

afterEach(() => {
  vi.restoreAllMocks()
})

describe('IndexedDbCache in Chromium', () => {
  it('createCache picks IndexedDB, and entries survive a new instance (a reload)', async () => {
    const name = uniqueName()
    const cache = await createCache({ name, onWarning: failOnWarning })
    expect(cache).toBeInstanceOf(IndexedDbCache)
    await cache.put('p', 'k', { id: 1, at: new Date(0) })
    await cache.close()
    const reloaded = await createCache({ name })
    expect(await reloaded.find('p', 'k')).toEqual({ id: 1, at: new Date(0) })
    await reloaded.close()
    await deleteDatabase(name)
  })

  it('closes its connection when another tab deletes the database, then reopens', async () => {
    const name = uniqueName()
    const cache = new IndexedDbCache({ name, onWarning: failOnWarning })
    await cache.put('p', 'k', 'before')
    expect(await deleteDatabase(name)).toEqual({ blocked: false })
    expect(await cache.find('p', 'k')).toBeUndefined()
    await cache.put('p', 'k', 'after')
    expect(await cache.find('p', 'k')).toBe('after')
    await cache.close()
    await deleteDatabase(name)
  })

  it('lets another tab upgrade to a newer format, then caches in memory with one warning', async () => {
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
    expect(await cache.connect()).toBe(false)
    expect(onWarning).toHaveBeenCalledTimes(1)
    expect((onWarning.mock.calls[0]?.[1] as Error).name).toBe('VersionError')
    await deleteDatabase(name)
  })

  it('a refused write (quota exceeded) resolves, warns once, and the cache keeps working', async () => {
    const name = uniqueName()
    const onWarning = vi.fn()
    const cache = new IndexedDbCache({ name, onWarning })
    await cache.connect()
    const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
    })
    await expect(cache.put('p', 'k', 1)).resolves.toBeUndefined()
    expect(onWarning).toHaveBeenCalledTimes(1)
    expect((onWarning.mock.calls[0]?.[1] as Error).name).toBe('QuotaExceededError')
    expect(await cache.find('p', 'k')).toBeUndefined()
    put.mockRestore()
    await cache.put('p', 'k', 2)
    expect(await cache.find('p', 'k')).toBe(2)
    await cache.close()
    await deleteDatabase(name)
  })

  it('close() releases the connection so a deletion is not blocked', async () => {
    const name = uniqueName()
    const connections: IDBDatabase[] = []
    const open = indexedDB.open.bind(indexedDB)
    vi.spyOn(indexedDB, 'open').mockImplementation((dbName, version) => {
      const request = open(dbName, version)
      request.addEventListener('success', () => connections.push(request.result))
      return request
    })
    const cache = new IndexedDbCache({ name, onWarning: failOnWarning })
    await cache.put('p', 'k', 1)
    await cache.close()
    expect(() => connections[0]!.transaction('entries')).toThrow(
      expect.objectContaining({ name: 'InvalidStateError' }),
    )
    await deleteDatabase(name)
  })
})
