/** Deeper than any Toggl model; past it the value may be cyclic, which structuredClone handles. */
const MAX_FAST_DEPTH = 32
/**
 * The deepest value a cache copies: Toggl's replies nest under ten levels, and structured cloning
 * runs out of stack somewhere past a thousand (V8), so a value deeper than this is refused before
 * anything recurses through it.
 */
export const MAX_CLONE_DEPTH = 100

/** Thrown (and caught) where a value is not plain JSON-like data. */
const NOT_PLAIN = Symbol()

/**
 * A structured clone of `value`. Toggl's models are plain JSON-like data (objects, arrays, strings,
 * numbers, booleans, null), which a walk copies several times faster than `structuredClone` does in
 * Node; anything else (a Date, a Map, a cycle, a function to refuse) goes to `structuredClone`, so
 * the result is always what structured cloning gives. A value nested more than
 * {@link MAX_CLONE_DEPTH} levels deep is refused with a `RangeError`, whatever the stack has left.
 */
export function cloneValue<T>(value: T): T {
  try {
    return copyPlain(value, 0) as T
  } catch (error) {
    if (error !== NOT_PLAIN) throw error
    if (!nestsWithin(value, MAX_CLONE_DEPTH)) {
      throw new RangeError(`nested over ${MAX_CLONE_DEPTH} levels`)
    }
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

/**
 * Whether no container in `value` lies more than `limit` levels down, measured with a stack of its
 * own instead of recursion. A part met twice (shared, or a cycle) counts where it was first met.
 */
export function nestsWithin(value: unknown, limit: number): boolean {
  const seen = new Set<object>()
  const pending: Array<readonly [unknown, number]> = [[value, 1]]
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [item, level] = next
    if (item === null || typeof item !== 'object' || seen.has(item)) continue
    if (level > limit) return false
    seen.add(item)
    for (const child of partsOf(item)) pending.push([child, level + 1])
  }
  return true
}

/** What structured cloning copies out of an object. */
function partsOf(item: object): Iterable<unknown> {
  if (item instanceof Map) return [...item.keys(), ...item.values()]
  if (item instanceof Set) return item.values()
  if (ArrayBuffer.isView(item) || item instanceof ArrayBuffer || item instanceof Date || item instanceof RegExp) return []
  return Object.values(item)
}
