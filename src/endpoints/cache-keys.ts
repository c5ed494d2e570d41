import * as v from 'valibot'
import type { CacheScope } from './base.ts'

/**
 * How endpoints name and read what they cache, in one place so every write can find what it makes
 * stale. An organization model lives under `organization:{id}`, the ids of a complete `collect()` under
 * `organizations`, and every other cached read under its own request path and query, so all reads
 * about one organization share the prefix `/organizations/{id}/`.
 */
export const organizationKey = (id: number): string => `organization:${id}`
export const ORGANIZATION_LIST_KEY = 'organizations'

/**
 * What is cached under `key`, if it still passes `schema`: an entry written by another version of
 * togglkit, or damaged in storage, counts as a miss rather than being served.
 */
export async function findValid<T>({ cache, partition }: CacheScope, key: string, schema: v.GenericSchema<unknown, T>): Promise<T | undefined> {
  const found = v.safeParse(schema, await cache.find(partition, key))
  return found.success ? found.output : undefined
}

/** The cache key of a GET: its path and query, as sent. */
export function readKey(path: string, query: Record<string, string>): string {
  const search = new URLSearchParams(Object.entries(query).sort(([a], [b]) => (a < b ? -1 : 1))).toString()
  return search === '' ? path : `${path}?${search}`
}

/**
 * Drops everything cached about one organization: its model (its user count, say, may have
 * changed) and every read under its path. Any `collect()` list that named it no longer counts as
 * complete, so it is served fresh next time.
 */
export async function forgetOrganization({ cache, partition }: CacheScope, id: number): Promise<void> {
  await cache.delete(partition, organizationKey(id))
  const prefix = `/organizations/${id}/`
  for (const entry of await cache.entries(partition)) {
    if (entry.key.startsWith(prefix)) await cache.delete(partition, entry.key)
  }
}
