import * as v from 'valibot'

/*
 * Building object schemas from other schemas' entries. Bundlers keep a spread or a computed object
 * at the top of a module even when nothing uses it; behind these calls (free of side effects) the
 * entries go with the schemas that use them.
 */

type Entries = Readonly<Record<string, v.GenericSchema>>

/** Every entry optional. */
/* @__NO_SIDE_EFFECTS__ */
export function optionalEntries<T extends Entries>(entries: T): { [K in keyof T]: v.OptionalSchema<T[K], undefined> } {
  return Object.fromEntries(Object.entries(entries).map(([key, schema]) => [key, v.optional(schema)])) as {
    [K in keyof T]: v.OptionalSchema<T[K], undefined>
  }
}

/** The entries of `base`, and those of `extra` (which win). */
/* @__NO_SIDE_EFFECTS__ */
export function withEntries<T extends Entries, E extends Entries>(base: T, extra: E): Omit<T, keyof E> & E {
  return { ...base, ...extra }
}

/** The entries of `base` without `omitted`. */
/* @__NO_SIDE_EFFECTS__ */
export function withoutEntries<T extends Entries, K extends keyof T>(base: T, omitted: readonly K[]): Omit<T, K> {
  return Object.fromEntries(Object.entries(base).filter(([key]) => !omitted.includes(key as K))) as Omit<T, K>
}
