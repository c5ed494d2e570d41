import { InputError } from './errors.ts'

const REDACTED = '[redacted]'

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
  #accountKey: Promise<string> | undefined

  constructor(username: string, password: string) {
    if (typeof username !== 'string' || username === '') {
      throw new InputError('BasicAuth: username must be a non-empty string')
    }
    if (username.includes(':')) {
      throw new InputError('BasicAuth: username must not contain ":" (HTTP Basic cannot carry it)')
    }
    if (typeof password !== 'string' || password === '') {
      throw new InputError('BasicAuth: password must be a non-empty string')
    }
    this.#header = `Basic ${base64Utf8(`${username}:${password}`)}`
    // With an API token the username is the secret; with an email the password is.
    this.#secrets = [this.#header.slice(6), username, password].filter((s) => s !== 'api_token')
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
   * A stable, one-way name for this account (SHA-256 of the credentials), so caches can keep
   * accounts apart without storing the token. Where Web Crypto is missing (insecure origins) it
   * falls back to a random name: the cache stays correct but is not shared across page loads.
   */
  accountKey(): Promise<string> {
    this.#accountKey ??= sha256Hex(`togglkit-account\n${this.#header}`).catch(
      () => `session-${crypto.getRandomValues(new Uint32Array(4)).join('-')}`,
    )
    return this.#accountKey
  }

  /** Replaces every occurrence of the secret in `text`, a last guard for error messages. */
  redact(text: string): string {
    let result = text
    for (const secret of this.#secrets) result = result.split(secret).join(REDACTED)
    return result
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

function base64Utf8(text: string): string {
  let binary = ''
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte)
  return btoa(binary)
}

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('')
}
