import * as v from 'valibot'

/** A Toggl id as replies carry it. */
export const IdSchema = v.pipe(v.number(), v.integer())

/** An id the caller gives: a positive safe integer. */
export const IdInputSchema = v.pipe(
  v.number('must be a number'),
  v.safeInteger('must be a positive whole number'),
  v.minValue(1, 'must be a positive whole number'),
)

/** A list of ids the caller gives, each once. */
export const IdListInputSchema = v.pipe(
  v.array(IdInputSchema, 'must be an array of ids'),
  v.check((ids) => new Set(ids).size === ids.length, 'must not repeat an id'),
)

/** Toggl's timestamps: RFC 3339 strings. */
export const TimestampSchema = v.string()

/** `{ group_id, name }`, as user and workspace-user replies list group memberships. */
export const GroupRefSchema = v.looseObject({ group_id: IdSchema, name: v.string() })

/**
 * An e-mail address the caller gives: something, an @, something, a dot, something, no spaces.
 * Loose on purpose: Toggl has the last word, and a stricter pattern would refuse addresses it
 * takes (`o'brien@example.com`, internationalized names).
 */
export const EmailInputSchema = v.pipe(
  v.string('must be a string'),
  v.regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/u, 'must be a valid e-mail address'),
)

/** Comma-separated ids, as Toggl's list filters take them. */
export const commaSeparated = (ids: readonly number[]): string => ids.join(',')
