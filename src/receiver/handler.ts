import { discardBody, readBody } from './body.ts'
import type { WebhookEvent, WebhookPing } from './event.ts'
import { normalURL, resolveHandlerOptions, type ResolvedHandlerOptions, type WebhookHandlerOptions } from './options.ts'
import { parseDelivery } from './parse.ts'
import { digestOf, signatureCheck } from './signature.ts'
import { instantOf } from './timestamp.ts'

/** A web-standard request handler: `Deno.serve(handler)`, `export default { fetch: handler }`, … */
export type WebhookHandler = (request: Request) => Promise<Response>

const SIGNATURE_HEADER = 'x-webhook-signature-256'

/**
 * A handler for the URL of a Toggl webhook subscription. It checks each delivery before trusting a
 * byte of it, in this order, answering:
 *
 * - 405 to anything but POST; 401 when `X-Webhook-Signature-256` is missing or malformed (the body is
 *   not read);
 * - 413 for a body over `maxBodySize` (not read past the limit), 408 for one slower than
 *   `bodyTimeout`;
 * - 401 when the signature is not the body's under `secret` (HMAC-SHA256 over the exact bytes,
 *   compared in constant time);
 * - 400 when the body is not a Toggl event (UTF-8 JSON with Toggl's envelope and, for a model
 *   togglkit knows, that model's payload);
 * - 401 when `timestampTolerance` or `callbackURL` is set and the event fails it;
 * - 200 to a PING, with `{"validation_code": "…"}` when it carries one, which validates the
 *   subscription; `onEvent` never sees a PING;
 * - otherwise `onEvent(event, { duplicate, request })` runs once, then 200; `duplicate` is `true`
 *   when the event id was seen before (see `idStore`). 500 when `onEvent` throws (the error goes to
 *   `onError`, never into the answer; Toggl retries later, and the id is forgotten so the retry
 *   does not count as a duplicate).
 *
 * It never throws or rejects: every request gets a Response, and no answer carries the secret.
 * Bad options throw `InputError` here, at once.
 *
 * @example
 * const handler = createWebhookHandler({
 *   secret: Deno.env.get('TOGGL_WEBHOOK_SECRET')!,
 *   onEvent(event, { duplicate }) {
 *     if (duplicate) return
 *     if (event.model === 'time_entry') console.log(event.metadata.action, event.payload.description)
 *   },
 * })
 * Deno.serve(handler)
 */
export function createWebhookHandler(options: WebhookHandlerOptions): WebhookHandler {
  const settings = resolveHandlerOptions(options)
  const check = signatureCheck(settings.secret, 'createWebhookHandler')
  const callbackURL = normalURL(settings.callbackURL)

  async function handle(request: Request): Promise<Response> {
    if (request.method !== 'POST') {
      discardBody(request)
      return answer(405, 'a webhook delivery is a POST', { allow: 'POST' })
    }
    const digest = digestOf(request.headers.get(SIGNATURE_HEADER))
    if (digest === undefined) {
      discardBody(request)
      return answer(401, 'missing or malformed X-Webhook-Signature-256')
    }
    const body = await readBody(request, { maxBytes: settings.maxBodySize, timeout: settings.bodyTimeout })
    if (body.status !== undefined) return answer(body.status, BODY_PROBLEMS[body.status])
    if (!(await check(body.bytes, digest))) return answer(401, 'signature mismatch')

    const delivery = parseDelivery(body.bytes)
    if (delivery === undefined) return answer(400, 'not a Toggl webhook event')
    const refusal = refusalOf(delivery.ping ?? delivery.event, settings, callbackURL)
    if (refusal !== undefined) return answer(401, refusal)
    return delivery.ping ? pong(delivery.ping) : deliver(delivery.event, request, settings)
  }

  return async (request) => {
    try {
      return await handle(request)
    } catch {
      // Unreachable by design (each step answers its own failures); a Response all the same.
      return answer(500, 'internal error')
    }
  }
}

const BODY_PROBLEMS = {
  400: 'the request body could not be read',
  408: 'the request body took too long',
  413: 'the request body is too large',
} as const

function refusalOf(event: WebhookEvent | WebhookPing, settings: ResolvedHandlerOptions, callbackURL: string | undefined): string | undefined {
  if (Number.isFinite(settings.timestampTolerance)) {
    const sentAt = typeof event.timestamp === 'string' ? instantOf(event.timestamp) : undefined
    if (sentAt === undefined) return 'the event has no valid timestamp'
    if (Math.abs(Date.now() - sentAt) > settings.timestampTolerance) return 'the event timestamp is too far from now'
  }
  if (callbackURL !== undefined && normalURL(event.url_callback) !== callbackURL) return 'the event was sent to another URL'
  return undefined
}

function pong(ping: WebhookPing): Response {
  const code = ping.validation_code
  if (typeof code !== 'string' || code === '') return new Response(null, { status: 200 })
  return new Response(JSON.stringify({ validation_code: code }), { status: 200, headers: { 'content-type': 'application/json' } })
}

async function deliver(event: WebhookEvent, request: Request, settings: ResolvedHandlerOptions): Promise<Response> {
  const { idStore } = settings
  let duplicate: boolean
  try {
    duplicate = idStore === null ? false : (await idStore.add(event.event_id)) === true
  } catch (error) {
    report(settings, error, event)
    return answer(500, 'internal error')
  }
  try {
    await settings.onEvent(event, { duplicate, request })
  } catch (error) {
    report(settings, error, event)
    if (idStore !== null && !duplicate) {
      try {
        await idStore.delete(event.event_id)
      } catch (storeError) {
        report(settings, storeError, event)
      }
    }
    return answer(500, 'internal error')
  }
  return new Response(null, { status: 200 })
}

// An onError that throws must not turn the answer into a rejection.
function report(settings: ResolvedHandlerOptions, error: unknown, event: WebhookEvent): void {
  try {
    settings.onError(error, event)
  } catch {
    // Nothing left to tell it to.
  }
}

function answer(status: number, reason: string, headers: Record<string, string> = {}): Response {
  return new Response(reason, { status, headers: { 'content-type': 'text/plain; charset=utf-8', ...headers } })
}
