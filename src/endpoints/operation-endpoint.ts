import * as v from 'valibot'
import { describe } from '../core/describe.ts'
import { HTTPStatusError, InputError, NamingError } from '../core/errors.ts'
import { scopeOfPath, type RequestScope } from '../core/api.ts'
import type { RequestSpec } from '../core/spec.ts'
import { callOptionsOf, idOf } from './arguments.ts'
import { pathText, TogglEndpoint, type CacheScope } from './base.ts'
import { findValid, forgetOrganizations, forgetPrefixes, forgetWorkspace, pathPrefix, readKey, scopeKeyOf } from './cache-keys.ts'
import type { WriteOutcome } from './cache-guard.ts'
import { forgetWorkspaceModels } from './models.ts'
import { OWN_SCOPE, type Operation, type OperationInput } from './operation.ts'
import { PageIterator, type Page } from './pages.ts'
import { UNSENDABLE_TEXT } from '../schemas/names.ts'

/** An operation whose arguments passed every check: the request to send, query included. */
export interface PreparedCall<Reply> {
  operation: Operation<Reply>
  spec: RequestSpec & { query: Record<string, string> }
  /** The ids the path was filled with, by placeholder. */
  ids: Record<string, number>
}

/** What a method adds to {@link OperationEndpoint.perform}. */
export interface PerformOptions<Reply> {
  /** A read: skip the cache, send, and store the answer. */
  refresh?: boolean | undefined
  /** A write: what else the method keeps in the cache once the write settles (after `invalidates` and `keeps`). */
  settle?: (cacheScope: CacheScope, outcome: WriteOutcome<Reply>) => Promise<void>
}

/**
 * The base of endpoints whose calls are described as {@link Operation}s: each method names its
 * operation and hands over its arguments. (OrganizationEndpoint predates it and stays without it,
 * so an app that only uses organizations does not carry this code.)
 */
export abstract class OperationEndpoint extends TogglEndpoint {
  /**
   * One call from start to end: checks the per-call options and every argument (nothing is sent
   * when one is wrong), then performs it. Most endpoint methods are just this, with their operation.
   */
  protected run<Reply>(operation: Operation<Reply>, where: string, input: Omit<OperationInput, 'signal'>, options: unknown): Promise<Reply> {
    const { refresh, signal } = callOptionsOf(options, where)
    return this.perform(this.prepare(operation, where, { ...input, signal }), { refresh })
  }

  /**
   * Checks every argument of a call against its operation, so bad input throws `InputError` (or
   * `NamingError` for a name) before anything is sent.
   */
  protected prepare<Reply>(operation: Operation<Reply>, where: string, input: OperationInput): PreparedCall<Reply> {
    const ids: Record<string, number> = {}
    const { secrets: secretFields = [] } = operation
    const secrets: unknown[] = []
    const path = operation.path.replace(/\{(\w+)\}/g, (_, name: string) => {
      const value = input.path?.[name]
      const argument = name.replace(/_id$/, '').replaceAll('_', ' ')
      const schema = operation.params?.[name]
      if (!schema) return String((ids[name] = idOf(value, where, argument, name)))
      const text = urlText(checked(schema, value, where, argument, [], secretFields.includes(name)), where, argument)
      if (secretFields.includes(name)) secrets.push(text)
      // Commas stay as they are: Toggl's bulk calls list ids as `1,2,3` in one path segment.
      return encodeURIComponent(text).replaceAll('%2C', ',')
    })
    const query = definedQuery(operation.query ? checked(operation.query, input.query ?? {}, where) : {})
    for (const [name, value] of Object.entries(query)) urlText(value, where, name)
    const spec: PreparedCall<Reply>['spec'] = { method: operation.method, path, query, signal: input.signal }
    if (operation.api !== undefined) spec.api = operation.api
    if (operation.read) spec.read = true
    if (operation.binary) spec.binary = true
    if (operation.retry !== undefined) spec.retry = operation.retry
    if (operation.body) {
      spec.body = sendable(checked(operation.body, input.body, where, undefined, operation.names, secretFields), where)
      for (const field of secretFields) secrets.push((spec.body as Record<string, unknown> | null)?.[field])
    }
    // Each secret a schema let through is a non-empty string.
    const given = secrets.filter((secret): secret is string => typeof secret === 'string' && secret !== '')
    if (given.length > 0) spec.secrets = given
    return { operation, spec, ids }
  }

  /**
   * Sends a prepared call and checks its reply. A `cached` read is answered from the cache while
   * fresh (unless `refresh`) and stored after, with what its operation `keeps`; a 403 or 404 on a
   * read that touches the cache drops everything cached about its scope (the organization or
   * workspace is gone, or no longer yours), its models included. Any other call is a write: it
   * makes stale what its operation `invalidates` (by default everything cached about its scope),
   * succeed or fail, since a failed write may still have been applied; then it keeps what its
   * operation `keeps`, and runs `settle` when the method has more to keep.
   */
  protected async perform<Reply>(call: PreparedCall<Reply>, options: PerformOptions<Reply> = {}): Promise<Reply> {
    const { operation, spec } = call
    const load = async () => (await this.performWithHeaders(call)).data
    if (operation.method === 'GET' || operation.read === true) {
      return this.cachedRead(call, operation.reply, load, options, operation.keeps?.read)
    }
    const cacheScope = await this.cacheScope()
    if (!cacheScope) return load()
    const scope = scopeOfPath(operation.api ?? 'track', spec.path)
    return cacheScope.guard.write(load, async (outcome) => {
      await this.#invalidate(cacheScope, call, scope)
      await operation.keeps?.write?.(cacheScope, outcome, call.ids)
      await options.settle?.(cacheScope, outcome)
    })
  }

  /**
   * A read of `call` that the cache may answer when its operation is `cached`: `load` fetches what
   * is kept (the reply, or more than its body, such as a page with the cursor its headers gave),
   * `schema` checks what the cache holds, and `keep` stores models of what was loaded. Without a
   * cache, or for a read that is neither `cached` nor kept, it only loads. A 403 or 404 drops
   * everything cached about the call's scope.
   */
  protected async cachedRead<Reply, T>(
    { operation, spec }: PreparedCall<Reply>,
    schema: v.GenericSchema<unknown, T>,
    load: () => Promise<T>,
    options: { refresh?: boolean | undefined } = {},
    keep?: (cacheScope: CacheScope, data: T) => Promise<void>,
  ): Promise<T> {
    const cacheScope = operation.cached || keep ? await this.cacheScope() : undefined
    if (!cacheScope) return load()
    const scope = scopeOfPath(operation.api ?? 'track', spec.path)
    const key = operation.cached ? readKey(scope, operation.api ?? 'track', spec.path, spec.query, spec.body) : undefined
    if (key !== undefined && !options.refresh) {
      const found = await findValid(cacheScope, key, schema)
      if (found !== undefined) return found
    }
    const commit = cacheScope.guard.beginRead()
    let data: T
    try {
      data = await load()
    } catch (error) {
      if (error instanceof HTTPStatusError && (error.status === 403 || error.status === 404)) {
        await cacheScope.guard.update(() => this.#forgetMissed(cacheScope, scope, key))
      }
      throw error
    }
    await commit(async () => {
      if (key !== undefined) await cacheScope.cache.put(cacheScope.partition, key, data)
      await keep?.(cacheScope, data)
    })
    return data
  }

  /**
   * After a 403 or 404: for the user's own scope the read's entry; for an organization or a
   * workspace everything cached about it, and the models of its workspaces.
   */
  async #forgetMissed(cacheScope: CacheScope, scope: RequestScope, key: string | undefined): Promise<void> {
    if (scope.organizationId === null && scope.workspaceId === null) {
      if (key !== undefined) await cacheScope.cache.delete(cacheScope.partition, key)
      return
    }
    await this.#forgetScope(cacheScope, scope)
    const workspaces = scope.organizationId === null ? [scope.workspaceId!] : this.core.workspacesOf(scope.organizationId)
    await forgetWorkspaceModels(cacheScope, workspaces)
  }

  /**
   * Drops everything cached about an organization (with its workspaces) or a workspace (with what
   * its organization says about it), or, for the user's own scope, every read of the user's own.
   */
  #forgetScope(cacheScope: CacheScope, scope: RequestScope): Promise<void> {
    if (scope.organizationId !== null) return forgetOrganizations(cacheScope, [scope.organizationId], (id) => this.core.workspacesOf(id))
    if (scope.workspaceId !== null) return forgetWorkspace(cacheScope, scope.workspaceId, this.core.organizationOf(scope.workspaceId))
    return forgetPrefixes(cacheScope, [scopeKeyOf(scope)])
  }

  async #invalidate<Reply>(cacheScope: CacheScope, { operation, ids }: PreparedCall<Reply>, scope: RequestScope): Promise<void> {
    const { invalidates = [OWN_SCOPE] } = operation
    if (invalidates.includes(OWN_SCOPE)) await this.#forgetScope(cacheScope, scope)
    const api = operation.api ?? 'track'
    const prefixes = invalidates.flatMap((stale) => {
      if (stale === OWN_SCOPE) return []
      if (!stale.startsWith('/')) return [stale]
      const path = stale.replace(/\{(\w+)\}/g, (_, name: string) => String(ids[name]))
      return [pathPrefix(scopeOfPath(api, path), api, path)]
    })
    await forgetPrefixes(cacheScope, prefixes)
  }

  /**
   * Sends a prepared call past the cache and checks its reply; the reply headers come along (paged
   * listings need them). What the reply tells about workspaces' organizations is learnt on the way.
   */
  protected async performWithHeaders<Reply>({ operation, spec, ids }: PreparedCall<Reply>): Promise<{ data: Reply; headers: Headers }> {
    const reply = await this.core.send(spec)
    const data = this.valid(spec, reply, operation.reply)
    if (operation.learn) this.core.learnWorkspaces(operation.learn(data, ids))
    return { data, headers: reply.headers }
  }
}

/**
 * A listing Toggl pages with `page` and `per_page`, as a {@link PageIterator}: `fetchPage` sends
 * `call` as each page asks, and builds the page from its reply.
 */
export function pagesByNumber<Reply, Item>(
  call: PreparedCall<Reply>,
  defaultPerPage: number,
  fetchPage: (call: PreparedCall<Reply>, asked: { page: number; perPage: number }) => Promise<Page<Item>>,
): PageIterator<Item> {
  const { spec } = call
  // Sent on every page, so the page size the iterator counts with is the one Toggl uses.
  const perPage = Number(spec.query.per_page ?? defaultPerPage)
  return new PageIterator((page) => fetchPage({ ...call, spec: { ...spec, query: { ...spec.query, page: String(page), per_page: String(perPage) } } }, { page, perPage }))
}

/**
 * `value` as `schema` outputs it, or an `InputError` naming the argument, the field and the rule.
 * A secret (`true`: the value itself; a list: those top-level fields) is never quoted.
 */
function checked<T>(
  schema: v.GenericSchema<unknown, T>,
  value: unknown,
  where: string,
  argument?: string,
  names: readonly string[] = [],
  secret: boolean | readonly string[] = false,
): T {
  // Valibot takes an array for an object (reading keys such as `filter` from Array.prototype), so
  // an array meets the schema as what it is to it: no object at all.
  const result = v.safeParse(schema, Array.isArray(value) && /object$/.test(schema.type) ? null : value)
  if (result.success) return result.output
  // A misspelt field usually comes with the field it was meant to be "missing": name the misspelling.
  const issue = result.issues.find((found) => found.type.startsWith('strict_') && found.expected === 'never') ?? result.issues[0]
  const field = pathText(issue.path, '')
  // A strict object reports an unknown key (expecting `never`) and a missing one (expecting `"key"`)
  // with its own message; say which it is.
  const strict = issue.type.startsWith('strict_') && field !== ''
  if (strict && issue.expected === 'never') throw new InputError(`${where}: ${field} is not a field Toggl takes here`)
  const problem = strict && issue.input === undefined && issue.expected?.startsWith('"') ? `${field} must be given` : undefined
  const top = issue.path?.[0]?.key
  const quiet = secret === true || (secret !== false && secret.includes(top as string))
  const got = quiet ? '' : `, got ${describe(field === '' ? value : issue.input)}`
  if (typeof top === 'string' && names.includes(top) && issue.path?.length === 1) {
    throw new NamingError(`${where}: ${problem ?? `${issue.message}${got}`}`)
  }
  if (problem) throw new InputError(`${where}: ${problem}`)
  const subject = [argument, field].filter(Boolean).join(' ')
  throw new InputError(`${where}: ${subject === '' ? '' : `${subject} `}${issue.message}${got}`)
}

/**
 * The most a path placeholder or query value may take, URL-encoded: Toggl documents no limit for
 * its filters and codes, and a URL well under the 8 KB that servers and proxies commonly accept
 * is one that arrives.
 */
const MAX_URL_TEXT = 2000

/** `text` for a URL, or an `InputError` when it holds what cannot be sent or is too long for a URL. */
function urlText(text: string, where: string, field: string): string {
  sendable(text, where, field)
  if (text.length > MAX_URL_TEXT || encodeURIComponent(text).length > MAX_URL_TEXT) {
    throw new InputError(`${where}: ${field} is too long for a URL (over ${MAX_URL_TEXT} characters URL-encoded), got ${describe(text)}`)
  }
  return text
}

/** Deeper than any body Toggl takes; JSON.stringify would overflow the stack long before a limit of its own. */
const MAX_BODY_DEPTH = 32

/**
 * `value` if no string in it (keys included) holds a lone surrogate or NUL, which Toggl cannot
 * store as given (JSON would carry a lone surrogate as an escape that Toggl turns into U+FFFD), and
 * nothing in it nests deeper than {@link MAX_BODY_DEPTH} levels (a field a schema passes on as it
 * came), else an `InputError` naming the field. Walked with a stack of its own, so no depth overflows it.
 */
function sendable<T>(value: T, where: string, field = ''): T {
  const pending: Array<readonly [unknown, string, number]> = [[value, field, 0]]
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [item, at, depth] = next
    const name = at === '' ? 'the body' : at
    if (typeof item === 'string' && UNSENDABLE_TEXT.test(item)) throw new InputError(`${where}: ${name} must not contain a lone surrogate or NUL`)
    if (item === null || typeof item !== 'object') continue
    if (depth >= MAX_BODY_DEPTH) throw new InputError(`${where}: ${name} is nested too deeply to send (over ${MAX_BODY_DEPTH} levels)`)
    for (const [key, child] of Object.entries(item)) {
      const path = Array.isArray(item) ? `${at}[${key}]` : at === '' ? key : `${at}.${key}`
      if (UNSENDABLE_TEXT.test(key)) throw new InputError(`${where}: ${path} must not contain a lone surrogate or NUL`)
      pending.push([child, path, depth + 1])
    }
  }
  return value
}

function definedQuery(query: Record<string, string | number | boolean | undefined>): Record<string, string> {
  const defined: Record<string, string> = {}
  for (const [name, value] of Object.entries(query)) if (value !== undefined) defined[name] = String(value)
  return defined
}

