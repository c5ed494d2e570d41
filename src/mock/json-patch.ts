import { INVALID_JSON, parseJson } from './calls.ts'
import type { MockStamped } from './model.ts'

/** One operation of a bulk PATCH body (RFC 6902 with a one-level path such as `/color`). */
export interface PatchOperation {
  op: 'add' | 'remove' | 'replace'
  /** The field, without the leading slash. */
  field: string
  value: unknown
}

/** The body's operations, or the 400 message for a body that is not a list of them. */
export function parsePatch(body: string): PatchOperation[] | string {
  const items = parseJson(body)
  if (!Array.isArray(items) || items.length === 0) return INVALID_JSON
  const operations: PatchOperation[] = []
  for (const item of items) {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) return INVALID_JSON
    const { op, path, value = null } = item as Record<string, unknown>
    if (typeof op !== 'string' || typeof path !== 'string') return INVALID_JSON
    // Toggl documents no wording for these; the fake's own.
    if (op !== 'add' && op !== 'remove' && op !== 'replace') return `Invalid operation: ${op}`
    if (!/^\/[a-z_]+$/.test(path)) return `Invalid path: ${path}`
    operations.push({ op, field: path.slice(1), value })
  }
  return operations
}

/** What one entity's patch comes to: the record with the operations applied, or why it fails. */
export type PatchOutcome<T> = { record: T } | { failure: string }

/**
 * The `apply` of {@link patchEach} for entities whose operations each set one body field of `known`
 * (`remove` clears it to null), applied one at a time by `applyFields` (the entity, or why it fails).
 */
export function patchFields<T extends object>(
  operations: readonly PatchOperation[],
  known: Readonly<Record<string, unknown>>,
  applyFields: (fields: Record<string, unknown>, record: T) => T | string,
): (record: T) => PatchOutcome<T> {
  return (draft) => {
    let record = draft
    for (const { op, field, value } of operations) {
      if (!(field in known)) return { failure: `Invalid path: /${field}` }
      const changed = applyFields({ [field]: op === 'remove' ? null : value }, record)
      if (typeof changed === 'string') return { failure: changed }
      record = changed
    }
    return { record }
  }
}

/**
 * A bulk PATCH as Toggl answers it: each id on its own, no rollback, `{ success, failure }`. An
 * entity changes only when all its operations apply (then `save` commits it).
 */
export function patchEach<T extends MockStamped>(
  ids: readonly number[],
  find: (id: number) => T | undefined,
  apply: (record: T) => PatchOutcome<T>,
  save: (before: T, after: T) => void,
  notFound: string,
): { success: number[]; failure: { id: number; message: string }[] } {
  const success: number[] = []
  const failure: { id: number; message: string }[] = []
  for (const id of ids) {
    const record = find(id)
    const outcome = record ? apply({ ...record }) : { failure: notFound }
    if ('failure' in outcome) {
      failure.push({ id, message: outcome.failure })
      continue
    }
    save(record!, outcome.record)
    success.push(id)
  }
  return { success, failure }
}

/** The new list for an array field: `add` joins the values, `remove` takes them out, `replace` sets them. */
export function patchList<T>(current: readonly T[], operation: PatchOperation, values: readonly T[]): T[] {
  if (operation.op === 'add') return [...new Set([...current, ...values])]
  if (operation.op === 'remove') return current.filter((value) => !values.includes(value))
  return [...new Set(values)]
}
