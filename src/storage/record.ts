import { InputError } from '../core/errors.ts'

/**
 * The version of the record format, stored in every record. A record of any other version (an older
 * or newer togglkit) is read as a miss and overwritten by the next write. Bump it whenever the shape
 * below changes.
 */
const RECORD_FORMAT = 1

/**
 * One entry as stored under its entry key, as JSON:
 * `{"format":1,"storedAt":…,"expiresAt":…,"value":…}`, plus `"group"`, `"order"` and `"write"`
 * (the id its index key carries) when it is filed in an ordered group. `expiresAt` is `null` for
 * never, an `order` of ±Infinity is the string `"Infinity"` or `"-Infinity"`, and `value` is absent
 * when it was `undefined`.
 */
export interface EntryRecord {
  storedAt: number
  expiresAt: number
  value: unknown
  group?: string
  order?: number
  write?: string
}

const NOT_JSON = Symbol('not JSON')

/**
 * The JSON text of `record`. Values are stored as JSON gives them back (a Date as its ISO string);
 * a value JSON cannot carry as it is (a function, a Map, NaN, a cycle, a hole in an array) is the
 * caller's mistake, refused with {@link InputError}, so nothing is stored that would read back
 * different.
 */
export function recordText(adapter: string, key: string, { storedAt, expiresAt, group, order, write, value }: EntryRecord): string {
  const record = { format: RECORD_FORMAT, storedAt, expiresAt: Number.isFinite(expiresAt) ? expiresAt : null, group, order: order === undefined ? undefined : jsonNumber(order), write, value }
  try {
    return JSON.stringify(record, refuseWhatJsonChanges)
  } catch (error) {
    if (error !== NOT_JSON && !(error instanceof TypeError)) throw error
    throw new InputError(`${adapter}.put: the value for "${key}" cannot be stored as JSON`, { cause: error === NOT_JSON ? undefined : error })
  }
}

/** The record in what the storage returned (parsed by unstorage, or still text), or `undefined`. */
export function readRecord(stored: unknown): EntryRecord | undefined {
  let record = stored
  if (typeof stored === 'string') {
    try {
      record = JSON.parse(stored)
    } catch {
      return undefined
    }
  }
  if (typeof record !== 'object' || record === null) return undefined
  const { format, storedAt, expiresAt, value, group, order, write } = record as Record<string, unknown>
  if (format !== RECORD_FORMAT || typeof storedAt !== 'number' || (typeof expiresAt !== 'number' && expiresAt !== null)) return undefined
  const read: EntryRecord = { storedAt, expiresAt: expiresAt ?? Infinity, value }
  if (group === undefined && order === undefined && write === undefined) return read
  const placedAt = order === 'Infinity' ? Infinity : order === '-Infinity' ? -Infinity : order
  if (typeof group !== 'string' || typeof placedAt !== 'number' || typeof write !== 'string') return undefined
  return { ...read, group, order: placedAt, write }
}

/** An order as JSON carries it: ±Infinity (an entry placed first or last) as a string. */
function jsonNumber(order: number): number | string {
  return Number.isFinite(order) ? order : String(order)
}

// JSON.stringify calls this after `toJSON` (so a Date arrives as its string).
function refuseWhatJsonChanges(this: unknown, _key: string, value: unknown): unknown {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value
    case 'number':
      if (Number.isFinite(value)) return value
      throw NOT_JSON
    case 'undefined':
      // A missing property reads back missing; in an array it would read back as null.
      if (Array.isArray(this)) throw NOT_JSON
      return value
    case 'object': {
      if (value === null || Array.isArray(value)) return value
      const prototype = Object.getPrototypeOf(value)
      if (prototype === Object.prototype || prototype === null) return value
      throw NOT_JSON
    }
    default:
      throw NOT_JSON
  }
}
