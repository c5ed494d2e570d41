import * as v from 'valibot'
import { EmailInputSchema, IdInputSchema, IdSchema, listOrEmpty, TimestampSchema } from '../common.ts'
import { withEntries } from '../entries.ts'
import { FullNameSchema } from '../names.ts'
import { WorkspaceSchema, type TogglWorkspace } from '../organizations/organization-workspaces.ts'
import { ClientSchema, type TogglClient } from './clients.ts'
import { ProjectSchema, type TogglProject } from './projects.ts'
import { TagSchema, type TogglTag } from './tags.ts'
import { TaskSchema, type TogglTask } from './tasks.ts'
import { TimeEntrySchema, type TogglTimeEntry } from './time-entries.ts'

/** The signed-in user (`GET /me`), without the `api_token` and `intercom_hash` Toggl sends. */
export const UserSchema: v.GenericSchema<unknown, TogglUser> = v.looseObject(userEntries())

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

export interface TogglUser {
  id: number
  email: string
  fullname?: string | null | undefined
  /** An IANA name such as `Europe/Berlin` (reply times are UTC anyway). */
  timezone?: string | null | undefined
  default_workspace_id?: number | null | undefined
  /** 0 = Sunday … 6 = Saturday. */
  beginning_of_week?: number | null | undefined
  image_url?: string | null | undefined
  country_id?: number | null | undefined
  openid_email?: string | null | undefined
  openid_enabled?: boolean | null | undefined
  has_password?: boolean | null | undefined
  oauth_providers?: string[] | null | undefined
  toggl_accounts_id?: string | null | undefined
  '2fa_enabled'?: boolean | null | undefined
  created_at?: string | null | undefined
  updated_at?: string | null | undefined
  at?: string | null | undefined
  /** When Toggl's view of what you may access last caught up (it is eventually consistent). */
  authorization_updated_at?: string | null | undefined
  [key: string]: unknown
}

/**
 * `GET /me?with_related_data=true`: the user with everything they can see in their workspaces, in
 * one request from the user's own quota window. Every list is there (`[]` when empty).
 */
export const UserWithRelatedDataSchema: v.GenericSchema<unknown, TogglUserWithRelatedData> = v.looseObject(
  withEntries(userEntries(), {
    clients: listOrEmpty(ClientSchema),
    projects: listOrEmpty(ProjectSchema),
    tags: listOrEmpty(TagSchema),
    tasks: listOrEmpty(TaskSchema),
    time_entries: listOrEmpty(TimeEntrySchema),
    workspaces: listOrEmpty(WorkspaceSchema),
  }),
)

export interface TogglUserWithRelatedData extends TogglUser {
  clients: TogglClient[]
  projects: TogglProject[]
  tags: TogglTag[]
  tasks: TogglTask[]
  time_entries: TogglTimeEntry[]
  workspaces: TogglWorkspace[]
  [key: string]: unknown
}

/** The query of `GET /me`. */
export const UserQuerySchema: v.GenericSchema<UserQuery, { with_related_data?: boolean | undefined }> = v.strictObject(
  {
    /** Add the clients, projects, tags, tasks, time entries and workspaces you can see. */
    with_related_data: v.optional(v.boolean('must be a boolean')),
  },
  'query must be an object',
)

export interface UserQuery {
  /** Add the clients, projects, tags, tasks, time entries and workspaces you can see. */
  with_related_data?: boolean | undefined
}

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
export const UserChangesSchema: v.GenericSchema<UserChanges, UserChanges> = v.pipe(
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

export interface UserChanges {
  fullname?: string | undefined
  email?: string | undefined
  /** An IANA time zone name such as `Europe/Berlin`. */
  timezone?: string | undefined
  /** 0 = Sunday … 6 = Saturday. */
  beginning_of_week?: 0 | 1 | 2 | 5 | 3 | 4 | 6 | undefined
  country_id?: number | undefined
  default_workspace_id?: number | undefined
  password?: string | undefined
  current_password?: string | undefined
}

/** A feature flag in the preferences. */
const AlphaFeatureSchema = v.looseObject({ code: v.string(), enabled: v.boolean() })

/**
 * The user's preferences (`GET /me/preferences`): one flat object mixing camelCase and snake_case
 * keys, as Toggl has them. The common ones are typed; Toggl has many more, all kept.
 */
export const PreferencesSchema: v.GenericSchema<unknown, TogglPreferences> = v.looseObject({
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

export interface TogglPreferences {
  date_format?: string | null | undefined
  timeofday_format?: string | null | undefined
  duration_format?: string | null | undefined
  beginningOfWeek?: number | null | undefined
  pg_time_zone_name?: string | null | undefined
  collapseTimeEntries?: boolean | null | undefined
  send_product_emails?: boolean | null | undefined
  send_weekly_report?: boolean | null | undefined
  send_timer_notifications?: boolean | null | undefined
  alpha_features?: ({ code: string; enabled: boolean } & { [key: string]: unknown })[] | null | undefined
  [key: string]: unknown
}

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
export const PreferenceChangesSchema: v.GenericSchema<PreferenceChanges, PreferenceChanges> = v.pipe(
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

export type PreferenceChanges = {
  date_format?: string | undefined
  timeofday_format?: string | undefined
  duration_format?: 'classic' | 'decimal' | 'improved' | undefined
  beginningOfWeek?: 0 | 1 | 2 | 3 | 4 | 5 | 6 | undefined
  alpha_features?: { code: string; enabled: boolean }[] | undefined
} & { [key: string]: JsonValue }
