import * as v from 'valibot'
import { describe } from '../core/describe.ts'
import { HTTPStatusError, InputError, NamingError } from '../core/errors.ts'
import { organizationIdOfPath } from '../core/paths.ts'
import type { RequestSpec } from '../core/spec.ts'
import { callOptionsOf, idOf } from './arguments.ts'
import { pathText, TogglEndpoint } from './base.ts'
import { findValid, forgetOrganization, readKey } from './cache-keys.ts'
import type { Operation, OperationInput } from './operation.ts'

/** An operation whose arguments passed every check: the request to send, query included. */
export interface PreparedCall<Reply> {
  operation: Operation<Reply>
  spec: RequestSpec & { query: Record<string, string> }
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
    const path = operation.path.replace(/\{(\w+)\}/g, (_, name: string) => {
      const value = input.path?.[name]
      const argument = name.replace(/_id$/, '').replaceAll('_', ' ')
      const schema = operation.params?.[name]
      return schema ? encodeURIComponent(checked(schema, value, where, argument)) : String(idOf(value, where, argument, name))
    })
    const query = operation.query ? checked(operation.query, input.query ?? {}, where) : {}
    const spec: PreparedCall<Reply>['spec'] = { method: operation.method, path, query: definedQuery(query), signal: input.signal }
    if (operation.retry === false) spec.retry = false
    if (operation.body) spec.body = checked(operation.body, input.body, where, undefined, operation.names)
    return { operation, spec }
  }

  /**
   * Sends a prepared call and checks its reply. A `cached` read is answered from the cache while
   * fresh (unless `refresh`) and stored after; a 403 or 404 drops everything cached about its
   * organization. Any other method is a write: it makes everything
   * cached about its organization stale (and the keys it `invalidates`), succeed or fail, since a
   * failed write may still have been applied.
   */
  protected async perform<Reply>(call: PreparedCall<Reply>, options: { refresh?: boolean | undefined } = {}): Promise<Reply> {
    const { operation, spec } = call
    const isRead = operation.method === 'GET'
    if (isRead && !operation.cached) return (await this.performWithHeaders(call)).data
    const scope = await this.cacheScope()
    const organizationId = organizationIdOfPath(spec.path)
    if (isRead) {
      if (!scope) return (await this.performWithHeaders(call)).data
      const key = readKey(spec.path, spec.query)
      if (!options.refresh) {
        const found = await findValid(scope, key, operation.reply)
        if (found !== undefined) return found
      }
      const commit = scope.guard.beginRead()
      let data: Reply
      try {
        ;({ data } = await this.performWithHeaders(call))
      } catch (error) {
        // Toggl says the organization is gone, or no longer yours: nothing cached about it may be served.
        if (error instanceof HTTPStatusError && (error.status === 403 || error.status === 404)) {
          await scope.guard.update(() => (organizationId === null ? scope.cache.delete(scope.partition, key) : forgetOrganization(scope, organizationId)))
        }
        throw error
      }
      await commit(() => scope.cache.put(scope.partition, key, data))
      return data
    }
    if (!scope) return (await this.performWithHeaders(call)).data
    return scope.guard.write(
      async () => (await this.performWithHeaders(call)).data,
      async () => {
        if (organizationId !== null) await forgetOrganization(scope, organizationId)
        for (const key of operation.invalidates ?? []) await scope.cache.delete(scope.partition, key)
      },
    )
  }

  /** Sends a prepared call past the cache; the reply headers come along (paged listings need them). */
  protected async performWithHeaders<Reply>({ operation, spec }: PreparedCall<Reply>): Promise<{ data: Reply; headers: Headers }> {
    const reply = await this.core.send(spec)
    return { data: this.valid(spec, reply, operation.reply), headers: reply.headers }
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
  const issue = result.issues[0]
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

