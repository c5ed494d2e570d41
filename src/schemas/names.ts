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
