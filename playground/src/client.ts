import { BasicAuth, type AttemptEvent, type EndpointOptions, type TogglCache } from '../../src/index.ts'
import type { Backend } from './backend.ts'
import type { QuotaMeter } from './quota-meter.ts'
import type { RequestLog } from './request-log.ts'

/** The request a call would send, named in the log when it sent none. */
export interface IntendedRequest {
  method: string
  path: string
}

/** How one call went. */
export type CallOutcome = { ok: true; value: unknown } | { ok: false; error: unknown }

export interface CallReport {
  outcome: CallOutcome
  /** HTTP attempts made, retries included. */
  requests: number
  duration: number
}

/** Any endpoint class of the library: they all take the same three constructor arguments. */
export type EndpointClass<E> = new (auth: BasicAuth, cache?: TogglCache | null, options?: EndpointOptions) => E

/** Builds an endpoint of the given class for one call, with the page's auth, cache and options. */
export type EndpointMaker = <E>(Endpoint: EndpointClass<E>) => E

/**
 * Runs calls on the selected backend, logging every attempt. Each call builds its own endpoints, so
 * each attempt is told to the call that made it: a call that reported none was answered by the
 * cache (or refused before sending, when it failed).
 */
export class PlaygroundClient {
  readonly #cache: TogglCache
  readonly #log: RequestLog
  readonly #quota: QuotaMeter
  readonly #backend: () => Backend

  constructor(cache: TogglCache, log: RequestLog, quota: QuotaMeter, backend: () => Backend) {
    this.#cache = cache
    this.#log = log
    this.#quota = quota
    this.#backend = backend
  }

  async run(call: string, intended: IntendedRequest, invoke: (make: EndpointMaker) => Promise<unknown>): Promise<CallReport> {
    const backend = this.#backend()
    const baseURL = backend.endpointOptions.baseURL ?? ''
    const started = performance.now()
    let requests = 0
    const onAttempt = (event: AttemptEvent) => {
      requests++
      this.#log.add({
        call,
        method: event.method,
        path: event.url.startsWith(baseURL) ? event.url.slice(baseURL.length) : new URL(event.url).pathname,
        source: 'network',
        attempt: event.attempt,
        duration: event.duration,
        ...(event.status === undefined ? {} : { status: event.status }),
        ...(event.error === undefined ? {} : { error: event.error.name }),
        ...(event.retryIn === undefined ? {} : { retryIn: event.retryIn }),
      })
    }
    const options: EndpointOptions = {
      ...backend.endpointOptions,
      onAttempt,
      onQuota: (info) => this.#quota.update(info),
    }
    // A missing token fails when the call builds its first endpoint, with the library's own InputError.
    const make: EndpointMaker = (Endpoint) => new Endpoint(BasicAuth.fromApiToken(backend.token() ?? ''), this.#cache, options)
    let outcome: CallOutcome
    try {
      outcome = { ok: true, value: await invoke(make) }
    } catch (error) {
      outcome = { ok: false, error }
    }
    const duration = performance.now() - started
    if (requests === 0) {
      this.#log.add({
        call,
        ...intended,
        duration,
        ...(outcome.ok ? { source: 'cache' } : { source: 'not sent', error: errorName(outcome.error) }),
      })
    }
    return { outcome, requests, duration }
  }
}

export function errorName(error: unknown): string {
  return error instanceof Error ? error.name : typeof error
}
