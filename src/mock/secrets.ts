/**
 * A stable stand-in for one of Toggl's secrets (a workspace's `api_token`, an `ical_url` token, an
 * `intercom_hash`): `length` lower-case hex digits derived from `seed`. Real replies carry them, so
 * the fake sends them too, and a client that must strip them can be caught keeping one.
 */
export function secretOf(seed: string, length: number): string {
  let digits = ''
  // FNV-1a, chained over rounds until there are enough digits; only stability matters here.
  let hash = 0x811c9dc5
  for (let round = 0; digits.length < length; round++) {
    for (const char of `${round}:${seed}`) {
      hash ^= char.codePointAt(0)!
      hash = Math.imul(hash, 0x01000193) >>> 0
    }
    digits += hash.toString(16).padStart(8, '0')
  }
  return digits.slice(0, length)
}
