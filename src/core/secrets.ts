/**
 * The credentials Toggl puts in its replies, in one place. Each list is a set of field names,
 * matched at any depth (a workspace inside `/me?with_related_data=true` carries its own
 * `api_token`). To keep another field out, add its name to the list that fits; the tests in
 * `test/reply-secrets.test.ts` and `test/reply-secrets-idb.dom.test.ts` then look for it too.
 */

/**
 * Never handed on: dropped from every reply body the moment the request core parses it
 * (`RequestCore`), before it is validated, so no returned model, cache entry, log line or error
 * ever holds one. The user's and every workspace's `api_token`, `ical_url` (its path embeds a
 * token), the user's `intercom_hash`.
 */
export const REPLY_SECRETS: ReadonlySet<string> = new Set(['api_token', 'ical_url', 'intercom_hash'])

/**
 * Returned to the caller who asked, never stored: dropped from every value an endpoint puts in a
 * cache (the cache guard's view, `cache-guard.ts`), whichever adapter holds it. A webhook
 * subscription's `secret` (its owner needs it to check signatures) and a validation code.
 */
export const CACHE_SECRETS: ReadonlySet<string> = new Set(['secret', 'validation_code'])

/** What no cache entry holds: both lists (a reply's secrets are gone already; this also covers values built otherwise). */
export const UNCACHED_FIELDS: ReadonlySet<string> = new Set([...REPLY_SECRETS, ...CACHE_SECRETS])

/**
 * Whether JSON `text` may hold one of `fields` as a key: it names one, or escapes something (a key
 * may be written with `\u` escapes). `false` lets a reply skip {@link withoutFields}.
 */
export function mayHoldField(text: string, fields: ReadonlySet<string>): boolean {
  let pattern = fieldPatterns.get(fields)
  if (!pattern) fieldPatterns.set(fields, (pattern = new RegExp(['\\\\', ...[...fields].map(escapeRegExp)].join('|'))))
  return pattern.test(text)
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** Per list of fields, one pattern that finds any of them or a backslash, in one pass. */
const fieldPatterns = new WeakMap<ReadonlySet<string>, RegExp>()

/**
 * `value` without the `fields`, at any depth. Nothing is copied when none is there (the common
 * case), and only the objects and arrays on the way to one otherwise, so `value` itself is never
 * changed. It walks with a stack of its own, so a reply nested thousands of levels deep (a hostile
 * server's) cannot overflow the call stack.
 */
export function withoutFields<T>(value: T, fields: ReadonlySet<string>): T {
  if (!isWalked(value) || !holdsField(value, fields)) return value
  const root: Frame = frameOf(value, fields)
  const stack: Frame[] = [root]
  for (;;) {
    const frame = stack.at(-1)!
    if (frame.next < frame.keys.length) {
      const key = frame.keys[frame.next++]!
      const item = (frame.source as Record<string, unknown>)[key]
      if (isWalked(item)) stack.push({ ...frameOf(item, fields), parent: frame, key })
      continue
    }
    stack.pop()
    const result = frame.copy ?? frame.source
    const { parent, key } = frame
    if (!parent) return result as T
    if (result !== frame.source) {
      parent.copy ??= Array.isArray(parent.source) ? parent.source.slice() : { ...parent.source }
      ;(parent.copy as Record<string, unknown>)[key!] = result
    }
  }
}

/** Whether one of `fields` is a key anywhere in `value`: a walk that allocates nothing but its stack. */
function holdsField(value: object, fields: ReadonlySet<string>): boolean {
  const pending: object[] = [value]
  for (let item = pending.pop(); item !== undefined; item = pending.pop()) {
    for (const key in item) {
      if (!Object.hasOwn(item, key)) continue
      if (fields.has(key)) return true
      const child = (item as Record<string, unknown>)[key]
      if (isWalked(child)) pending.push(child)
    }
  }
  return false
}

/** One container on the way down: its keys still to visit, and its copy once something under it changed. */
interface Frame {
  source: object
  keys: string[]
  next: number
  copy: object | undefined
  parent?: Frame
  key?: string
}

function frameOf(source: object, fields: ReadonlySet<string>): Frame {
  if (Array.isArray(source)) return { source, keys: Object.keys(source), next: 0, copy: undefined }
  const keys = Object.keys(source)
  const dropped = keys.filter((key) => fields.has(key))
  if (dropped.length === 0) return { source, keys, next: 0, copy: undefined }
  const copy: Record<string, unknown> = { ...(source as Record<string, unknown>) }
  for (const key of dropped) delete copy[key]
  return { source, keys: keys.filter((key) => !fields.has(key)), next: 0, copy }
}

/** Arrays and plain objects; a Blob or a Date keeps what it is. */
function isWalked(value: unknown): value is object {
  if (value === null || typeof value !== 'object') return false
  if (Array.isArray(value)) return true
  const prototype: unknown = Object.getPrototypeOf(value)
  return prototype === Object.prototype || prototype === null
}
