/**
 * The credentials Toggl puts in its replies, in one place. Each list is a set of field names,
 * matched at any depth (a workspace inside `/me?with_related_data=true` carries its own
 * `api_token`). To keep another field out, add its name to the list that fits; the tests in
 * `test/secrets.test.ts` and `test/secrets-idb.dom.test.ts` then look for it too.
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
 * `value` without the `fields`, at any depth. Nothing is copied when none is there (the common
 * case), and only the objects and arrays on the way to one otherwise, so `value` itself is never
 * changed.
 */
export function withoutFields<T>(value: T, fields: ReadonlySet<string>): T {
  if (value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined
    for (let index = 0; index < value.length; index++) {
      const item: unknown = value[index]
      const kept = withoutFields(item, fields)
      if (kept !== item) (copy ??= value.slice())[index] = kept
    }
    return (copy ?? value) as T
  }
  // Only plain data: a Blob or a Date keeps what it is.
  const prototype: unknown = Object.getPrototypeOf(value)
  if (prototype !== Object.prototype && prototype !== null) return value
  const record = value as Record<string, unknown>
  let copy: Record<string, unknown> | undefined
  for (const key of Object.keys(record)) {
    if (fields.has(key)) {
      copy ??= { ...record }
      delete copy[key]
      continue
    }
    const item = record[key]
    const kept = withoutFields(item, fields)
    if (kept !== item) (copy ??= { ...record })[key] = kept
  }
  return (copy ?? value) as T
}
