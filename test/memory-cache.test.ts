import { afterEach, describe, expect, it, vi } from 'vitest'
import { createCache, IndexedDbCache, MemoryCache } from '../src/cache/index.ts'
import { describeCacheConformance } from './cache-conformance.ts'

// Records whether anything loads `idb`: in Node it must never be needed.
const idbLoads = vi.hoisted(() => ({ count: 0 }))
vi.mock('idb', async (importOriginal) => {
  idbLoads.count++
  return importOriginal()
})

describeCacheConformance('MemoryCache', (options) => new MemoryCache(options))

afterEach(() => {
  vi.useRealTimers()
  vi.restoreAllMocks()
})

describe('MemoryCache', () => {
  it('schedules no timers, so it never keeps a Node process alive', async () => {
    vi.useFakeTimers()
    const cache = new MemoryCache({ ttl: 1000 })
    await cache.put('p', 'k', { id: 1 })
    await cache.find('p', 'k')
    await cache.entries()
    expect(vi.getTimerCount()).toBe(0)
  })

  it('lets expired entries go when they are read, instead of holding them', async () => {
    let clock = 0
    const cache = new MemoryCache({ ttl: 10, now: () => clock })
    const big = { payload: 'x'.repeat(1000) }
    await cache.put('p', 'k', big)
    clock = 10
    expect(await cache.find('p', 'k')).toBeUndefined()
    clock = 0 // A clock going backwards must not resurrect what was dropped.
    expect(await cache.find('p', 'k')).toBeUndefined()
  })
})

describe('createCache in Node', () => {
  it('returns a MemoryCache, without loading idb or warning', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const cache = await createCache({ ttl: 1000 })
    expect(cache).toBeInstanceOf(MemoryCache)
    expect(cache.ttl).toBe(1000)
    await cache.put('p', 'k', 1)
    expect(await cache.find('p', 'k')).toBe(1)
    expect(idbLoads.count).toBe(0)
    expect(warn).not.toHaveBeenCalled()
  })

  it('rejects bad options with InputError', async () => {
    await expect(createCache({ ttl: -5 })).rejects.toThrow(/ttl/)
  })
})

describe('IndexedDbCache without IndexedDB (Node, Deno)', () => {
  it('caches in memory and calls onWarning exactly once, without loading idb', async () => {
    const onWarning = vi.fn()
    const cache = new IndexedDbCache({ onWarning })
    expect(await cache.connect()).toBe(false)
    await cache.put('p', 'k', { id: 1 })
    expect(await cache.find('p', 'k')).toEqual({ id: 1 })
    await cache.clear()
    expect(await cache.find('p', 'k')).toBeUndefined()
    await cache.close()
    await cache.put('p', 'k', 2) // After close the memory fallback still answers, still quietly.
    expect(await cache.find('p', 'k')).toBe(2)
    expect(onWarning).toHaveBeenCalledTimes(1)
    expect(onWarning.mock.calls[0]?.[0]).toMatch(/caching in memory/)
    expect(idbLoads.count).toBe(0)
  })

  it('by default says so with one console.warn per cache', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const first = new IndexedDbCache({ name: 'first' })
    const second = new IndexedDbCache({ name: 'second' })
    for (const cache of [first, second, first, second]) await cache.find('p', 'k')
    expect(warn).toHaveBeenCalledTimes(2)
    expect(String(warn.mock.calls[0]?.[0])).toContain('"first"')
  })
})
