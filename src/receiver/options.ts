import { InputError } from '../core/errors.ts'
import { describe } from '../core/describe.ts'
import type { WebhookEvent } from './event.ts'
import { MemoryIdStore, type WebhookIdStore } from './ids.ts'

/** What `onEvent` learns about a delivery besides the event. */
export interface WebhookDelivery {
  /**
   * The event id was seen before (by the handler's {@link WebhookIdStore}): Toggl delivered it again,
   * e.g. because an earlier answer was lost. Usually: do nothing. The handler answers 2xx either way.
   */
  duplicate: boolean
  /** The request it came in (its body already read). */
  request: Request
}

/** What {@link createWebhookHandler} takes. */
export interface WebhookHandlerOptions {
  /** The subscription's `secret`: every delivery must be signed with it. */
  secret: string
  /**
   * Called once per delivered entity event, after its signature checked out; never for a PING.
   * The handler answers when it settles: 200, or 500 when it throws or rejects (so Toggl delivers
   * the event again later). Keep it short; queue slow work.
   */
  onEvent: (event: WebhookEvent, delivery: WebhookDelivery) => unknown
  /**
   * The largest body accepted, in bytes; a larger one is answered 413 without being read past the
   * limit (or at all, when its `Content-Length` says so).
   * @default 1_048_576 (1 MiB)
   */
  maxBodySize?: number
  /**
   * Milliseconds the whole body may take to arrive; a slower one is answered 408 and not read
   * further. `Infinity` waits forever.
   * @default 10_000
   */
  bodyTimeout?: number
  /**
   * Where event ids are remembered to spot redeliveries; `null` remembers nothing (then `duplicate`
   * is always `false`).
   * @default new MemoryIdStore() (the last 10 000 ids, in this process)
   */
  idStore?: WebhookIdStore | null
  /**
   * Replay protection: the most milliseconds an event's `timestamp` (new on every delivery
   * attempt) may be from this machine's clock, either way; an older, newer or missing one is
   * answered 401. `Infinity` checks nothing.
   * @default Infinity
   * @example timestampTolerance: 5 * 60_000
   */
  timestampTolerance?: number
  /**
   * This endpoint's URL as registered with Toggl (the subscription's `url_callback`); an event whose
   * `url_callback` names another URL (one forwarded from elsewhere) is answered 401. Compared as
   * parsed URLs, so `HTTPS://Example.com` equals `https://example.com/`.
   * @default undefined (not checked)
   */
  callbackURL?: string
  /**
   * Hears what made the handler answer 500: an `onEvent` that threw, or a failing `idStore`. The
   * answer itself says only "internal error".
   * @default logs it with console.error
   */
  onError?: (error: unknown, event: WebhookEvent) => void
}

/** {@link WebhookHandlerOptions} checked and completed with their defaults. */
export interface ResolvedHandlerOptions {
  secret: string
  onEvent: WebhookHandlerOptions['onEvent']
  maxBodySize: number
  bodyTimeout: number
  idStore: WebhookIdStore | null
  timestampTolerance: number
  callbackURL: string | undefined
  onError: NonNullable<WebhookHandlerOptions['onError']>
}

const DEFAULT_MAX_BODY_SIZE = 1_048_576
const DEFAULT_BODY_TIMEOUT = 10_000

const KNOWN = new Set(['secret', 'onEvent', 'maxBodySize', 'bodyTimeout', 'idStore', 'timestampTolerance', 'callbackURL', 'onError'])
const WHERE = 'createWebhookHandler'

/** Checks the options of plain-JS callers too, so a typo fails at start-up, not on the first delivery. */
export function resolveHandlerOptions(options: unknown): ResolvedHandlerOptions {
  if (options === null || typeof options !== 'object') throw new InputError(`${WHERE}: options must be an object with secret and onEvent`)
  const given = options as Record<string, unknown>
  const stray = Object.keys(given).find((name) => !KNOWN.has(name))
  if (stray !== undefined) throw new InputError(`${WHERE}: ${stray} is not an option (options are ${[...KNOWN].join(', ')})`)
  const check = <T>(name: string, ok: (value: unknown) => boolean, rule: string, fallback: T): T => {
    const value = given[name]
    if (value === undefined) return fallback
    if (!ok(value)) throw new InputError(`${WHERE}: options.${name} must be ${rule}, got ${describe(value)}`)
    return value as T
  }
  if (typeof given.onEvent !== 'function') throw new InputError(`${WHERE}: options.onEvent must be a function, got ${describe(given.onEvent)}`)
  const isFunction = (value: unknown) => typeof value === 'function'
  const isPositive = (value: unknown) => typeof value === 'number' && value > 0
  return {
    // signatureCheck() checks the secret, without ever quoting it.
    secret: given.secret as string,
    onEvent: given.onEvent as ResolvedHandlerOptions['onEvent'],
    maxBodySize: check('maxBodySize', (value) => Number.isSafeInteger(value) && (value as number) > 0, 'a whole number of bytes > 0', DEFAULT_MAX_BODY_SIZE),
    bodyTimeout: check('bodyTimeout', isPositive, 'a number of ms > 0 (or Infinity)', DEFAULT_BODY_TIMEOUT),
    idStore: check<WebhookIdStore | null>('idStore', isIdStore, 'null or an object with add(id) and delete(id)', new MemoryIdStore()),
    timestampTolerance: check('timestampTolerance', (value) => typeof value === 'number' && value >= 0, 'a number of ms ≥ 0 (or Infinity)', Infinity),
    callbackURL: check<string | undefined>('callbackURL', (value) => normalURL(value) !== undefined, 'an absolute URL', undefined),
    onError: check('onError', isFunction, 'a function', logError),
  }
}

/** A URL in one spelling (case of scheme and host, default port, empty path), or `undefined`. */
export function normalURL(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined
  try {
    return new URL(value).href
  } catch {
    return undefined
  }
}

function isIdStore(value: unknown): boolean {
  if (value === null) return true
  const store = value as Partial<WebhookIdStore> | undefined
  return typeof store === 'object' && typeof store.add === 'function' && typeof store.delete === 'function'
}

function logError(error: unknown, event: WebhookEvent): void {
  console.error(`togglkit/webhooks: answered 500 to event ${event.event_id} (${event.metadata.model} ${event.metadata.action})`, error)
}
