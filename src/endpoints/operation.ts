import * as v from 'valibot'
import type { ApiFamily } from '../core/api.ts'
import type { HttpMethod } from '../core/spec.ts'
import type { CacheScope } from './base.ts'
import type { WriteOutcome } from './cache-guard.ts'

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
  /** Which of Toggl's APIs it belongs to (its base URL option). @default 'track' */
  readonly api?: ApiFamily
  /**
   * As Toggl's spec writes it, with `{name}` placeholders filled from the call's `path` values.
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
  /**
   * Path placeholders and top-level body fields that hold credentials (a webhook secret or
   * validation code): an `InputError` about one never quotes it, and what the request reports
   * (error messages, URLs, `onAttempt`) shows `[redacted]` in its place.
   */
  readonly secrets?: readonly string[]
  /** The success reply (`undefined` when the body is empty, a string for a text reply). */
  readonly reply: v.GenericSchema<unknown, Reply>
  /**
   * A POST that only reads (Reports v3, `…/tasks/data`): retried like a GET, cacheable, and no
   * write as far as the cache is concerned.
   */
  readonly read?: true
  /** The reply is a file: it arrives as a `Blob` (`reply` is then a Blob schema). */
  readonly binary?: true
  /**
   * A read whose reply the cache may keep and serve until a write makes it stale (keyed by its
   * path, query and, for a read POST, body).
   */
  readonly cached?: boolean
  /**
   * What a write makes stale in the cache. Without it, everything cached about its scope: its
   * organization (and that organization's workspaces), its workspace (and what its organization
   * knows about its workspaces), or, for a call about neither, everything of the user's own. With
   * it, exactly these: request paths (`/workspaces/{workspace_id}/tags` drops every cached read
   * under it, placeholders filled from the call), {@link OWN_SCOPE} for that default, or, without a
   * leading `/`, cache keys (prefixes).
   */
  readonly invalidates?: readonly string[]
  /** Which organization each workspace in a reply belongs to, so quota and cache scopes learn it. */
  // Method syntax: a table of operations may hold them under a wider reply type.
  learn?(reply: Reply, ids: Readonly<Record<string, number>>): Iterable<WorkspaceOrganization>
  /**
   * What the call keeps in the cache besides its reply, such as the models of the entities it
   * answers (`keepModels` in `models.ts` builds that). A read runs `read` once it succeeded (cached
   * or not; a read with `keeps` always goes through the cache), a write `write` once it settled.
   */
  readonly keeps?: CacheEffects<Reply>
  /**
   * `false` keeps a PUT or DELETE from being retried, when sending it twice does harm (an e-mail);
   * `true` lets a POST or PATCH be retried, when sending it twice changes nothing more.
   */
  readonly retry?: boolean
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

/** In an operation's `invalidates`: everything cached about the call's own scope, as without the list. */
export const OWN_SCOPE = '{scope}'

/** A workspace id and the id of the organization it belongs to. */
export type WorkspaceOrganization = readonly [workspaceId: number, organizationId: number]

/** The pairs of workspace models (`{ id, organization_id }`), for an operation's `learn`. */
export function workspacesOf(workspaces: Iterable<{ id: number; organization_id: number }>): WorkspaceOrganization[] {
  return Array.from(workspaces, ({ id, organization_id }) => [id, organization_id] as const)
}

/** What a call keeps in the cache besides its reply; see {@link Operation.keeps}. */
export interface CacheEffects<Reply> {
  /** After a read succeeded, in the same cache update that may store its reply. */
  read?(cacheScope: CacheScope, reply: Reply): Promise<void>
  /** After a write, whatever its outcome; `ids` are those its path was filled with. */
  write?(cacheScope: CacheScope, outcome: WriteOutcome<Reply>, ids: Readonly<Record<string, number>>): Promise<void>
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
