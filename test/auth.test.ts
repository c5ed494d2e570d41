import { inspect } from 'node:util'
import { describe, expect, it } from 'vitest'
import { BasicAuth, InputError, OrganizationEndpoint } from '../src/index.ts'
import { createTogglMock } from '../src/mock/index.ts'
import { startFake } from './support/fake.ts'

const TOKEN = '1971800d4d82861d8f2c1651fea4d212'

describe('BasicAuth', () => {
  it('sends exactly Basic base64(token:api_token) for an API token', async () => {
    const fake = await startFake({
      accounts: [{ id: 7, email: 'a@example.com', password: 'x', apiToken: TOKEN, fullname: 'A' }],
    })
    const auth = BasicAuth.fromApiToken(TOKEN)
    await new OrganizationEndpoint(auth, null, { baseURL: fake.server.baseURL }).collect()
    const last = fake.mock.requests.at(-1)
    expect(last?.headers.authorization).toBe(`Basic ${btoa(`${TOKEN}:api_token`)}`)
    expect(last?.status).toBe(200)
  })

  it('encodes a non-ASCII email and password as UTF-8, and the fake accepts them', async () => {
    const email = 'zoë@exämple.com'
    const password = 'pässwörd-日本-🔑'
    const fake = await startFake({ accounts: [{ id: 3, email, password, apiToken: 't3', fullname: 'Zoë' }] })
    const auth = new BasicAuth(email, password)
    await expect(new OrganizationEndpoint(auth, null, { baseURL: fake.server.baseURL }).collect()).resolves.toEqual([])
    const header = fake.mock.requests.at(-1)?.headers.authorization ?? ''
    const bytes = Uint8Array.from(atob(header.replace(/^Basic /, '')), (c) => c.charCodeAt(0))
    expect(new TextDecoder().decode(bytes)).toBe(`${email}:${password}`)
  })

  it('never shows the secret in its string, JSON or inspected forms', () => {
    const fromToken = BasicAuth.fromApiToken(TOKEN)
    const fromPassword = new BasicAuth('jo@example.com', 'hunter2-secret')
    for (const auth of [fromToken, fromPassword]) {
      const forms = [String(auth), `${auth}`, JSON.stringify(auth), JSON.stringify({ auth }), inspect(auth), inspect({ auth }, { showHidden: true, depth: 5 })]
      for (const form of forms) {
        expect(form).not.toContain(TOKEN)
        expect(form).not.toContain('hunter2-secret')
        expect(form).not.toContain(auth.header().slice(6))
      }
    }
  })

  it('derives an account key that is stable, differs per account and does not contain the token', async () => {
    const a = await BasicAuth.fromApiToken(TOKEN).accountKey()
    expect(await BasicAuth.fromApiToken(TOKEN).accountKey()).toBe(a)
    expect(await BasicAuth.fromApiToken('another-token').accountKey()).not.toBe(a)
    expect(a).not.toContain(TOKEN)
    expect(a).toMatch(/^[0-9a-f]{64}$/)
  })

  it('rejects unusable credentials with InputError', () => {
    expect(() => BasicAuth.fromApiToken('')).toThrow(InputError)
    expect(() => BasicAuth.fromApiToken(undefined as unknown as string)).toThrow(InputError)
    expect(() => new BasicAuth('user:name', 'pw')).toThrow(/must not contain ":"/)
    expect(() => new BasicAuth('user', '')).toThrow(InputError)
  })

  it('works against the in-process fake as well', async () => {
    const mock = createTogglMock()
    const endpoint = new OrganizationEndpoint(BasicAuth.fromApiToken('demo-token'), null, {
      baseURL: 'http://fake.test/api/v9',
      fetch: mock.fetch,
    })
    await expect(endpoint.collect()).resolves.toEqual([])
  })
})
