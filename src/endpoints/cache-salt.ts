import type { TogglCache } from '../cache/types.ts'
import { hex } from '../core/auth.ts'

/** Where a cache keeps its salt: no account's partition is named so (those end in `@` and a URL). */
const SALT_PARTITION = 'togglkit'
const SALT_KEY = 'account-key-salt'
const SALT = /^[0-9a-f]{32}$/

const salts = new WeakMap<TogglCache, Promise<string>>()

/**
 * The random salt of one cache's password account keys (see `BasicAuth.accountKey`), kept in the
 * cache itself so every tab and process that opens the same store names an account alike. Read
 * once per cache and process, and stored again then, so it outlives the entries it names. A cache
 * that cannot keep it (`ttl: 0`, a failing store) gets one for this process alone: accounts stay
 * apart, only sharing across processes is lost.
 */
export function saltOf(cache: TogglCache): Promise<string> {
  let salt = salts.get(cache)
  if (salt === undefined) salts.set(cache, (salt = storedSalt(cache)))
  return salt
}

async function storedSalt(cache: TogglCache): Promise<string> {
  const fresh = hex(crypto.getRandomValues(new Uint8Array(16)))
  try {
    const found = await cache.find(SALT_PARTITION, SALT_KEY)
    const salt = typeof found === 'string' && SALT.test(found) ? found : fresh
    await cache.put(SALT_PARTITION, SALT_KEY, salt)
    // Another tab may have stored its own meanwhile: the one stored last is the one all will read.
    const settled = await cache.find(SALT_PARTITION, SALT_KEY)
    return typeof settled === 'string' && SALT.test(settled) ? settled : salt
  } catch {
    return fresh
  }
}
