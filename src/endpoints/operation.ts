import * as v from 'valibot'
import type { HttpMethod } from '../core/spec.ts'

/** A query parameter as it goes on the URL; `undefined` leaves it out. */
type QueryValue = string | number | boolean | undefined

/**
 * One call of the Toggl API, described once: its method and path, what it accepts and what it
 * answers. An endpoint method names an operation and hands over its arguments;
 * `TogglEndpoint.prepare` checks all of them before anything is sent, and the reply is checked
 * against `reply`. Writes and cached reads follow one cache rule (see `cache-keys.ts`).
 */
export interface Operation<Reply> {
  readonly method: HttpMethod
  /**
   * Relative to `baseURL`, with `{name}` placeholders filled from the call's `path` values.
   * A placeholder is an id (a positive whole number, or a model with `id`) unless `params` names it.
   */
  readonly path: string
  /** Placeholders that are not ids, with the schema each value must pass. */
  readonly params?: Readonly<Record<string, v.GenericSchema<unknown, string>>>
  /** Checks the caller's query object and turns it into Toggl's parameters. */
  readonly query?: v.GenericSchema<unknown, Record<string, QueryValue>>
  /** Checks the caller's body; what it outputs is sent as JSON. */
  readonly body?: v.GenericSchema
  /** Top-level body fields that hold names: breaking their rules is a `NamingError`. */
  readonly names?: readonly string[]
  /** The success reply (`undefined` when the body is empty, a string for a text reply). */
  readonly reply: v.GenericSchema<unknown, Reply>
  /** A GET whose reply the cache may keep and serve until a write under its organization. */
  readonly cached?: boolean
  /** Cache keys a write also makes stale, beyond its organization's reads. */
  readonly invalidates?: readonly string[]
  /** `false` keeps a PUT or DELETE from being retried, when sending it twice does harm (an e-mail). */
  readonly retry?: false
}

/**
 * Describes an operation, inferring its reply type from the reply schema. Marked free of side
 * effects so bundlers drop the operations (and their schemas) of endpoints an app does not use.
 */
/* @__NO_SIDE_EFFECTS__ */
export function operation<const S extends v.GenericSchema>(
  definition: Omit<Operation<v.InferOutput<S>>, 'reply'> & { reply: S },
): Operation<v.InferOutput<S>> {
  return definition
}

/** What a method passes for one call; every part is checked before a request is sent. */
export interface OperationInput {
  /** A value for each placeholder of the path, by name. */
  path?: Readonly<Record<string, unknown>>
  query?: unknown
  body?: unknown
  signal?: AbortSignal | undefined
}

/** Replies Toggl sends as a bare "OK" (JSON string or text): nothing in them to keep. */
export const AcknowledgementSchema = v.unknown()
