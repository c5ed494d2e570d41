import { InputError } from './errors.ts'

const REDACTED = '[redacted]'

/**
 * PBKDF2-HMAC-SHA-256 rounds for the account key of an email and password: OWASP's advice (2023),
 * about 0.1 s once per account, salt and process, and as long for every guess of whoever reads a
 * cache's storage.
 */
export const PASSWORD_KEY_ITERATIONS = 600_000
/** Account keys derived in this process, by salt and credentials, so a new BasicAuth pays no second derivation. */
const derivedKeys = new Map<string, Promise<string>>()
const MAX_DERIVED_KEYS = 256

/**
 * HTTP Basic credentials for Toggl. The secret lives in private fields: `String(auth)`,
 * `JSON.stringify(auth)`, Node's `util.inspect` and Deno's `Deno.inspect` show `BasicAuth [redacted]`.
 *
 * @example
 * const auth = BasicAuth.fromApiToken(process.env.TOGGL_API_TOKEN!)
 * const auth2 = new BasicAuth('jo@example.com', 'pässword')
 */
export class BasicAuth {
  readonly #header: string
  readonly #secrets: readonly string[]
  /** An API token is long and random; a password may be weak, so its account key is slow to derive. */
  readonly #isToken: boolean
  #accountKey: Promise<string> | undefined

  constructor(username: string, password: string) {
    if (typeof username !== 'string' || username === '') {
      throw new InputError('BasicAuth: username must be a non-empty string')
    }
    if (username.includes(':')) {
      throw new InputError('BasicAuth: username must not contain ":"')
    }
    if (typeof password !== 'string' || password === '') {
      throw new InputError('BasicAuth: password must be a non-empty string')
    }
    this.#header = `Basic ${base64Utf8(`${username}:${password}`)}`
    this.#isToken = password === 'api_token'
    // With an API token the username is the secret; with an email the password is. Longest first,
    // so no shorter form is replaced inside a longer one before the longer one is found.
    const secrets = [this.#header.slice(6), `${username}:${password}`, username, password].filter((s) => s !== 'api_token')
    this.#secrets = [...new Set(secrets.flatMap(encodingsOf))].sort((a, b) => b.length - a.length)
  }

  /** Credentials from a Toggl API token (the password is the literal `api_token`). */
  static fromApiToken(token: string): BasicAuth {
    if (typeof token !== 'string' || token.trim() === '') {
      throw new InputError('BasicAuth.fromApiToken: token must be a non-empty string')
    }
    return new BasicAuth(token, 'api_token')
  }

  /** The value of the `Authorization` header. */
  header(): string {
    return this.#header
  }

  /**
   * A stable, one-way name for this account, so caches keep accounts apart without storing the
   * credentials. An API token (long and random) is named by its SHA-256. An email and password is
   * named by PBKDF2 ({@link PASSWORD_KEY_ITERATIONS} rounds) with `salt`, which each cache keeps at
   * random (asked for only then), so a copy of the cache is no cheap way to test password guesses;
   * it is derived once per account, salt and process. Where Web Crypto is missing (insecure
   * origins) the name is random: the cache stays correct but is not shared across page loads.
   */
  accountKey(salt: () => Promise<string> = async () => ''): Promise<string> {
    if (this.#isToken) {
      this.#accountKey ??= sha256Hex(`togglkit-account\n${this.#header}`).catch(sessionName)
      return this.#accountKey
    }
    return salt().then((value) => {
      const memo = `${value}\n${this.#header}`
      let key = derivedKeys.get(memo)
      if (key === undefined) {
        key = pbkdf2Hex(this.#header, `togglkit-account\n${value}`).catch(sessionName)
        // The oldest derivation goes first; a process signs in as few accounts as that at a time.
        if (derivedKeys.size >= MAX_DERIVED_KEYS) derivedKeys.delete(derivedKeys.keys().next().value!)
        derivedKeys.set(memo, key)
      }
      return key
    })
  }

  /**
   * `text` with every occurrence of the secret replaced, raw or as Toggl or a proxy may echo it
   * (URL-encoded, base64), then cut to `max` characters: redacted first, so no cut can leave a
   * secret's beginning behind. The last guard for anything an error carries.
   */
  redact(text: string, max = Infinity): string {
    const longest = this.#secrets[0]?.length ?? 0
    // Past `max` + the longest secret nothing is kept; a secret that begins before `max` is whole in `head`.
    const cut = text.length > max + longest
    let result = cut ? text.slice(0, max + longest) : text
    for (const secret of this.#secrets) result = result.split(secret).join(REDACTED)
    // The tail of a cut text may hold a secret's beginning, which no replacement could match.
    if (cut) result = result.slice(0, Math.max(0, result.length - longest - REDACTED.length))
    return result.length > max ? `${result.slice(0, max)}…` : result
  }

  toString(): string {
    return `BasicAuth ${REDACTED}`
  }

  toJSON(): string {
    return this.toString()
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.toString()
  }

  [Symbol.for('Deno.customInspect')](): string {
    return this.toString()
  }
}

/**
 * A secret as it may be echoed: as is, URL-encoded (either hex case, `+` for a space) and in base64
 * (also URL-safe), unpadded, so a dropped `=` does not hide it.
 */
function encodingsOf(secret: string): string[] {
  const base64 = base64Utf8(secret).replace(/=+$/, '')
  const forms = [secret, base64, base64.replaceAll('+', '-').replaceAll('/', '_')]
  try {
    const url = encodeURIComponent(secret)
    forms.push(url, url.replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase()), url.replaceAll('%20', '+'))
  } catch {
    // A lone surrogate has no URL encoding, so it cannot be echoed as one.
  }
  return forms
}

function base64Utf8(text: string): string {
  let binary = ''
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte)
  return btoa(binary)
}

async function sha256Hex(text: string): Promise<string> {
  return hex(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)))
}

async function pbkdf2Hex(secret: string, salt: string): Promise<string> {
  const encoder = new TextEncoder()
  const key = await crypto.subtle.importKey('raw', encoder.encode(secret), 'PBKDF2', false, ['deriveBits'])
  const parameters = { name: 'PBKDF2', hash: 'SHA-256', salt: encoder.encode(salt), iterations: PASSWORD_KEY_ITERATIONS }
  return hex(await crypto.subtle.deriveBits(parameters, key, 256))
}

/** Bytes as lowercase hex, two digits each. */
export function hex(bytes: ArrayBuffer | Uint8Array): string {
  return Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('')
}

function sessionName(): string {
  return `session-${crypto.getRandomValues(new Uint32Array(4)).join('-')}`
}
