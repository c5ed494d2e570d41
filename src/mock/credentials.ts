import type { MockAccount } from './model.ts'
import type { MockState } from './state.ts'

/** Who sent a request, from its `Authorization` header: an account, no header, or wrong credentials. */
export function authenticate(authorization: string | null, state: MockState): MockAccount | 'missing' | 'invalid' {
  if (authorization === null) return 'missing'
  const credentials = decodeBasic(authorization)
  return (credentials && state.findAccount(credentials.username, credentials.password)) ?? 'invalid'
}

function decodeBasic(header: string): { username: string; password: string } | undefined {
  const encoded = /^Basic\s+([A-Za-z0-9+/]+={0,2})\s*$/i.exec(header)?.[1]
  if (encoded === undefined) return undefined
  let text: string
  try {
    const bytes = Uint8Array.from(atob(encoded), (char) => char.charCodeAt(0))
    // Clients encode UTF-8 bytes, so "pässword" arrives as two bytes for "ä", not one Latin-1 byte.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return undefined
  }
  const colon = text.indexOf(':')
  if (colon < 0) return undefined
  return { username: text.slice(0, colon), password: text.slice(colon + 1) }
}
