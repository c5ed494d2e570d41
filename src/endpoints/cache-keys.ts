import * as v from 'valibot'
import type { ApiFamily, RequestScope } from '../core/api.ts'
import type { CacheScope } from './base.ts'

/**
 * How endpoints name what they cache, in one place so every write can find what it makes stale.
 * A cached read lives under its scope and its request: `o5|/organizations/5/groups`,
 * `w7|/workspaces/7/projects?active=true`, `u|/me/workspaces` (the user's own calls). Forgetting a
 * scope is then one prefix listing, whatever else the cache holds. Organization models live under
 * the keys below (see `organizations/organization-cache.ts` for how they are kept).
 */
/** An organization fetched alone (`get`), for `ttl`. */
export const ORGANIZATION_KEY_PREFIX = 'organization:'
export const organizationKey = (id: number): string => `${ORGANIZATION_KEY_PREFIX}${id}`
/** An organization as a complete listing gave it, for two `ttl`s: served while the newest listing is fresh. */
export const LISTED_ORGANIZATION_KEY_PREFIX = 'listed:organization:'
export const listedOrganizationKey = (id: number): string => `${LISTED_ORGANIZATION_KEY_PREFIX}${id}`
/** A fingerprint of each listed copy, and when they were last all written (for two `ttl`s). */
export const LISTED_ORGANIZATIONS_INDEX_KEY = 'listed:organizations'
/** A listed copy dropped since the index was written (two `ttl`s, as long as an index lives). */
export const DROPPED_ORGANIZATION_KEY_PREFIX = 'listed:organizations:dropped:'
/** Present for `ttl` after the listing that wrote the listed copies: they are served while it is. */
export const LISTED_ORGANIZATIONS_FRESH_KEY = 'listed:organizations:fresh'
/** The ids of a complete `OrganizationEndpoint.collect()`, for `ttl`; gone when membership changes. */
export const ORGANIZATION_LIST_KEY = 'organizations'

/** The scope of the user's own calls (`/me/…`). */
export const USER_SCOPE: RequestScope = { organizationId: null, workspaceId: null }

/** The cache's name for what a request is about; `/organizations/{id}/workspaces/{wid}/…` is the organization's. */
export function scopeKeyOf({ organizationId, workspaceId }: RequestScope): string {
  if (organizationId !== null) return `o${organizationId}|`
  return workspaceId === null ? 'u|' : `w${workspaceId}|`
}

/** The cache key of a read: its scope, API, path, query (sorted) and, for a read POST, its body. */
export function readKey(scope: RequestScope, api: ApiFamily, path: string, query: Record<string, string>, body?: unknown): string {
  const search = new URLSearchParams(Object.entries(query).sort(([a], [b]) => (a < b ? -1 : 1))).toString()
  const request = `${api === 'track' ? '' : `${api}:`}${path}${search === '' ? '' : `?${search}`}`
  return `${scopeKeyOf(scope)}${request}${body === undefined ? '' : `#${canonicalJson(body)}`}`
}

/** The key prefix of every cached read under a request path of `api`. */
export function pathPrefix(scope: RequestScope, api: ApiFamily, path: string): string {
  return `${scopeKeyOf(scope)}${api === 'track' ? '' : `${api}:`}${path}`
}

/**
 * What is cached under `key`, if it still passes `schema`: an entry written by another version of
 * togglkit, or damaged in storage, counts as a miss rather than being served. A cache that only this
 * process writes (`trusted`) returns what was checked when it was stored, so it is not checked twice.
 */
export async function findValid<T>(scope: CacheScope, key: string, schema: v.GenericSchema<unknown, T>): Promise<T | undefined> {
  return validCached(scope, await scope.cache.find(scope.partition, key), schema)
}

/** A value read from the cache (`undefined`: a miss), if it still passes `schema`; see {@link findValid}. */
export function validCached<T>({ cache }: CacheScope, value: unknown, schema: v.GenericSchema<unknown, T>): T | undefined {
  if (value === undefined || cache.trusted) return value as T | undefined
  const found = v.safeParse(schema, value)
  return found.success ? found.output : undefined
}

/** Drops every cached entry whose key starts with one of `prefixes`. */
export async function forgetPrefixes({ cache, partition }: CacheScope, prefixes: readonly string[]): Promise<void> {
  await cache.deleteByPrefix(partition, prefixes)
}

/**
 * Drops everything cached about these organizations: their models (a user count, say, may have
 * changed), every read under them, and every read under their workspaces (their writes move members
 * in and out of them). Any `collect()` list that named one no longer counts as complete.
 */
export async function forgetOrganizations(scope: CacheScope, ids: readonly number[], workspacesOf: (id: number) => Iterable<number>): Promise<void> {
  if (ids.length === 0) return
  await dropOrganizationModels(scope, ids)
  await forgetOrganizationScopes(scope, ids, workspacesOf)
}

/** Every read under these organizations and under their workspaces. */
export async function forgetOrganizationScopes(scope: CacheScope, ids: readonly number[], workspacesOf: (id: number) => Iterable<number>): Promise<void> {
  const prefixes: string[] = []
  for (const id of ids) {
    prefixes.push(scopeKeyOf({ organizationId: id, workspaceId: null }))
    for (const workspaceId of workspacesOf(id)) prefixes.push(scopeKeyOf({ organizationId: null, workspaceId }))
  }
  await forgetPrefixes(scope, prefixes)
}

/**
 * Drops the models of these organizations, fetched alone and listed, marking each listed copy it
 * finds dropped: the next listing writes it again although its fingerprint did not change (one it
 * could not find, the store being down, leaves the listing a hole, which a cached `collect()` mends).
 */
export async function dropOrganizationModels({ cache, partition }: CacheScope, ids: readonly number[]): Promise<void> {
  const copies = await cache.findMany(partition, ids.map(listedOrganizationKey))
  const listed = ids.filter((_, at) => copies[at] !== undefined)
  // Both deleted whatever was found: a store that did not answer found nothing, and deletes later.
  await cache.deleteMany(partition, [...ids.map(organizationKey), ...ids.map(listedOrganizationKey)])
  if (listed.length > 0) await cache.putMany(partition, listed.map((id) => ({ key: `${DROPPED_ORGANIZATION_KEY_PREFIX}${id}`, value: true, ttl: 2 * cache.ttl })))
}
/**
 * Drops everything cached about one workspace, and what its organization (when known) says about its
 * workspaces (`/organizations/{id}/workspaces/…`: statistics, the workspace's groups).
 */
export async function forgetWorkspace(scope: CacheScope, id: number, organizationId: number | undefined): Promise<void> {
  const prefixes = [scopeKeyOf({ organizationId: null, workspaceId: id })]
  if (organizationId !== undefined) {
    prefixes.push(pathPrefix({ organizationId, workspaceId: null }, 'track', `/organizations/${organizationId}/workspaces/`))
  }
  await forgetPrefixes(scope, prefixes)
}

/** JSON with object keys sorted, so two equal bodies give one key. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_, item: unknown) =>
    item !== null && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : 1)))
      : item,
  )
}
