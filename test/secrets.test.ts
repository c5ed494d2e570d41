import { inspect } from 'node:util'
import { describe, expect, it } from 'vitest'
import { BasicAuth, NetworkError, OrganizationEndpoint, ResponseValidationError, TogglError } from '../src/index.ts'
import { startFake } from './support/fake.ts'

const json = { 'content-type': 'application/json; charset=utf-8' }
// A token whose Basic value holds `+`, `/` and `=`, which URL-encoding changes.
const TOKEN = 'f0e1d2c3b4a5968778695a4b3c2d1e0f~?>'
const EMAIL = 'jo@example.com'
const PASSWORD = 'pä ss/wörd+?&'

/** Every form of an error a logger or a person may see, its cause chain included. */
function formsOf(error: unknown): string[] {
  const forms: string[] = []
  for (let item = error, depth = 0; item !== undefined && depth < 10; depth++) {
    forms.push(String(item), JSON.stringify(item) ?? '', inspect(item, { depth: 20, showHidden: true }))
    if (item instanceof Error) forms.push(item.message, item.stack ?? '')
    item = item instanceof Error ? item.cause : undefined
  }
  return forms
}

/** The secrets of `auth` in every encoding Toggl or a proxy may echo them. */
function encodingsOf(...secrets: string[]): string[] {
  const base64 = (text: string) => btoa(String.fromCharCode(...new TextEncoder().encode(text)))
  return secrets.flatMap((secret) => {
    const b64 = base64(secret).replace(/=+$/, '')
    return [secret, encodeURIComponent(secret), encodeURIComponent(secret).toLowerCase(), b64, encodeURIComponent(b64), b64.replaceAll('+', '-').replaceAll('/', '_')]
  })
}

function expectNoSecret(error: unknown, secrets: string[]): void {
  expect(error).toBeInstanceOf(TogglError)
  for (const form of formsOf(error)) {
    for (const secret of secrets) expect(form, `${secret} in ${form.slice(0, 200)}`).not.toContain(secret)
  }
}

async function setUp(auth: 'token' | 'password') {
  const fake = await startFake({ accounts: [{ id: 1, email: EMAIL, password: PASSWORD, apiToken: TOKEN, fullname: 'Jo' }] })
  const credentials = auth === 'token' ? BasicAuth.fromApiToken(TOKEN) : new BasicAuth(EMAIL, PASSWORD)
  const header = credentials.header()
  const secrets = encodingsOf(...(auth === 'token' ? [TOKEN, `${TOKEN}:api_token`] : [PASSWORD, `${EMAIL}:${PASSWORD}`]))
  secrets.push(header.slice(6), encodeURIComponent(header), encodeURIComponent(header.slice(6)))
  const endpoint = (options = {}) => new OrganizationEndpoint(credentials, null, { baseURL: fake.server.baseURL, retries: 0, ...options })
  return { fake, header, secrets, endpoint }
}

describe.each(['token', 'password'] as const)('no error shows the secret (%s auth)', (auth) => {
  it('redacts a secret that straddles the 300-character cut of a server message', async () => {
    const { fake, secrets, endpoint, header } = await setUp(auth)
    const secret = auth === 'token' ? TOKEN : PASSWORD
    for (const echoed of [secret, header.slice(6)]) {
      for (const offset of [280, 290, 295, 299]) {
        fake.mock.inject({ type: 'status', status: 400, body: JSON.stringify(`${'x'.repeat(offset)}${echoed}`), headers: json })
        const error = await endpoint().collect().catch((caught: unknown) => caught)
        expectNoSecret(error, [...secrets, echoed.slice(0, 6)])
      }
    }
  })

  it('redacts the Authorization header and the secret echoed URL-encoded, base64 or in an HTML page', async () => {
    const { fake, secrets, endpoint, header } = await setUp(auth)
    const echoes = [
      `"bad header: ${encodeURIComponent(header)}"`,
      `"bad header: ${encodeURIComponent(header).toLowerCase()}"`,
      `{"message":"rejected ${encodeURIComponent(auth === 'token' ? TOKEN : PASSWORD)}"}`,
      `"\\u0042asic ${header.slice(6)}"`,
    ]
    for (const body of echoes) {
      fake.mock.inject({ type: 'status', status: 400, body, headers: json })
      expectNoSecret(await endpoint().collect().catch((caught: unknown) => caught), secrets)
    }
    fake.mock.inject({ type: 'status', status: 502, body: `<html><title>Bad   ${auth === 'token' ? TOKEN : PASSWORD}</title></html>`, headers: { 'content-type': 'text/html' } })
    expectNoSecret(await endpoint().collect().catch((caught: unknown) => caught), secrets)
  })

  it('keeps a ResponseValidationError short and free of the received value', async () => {
    const { fake, secrets, endpoint } = await setUp(auth)
    const huge = `${'y'.repeat(1_000_000)}${auth === 'token' ? TOKEN : PASSWORD}`
    fake.replyOnce(JSON.stringify([{ id: huge }]))
    const error = await endpoint().collect().catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(ResponseValidationError)
    expect((error as Error).message.length).toBeLessThan(1000)
    expect(JSON.stringify(error).length).toBeLessThan(2000)
    expectNoSecret(error, secrets)
    // A received value that is itself the secret is redacted too.
    fake.replyOnce(JSON.stringify([{ id: auth === 'token' ? TOKEN : PASSWORD }]))
    expectNoSecret(await endpoint().collect().catch((caught: unknown) => caught), secrets)
  })

  it('keeps the request’s headers out of a NetworkError whose fetch rejected with nothing', async () => {
    const { secrets, endpoint, header } = await setUp(auth)
    for (const reason of [undefined, null, { headers: { authorization: header } }, 'no']) {
      const error = await endpoint({ fetch: () => Promise.reject(reason) }).collect().catch((caught: unknown) => caught)
      expect(error).toBeInstanceOf(NetworkError)
      expectNoSecret(error, secrets)
    }
  })

  it('redacts a custom fetch’s own error, its stack and its causes', async () => {
    const { secrets, endpoint, header } = await setUp(auth)
    const inner = Object.assign(new Error(`socket closed after sending ${header}`), { code: 'ECONNRESET' })
    const thrown = new TypeError(`fetch failed for ${encodeURIComponent(header)}`, { cause: inner })
    const error = await endpoint({ fetch: () => Promise.reject(thrown) }).collect().catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(NetworkError)
    expectNoSecret(error, secrets)
    // What is useful stays: the name and code of each cause.
    expect((error as Error).cause).toMatchObject({ name: 'TypeError', cause: { code: 'ECONNRESET' } })
  })

  it('caps any error’s message, whatever the server sent', async () => {
    const { fake, endpoint } = await setUp(auth)
    fake.mock.inject({ type: 'status', status: 500, body: 'z'.repeat(5_000_000), headers: { 'content-type': 'text/plain' } })
    const error = (await endpoint().collect().catch((caught: unknown) => caught)) as Error
    expect(error.message.length).toBeLessThan(1000)
    expect(inspect(error).length).toBeLessThan(5000)
  })
})
