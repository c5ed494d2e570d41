import { InputError } from '../core/errors.ts'

/** A delivery's body as received: the raw bytes, or the exact text they decode to. */
export type WebhookBody = string | Uint8Array | ArrayBuffer

/** What {@link verifyWebhookSignature} checks. */
export interface WebhookSignatureInput {
  /** The subscription's `secret` (Toggl uses it as the HMAC key, UTF-8 encoded). */
  secret: string
  /**
   * The request body exactly as it arrived. Bytes are best: a string is taken as the body's own
   * text and encoded as UTF-8, so a body parsed and re-serialized (e.g. by a JSON middleware) fails.
   */
  body: WebhookBody
  /** The `X-Webhook-Signature-256` header as received, `sha256=<64 hex digits>`; `null` when absent. */
  signature: string | null | undefined
}

/** A check of many deliveries against one secret, importing the HMAC key once. */
export type SignatureCheck = (body: Uint8Array, digest: Uint8Array) => Promise<boolean>

const encoder = new TextEncoder()
const SIGNATURE = /^sha256=([0-9a-fA-F]{64})$/

/**
 * Tells whether `signature` is Toggl's signature of `body` under `secret`: the lowercase hex
 * HMAC-SHA256 of the raw body bytes, keyed with the secret, after `sha256=`. Uses Web Crypto
 * (browsers, Node ≥ 18, Deno, edge runtimes) and compares the digests in constant time.
 *
 * A missing, empty or malformed signature answers `false`; it never throws for what a sender
 * controls. A `secret` that is not a non-empty string or a `body` that is neither text nor bytes is a
 * programming error: the promise rejects with `InputError`.
 *
 * @example
 * const ok = await verifyWebhookSignature({
 *   secret: process.env.TOGGL_WEBHOOK_SECRET!,
 *   body: new Uint8Array(await request.arrayBuffer()),
 *   signature: request.headers.get('x-webhook-signature-256'),
 * })
 */
export async function verifyWebhookSignature({ secret, body, signature }: WebhookSignatureInput): Promise<boolean> {
  const check = signatureCheck(secret, 'verifyWebhookSignature')
  const bytes = bytesOf(body)
  const digest = digestOf(signature)
  return digest !== undefined && check(bytes, digest)
}

/**
 * A {@link SignatureCheck} for `secret`; throws `InputError` when it is not a non-empty string (the
 * secret itself never appears in the message).
 */
export function signatureCheck(secret: unknown, where: string): SignatureCheck {
  if (typeof secret !== 'string' || secret === '') {
    throw new InputError(`${where}: secret must be a non-empty string (the subscription's secret), got ${kindOf(secret)}`)
  }
  let key: Promise<CryptoKey> | undefined
  return async (body, digest) => {
    key ??= crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign'])
    const expected = new Uint8Array(await crypto.subtle.sign('HMAC', await key, body as Uint8Array<ArrayBuffer>))
    return sameBytes(expected, digest)
  }
}

/** The 32-byte digest a `sha256=<hex>` header value carries, or `undefined` when it carries none. */
export function digestOf(signature: unknown): Uint8Array | undefined {
  const hex = typeof signature === 'string' ? SIGNATURE.exec(signature)?.[1] : undefined
  if (hex === undefined) return undefined
  const digest = new Uint8Array(32)
  for (let i = 0; i < 32; i++) digest[i] = Number.parseInt(hex.slice(2 * i, 2 * i + 2), 16)
  return digest
}

/** Compares every byte whatever the first difference, so the time taken tells nothing about where it is. */
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) return false
  let difference = 0
  for (let i = 0; i < a.byteLength; i++) difference |= (a[i] as number) ^ (b[i] as number)
  return difference === 0
}

function bytesOf(body: unknown): Uint8Array {
  if (typeof body === 'string') return encoder.encode(body)
  if (body instanceof Uint8Array) return body
  if (body instanceof ArrayBuffer) return new Uint8Array(body)
  throw new InputError(`verifyWebhookSignature: body must be the raw body as a Uint8Array, an ArrayBuffer or a string, got ${kindOf(body)}`)
}

// A secret (or a body) never goes into a message, not even a short one: only what kind of value it is.
function kindOf(value: unknown): string {
  if (value === null) return 'null'
  if (value === '') return 'an empty string'
  return Array.isArray(value) ? 'an array' : typeof value
}
