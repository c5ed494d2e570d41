import { BasicAuth, OrganizationEndpoint, type AttemptEvent, type TogglCache } from '../../src/index.ts'
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

/**
 * Runs calls on the selected backend, logging every attempt. Each call gets its own endpoint, so
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

  async run(
    call: string,
    intended: IntendedRequest,
    invoke: (endpoint: OrganizationEndpoint) => Promise<unknown>,
  ): Promise<CallReport> {
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
    let outcome: CallOutcome
    try {
      // A missing token fails here, with the library's own InputError.
      const auth = BasicAuth.fromApiToken(backend.token() ?? '')
      const endpoint = new OrganizationEndpoint(auth, this.#cache, {
        ...backend.endpointOptions,
        onAttempt,
        onQuota: (info) => this.#quota.update(info),
      })
      outcome = { ok: true, value: await invoke(endpoint) }
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
