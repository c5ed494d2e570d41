/** Deeper than any Toggl model; past it the value may be cyclic, which structuredClone handles. */
const MAX_FAST_DEPTH = 32

const NOT_PLAIN = Symbol('not plain JSON-like data')

/**
 * A structured clone of `value`. Toggl's models are plain JSON-like data (objects, arrays, strings,
 * numbers, booleans, null), which a walk copies several times faster than `structuredClone` does in
 * Node; anything else (a Date, a Map, a cycle, a function to refuse) goes to `structuredClone`, so
 * the result is always what structured cloning gives.
 */
export function cloneValue<T>(value: T): T {
  try {
    return copyPlain(value, 0) as T
  } catch (error) {
    if (error !== NOT_PLAIN) throw error
    return structuredClone(value)
  }
}

function copyPlain(value: unknown, depth: number): unknown {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint') throw NOT_PLAIN
    return value
  }
  if (depth > MAX_FAST_DEPTH) throw NOT_PLAIN
  if (Array.isArray(value)) {
    // Holes and extra properties are structuredClone's to keep; a plain dense array is copied here.
    if (Object.getPrototypeOf(value) !== Array.prototype || Object.keys(value).length !== value.length) throw NOT_PLAIN
    return value.map((item) => copyPlain(item, depth + 1))
  }
  const prototype = Object.getPrototypeOf(value)
  if (prototype !== Object.prototype && prototype !== null) throw NOT_PLAIN
  const copy: Record<string, unknown> = {}
  for (const key of Object.keys(value)) {
    // Assigning "__proto__" would set the copy's prototype instead of an own property.
    if (key === '__proto__') throw NOT_PLAIN
    copy[key] = copyPlain((value as Record<string, unknown>)[key], depth + 1)
  }
  return copy
}
