import * as v from 'valibot'
import { EntityEnvelopeSchema, PingSchema, type WebhookEvent, type WebhookEventEnvelope, type WebhookPing } from './event.ts'
import { rawTopLevelNumber } from './event-id.ts'
import { PAYLOAD_SCHEMAS, type WebhookModel } from './payloads.ts'
import { REPLY_SECRETS, withoutFields } from '../core/secrets.ts'

/** A verified body read as Toggl's: a PING or an entity event. */
export type Delivery = { ping: WebhookPing; event?: never } | { event: WebhookEvent; ping?: never }

const decoder = new TextDecoder('utf-8', { fatal: true })

/** The delivery in `body`, or `undefined` when it is not valid UTF-8 JSON shaped like a Toggl event. */
export function parseDelivery(body: Uint8Array): Delivery | undefined {
  let text: string
  let json: unknown
  try {
    text = decoder.decode(body)
    json = JSON.parse(text)
  } catch {
    return undefined
  }
  if (json === null || typeof json !== 'object') return undefined

  if ((json as { payload?: unknown }).payload === 'ping') {
    const ping = v.safeParse(PingSchema, json)
    const event_id = ping.success ? exactId(text, ping.output.event_id) : undefined
    return ping.success && event_id !== undefined ? { ping: { ...ping.output, event_id } } : undefined
  }

  const envelope = v.safeParse(EntityEnvelopeSchema, json)
  if (!envelope.success) return undefined
  const event_id = exactId(text, envelope.output.event_id)
  if (event_id === undefined) return undefined
  const { model: name } = envelope.output.metadata
  const schema = Object.hasOwn(PAYLOAD_SCHEMAS, name) ? PAYLOAD_SCHEMAS[name as WebhookModel] : undefined
  const payload = schema ? v.safeParse(schema, envelope.output.payload) : { success: true as const, output: envelope.output.payload }
  if (!payload.success) return undefined
  const base: WebhookEventEnvelope = { ...envelope.output, event_id }
  // The schema picked by the model checked the payload, which TypeScript cannot follow.
  const event = { ...base, model: schema ? name : 'unknown', payload: withoutFields(payload.output, REPLY_SECRETS) } as WebhookEvent
  return { event }
}

/** The event id as written in the text, when it is plain digits; else the parsed number if it is exact. */
function exactId(text: string, parsed: number): string | undefined {
  const raw = rawTopLevelNumber(text, 'event_id')
  if (raw !== undefined && /^\d+$/.test(raw)) return raw
  return Number.isSafeInteger(parsed) ? String(parsed) : undefined
}
