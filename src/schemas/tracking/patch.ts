import * as v from 'valibot'
import { IdInputSchema, IdSchema, listOrEmpty, unique } from '../common.ts'

/** One JSON-Patch operation of a bulk PATCH (RFC 6902 on one top-level field, e.g. `/color`). */
export type PatchOperation<Field extends string = string> =
  | { op: 'add' | 'replace'; path: `/${Field}`; value: unknown }
  | { op: 'remove'; path: `/${Field}` }

/**
 * The body of a bulk PATCH of `entities` (`'project'`): 1 or more operations, each on a field Toggl
 * lets it patch; `add`/`replace` values pass that field's own rule, `remove` (which clears it) only
 * for the fields that may be empty.
 */
/* @__NO_SIDE_EFFECTS__ */
export function patchOperationsSchema(
  entity: string,
  settable: Readonly<Record<string, v.GenericSchema>>,
  removable: readonly string[],
): v.GenericSchema<PatchOperation[], PatchOperation[]> {
  const paths = Object.keys(settable).map((field) => `/${field}`)
  const message = `each operation must be { op: 'add' | 'replace', path, value } or { op: 'remove', path } on a ${entity} field (${paths.join(', ')}; remove only ${removable.map((field) => `/${field}`).join(', ') || 'none'})`
  const setting = v.variant(
    'path',
    Object.entries(settable).map(([field, schema]) =>
      v.strictObject({ op: v.picklist(['add', 'replace']), path: v.literal(`/${field}`), value: schema }),
    ),
    message,
  )
  const removal = v.strictObject({ op: v.literal('remove'), path: v.picklist(removable.map((field) => `/${field}`), message) })
  return v.pipe(
    v.array(v.variant('op', [removal, setting], message), 'operations must be an array'),
    v.minLength(1, 'operations must hold at least one operation'),
  ) as v.GenericSchema<PatchOperation[], PatchOperation[]>
}

/** Ids (or models with one) for a bulk call's path: at least one, each once, sent comma-separated. */
export const IdListParamSchema: v.GenericSchema<unknown, string> = v.pipe(
  v.array(v.union([IdInputSchema, v.pipe(v.object({ id: IdInputSchema }), v.transform(({ id }) => id))], 'must be an id or a model with one'), 'must be an array of ids'),
  v.minLength(1, 'must name at least one id'),
  v.check((ids) => unique(ids), 'must not repeat an id'),
  v.transform((ids) => ids.join(',')),
)

/**
 * Toggl's answer to a bulk PATCH: applied to each id on its own, no rollback. `success` lists the
 * ids it changed, `failure` the others with why; a 200 may hold only failures.
 */
export const BulkPatchResultSchema: v.GenericSchema<unknown, BulkPatchResult> = v.looseObject({
  success: listOrEmpty(IdSchema),
  failure: listOrEmpty(v.looseObject({ id: IdSchema, message: v.string() })),
})

export interface BulkPatchResult {
  success: number[]
  failure: ({ id: number; message: string } & { [key: string]: unknown })[]
  [key: string]: unknown
}
