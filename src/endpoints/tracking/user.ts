import * as v from 'valibot'
import type { BasicAuth } from '../../core/auth.ts'
import type { TogglCache } from '../../cache/types.ts'
import { HTTPStatusError } from '../../core/errors.ts'
import type { EndpointOptions } from '../../core/options.ts'
import {
  PreferenceChangesSchema,
  PreferencesSchema,
  UserChangesSchema,
  UserQuerySchema,
  UserSchema,
  UserWithRelatedDataSchema,
  type PreferenceChanges,
  type TogglPreferences,
  type TogglUser,
  type TogglUserWithRelatedData,
  type UserChanges,
  type UserQuery,
} from '../../schemas/tracking/user.ts'
import type { CallOptions, ReadOptions } from '../arguments.ts'
import type { CacheScope } from '../base.ts'
import type { WriteOutcome } from '../cache-guard.ts'
import { readKey, USER_SCOPE } from '../cache-keys.ts'
import { batchOf, keepModels } from '../models.ts'
import { AcknowledgementSchema, operation, workspacesOf } from '../operation.ts'
import { OperationEndpoint } from '../operation-endpoint.ts'
import { CLIENT_MODEL, PROJECT_MODEL, shownIn, TAG_MODEL, TASK_MODEL, WORKSPACE_MODEL } from './catalogue.ts'

/** Where the plain profile (`GET /me`, no query) is cached. */
const PROFILE_KEY = /* @__PURE__ */ readKey(USER_SCOPE, 'track', '/me', {})

const PROFILE = operation({
  method: 'GET',
  path: '/me',
  // `with_related_data: false` is the plain profile: sent without it, cached as one.
  query: v.pipe(UserQuerySchema, v.transform(() => ({}))),
  reply: UserSchema,
  cached: true,
})
const PROFILE_WITH_RELATED_DATA = operation({
  method: 'GET',
  path: '/me',
  query: UserQuerySchema,
  reply: UserWithRelatedDataSchema,
  cached: true,
  learn: (user) => workspacesOf(user.workspaces),
  keeps: keepModels((user: TogglUserWithRelatedData) => [
    batchOf(WORKSPACE_MODEL, user.workspaces),
    batchOf(PROJECT_MODEL, user.projects),
    batchOf(CLIENT_MODEL, user.clients),
    batchOf(TAG_MODEL, user.tags),
    batchOf(TASK_MODEL, user.tasks),
  ]),
})
const EDIT = operation({
  method: 'PUT',
  path: '/me',
  body: UserChangesSchema,
  names: ['fullname'],
  reply: UserSchema,
  // The profile itself is kept as answered; the preferences mirror some of it.
  invalidates: shownIn(['everything'], '/me/preferences'),
  keeps: { write: keepProfile },
})
const LOGGED = operation({ method: 'GET', path: '/me/logged', reply: AcknowledgementSchema })
const PREFERENCES = operation({ method: 'GET', path: '/me/preferences', reply: PreferencesSchema, cached: true })
const EDIT_PREFERENCES = operation({
  method: 'POST',
  path: '/me/preferences',
  body: PreferenceChangesSchema,
  reply: AcknowledgementSchema,
  invalidates: shownIn(['everything'], '/me/preferences'),
  // The cached profile goes too: `beginningOfWeek` here is its `beginning_of_week`.
  keeps: { write: (scope) => scope.cache.delete(scope.partition, PROFILE_KEY) },
})

/**
 * The signed-in user: the profile (with everything they can see, in one request, when asked),
 * changing it, their preferences, and checking credentials. Toggl's replies carry the user's
 * `api_token` and `intercom_hash`; togglkit drops them from every reply, so no returned profile,
 * cache entry or error holds them. User calls draw on your own quota window (30 an hour).
 *
 * @example
 * if (await UserEndpoint.verifyAuthentication(auth)) {
 *   const me = await new UserEndpoint(auth, cache).get()
 *   console.log(me.fullname, me.default_workspace_id)
 * }
 */
export class UserEndpoint extends OperationEndpoint {
  constructor(auth: BasicAuth, cache?: TogglCache | null, options?: EndpointOptions) {
    super(auth, cache, options)
  }

  /**
   * Whether Toggl accepts `auth`: `GET /me/logged` answers `true`, a 401 or 403 `false`; any other
   * failure (network, 5xx after retries, quota) throws. Costs 1 request, never cached.
   *
   * @example
   * const ok = await UserEndpoint.verifyAuthentication(BasicAuth.fromApiToken(token))
   */
  static async verifyAuthentication(auth: BasicAuth, options?: EndpointOptions, callOptions?: CallOptions): Promise<boolean> {
    const endpoint = new UserEndpoint(auth, null, options)
    try {
      await endpoint.run(LOGGED, 'UserEndpoint.verifyAuthentication', {}, callOptions)
      return true
    } catch (error) {
      if (error instanceof HTTPStatusError && (error.status === 401 || error.status === 403)) return false
      throw error
    }
  }

  /**
   * Your profile: `GET /me` (`with_related_data: true` adds `clients`, `projects`, `tags`,
   * `tasks`, `time_entries` and `workspaces`, each `[]` when empty: the cheapest way to load
   * everything, and it fills the cache's models and the workspace → organization map). Costs 0
   * requests on a cache hit, 1 otherwise.
   */
  async get(query: UserQuery & { with_related_data: true }, options?: ReadOptions): Promise<TogglUserWithRelatedData>
  async get(query?: UserQuery, options?: ReadOptions): Promise<TogglUser>
  async get(query?: UserQuery, options?: ReadOptions): Promise<TogglUser | TogglUserWithRelatedData> {
    if (query !== null && typeof query === 'object' && query.with_related_data === true) {
      return this.run(PROFILE_WITH_RELATED_DATA, 'UserEndpoint.get', { query }, options)
    }
    return this.run(PROFILE, 'UserEndpoint.get', { query }, options)
  }

  /**
   * Changes your profile: `PUT /me` with at least one of `fullname`, `email`, `timezone` (an IANA
   * name), `beginning_of_week` (0 = Sunday … 6), `country_id`, `default_workspace_id`, or
   * `password` with `current_password` (at least 6 characters). Answers the profile as it now is
   * (without related data) and keeps it as the cached `get()`. Costs 1 request.
   */
  async edit(changes: UserChanges, options?: CallOptions): Promise<TogglUser> {
    return this.run(EDIT, 'UserEndpoint.edit', { body: changes }, options)
  }

  /**
   * Your preferences: `GET /me/preferences`, one flat object (Toggl mixes camelCase and snake_case
   * keys). Costs 0 requests on a cache hit, 1 otherwise.
   */
  async preferences(options?: ReadOptions): Promise<TogglPreferences> {
    return this.run(PREFERENCES, 'UserEndpoint.preferences', {}, options)
  }

  /**
   * Changes preferences: `POST /me/preferences` with the keys to change (at least one, as
   * `preferences()` names them; `alpha_features: [{ code, enabled }]` switches features). Toggl
   * answers only "OK". Not retried. Costs 1 request; the cached preferences and profile go.
   */
  async editPreferences(changes: PreferenceChanges, options?: CallOptions): Promise<void> {
    await this.run(EDIT_PREFERENCES, 'UserEndpoint.editPreferences', { body: changes }, options)
  }
}

/** After `PUT /me`: the answered profile becomes the cached `get()`, when it certainly is the latest. */
async function keepProfile(scope: CacheScope, outcome: WriteOutcome<TogglUser>): Promise<void> {
  if (outcome.alone && outcome.error === undefined && outcome.value) await scope.cache.put(scope.partition, PROFILE_KEY, outcome.value)
  else await scope.cache.delete(scope.partition, PROFILE_KEY)
}
