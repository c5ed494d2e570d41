import * as v from 'valibot'
import { TimeEntrySchema } from './time-entries.ts'
import { EmailInputSchema, IdInputSchema, IdSchema, TimestampSchema } from '../common.ts'
import { withEntries } from '../entries.ts'
import { FullNameSchema } from '../names.ts'
import { WorkspaceSchema } from '../organizations/organization-workspaces.ts'
import { ClientSchema } from './clients.ts'
import { ProjectSchema } from './projects.ts'
import { TagSchema } from './tags.ts'
import { TaskSchema } from './tasks.ts'

/** The signed-in user (`GET /me`), without the `api_token` and `intercom_hash` Toggl sends. */
export const UserSchema = v.looseObject(userEntries())

/* @__NO_SIDE_EFFECTS__ */
function userEntries() {
  return {
    id: IdSchema,
    email: v.string(),
    fullname: v.nullish(v.string()),
    /** An IANA name such as `Europe/Berlin` (reply times are UTC anyway). */
    timezone: v.nullish(v.string()),
    default_workspace_id: v.nullish(IdSchema),
    /** 0 = Sunday … 6 = Saturday. */
    beginning_of_week: v.nullish(v.number()),
    image_url: v.nullish(v.string()),
    country_id: v.nullish(v.number()),
    openid_email: v.nullish(v.string()),
    openid_enabled: v.nullish(v.boolean()),
    has_password: v.nullish(v.boolean()),
    oauth_providers: v.nullish(v.array(v.string())),
    toggl_accounts_id: v.nullish(v.string()),
    '2fa_enabled': v.nullish(v.boolean()),
    created_at: v.nullish(TimestampSchema),
    updated_at: v.nullish(TimestampSchema),
    at: v.nullish(TimestampSchema),
    /** When Toggl's view of what you may access last caught up (it is eventually consistent). */
    authorization_updated_at: v.nullish(TimestampSchema),
  }
}

export type TogglUser = v.InferOutput<typeof UserSchema>

/** A list Toggl leaves out (or sends as null) when it is empty, as `[]`. */
/* @__NO_SIDE_EFFECTS__ */
const related = <T extends v.GenericSchema>(item: T) => v.nullish(v.array(item), () => [])

/**
 * A time entry as `/me?with_related_data=true` lists it. Only its `id` is checked here; the
 * time-entry schema of `TimeEntryEndpoint` describes the rest.
 */

/**
 * `GET /me?with_related_data=true`: the user with everything they can see in their workspaces, in
 * one request from the user's own quota window. Every list is there (`[]` when empty).
 */
export const UserWithRelatedDataSchema = v.looseObject(
  withEntries(userEntries(), {
    clients: related(ClientSchema),
    projects: related(ProjectSchema),
    tags: related(TagSchema),
    tasks: related(TaskSchema),
    time_entries: related(TimeEntrySchema),
    workspaces: related(WorkspaceSchema),
  }),
)

export type TogglUserWithRelatedData = v.InferOutput<typeof UserWithRelatedDataSchema>

/** The query of `GET /me`. */
export const UserQuerySchema = v.strictObject(
  {
    /** Add the clients, projects, tags, tasks, time entries and workspaces you can see. */
    with_related_data: v.optional(v.boolean('must be a boolean')),
  },
  'query must be an object',
)

export type UserQuery = v.InferInput<typeof UserQuerySchema>

const isTimeZone = (name: string) => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name })
    return true
  } catch {
    return false
  }
}

/** Toggl's minimum for a new password, in characters (code points). */
const MIN_PASSWORD_LENGTH = 6

/**
 * Changes to the user (`PUT /me`): at least one field. A new `password` needs the
 * `current_password` too, and at least 6 characters.
 */
export const UserChangesSchema = v.pipe(
  v.strictObject(
    {
      fullname: v.optional(FullNameSchema),
      email: v.optional(EmailInputSchema),
      /** An IANA time zone name such as `Europe/Berlin`. */
      timezone: v.optional(v.pipe(v.string('must be a string'), v.check(isTimeZone, "must be an IANA time zone such as 'Europe/Berlin'"))),
      /** 0 = Sunday … 6 = Saturday. */
      beginning_of_week: v.optional(v.picklist([0, 1, 2, 3, 4, 5, 6], 'must be 0 (Sunday) to 6 (Saturday)')),
      country_id: v.optional(IdInputSchema),
      default_workspace_id: v.optional(IdInputSchema),
      password: v.optional(
        v.pipe(
          v.string('must be a string'),
          v.check((text) => [...text].length >= MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`),
        ),
      ),
      current_password: v.optional(v.pipe(v.string('must be a string'), v.nonEmpty('must not be empty'))),
    },
    'changes must be an object',
  ),
  v.check((changes) => Object.keys(changes).length > 0, 'changes must name at least one field'),
  v.check(
    (changes) => changes.password === undefined || changes.current_password !== undefined,
    'current_password must be given to change the password',
  ),
)

export type UserChanges = v.InferInput<typeof UserChangesSchema>

/** A feature flag in the preferences. */
const AlphaFeatureSchema = v.looseObject({ code: v.string(), enabled: v.boolean() })

/**
 * The user's preferences (`GET /me/preferences`): one flat object mixing camelCase and snake_case
 * keys, as Toggl has them. The common ones are typed; Toggl has many more, all kept.
 */
export const PreferencesSchema = v.looseObject({
  date_format: v.nullish(v.string()),
  timeofday_format: v.nullish(v.string()),
  duration_format: v.nullish(v.string()),
  beginningOfWeek: v.nullish(v.number()),
  pg_time_zone_name: v.nullish(v.string()),
  collapseTimeEntries: v.nullish(v.boolean()),
  send_product_emails: v.nullish(v.boolean()),
  send_weekly_report: v.nullish(v.boolean()),
  send_timer_notifications: v.nullish(v.boolean()),
  alpha_features: v.nullish(v.array(AlphaFeatureSchema)),
})

export type TogglPreferences = v.InferOutput<typeof PreferencesSchema>

type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue }

/** Whether `value` is what JSON can carry (finite numbers, plain objects and arrays of them). */
function isJsonValue(value: unknown): value is JsonValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true
  if (typeof value === 'number') return Number.isFinite(value)
  if (Array.isArray(value)) return value.every(isJsonValue)
  return typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype && Object.values(value).every(isJsonValue)
}

const JsonValueSchema = v.custom<JsonValue>(isJsonValue, 'must be a JSON value')

/** Toggl's preference keys: letters, digits and underscores, starting with a letter. */
const PREFERENCE_KEY = /^[A-Za-z][A-Za-z0-9_]*$/

/**
 * Changes to the preferences (`POST /me/preferences`): at least one key, each Toggl's (camelCase or
 * snake_case, as `preferences()` shows them). The common keys are checked by type; Toggl has over a
 * hundred more, which pass as given (their names are Toggl's to check). `ToSAcceptNeeded` cannot be
 * set (Toggl refuses it).
 */
export const PreferenceChangesSchema = v.pipe(
  v.objectWithRest(
    {
      date_format: v.optional(v.pipe(v.string('must be a string'), v.nonEmpty('must not be empty'))),
      timeofday_format: v.optional(v.pipe(v.string('must be a string'), v.nonEmpty('must not be empty'))),
      duration_format: v.optional(v.picklist(['classic', 'decimal', 'improved'], "must be 'classic', 'decimal' or 'improved'")),
      beginningOfWeek: v.optional(v.picklist([0, 1, 2, 3, 4, 5, 6], 'must be 0 (Sunday) to 6 (Saturday)')),
      alpha_features: v.optional(v.array(v.strictObject({ code: v.pipe(v.string('must be a string'), v.nonEmpty('must not be empty')), enabled: v.boolean('must be a boolean') }), 'must be an array of { code, enabled }')),
    },
    JsonValueSchema,
    'changes must be an object',
  ),
  v.check((changes) => Object.keys(changes).length > 0, 'changes must name at least one preference'),
  v.check((changes) => Object.keys(changes).every((key) => PREFERENCE_KEY.test(key)), 'changes must use Toggl’s preference keys (letters, digits, underscores)'),
  v.check((changes) => !Object.keys(changes).some((key) => key.toLowerCase() === 'tosacceptneeded'), 'ToSAcceptNeeded cannot be set'),
)

export type PreferenceChanges = v.InferInput<typeof PreferenceChangesSchema>
