import { readSession, writeSession } from './session-store.ts'

const STORAGE_KEY = 'api-token'

/**
 * The real API's token. It lives in this object; only "remember for this tab" copies it to
 * sessionStorage. It never goes to localStorage, IndexedDB, the URL or the console.
 */
export class TokenKeeper {
  #token: string | undefined = readSession(STORAGE_KEY)

  get token(): string | undefined {
    return this.#token
  }

  get remembered(): boolean {
    return readSession(STORAGE_KEY) !== undefined
  }

  update(token: string, remember: boolean): void {
    this.#token = token.trim() === '' ? undefined : token.trim()
    writeSession(STORAGE_KEY, remember ? this.#token : undefined)
  }

  forget(): void {
    this.#token = undefined
    writeSession(STORAGE_KEY, undefined)
  }
}
