import { deleteDB, openDB } from 'idb'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createCache, IndexedDbCache, MemoryCache } from '../src/cache/index.ts'
import type { CacheOptions } from '../src/cache/types.ts'
import { FORMAT_VERSION } from '../src/cache/idb-schema.ts'

/** Fails the test if the adapter quietly fell back to memory, which would hide IndexedDB bugs. */
export async function persistentCache(options: CacheOptions): Promise<IndexedDbCache> {
  const cache = new IndexedDbCache({ onWarning: failOnWarning, ...options })
  expect(await cache.connect(), 'IndexedDB opened').toBe(true)
  return cache
}

export function failOnWarning(message: string, cause?: unknown): never {
  throw new Error(`unexpected cache warning: ${message}`, { cause })
}

export const uniqueName = () => `togglkit-test-${crypto.randomUUID()}`

/** Deletes a database, reporting whether an open connection held the deletion up. */
export async function deleteDatabase(name: string): Promise<{ blocked: boolean }> {
  let blocked = false
  await deleteDB(name, { blocked: () => (blocked = true) })
  return { blocked }
}

/** The raw connections the code under test opens, so a test can act as the browser on them. */
export function captureConnections(): IDBDatabase[] {
  const connections: IDBDatabase[] = []
  const open = indexedDB.open.bind(indexedDB)
  vi.spyOn(indexedDB, 'open').mockImplementation((name, version) => {
    const request = open(name, version)
    request.addEventListener('success', () => connections.push(request.result))
    return request
  })
  return connections
}

const quotaExceeded = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError')

/**
 * What {@link IndexedDbCache} does beyond the {@link TogglCache} contract, the same against any
 * IndexedDB: fallback to memory, expiry in the database, other tabs' connections, failing storage.
 * The caller supplies `indexedDB` (fake-indexeddb under happy-dom, the real one in Chromium).
 */
export function describeIndexedDbBehaviour(label: string): void {
  describe(label, () => {
    const names: string[] = []
    /** A database name private to the test, deleted after it. */
    function databaseName(): string {
      const name = uniqueName()
      names.push(name)
      return name
    }

    afterEach(async () => {
      vi.restoreAllMocks()
      vi.unstubAllGlobals()
      await Promise.all(names.splice(0).map((name) => deleteDatabase(name)))
    })

    describe('createCache with IndexedDB', () => {
      it('returns an IndexedDbCache whose entries survive a new instance (a reload)', async () => {
        const name = databaseName()
        const cache = await createCache({ name, onWarning: failOnWarning })
        expect(cache).toBeInstanceOf(IndexedDbCache)
        await cache.put('p', 'k', { id: 1, at: new Date(0) })
        await cache.close()
        const reloaded = await createCache({ name })
        expect(await reloaded.find('p', 'k')).toEqual({ id: 1, at: new Date(0) })
        await reloaded.close()
      })

      it('returns a MemoryCache, with exactly one warning, when IndexedDB refuses to open', async () => {
        vi.spyOn(indexedDB, 'open').mockImplementation(() => {
          throw new DOMException('access denied', 'SecurityError')
        })
        const onWarning = vi.fn()
        const cache = await createCache({ name: databaseName(), onWarning })
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
        await expectWorkingMemoryFallback(new IndexedDbCache({ name: databaseName(), onWarning }), onWarning)
        expect(onWarning.mock.calls[0]?.[1]).toBe(denied)
      })

      it('when another tab already stored a newer format, leaving that data alone', async () => {
        const name = databaseName()
        const newer = await openDB(name, FORMAT_VERSION + 1, { upgrade: (db) => db.createObjectStore('entries-next') })
        await newer.put('entries-next', 'newer data', 'k')
        newer.close()

        const onWarning = vi.fn()
        await expectWorkingMemoryFallback(new IndexedDbCache({ name, onWarning }), onWarning)
        expect((onWarning.mock.calls[0]?.[1] as Error).name).toBe('VersionError')

        const again = await openDB(name, FORMAT_VERSION + 1)
        expect(await again.get('entries-next', 'k')).toBe('newer data')
        again.close()
      })

      it.each([1, FORMAT_VERSION])('when a database of that name (version %i) holds something else, leaving it alone', async (version) => {
        const name = databaseName()
        const foreign = await openDB(name, version, { upgrade: (db) => db.createObjectStore('notes') })
        await foreign.put('notes', 'a note', 'k')
        foreign.close()
        const onWarning = vi.fn()
        await expectWorkingMemoryFallback(new IndexedDbCache({ name, onWarning }), onWarning)
        const again = await openDB(name)
        expect([again.version, Array.from(again.objectStoreNames), await again.get('notes', 'k')]).toEqual([version, ['notes'], 'a note'])
        again.close()
      })
    })

    describe('IndexedDbCache expiry', () => {
      it('deletes an expired entry from the database when it is read', async () => {
        const name = databaseName()
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

      it('treats a record without a numeric expiresAt (another version, damaged storage) as expired', async () => {
        const name = databaseName()
        const cache = await persistentCache({ name })
        await cache.putMany('p', [{ key: 'missing', value: 1 }, { key: 'text', value: 2 }, { key: 'nan', value: 3 }, { key: 'fine', value: 4 }])
        await cache.close()
        const raw = await openDB(name)
        const damage = { missing: undefined, text: '9999999999999', nan: Number.NaN }
        for (const [key, expiresAt] of Object.entries(damage)) {
          const record = (await raw.get('entries', ['p', key])) as Record<string, unknown>
          await raw.put('entries', { ...record, expiresAt })
        }
        raw.close()
        const reopened = await persistentCache({ name })
        expect(await reopened.findMany('p', ['missing', 'text', 'nan', 'fine'])).toEqual([undefined, undefined, undefined, 4])
        expect(await reopened.find('p', 'text')).toBeUndefined()
        expect((await reopened.entries('p')).map(({ key }) => key)).toEqual(['fine'])
        await reopened.close()
      })

      it('never deletes a fresh value that another tab stored while the expired one was being read', async () => {
        const name = databaseName()
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

    describe('IndexedDbCache and other connections', () => {
      it('closes its connection when another tab deletes the database, then reopens', async () => {
        const name = databaseName()
        const cache = new IndexedDbCache({ name, onWarning: failOnWarning })
        await cache.put('p', 'k', 'before')

        expect(await deleteDatabase(name)).toEqual({ blocked: false })

        expect(await cache.find('p', 'k')).toBeUndefined()
        await cache.put('p', 'k', 'after')
        expect(await cache.find('p', 'k')).toBe('after')
        const other = new IndexedDbCache({ name, onWarning: failOnWarning })
        expect(await other.find('p', 'k')).toBe('after')
        await Promise.all([cache.close(), other.close()])
      })

      it('lets another tab upgrade to a newer format, then degrades to memory with one warning', async () => {
        const name = databaseName()
        const onWarning = vi.fn()
        const cache = new IndexedDbCache({ name, onWarning })
        await cache.put('p', 'k', 1)

        let blocked = false
        const newer = await openDB(name, FORMAT_VERSION + 1, { blocked: () => (blocked = true) })
        expect(blocked).toBe(false)
        newer.close()

        await cache.put('p', 'k', 2)
        expect(await cache.find('p', 'k')).toBe(2)
        expect(await cache.connect()).toBe(false)
        expect(onWarning).toHaveBeenCalledTimes(1)
        expect((onWarning.mock.calls[0]?.[1] as Error).name).toBe('VersionError')
      })

      it('close() releases the connection, and a later call opens it again', async () => {
        const name = databaseName()
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
        // Not `blocked: false`: Chromium may still report blocked while a closing connection's last
        // read transaction commits (the spec counts it as open until then); the deletion goes through.
        await deleteDatabase(name)
      })
    })

    describe('IndexedDbCache when storage operations fail', () => {
      it('a refused write (quota exceeded) resolves, warns once, stores nothing, and the cache keeps working', async () => {
        const onWarning = vi.fn()
        const cache = new IndexedDbCache({ name: databaseName(), onWarning })
        expect(await cache.connect()).toBe(true)
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
        const cache = new IndexedDbCache({ name: databaseName(), onWarning })
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
        const cache = new IndexedDbCache({ name: databaseName() })
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
  })
}
