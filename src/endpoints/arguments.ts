import * as v from 'valibot'
import { InputError, NamingError } from '../core/errors.ts'
import { describe } from '../core/describe.ts'

/** Per-call options every method takes. */
export interface CallOptions {
  /** Ends the call (and any retry wait) at once, rejecting with the signal's reason. */
  signal?: AbortSignal
}

/** Per-call options of reads that a cache may answer. */
export interface ReadOptions extends CallOptions {
  /**
   * Skip the cache: always send the request, then store its answer.
   * @default false
   */
  refresh?: boolean
}

/**
 * An id from a number or from a model carrying one, under `field` (e.g. a group's `group_id`) or
 * else `id`; Toggl ids are positive safe integers.
 */
export function idOf(value: unknown, where: string, argument: string, field = 'id'): number {
  const model = value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : undefined
  const key = model && (field in model ? field : 'id' in model ? 'id' : undefined)
  const id = model ? (key === undefined ? undefined : model[key]) : value
  if (Number.isSafeInteger(id) && (id as number) > 0) return id as number
  const what = model && key === undefined ? `an object without \`${field}\`` : describe(id)
  throw new InputError(`${where}: ${argument} must be a positive whole-number id (or a model with one), got ${what}`)
}

/** A validated name, or a `NamingError` saying which rule it breaks. */
export function nameOf<S extends v.GenericSchema<unknown, string>>(schema: S, value: unknown, where: string): string {
  const result = v.safeParse(schema, value)
  if (result.success) return result.output
  throw new NamingError(`${where}: ${result.issues[0].message}, got ${describe(value)}`)
}

/** Checks the per-call options object of plain-JS callers. */
export function callOptionsOf(value: unknown, where: string): ReadOptions {
  if (value === undefined || value === null) return {}
  if (typeof value !== 'object') throw new InputError(`${where}: options must be an object, got ${describe(value)}`)
  const { signal, refresh } = value as Record<string, unknown>
  if (signal !== undefined && !(signal instanceof AbortSignal)) {
    throw new InputError(`${where}: options.signal must be an AbortSignal, got ${describe(signal)}`)
  }
  if (refresh !== undefined && typeof refresh !== 'boolean') {
    throw new InputError(`${where}: options.refresh must be a boolean, got ${describe(refresh)}`)
  }
  return { ...(signal === undefined ? {} : { signal }), ...(refresh === undefined ? {} : { refresh }) }
}

/** A filter object (nothing: `{}`) as `schema` outputs it, or an `InputError` naming the field and its rule. */
export function filterOf<S extends v.GenericSchema>(schema: S, filter: unknown, where: string): v.InferOutput<S> {
  const result = v.safeParse(schema, filter ?? {})
  if (result.success) return result.output
  const issue = result.issues[0]
  const field = issue.path?.map(({ key }) => String(key)).join('.') ?? ''
  throw new InputError(`${where}: ${field === '' ? '' : `${field} `}${issue.message}, got ${describe(issue.input)}`)
}
