import * as v from 'valibot'
import { describe } from '../core/describe.ts'
import { HTTPStatusError, InputError, NamingError } from '../core/errors.ts'
import { scopeOfPath, type RequestScope } from '../core/api.ts'
import type { RequestSpec } from '../core/spec.ts'
import { callOptionsOf, idOf } from './arguments.ts'
import { pathText, TogglEndpoint, type CacheScope } from './base.ts'
import { findValid, forgetOrganizations, forgetPrefixes, forgetWorkspace, pathPrefix, readKey } from './cache-keys.ts'
import { OWN_SCOPE, type Operation, type OperationInput } from './operation.ts'

/** An operation whose arguments passed every check: the request to send, query included. */
export interface PreparedCall<Reply> {
  operation: Operation<Reply>
  spec: RequestSpec & { query: Record<string, string> }
  /** The ids the path was filled with, by placeholder. */
  ids: Record<string, number>
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
    const path = operation.path.replace(/\{(\w+)\}/g, (_, name: string) => {
      const value = input.path?.[name]
      const argument = name.replace(/_id$/, '').replaceAll('_', ' ')
      const schema = operation.params?.[name]
      if (schema) return encodeURIComponent(checked(schema, value, where, argument))
      return String((ids[name] = idOf(value, where, argument, name)))
    })
    const query = operation.query ? checked(operation.query, input.query ?? {}, where) : {}
    const spec: PreparedCall<Reply>['spec'] = { method: operation.method, path, query: definedQuery(query), signal: input.signal }
    if (operation.api !== undefined) spec.api = operation.api
    if (operation.read) spec.read = true
    if (operation.binary) spec.binary = true
    if (operation.retry !== undefined) spec.retry = operation.retry
    if (operation.body) spec.body = checked(operation.body, input.body, where, undefined, operation.names)
    return { operation, spec, ids }
  }

  /**
   * Sends a prepared call and checks its reply. A `cached` read is answered from the cache while
   * fresh (unless `refresh`) and stored after; a 403 or 404 drops everything cached about its scope
   * (the organization or workspace is gone, or no longer yours). Any other call is a write: it makes
   * stale what its operation `invalidates` (by default everything cached about its scope), succeed
   * or fail, since a failed write may still have been applied.
   */
  protected async perform<Reply>(call: PreparedCall<Reply>, options: { refresh?: boolean | undefined } = {}): Promise<Reply> {
    const { operation, spec } = call
    const load = async () => (await this.performWithHeaders(call)).data
    if (operation.method === 'GET' || operation.read === true) return this.cachedRead(call, operation.reply, load, options)
    const cacheScope = await this.cacheScope()
    if (!cacheScope) return load()
    return cacheScope.guard.write(load, () => this.#invalidate(cacheScope, call, scopeOfPath(operation.api ?? 'track', spec.path)))
  }

  /**
   * A read of `call` that the cache may answer when its operation is `cached`: `load` fetches what
   * is kept (the reply, or more than its body, such as a page with the cursor its headers gave),
   * `schema` checks what the cache holds. Without a cache, or for a read that is not `cached`, it
   * only loads. A 403 or 404 drops everything cached about the call's scope.
   */
  protected async cachedRead<Reply, T>(
    { operation, spec }: PreparedCall<Reply>,
    schema: v.GenericSchema<unknown, T>,
    load: () => Promise<T>,
    options: { refresh?: boolean | undefined } = {},
  ): Promise<T> {
    const cacheScope = operation.cached ? await this.cacheScope() : undefined
    if (!cacheScope) return load()
    const scope = scopeOfPath(operation.api ?? 'track', spec.path)
    const key = readKey(scope, operation.api ?? 'track', spec.path, spec.query, spec.body)
    if (!options.refresh) {
      const found = await findValid(cacheScope, key, schema)
      if (found !== undefined) return found
    }
    const commit = cacheScope.guard.beginRead()
    let data: T
    try {
      data = await load()
    } catch (error) {
      if (error instanceof HTTPStatusError && (error.status === 403 || error.status === 404)) {
        await cacheScope.guard.update(() =>
          scope.organizationId === null && scope.workspaceId === null ? cacheScope.cache.delete(cacheScope.partition, key) : this.forgetScope(cacheScope, scope),
        )
      }
      throw error
    }
    await commit(() => cacheScope.cache.put(cacheScope.partition, key, data))
    return data
  }

  /**
   * Drops everything cached about an organization (with its workspaces) or a workspace (with what
   * its organization says about it), or, for the user's own scope, every read of the user's own.
   */
  protected forgetScope(cacheScope: CacheScope, scope: RequestScope): Promise<void> {
    if (scope.organizationId !== null) return forgetOrganizations(cacheScope, [scope.organizationId], (id) => this.core.workspacesOf(id))
    if (scope.workspaceId !== null) return forgetWorkspace(cacheScope, scope.workspaceId, this.core.organizationOf(scope.workspaceId))
    return forgetPrefixes(cacheScope, [pathPrefix(scope, 'track', '')])
  }

  async #invalidate<Reply>(cacheScope: CacheScope, { operation, ids }: PreparedCall<Reply>, scope: RequestScope): Promise<void> {
    const { invalidates = [OWN_SCOPE] } = operation
    if (invalidates.includes(OWN_SCOPE)) await this.forgetScope(cacheScope, scope)
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

/** `value` as `schema` outputs it, or an `InputError` naming the argument, the field and the rule. */
function checked<T>(
  schema: v.GenericSchema<unknown, T>,
  value: unknown,
  where: string,
  argument?: string,
  names: readonly string[] = [],
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
  if (typeof top === 'string' && names.includes(top) && issue.path?.length === 1) {
    throw new NamingError(`${where}: ${problem ?? `${issue.message}, got ${describe(issue.input)}`}`)
  }
  if (problem) throw new InputError(`${where}: ${problem}`)
  const subject = [argument, field].filter(Boolean).join(' ')
  const got = describe(field === '' ? value : issue.input)
  throw new InputError(`${where}: ${subject === '' ? '' : `${subject} `}${issue.message}, got ${got}`)
}

function definedQuery(query: Record<string, string | number | boolean | undefined>): Record<string, string> {
  const defined: Record<string, string> = {}
  for (const [name, value] of Object.entries(query)) if (value !== undefined) defined[name] = String(value)
  return defined
}

