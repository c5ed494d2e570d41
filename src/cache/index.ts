import { hasIndexedDB } from './has-indexeddb.ts'
import { IndexedDbCache } from './indexeddb.ts'
import { MemoryCache } from './memory.ts'
import type { CacheOptions, TogglCache } from './types.ts'

export { IndexedDbCache } from './indexeddb.ts'
export { MemoryCache } from './memory.ts'
export type { CacheEntry, CacheOptions, TogglCache } from './types.ts'

/**
 * The best cache this runtime offers: IndexedDB when it exists and opens (browsers), else memory
 * (Node, Deno, private modes that refuse storage). Either adapter loads its storage code when it is
 * first used; IndexedDB's (with `idb`) only where IndexedDB exists. Where it exists but will not
 * open, `onWarning` is told once.
 *
 * @example
 * const endpoint = new OrganizationEndpoint(auth, await createCache({ ttl: 3_600_000 }))
 */
export async function createCache(options?: CacheOptions): Promise<TogglCache> {
  if (!hasIndexedDB()) return new MemoryCache(options)
  const cache = new IndexedDbCache(options)
  if (await cache.connect()) return cache
  // Its channel would otherwise stay open, keeping the dropped cache reachable for the life of the page.
  await cache.close()
  return new MemoryCache(options)
}
