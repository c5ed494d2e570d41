import * as v from 'valibot'

/**
 * Text that Toggl cannot keep as given: a lone surrogate (half a character, which JSON and UTF-8
 * cannot carry) or NUL. In `u` mode a surrogate pair is one code point, so only lone halves match.
 */
export const UNSENDABLE_TEXT: RegExp = /[\p{Cs}\0]/u

/** A character that shows: none of the spaces, zero-width and other invisible characters. */
const VISIBLE = /[^\s\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}]/u

/**
 * Toggl counts characters as Unicode code points: one emoji is one character, not two. A string
 * longer than twice the limit in UTF-16 units is too long whatever it holds, so a huge one is never
 * spread into an array.
 */
const maxCodePoints = (max: number, message: string): v.CheckAction<string, string> =>
  v.check((text: string) => text.length <= max || (text.length <= 2 * max && [...text].length <= max), message)

/** A string checked by rules that each say, in their message, what they require. */
type NameSchema = v.SchemaWithPipe<
  readonly [
    v.StringSchema<string>,
    v.CheckAction<string, string>,
    v.CheckAction<string, string>,
    v.CheckAction<string, string>,
    v.CheckAction<string, string>,
  ]
>

/**
 * A name's rules, each with its own message: a string (`notString` says so), at most `max` code
 * points, no lone surrogate or NUL, something visible in it (`empty` says so for `''`, `blank` for
 * spaces or invisible characters alone). Marked free of side effects so unused names drop out of bundles.
 */
/* @__NO_SIDE_EFFECTS__ */
function nameSchema(label: string, max: number, empty: string, blank: string, notString = 'must be a string'): NameSchema {
  return v.pipe(
    v.string(`${label} ${notString}`),
    maxCodePoints(max, `${label} must be at most ${max} characters`),
    v.check((text) => !UNSENDABLE_TEXT.test(text), `${label} must not contain a lone surrogate or NUL`),
    v.check((text) => text !== '', `${label} ${empty}`),
    v.check((text) => VISIBLE.test(text), `${label} ${blank}`),
  )
}

/** A new or changed organization name: something visible in it, at most 140 characters. */
export const OrganizationNameSchema: NameSchema = nameSchema('organization name', 140, 'must not be empty', 'must not be blank')

/** A workspace name: given, with a visible character, at most 140 characters; inner spaces are fine. */
export const WorkspaceNameSchema: NameSchema = nameSchema(
  'workspace name',
  140,
  'must contain a non-space character',
  'must contain a non-space character',
  'must be provided as a string',
)

/** A group name: present, with a visible character, at most 200 characters (Toggl also wants it unique in the organization). */
export const GroupNameSchema: NameSchema = nameSchema('group name', 200, 'must not be blank', 'must not be blank')

/**
 * A user's full name as an admin sets it: Toggl refuses an empty one and documents no limit, so
 * togglkit's own cap of 1,000 characters only keeps megabytes from being sent.
 */
export const UserNameSchema: NameSchema = nameSchema('user name', 1000, 'must not be empty', 'must not be blank')

/** Names Toggl publishes no length limit for: togglkit's own cap only keeps megabytes from being sent. */
const UNPUBLISHED_LIMIT = 1000

/**
 * A project name: something visible in it. Toggl publishes no length limit; it wants the name unique
 * in the workspace for the same client (archived projects included), which only it can check.
 */
export const ProjectNameSchema: NameSchema = nameSchema('project name', UNPUBLISHED_LIMIT, 'must not be blank', 'must not be blank')

/** A client name: not empty ("Client name cannot be empty"); Toggl does not publish its maximum length. */
export const ClientNameSchema: NameSchema = nameSchema('client name', UNPUBLISHED_LIMIT, 'must not be empty', 'must not be empty')

/** A tag name: not blank ("tag name can't be blank"); Toggl wants it unique in the workspace. */
export const TagNameSchema: NameSchema = nameSchema('tag name', UNPUBLISHED_LIMIT, 'must not be blank', 'must not be blank')

/** A task name: not blank. */
export const TaskNameSchema: NameSchema = nameSchema('task name', UNPUBLISHED_LIMIT, 'must not be blank', 'must not be blank')

/** The user's own full name: not blank (Toggl answers "Invalid fullname"). */
export const FullNameSchema: NameSchema = nameSchema('full name', UNPUBLISHED_LIMIT, 'must not be blank', 'must not be blank')
