import { BasicAuth, type EndpointOptions, type QuotaInfo, type TogglCache } from 'togglkit'
import type { Backend } from './backend.ts'
import { noteAttempt, recordingFetch, type Exchange } from './exchange.ts'

/** What one caller (the timer app, or one explorer call) signs in with, and what it sent. */
export interface Connection {
  auth: BasicAuth
  /** For every endpoint the caller makes: the backend's URL and fetch, recording each request. */
  options: EndpointOptions
  /** Every HTTP attempt so far, in order. */
  readonly exchanges: Exchange[]
}

/** Hears what the page shows about every call: each request as it changes, each quota report with its reply's status. */
export interface SessionListener {
  exchange(exchange: Exchange): void
  quota(info: QuotaInfo, status: number | undefined): void
}

/**
 * The page's link to the selected backend: one cache, and connections that record every request.
 * A caller that wants other client options (the explorer's) passes them; the backend's URL and
 * fetch, and the recording, always apply.
 */
export class Session {
  readonly cache: TogglCache
  readonly #backend: () => Backend
  readonly #listener: SessionListener

  constructor(cache: TogglCache, backend: () => Backend, listener: SessionListener) {
    this.cache = cache
    this.#backend = backend
    this.#listener = listener
  }

  get backend(): Backend {
    return this.#backend()
  }

  /**
   * A connection for `caller`. Throws the library's `InputError` when the real API has no token
   * yet, as `BasicAuth.fromApiToken('')` does: the caller shows it like any other error.
   */
  connect(caller: string, clientOptions: EndpointOptions = {}): Connection {
    const backend = this.#backend()
    const auth = BasicAuth.fromApiToken(backend.token() ?? '')
    const exchanges: Exchange[] = []
    const send = backend.endpointOptions.fetch ?? ((input, init) => globalThis.fetch(input, init))
    const options: EndpointOptions = {
      ...backend.endpointOptions,
      ...clientOptions,
      fetch: recordingFetch(send, auth, caller, (exchange) => {
        if (!exchanges.includes(exchange)) exchanges.push(exchange)
        this.#listener.exchange(exchange)
      }),
      // A report comes from the reply that arrived last (its status is known by then; /me/quota's windows too).
      onQuota: (info) => {
        this.#listener.quota(info, [...exchanges].reverse().find(({ status }) => status !== undefined)?.status)
        clientOptions.onQuota?.(info)
      },
      onAttempt: (event) => {
        const exchange = noteAttempt(exchanges, event, auth)
        if (exchange) this.#listener.exchange(exchange)
        clientOptions.onAttempt?.(event)
      },
    }
    return { auth, options, exchanges }
  }
}
