import * as v from 'valibot'
import { OrganizationSchema, type TogglOrganization } from '../../schemas/organizations/organizations.ts'
import type { CacheScope } from '../base.ts'
import {
  DROPPED_ORGANIZATION_KEY_PREFIX,
  dropOrganizationModels,
  findValid,
  forgetOrganizationScopes,
  forgetPrefixes,
  LISTED_ORGANIZATION_KEY_PREFIX,
  LISTED_ORGANIZATIONS_FRESH_KEY as FRESH_KEY,
  LISTED_ORGANIZATIONS_INDEX_KEY as INDEX_KEY,
  listedOrganizationKey,
  ORGANIZATION_KEY_PREFIX,
  ORGANIZATION_LIST_KEY as LIST_KEY,
  organizationKey,
  pathPrefix,
  USER_SCOPE,
  validCached,
} from '../cache-keys.ts'
import { HTTPStatusError } from '../../core/errors.ts'
import type { WriteOutcome } from '../cache-guard.ts'

/*
 * How organizations are kept, so that a fresh listing of thousands writes only what changed (in
 * IndexedDB every record written costs a request, however small):
 * - a complete listing stores each organization under `listed:organization:{id}` for two `ttl`s, with
 *   an index holding a fingerprint of each and when they were last all written; a listing within a
 *   `ttl` of that writes again only the copies whose fingerprint changed or that are missing, a later
 *   one writes them all (so every copy outlives the freshness mark of the listing that last kept it);
 * - the copies are served while the newest listing's freshness mark (an entry of `ttl`) is there, and
 *   the ids of the complete list while the list entry is (membership changes drop it alone);
 * - an organization fetched alone lives under `organization:{id}` for `ttl`, and is served before its
 *   listed copy, being newer; the next listing drops it;
 * - whatever drops a listed copy marks it dropped, so the next listing writes it again; listings run
 *   under the store's lock, so the index names every other stored copy (in processes sharing a store
 *   without a lock, two listings at once may leave a copy it does not name: it expires in two `ttl`s).
 */

/** The ids of a complete `collect()`. */
const ListSchema = v.array(v.number())
/** The listed copies' fingerprints by id (one missing counts as changed), and when all were written. */
const IndexSchema = v.object({ ids: v.array(v.number()), prints: v.array(v.number()), writtenAt: v.number() })

/** The cached model of one organization, if it is there and still valid. */
export async function cachedOrganization(scope: CacheScope, id: number): Promise<TogglOrganization | undefined> {
  return validCached(scope, await servedCopy(scope, id), OrganizationSchema)
}

/** The copy of an organization that is served: the one fetched alone, else the listed one while its listing is fresh. */
async function servedCopy(scope: CacheScope, id: number): Promise<unknown> {
  const [alone, listed, fresh] = await scope.cache.findMany(scope.partition, [organizationKey(id), listedOrganizationKey(id), FRESH_KEY])
  return alone ?? (fresh === undefined ? undefined : listed)
}

/** The complete list, when a `collect()` stored one that is still fresh and whole. */
export async function cachedList(scope: CacheScope): Promise<TogglOrganization[] | undefined> {
  const { cache, partition } = scope
  const ids = await findValid(scope, LIST_KEY, ListSchema)
  if (!ids) return undefined
  const alone = idsUnder(await cache.keys(partition, ORGANIZATION_KEY_PREFIX), ORGANIZATION_KEY_PREFIX)
  const [fresh, ...found] = await cache.findMany(partition, [FRESH_KEY, ...ids.map(listedOrganizationKey), ...alone.map(organizationKey)])
  if (fresh === undefined) return undefined
  const fetchedAlone = new Map(alone.map((id, index) => [id, found[ids.length + index]]))
  const organizations: TogglOrganization[] = []
  for (const [index, id] of ids.entries()) {
    const organization = validCached(scope, fetchedAlone.get(id) ?? found[index], OrganizationSchema)
    if (organization) {
      organizations.push(organization)
      continue
    }
    // A listed copy gone while the store still lists its key (it expired early: a clock that runs
    // ahead, say) would go unnoticed by the next listing: without the index, it writes them all.
    if (found[index] === undefined) await cache.delete(partition, INDEX_KEY)
    return undefined
  }
  return organizations
}

/**
 * Stores one organization fetched alone. While a complete list is stored, every cached organization
 * is on it (a listing drops those it lacks, and this drops the list for one it never held), so an
 * organization that was not cached yet is the only one that can be missing from the list.
 */
export async function storeOne(scope: CacheScope, organization: TogglOrganization): Promise<void> {
  const { cache, partition } = scope
  const known = (await servedCopy(scope, organization.id)) !== undefined
  await cache.put(partition, organizationKey(organization.id), organization)
  if (!known) await cache.delete(partition, LIST_KEY)
}

/**
 * Stores a complete listing: forgets what is cached of organizations it lacks (the account left
 * them), writes the listed copies that changed, then the index, the freshness mark and the list.
 * Under the store's lock: two tabs or processes storing listings at once could otherwise each keep
 * a copy that the other's index does not name, and no later listing would drop it.
 */
export function storeList(scope: CacheScope, organizations: readonly TogglOrganization[], workspacesOf: (id: number) => number[]): Promise<void> {
  const store = () => storeListNow(scope, organizations, workspacesOf)
  return scope.cache.lock ? scope.cache.lock(`list:${scope.partition}:organizations`, store) : store()
}

async function storeListNow(scope: CacheScope, organizations: readonly TogglOrganization[], workspacesOf: (id: number) => number[]): Promise<void> {
  const { cache, partition } = scope
  if (cache.ttl === 0) return
  const index = await findValid(scope, INDEX_KEY, IndexSchema)
  const alone = idsUnder(await cache.keys(partition, ORGANIZATION_KEY_PREFIX), ORGANIZATION_KEY_PREFIX)
  const dropped = await cache.keys(partition, DROPPED_ORGANIZATION_KEY_PREFIX)
  const gone = new Set(idsUnder(dropped, DROPPED_ORGANIZATION_KEY_PREFIX))
  // The index names every stored copy but those marked dropped; without one, the store lists them.
  const stored = (index?.ids ?? idsUnder(await cache.keys(partition, LISTED_ORGANIZATION_KEY_PREFIX), LISTED_ORGANIZATION_KEY_PREFIX)).filter((id) => !gone.has(id))
  const ids = organizations.map(({ id }) => id)
  const listed = new Set(ids)
  const aloneLeft = alone.filter((id) => !listed.has(id))
  const storedLeft = stored.filter((id) => !listed.has(id))
  await cache.deleteMany(partition, [...aloneLeft.map(organizationKey), ...storedLeft.map(listedOrganizationKey)])
  await forgetOrganizationScopes(scope, [...new Set([...aloneLeft, ...storedLeft])], workspacesOf)
  const now = Date.now()
  // Copies last all written a ttl ago or more may expire before this listing's mark: all are written.
  const keep = index !== undefined && now - index.writtenAt < cache.ttl
  const printed = new Map(keep ? index.ids.map((id, at) => [id, index.prints[at]]) : [])
  const present = new Set(stored)
  const prints = organizations.map(fingerprint)
  const changed = organizations.filter(({ id }, at) => printed.get(id) !== prints[at] || !present.has(id))
  const copiesTtl = 2 * cache.ttl
  // One batch (one transaction where the store has them; in this order where it has none): an index
  // is never kept that names copies a refused write did not store, which listings would then renew.
  await cache.putMany(partition, [
    ...changed.map((organization) => ({ key: listedOrganizationKey(organization.id), value: organization, ttl: copiesTtl })),
    { key: INDEX_KEY, value: { ids, prints, writtenAt: keep ? index.writtenAt : now }, ttl: copiesTtl },
    { key: FRESH_KEY, value: true },
    { key: LIST_KEY, value: ids },
  ])
  // Fetched alone before this listing, they are older than it; dropped only now, so their listed copies are newer.
  await cache.deleteMany(partition, [...alone.filter((id) => listed.has(id)).map(organizationKey), ...dropped])
}

/**
 * After a PUT: the cached copy with its new name, when the rename certainly is the last one Toggl
 * applied. Otherwise the copy is dropped (a clear 4xx refusal changed nothing and keeps it).
 */
export async function renameCached(scope: CacheScope, id: number, name: string, outcome: WriteOutcome): Promise<TogglOrganization | undefined> {
  const refused = outcome.error instanceof HTTPStatusError && outcome.error.status < 500
  if (refused) return undefined
  const cached = outcome.alone && !outcome.error ? await cachedOrganization(scope, id) : undefined
  if (!cached) {
    await dropOrganizationModels(scope, [id])
    return undefined
  }
  const renamed = { ...cached, name }
  await scope.cache.put(scope.partition, organizationKey(id), renamed)
  return renamed
}

/** The lists that change with membership: organizations, and the user's workspaces. */
export function forgetMemberships(scope: CacheScope): Promise<void> {
  return forgetPrefixes(scope, [LIST_KEY, pathPrefix(USER_SCOPE, 'track', '/me/workspaces')])
}

function idsUnder(keys: readonly string[], prefix: string): number[] {
  return keys.map((key) => Number(key.slice(prefix.length))).filter(Number.isInteger)
}

/**
 * 53 bits (cyrb53) of the model's JSON: two listings of one organization print alike exactly when
 * nothing in it changed (a replaced one printing alike by chance is about one in 2^53). `NaN`, equal
 * to no print, for a model too deep to turn into JSON (the cache refuses it anyway).
 */
function fingerprint(model: unknown): number {
  let text: string
  try {
    text = JSON.stringify(model)
  } catch {
    return Number.NaN
  }
  let h1 = 0xdeadbeef
  let h2 = 0x41c6ce57
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at)
    h1 = Math.imul(h1 ^ code, 2654435761)
    h2 = Math.imul(h2 ^ code, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return 4294967296 * (2097151 & h2) + (h1 >>> 0)
}
