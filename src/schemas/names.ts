import * as v from 'valibot'

/** Toggl counts characters as Unicode code points: one emoji is one character, not two. */
const codePoints = (text: string) => [...text].length

const maxCodePoints = (max: number, message: string): v.CheckAction<string, string> =>
  v.check((text: string) => codePoints(text) <= max, message)

/** A string checked by rules that each say, in their message, what they require. */
type NameSchema = v.SchemaWithPipe<
  readonly [v.StringSchema<string>, v.CheckAction<string, string>, v.CheckAction<string, string>]
>

/** A new or changed organization name: not empty, at most 140 characters. */
export const OrganizationNameSchema: NameSchema = v.pipe(
  v.string('organization name must be a string'),
  v.check((text) => text.length > 0, 'organization name must not be empty'),
  maxCodePoints(140, 'organization name must be at most 140 characters'),
)

/** A workspace name: given, with a non-space character, at most 140 characters; inner spaces are fine. */
export const WorkspaceNameSchema: NameSchema = v.pipe(
  v.string('workspace name must be provided as a string'),
  v.check((text) => /\S/u.test(text), 'workspace name must contain a non-space character'),
  maxCodePoints(140, 'workspace name must be at most 140 characters'),
)

/** A group name: present, with a non-space character, at most 200 characters (Toggl also wants it unique in the organization). */
export const GroupNameSchema: NameSchema = v.pipe(
  v.string('group name must be a string'),
  v.check((text) => /\S/u.test(text), 'group name must not be blank'),
  maxCodePoints(200, 'group name must be at most 200 characters'),
)

/** A string that must hold a non-space character (the one rule Toggl states for these names). */
type NonBlankSchema = v.SchemaWithPipe<readonly [v.StringSchema<string>, v.CheckAction<string, string>]>

/* @__NO_SIDE_EFFECTS__ */
const nonBlank = (what: string, rule: string): NonBlankSchema =>
  v.pipe(
    v.string(`${what} must be a string`),
    v.check((text) => /\S/u.test(text), `${what} ${rule}`),
  )

/**
 * A project name: not blank. Toggl publishes no length limit; it wants the name unique in the
 * workspace for the same client (archived projects included), which only it can check.
 */
export const ProjectNameSchema: NonBlankSchema = nonBlank('project name', 'must not be blank')

/** A client name: not empty ("Client name cannot be empty"); Toggl does not publish its maximum length. */
export const ClientNameSchema: NonBlankSchema = nonBlank('client name', 'must not be empty')

/** A tag name: not blank ("tag name can't be blank"); Toggl wants it unique in the workspace. */
export const TagNameSchema: NonBlankSchema = nonBlank('tag name', 'must not be blank')

/** A task name: not blank. */
export const TaskNameSchema: NonBlankSchema = nonBlank('task name', 'must not be blank')

/** The user's full name: not blank (Toggl answers "Invalid fullname"). */
export const FullNameSchema: NonBlankSchema = nonBlank('full name', 'must not be blank')
