import type * as v from 'valibot'

/**
 * How one field of an object schema is edited: a text box for text, numbers and ids; a choice for
 * booleans and Toggl's fixed values; a list of them, comma-separated; JSON for anything else
 * (nested objects, lists of objects).
 */
export type FieldKind =
  | { kind: 'text' }
  | { kind: 'number' }
  | { kind: 'choice'; choices: readonly (string | number | boolean)[] }
  | { kind: 'list'; of: 'text' | 'number' }
  | { kind: 'json' }

export interface SchemaField {
  name: string
  required: boolean
  /** `null` is accepted (typed as `null` in a text box). */
  nullable: boolean
  edit: FieldKind
}

/** The parts of a valibot schema object this reads; valibot keeps them on every schema. */
interface Shape {
  type: string
  entries?: Record<string, Shape>
  wrapped?: Shape
  options?: readonly unknown[]
  item?: Shape
  literal?: unknown
  pipe?: readonly { kind?: string; type: string }[]
}

const WRAPPERS = new Set(['optional', 'nullable', 'nullish', 'exact_optional', 'undefinedable', 'non_optional', 'non_nullable'])
const OBJECTS = new Set(['object', 'strict_object', 'loose_object', 'object_with_rest'])

/** The fields of an object schema, in its order; `undefined` when it is no object (edit it as JSON). */
export function fieldsOf(schema: v.GenericSchema): SchemaField[] | undefined {
  const shape = schema as unknown as Shape
  if (!OBJECTS.has(shape.type) || !shape.entries) return undefined
  return Object.entries(shape.entries).map(([name, entry]) => {
    let inner = entry
    let required = true
    let nullable = false
    while (WRAPPERS.has(inner.type) && inner.wrapped) {
      if (inner.type !== 'nullable' && inner.type !== 'non_optional' && inner.type !== 'non_nullable') required = false
      if (inner.type === 'nullable' || inner.type === 'nullish') nullable = true
      inner = inner.wrapped
    }
    return { name, required, nullable, edit: editOf(inner) }
  })
}

function editOf(shape: Shape): FieldKind {
  const scalar = scalarOf(shape)
  if (scalar) return scalar
  if (shape.type === 'array' && shape.item) {
    const item = scalarOf(shape.item)
    if (item?.kind === 'text' || (item?.kind === 'choice' && item.choices.every((choice) => typeof choice === 'string'))) return { kind: 'list', of: 'text' }
    if (item?.kind === 'number') return { kind: 'list', of: 'number' }
  }
  return { kind: 'json' }
}

function scalarOf(shape: Shape): FieldKind | undefined {
  switch (shape.type) {
    case 'string':
      return { kind: 'text' }
    case 'number':
      return { kind: 'number' }
    case 'boolean':
      return { kind: 'choice', choices: [true, false] }
    case 'picklist':
      return { kind: 'choice', choices: (shape.options ?? []) as (string | number)[] }
    case 'literal':
      return { kind: 'choice', choices: [shape.literal as string | number | boolean] }
    case 'union': {
      const choices = (shape.options as Shape[] | undefined)?.map((option) => scalarOf(option))
      if (choices?.every((choice) => choice?.kind === 'choice')) return { kind: 'choice', choices: choices.flatMap((choice) => (choice as { choices: readonly (string | number | boolean)[] }).choices) }
      // A union of an id and a model (`IdInputSchema`) is typed as a number.
      if (choices?.some((choice) => choice?.kind === 'number')) return { kind: 'number' }
      return undefined
    }
    default:
      return undefined
  }
}

/** What a field's text becomes: `undefined` leaves the field out. Text that does not parse goes as typed, for the library to refuse. */
export function valueOf(field: SchemaField, text: string): unknown {
  const trimmed = text.trim()
  if (trimmed === '') return undefined
  if (field.nullable && trimmed === 'null') return null
  switch (field.edit.kind) {
    case 'text':
      return text
    case 'number':
      return numberOr(trimmed)
    case 'choice':
      return field.edit.choices.find((choice) => String(choice) === trimmed) ?? trimmed
    case 'list':
      return trimmed.split(',').map((item) => (field.edit.kind === 'list' && field.edit.of === 'number' ? numberOr(item.trim()) : item.trim()))
    case 'json':
      try {
        return JSON.parse(trimmed)
      } catch {
        return trimmed
      }
  }
}

/** A value as the field shows it. */
export function textOf(field: SchemaField, value: unknown): string {
  if (value === undefined) return ''
  if (value === null) return 'null'
  if (field.edit.kind === 'list' && Array.isArray(value)) return value.join(', ')
  if (field.edit.kind === 'json' || typeof value === 'object') return JSON.stringify(value)
  return String(value)
}

function numberOr(text: string): number | string {
  return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text
}
