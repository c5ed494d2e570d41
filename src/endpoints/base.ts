import * as v from 'valibot'
import { BasicAuth } from '../core/auth.ts'
import { describe } from '../core/describe.ts'
import type { TogglCache } from '../cache/types.ts'
import { cacheGuardOf, type CacheGuard } from './cache-guard.ts'
import { saltOf } from './cache-salt.ts'
import { HTTPStatusError, InputError, ResponseValidationError } from '../core/errors.ts'
import { resolveOptions, type EndpointOptions } from '../core/options.ts'
import type { QuotaInfo } from '../core/quota.ts'
import type { QuotaStore } from '../core/account.ts'
import { RequestCore } from '../core/request.ts'
import type { RequestSpec, TogglReply } from '../core/spec.ts'

export interface CacheScope {
  cache: TogglCache
  partition: string
  guard: CacheGuard
}

/**
 * What every endpoint shares: checked constructor arguments, the request core, the account's cache
 * partition, and reply validation.
 */
export abstract class TogglEndpoint {
  protected readonly core: RequestCore
  protected readonly cache: TogglCache | null
  readonly #auth: BasicAuth
  /** The account's partition and the guard of the cache, named once per endpoint. */
  #scope: Promise<CacheScope> | undefined

  constructor(auth: BasicAuth, cache: TogglCache | null | undefined, options: EndpointOptions | undefined) {
    const where = `new ${new.target.name}`
    if (!(auth instanceof BasicAuth)) {
      throw new InputError(`${where}: auth must be a BasicAuth`)
    }
    if (cache !== undefined && cache !== null && !isCache(cache)) {
      throw new InputError(`${where}: cache must be a TogglCache or null`)
    }
    this.#auth = auth
    this.cache = cache ?? null
    this.core = new RequestCore(auth, resolveOptions(options, where))
    // Names the partition now, so the quota view is shared before the first call needs it.
    if (this.cache) void this.cacheScope()
  }

  /** The hourly quota as the last reply reported it (of any window), or `null` before any reply. */
  get quota(): QuotaInfo | null {
    return this.core.quota
  }

  /**
   * One quota window as last reported: an organization's (`/organizations/{id}/…` calls draw on it),
   * or your own with `null` (`/me/…` calls and creating organizations); `null` before any report.
   * A spent window stops only the calls that draw on it.
   */
  quotaOf(organizationId: number | null): QuotaInfo | null {
    return this.core.quotaOf(organizationId)
  }

  /**
   * Forgets what every client of this account in this JS realm knows of its hourly quota, and the
   * windows the cache keeps for other tabs and processes, so a call that a spent window stopped is
   * sent again. For a fake Toggl API that was reset (a test, a demo); against Toggl a quota that is
   * really spent still answers 402, and the reply makes it known again.
   * @example await endpoint.forgetQuota() // after mock.state was reset, or a new fake started
   */
  async forgetQuota(): Promise<void> {
    // The cache's copy is known once the partition is named.
    await this.cacheScope()
    await this.core.forgetQuota()
  }

  /**
   * The cache as this account sees it: its partition (one account on one API, named by a hash,
   * never by the token; a slow, salted one for a password) and the guard that orders its updates;
   * `undefined` without a cache.
   */
  protected cacheScope(): Promise<CacheScope | undefined> {
    const { cache } = this
    if (!cache) return Promise.resolve(undefined)
    this.#scope ??= this.#auth.accountKey(() => saltOf(cache)).then((key) => {
      const partition = `${key}@${this.core.options.baseURL}`
      if (cache.channel) this.core.shareQuota(cache.channel, partition)
      // A store other tabs or processes write: each reads there what the others saw of the quota.
      if (!cache.trusted) this.core.shareQuotaThrough(quotaStoreIn(cache, partition))
      const guard = cacheGuardOf(cache, partition)
      // Endpoints change the cache through the guard's view, so what a write changed can be announced.
      return { cache: guard.cache, partition, guard }
    })
    return this.#scope
  }

  /** Sends `spec` and checks the reply against `schema`; a mismatch names the field path. */
  protected async fetchValid<S extends v.GenericSchema>(spec: RequestSpec, schema: S): Promise<v.InferOutput<S>> {
    return this.valid(spec, await this.core.send(spec), schema)
  }

  /** A reply's data as `schema` outputs it, or a `ResponseValidationError` naming the field path. */
  protected valid<T>(spec: RequestSpec, reply: TogglReply, schema: v.GenericSchema<unknown, T>): T {
    const result = v.safeParse(schema, reply.data)
    if (result.success) return result.output
    const issue = result.issues[0]
    // What the reply held goes into the error only redacted and cut: a field may be megabytes, or echo the token.
    const redact = (text: string, max: number) => this.#auth.redact(text, max)
    throw new ResponseValidationError({ method: spec.method, url: this.core.urlOf(spec) }, redact('$' + pathText(issue.path, '.'), 200), redact(problemOf(issue), 300))
  }

  /**
   * Whether `error` is one of the `misses` a call answers quietly ("not there for you"): a status,
   * or a status with Toggl's exact words; never with `reRaise`.
   */
  protected isQuietMiss(error: unknown, misses: readonly (number | Miss)[]): boolean {
    if (this.core.options.reRaise || !(error instanceof HTTPStatusError)) return false
    return misses.some((miss) =>
      typeof miss === 'number' ? error.status === miss : error.status === miss.status && (miss.message === undefined || error.serverMessage === miss.message),
    )
  }
}

/** How Toggl says that one entity is not there: a status, and for a 400 its exact words. */
export interface Miss {
  status: number
  message?: string
}

/** A valibot issue path as `a.b[2].c`, after `lead` (which goes before a leading key). */
export function pathText(path: v.BaseIssue<unknown>['path'], lead: string): string {
  return (path ?? [])
    .map(({ key }, index) => (typeof key === 'number' ? `[${key}]` : `${index === 0 ? lead : '.'}${String(key)}`))
    .join('')
}

const quotaStores = new WeakMap<TogglCache, Map<string, QuotaStore>>()

/** A cache's quota windows of one account, under `quota:{window}`; what fails to read counts as nothing known. */
function quotaStoreIn(cache: TogglCache, partition: string): QuotaStore {
  let byPartition = quotaStores.get(cache)
  if (!byPartition) quotaStores.set(cache, (byPartition = new Map()))
  let store = byPartition.get(partition)
  if (!store) byPartition.set(partition, (store = windowsIn(cache, partition)))
  return store
}

function windowsIn(cache: TogglCache, partition: string): QuotaStore {
  return {
    load: async (window) => {
      const found = v.safeParse(QuotaInfoSchema, await cache.find(partition, `quota:${window}`))
      return found.success ? found.output : undefined
    },
    save: (window, info) => void cache.put(partition, `quota:${window}`, info).catch(() => {}),
    forget: () => cache.deleteByPrefix(partition, ['quota:']).catch(() => {}),
  }
}

const QuotaInfoSchema: v.GenericSchema<unknown, QuotaInfo> = v.pipe(
  v.object({
    remaining: v.number(),
    resetsIn: v.number(),
    at: v.number(),
    organizationId: v.nullable(v.number()),
    workspaceId: v.optional(v.number()),
    total: v.optional(v.number()),
  }),
  v.transform(({ workspaceId, total, ...info }) => ({ ...info, ...(workspaceId === undefined ? {} : { workspaceId }), ...(total === undefined ? {} : { total }) })),
)

/** Valibot's words for an issue, with a long received value told by its kind and size instead. */
function problemOf({ message, received, input }: v.BaseIssue<unknown>): string {
  return received.length > 40 && message.endsWith(received) ? message.slice(0, -received.length) + describe(input) : message
}

function isCache(value: unknown): value is TogglCache {
  const cache = value as Partial<Record<keyof TogglCache, unknown>>
  return typeof value === 'object' && ['find', 'findMany', 'put', 'putMany', 'delete', 'deleteMany', 'deleteByPrefix', 'keys', 'range', 'clear', 'entries'].every((m) => typeof cache[m as keyof TogglCache] === 'function')
}
