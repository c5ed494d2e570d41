import { createHmac, randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { InputError, verifyWebhookSignature } from '../src/receiver/index.ts'
import { SECRET, sign } from './support/webhooks.ts'

// The example of Toggl's "Validating Received Events" page: a subscription secret, the raw PING body
// Toggl sent, and the X-Webhook-Signature-256 value it came with.
const DOCS_SECRET = 'PGuRrhCFajIyEvFlreKL'
const DOCS_BODY =
  '{"event_id":0,"created_at":"2022-06-25T03:58:10.207820267Z","creator_id":6,"metadata":{"request_type":"POST","event_user_id":6},"payload":"ping","subscription_id":6}'
const DOCS_SIGNATURE = 'sha256=55343383e52a9cd2f56bd4e9fb5b6ce6982fb45955f26ea816cf7495d98c5fd2'

describe('verifyWebhookSignature', () => {
  it("accepts the example of Toggl's documentation, as text and as bytes", async () => {
    expect(await verifyWebhookSignature({ secret: DOCS_SECRET, body: DOCS_BODY, signature: DOCS_SIGNATURE })).toBe(true)
    const bytes = new TextEncoder().encode(DOCS_BODY)
    expect(await verifyWebhookSignature({ secret: DOCS_SECRET, body: bytes, signature: DOCS_SIGNATURE })).toBe(true)
    expect(await verifyWebhookSignature({ secret: DOCS_SECRET, body: bytes.buffer, signature: DOCS_SIGNATURE })).toBe(true)
    // The test helper signs the way the documentation describes.
    expect(sign(DOCS_BODY, DOCS_SECRET)).toBe(DOCS_SIGNATURE)
  })

  it('checks the exact bytes: non-ASCII text, binary bodies, a Buffer, uppercase hex digits', async () => {
    const text = '{"payload":{"description":"Zoë · 日本 · 🔑"}}'
    expect(await verifyWebhookSignature({ secret: SECRET, body: text, signature: sign(text) })).toBe(true)
    const binary = randomBytes(4096)
    expect(await verifyWebhookSignature({ secret: SECRET, body: binary, signature: sign(binary) })).toBe(true)
    expect(await verifyWebhookSignature({ secret: SECRET, body: new Uint8Array(binary), signature: sign(binary).toUpperCase().replace('SHA256=', 'sha256=') })).toBe(true)
    expect(await verifyWebhookSignature({ secret: 'pässwörd', body: text, signature: `sha256=${createHmac('sha256', Buffer.from('pässwörd', 'utf8')).update(text).digest('hex')}` })).toBe(true)
  })

  it('refuses a tampered body, a re-serialized one, and the right body under another secret', async () => {
    const body = DOCS_BODY.replace('"creator_id":6', '"creator_id":7')
    expect(await verifyWebhookSignature({ secret: DOCS_SECRET, body, signature: DOCS_SIGNATURE })).toBe(false)
    const pretty = JSON.stringify(JSON.parse(DOCS_BODY), null, 2)
    expect(await verifyWebhookSignature({ secret: DOCS_SECRET, body: pretty, signature: DOCS_SIGNATURE })).toBe(false)
    expect(await verifyWebhookSignature({ secret: 'PGuRrhCFajIyEvFlreKM', body: DOCS_BODY, signature: DOCS_SIGNATURE })).toBe(false)
    expect(await verifyWebhookSignature({ secret: DOCS_SECRET, body: '', signature: DOCS_SIGNATURE })).toBe(false)
  })

  const hex = DOCS_SIGNATURE.slice('sha256='.length)
  it.each([
    ['absent (null)', null],
    ['absent (undefined)', undefined],
    ['empty', ''],
    ['the hex alone', hex],
    ['another algorithm', `sha1=${hex}`],
    ['an uppercase prefix', `SHA256=${hex}`],
    ['one digit short', `sha256=${hex.slice(1)}`],
    ['one digit long', `sha256=${hex}0`],
    ['non-hex digits', `sha256=${hex.slice(0, -1)}g`],
    ['padded with spaces', ` sha256=${hex} `],
    ['two values joined, as a repeated header arrives', `sha256=${hex}, sha256=${hex}`],
    ['base64 instead of hex', `sha256=${Buffer.from(hex, 'hex').toString('base64')}`],
    ['not a string', 42],
  ])('answers false, never throwing, for a signature that is %s', async (_, signature) => {
    await expect(verifyWebhookSignature({ secret: DOCS_SECRET, body: DOCS_BODY, signature: signature as string })).resolves.toBe(false)
  })

  it('rejects with InputError for a secret or body of the wrong kind, never quoting the secret', async () => {
    for (const secret of ['', undefined, null, 42]) {
      const error = await verifyWebhookSignature({ secret: secret as string, body: DOCS_BODY, signature: DOCS_SIGNATURE }).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(InputError)
      expect((error as Error).message).toMatch(/^verifyWebhookSignature: secret must be a non-empty string/)
    }
    const error = await verifyWebhookSignature({ secret: DOCS_SECRET, body: { event_id: 0 } as never, signature: DOCS_SIGNATURE }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(InputError)
    expect((error as Error).message).not.toContain(DOCS_SECRET)
  })
})
