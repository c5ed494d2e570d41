// How the fake sends what Toggl sends to a subscription's URL: a signed JSON POST, to an in-process
// receiver a test registered or over HTTP, and by default only to this machine.

/** A web-standard handler that receives deliveries in-process, without a network. */
export type MockReceiver = (request: Request) => Response | Promise<Response>

export interface MockWebhookOptions {
  /**
   * Let deliveries and PINGs go over the network to hosts other than loopback (127.0.0.0/8, ::1,
   * localhost). Off, the fake never calls anything off this machine: such a URL fails as
   * unreachable, unless a receiver is registered for it (`mock.webhooks.receive`).
   * @default false
   */
  allowRemote?: boolean
  /** What sends deliveries over HTTP. @default globalThis.fetch */
  fetch?: typeof globalThis.fetch
  /** Milliseconds a receiver on the network may take to answer. @default 5_000 */
  timeout?: number
}

/** What a receiver answered (its status and body), or why nothing did. */
export type DeliveryOutcome = { status: number; body: string; error?: never } | { error: string; status?: never; body?: never }

export const SIGNATURE_HEADER = 'X-Webhook-Signature-256'

const encoder = new TextEncoder()

/** `sha256=` + the lowercase hex HMAC-SHA256 of `body` under `secret`, as Toggl signs deliveries. */
export async function signatureOf(body: string, secret: string): Promise<string> {
  const key = await crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign'])
  const digest = new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(body)))
  return `sha256=${Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('')}`
}

/** Sends signed deliveries: to registered in-process receivers first, else over HTTP within the host guard. */
export class Courier {
  readonly #receivers = new Map<string, MockReceiver>()
  readonly #allowRemote: boolean
  readonly #fetch: typeof globalThis.fetch
  readonly #timeout: number

  constructor(options: MockWebhookOptions) {
    const { allowRemote = false, fetch = (input, init) => globalThis.fetch(input, init), timeout = 5_000 } = options
    if (typeof allowRemote !== 'boolean') throw new TypeError('togglkit/mock: webhooks.allowRemote must be a boolean')
    if (typeof fetch !== 'function') throw new TypeError('togglkit/mock: webhooks.fetch must be a function')
    if (!(typeof timeout === 'number' && timeout > 0)) throw new RangeError(`togglkit/mock: webhooks.timeout must be a positive number of ms, got ${timeout}`)
    this.#allowRemote = allowRemote
    this.#fetch = fetch
    this.#timeout = timeout
  }

  /** Answers deliveries to `url` with `receiver` (in-process); returns what removes it again. */
  receive(url: string, receiver: MockReceiver): () => void {
    const key = normalURL(url)
    if (key === undefined) throw new TypeError(`togglkit/mock: cannot receive at ${JSON.stringify(url)}: not an http(s) URL`)
    if (typeof receiver !== 'function') throw new TypeError('togglkit/mock: a receiver must be a function (request) => Response')
    this.#receivers.set(key, receiver)
    return () => {
      if (this.#receivers.get(key) === receiver) this.#receivers.delete(key)
    }
  }

  /** POSTs `body` to `url`, signed with `secret`; never throws. */
  async post(url: string, body: string, secret: string): Promise<DeliveryOutcome> {
    const key = normalURL(url)
    if (key === undefined) return { error: `parse ${JSON.stringify(url)}: invalid URL` }
    const headers = { 'content-type': 'application/json', [SIGNATURE_HEADER]: await signatureOf(body, secret) }
    const receiver = this.#receivers.get(key)
    if (receiver) return answerOf(async () => receiver(new Request(key, { method: 'POST', headers, body })))
    const { hostname } = new URL(key)
    if (!this.#allowRemote && !isLoopback(hostname)) {
      return { error: `togglkit/mock does not call ${hostname}, which is not a loopback host (register a receiver with mock.webhooks.receive, or set webhooks.allowRemote)` }
    }
    const aborter = new AbortController()
    const timer = setTimeout(() => aborter.abort(new Error(`no answer within ${this.#timeout} ms`)), this.#timeout)
    try {
      return await answerOf(() => this.#fetch(key, { method: 'POST', headers, body, signal: aborter.signal, redirect: 'manual' }))
    } finally {
      clearTimeout(timer)
    }
  }
}

async function answerOf(send: () => Promise<Response>): Promise<DeliveryOutcome> {
  try {
    const response = await send()
    return { status: response.status, body: await response.text() }
  } catch (error) {
    return { error: reasonOf(error) }
  }
}

/** What went wrong, as an HTTP client would say it (Node's fetch keeps the useful part in its cause). */
function reasonOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error)
  return error.cause instanceof Error ? error.cause.message : error.message
}

function normalURL(url: string): string | undefined {
  try {
    const parsed = new URL(url)
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined
  } catch {
    return undefined
  }
}

function isLoopback(hostname: string): boolean {
  const host = hostname.toLowerCase()
  return host === 'localhost' || host.endsWith('.localhost') || host === '[::1]' || /^127(?:\.\d{1,3}){3}$/.test(host)
}
