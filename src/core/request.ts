import { createFetch, FetchError } from 'ofetch'
import { accountStateOf, type AccountState, type QuotaStore } from './account.ts'
import { pathUnderBase, scopeOfPath, type ApiFamily, type RequestScope } from './api.ts'
import type { BasicAuth } from './auth.ts'
import type { CacheChannel } from '../cache/channel.ts'
import {
  HTTPStatusError,
  NetworkError,
  PlanRestrictionError,
  QuotaError,
  RateLimitError,
  ResponseValidationError,
  TimeoutError,
  type RequestInfo,
  type TogglError,
} from './errors.ts'
import { policyOf, type ResolvedOptions } from './options.ts'
import { quotaFromHeaders, type QuotaInfo } from './quota.ts'
import { mayHoldField, REPLY_SECRETS, withoutFields } from './secrets.ts'
import type { RateScheduler } from './rate-limit.ts'
import { scrubbedCause, type Redact } from './redaction.ts'
import { isRefusedRedirect, redirectOf, type Hop } from './redirects.ts'
import { serverMessageOf } from './server-message.ts'
import { SharedRead } from './shared-read.ts'
import { MAX_TIMER, sleep } from './sleep.ts'
import type { RequestSpec, TogglReply } from './spec.ts'

/** Only these can be sent twice without risk: a retried POST could create two organizations. */
const RETRYABLE_METHODS: ReadonlySet<string> = new Set(['GET', 'PUT', 'DELETE'])

type RawResponse = Response & { _data?: unknown }

/**
 * The one place that talks HTTP: Basic auth, JSON, a timeout per attempt, retries with backoff, typed
 * errors, and the quota headers. Endpoints describe calls; this sends them.
 */
export class RequestCore {
  readonly #auth: BasicAuth
  readonly #options: ResolvedOptions
  readonly #fetch: ReturnType<typeof createFetch>
  readonly #account: AccountState
  readonly #scheduler: RateScheduler | undefined
  /** Reads in flight are shared only with clients of the same policy (see {@link policyOf}). */
  readonly #policy: string
  /** Each API's base URL as requests use it (see {@link RequestCore.#normalBase}); `''` for one that needs `URL` each time. */
  readonly #normalBases = new Map<ApiFamily, string>()
  /** The last guard for anything an error carries: the secret, in any encoding, never leaves. */
  readonly #redact: Redact = (text, max) => this.#auth.redact(text, max)

  constructor(auth: BasicAuth, options: ResolvedOptions) {
    this.#auth = auth
    this.#options = options
    const fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init))
    this.#fetch = createFetch({ fetch: fetchImpl })
    this.#account = accountStateOf(auth, options.baseURL)
    this.#policy = policyOf(options)
    this.#scheduler = options.rateLimit ? this.#account.useRateLimit(options.rateLimit) : undefined
  }

  get options(): ResolvedOptions {
    return this.#options
  }

  /** The last quota any reply to this account reported, or `null` before the first. */
  get quota(): QuotaInfo | null {
    return this.#account.quota
  }

  /** The last quota reported for one scope: an organization id, or `null` for the user's own. */
  quotaOf(organizationId: number | null): QuotaInfo | null {
    return this.#account.quotaOf(organizationId)
  }

  /** Forgets every quota window this account's clients know of; see `TogglEndpoint.forgetQuota`. */
  forgetQuota(): Promise<void> {
    return this.#account.forgetQuota()
  }

  /** Records a window that a reply body reported (`GET /me/quota`) and tells `onQuota`. */
  noteWindow(info: QuotaInfo): void {
    this.#account.noteWindow(info)
    this.#options.onQuota?.(info)
  }

  /**
   * Sends a request with retries. Identical reads (GETs, and POSTs that only read) of one account
   * that overlap share one request when their clients' options agree; a write first detaches the
   * reads in flight, so a read that starts after a write never gets an answer from before it.
   */
  async send(spec: RequestSpec): Promise<TogglReply> {
    spec.signal?.throwIfAborted()
    const url = this.#targetOf(spec)
    if (spec.method !== 'GET' && !spec.read) {
      this.#account.reads.clear()
      return this.#sendWithRetries(spec, url).finally(() => this.#account.reads.clear())
    }
    const reads = this.#account.reads
    const key = `${this.#policy}\n${spec.method} ${url}${spec.binary ? ' binary' : ''}${spec.body === undefined ? '' : `\n${JSON.stringify(spec.body)}`}`
    let shared = reads.get(key)
    if (!shared) {
      const read: SharedRead<TogglReply> = new SharedRead(
        (signal) => this.#sendWithRetries({ ...spec, signal }, url),
        spec.signal,
        () => reads.get(key) === read && reads.delete(key),
      )
      reads.set(key, read)
      shared = read
    }
    return shared.join(spec.signal)
  }

  async #sendWithRetries(spec: RequestSpec, url: string): Promise<TogglReply> {
    // What errors and onAttempt report: the URL without the request's secrets.
    const request: RequestInfo = { method: spec.method, url: withoutSecrets(url, spec) }
    const { retries, reRaise, onAttempt } = this.#options
    const mayRetry = !reRaise && (spec.retry ?? (spec.read === true || RETRYABLE_METHODS.has(spec.method)))
    const pathScope = scopeOfPath(spec.api ?? 'track', spec.path)
    for (let attempt = 1; ; attempt++) {
      spec.signal?.throwIfAborted()
      // Resolved per attempt: a reply to another call may have told the workspace's organization meanwhile.
      const scope = this.#account.resolve(pathScope)
      const adopting = this.#account.adoptStored(scope, Date.now())
      if (adopting) await adopting
      this.#refuseWhileQuotaSpent(request, scope)
      if (this.#scheduler) await this.#scheduler.slot(spec.signal)
      const started = performance.now()
      let status: number | undefined
      let failure: TogglError
      let retryIn: number | undefined
      try {
        const response = await this.#attempt(request, spec, url)
        status = response.status
        const quota = this.#noteQuotaHeaders(response.headers, scope)
        if (response.ok) {
          const reply = { status, data: this.#parse(request, response, spec), headers: response.headers }
          // `/organizations/{id}/workspaces/{wid}/…` answered: the workspace is that organization's.
          if (pathScope.organizationId !== null && pathScope.workspaceId !== null) {
            this.#account.learnWorkspace(pathScope.workspaceId, pathScope.organizationId)
          }
          onAttempt?.({ ...request, attempt, status, duration: performance.now() - started })
          return reply
        }
        failure = await this.#errorOf(request, response, quota, spec)
        if (mayRetry && attempt <= retries) retryIn = this.#retryDelay(response, attempt)
      } catch (error) {
        if (!(error instanceof TimeoutError || error instanceof NetworkError || error instanceof ResponseValidationError)) {
          throw error
        }
        failure = error
        if (mayRetry && attempt <= retries && !(error instanceof ResponseValidationError) && !isRefusedRedirect(error)) {
          retryIn = this.#backoff(attempt)
        }
      }
      onAttempt?.({
        ...request,
        attempt,
        ...(status === undefined ? {} : { status }),
        error: failure,
        duration: performance.now() - started,
        ...(retryIn === undefined ? {} : { retryIn }),
      })
      if (retryIn === undefined) throw failure
      await sleep(retryIn, spec.signal)
    }
  }

  /** A spent quota answers 402 to anything in its scope until it resets: saying so here costs no request. */
  #refuseWhileQuotaSpent(request: RequestInfo, scope: RequestScope): void {
    const blockedFor = this.#account.quotaBlockedFor(scope, Date.now())
    if (blockedFor > 0) {
      throw new QuotaError(request, 'the hourly API quota is spent', 0, blockedFor, false)
    }
  }

  /** One HTTP exchange, body included, under its own timeout. */
  async #attempt(request: RequestInfo, spec: RequestSpec, url: string): Promise<RawResponse> {
    const controller = new AbortController()
    // A custom fetch may ignore its signal: the timeout and the caller's abort settle the attempt anyway.
    let settle!: (reason: unknown) => void
    const aborted = new Promise<never>((_, reject) => (settle = reject))
    const abort = (reason?: unknown) => {
      controller.abort(reason)
      settle(controller.signal.reason)
    }
    const callerSignal = spec.signal
    const onCallerAbort = () => abort(callerSignal?.reason)
    callerSignal?.addEventListener('abort', onCallerAbort, { once: true })
    let timedOut = false
    const { timeout } = this.#options
    const timer =
      timeout < MAX_TIMER
        ? setTimeout(() => {
            timedOut = true
            abort()
          }, timeout)
        : undefined
    try {
      // The URL as sent (`request.url`, which errors show, has its secrets redacted).
      let hop: Hop = { url, method: spec.method, keepsBody: true }
      for (let hops = 0; ; hops++) {
        const exchange = this.#fetch.raw<unknown, 'text' | 'blob'>(hop.url, {
          method: hop.method,
          headers: { Authorization: this.#auth.header(), Accept: 'application/json' },
          ...(spec.body === undefined || !hop.keepsBody ? {} : { body: spec.body as Record<string, unknown> }),
          signal: controller.signal,
          responseType: spec.binary ? 'blob' : 'text',
          retry: false,
          ignoreResponseError: true,
          redirect: 'manual',
        })
        const response = await Promise.race([exchange, aborted])
        const next = redirectOf(request, response, hop.url, hop.method, hops)
        if (next === undefined) return response
        hop = next
      }
    } catch (error) {
      if (isRefusedRedirect(error)) throw error
      if (callerSignal?.aborted) throw callerSignal.reason
      if (timedOut) throw new TimeoutError(request, timeout)
      // ofetch wraps what fetch threw; the original (with its own cause, e.g. ECONNRESET) is the
      // cause. The wrapper never is: it holds the request's options, Authorization header included.
      throw new NetworkError(request, scrubbedCause(error instanceof FetchError ? error.cause : error, this.#redact))
    } finally {
      clearTimeout(timer)
      callerSignal?.removeEventListener('abort', onCallerAbort)
    }
  }

  /** The full URL of a request, as errors report it (its secrets redacted). */
  urlOf(spec: RequestSpec): string {
    return withoutSecrets(this.#targetOf(spec), spec)
  }

  /**
   * The full URL a request goes to, as `new URL(base + path)` with the query set would write it.
   * Paths come encoded and ids are digits, so only the base needs normalizing, once per API;
   * a path with a dot segment (which a URL resolves) or a base with a query goes through `URL`.
   */
  #targetOf(spec: RequestSpec): string {
    const api = spec.api ?? 'track'
    const path = pathUnderBase(api, spec.path)
    const base = this.#normalBase(api)
    const search = searchOf(spec.query)
    if (base !== undefined && !DOT_SEGMENT.test(path)) return base + path + (search === '' ? '' : `?${search}`)
    const url = new URL(this.#baseOf(api) + path)
    if (search !== '') url.search = search
    return url.href
  }

  #baseOf(api: ApiFamily): string {
    const { baseURL, reportsURL, webhooksURL } = this.#options
    return api === 'reports' ? reportsURL : api === 'webhooks' ? webhooksURL : baseURL
  }

  /** A family's base URL as `URL` writes it when a path follows, or `undefined` when it has a query or fragment. */
  #normalBase(api: ApiFamily): string | undefined {
    let base = this.#normalBases.get(api)
    if (base === undefined) {
      const given = this.#baseOf(api)
      base = /[?#]/.test(given) ? '' : new URL(`${given}/x`).href.slice(0, -2)
      this.#normalBases.set(api, base)
    }
    return base === '' ? undefined : base
  }

  /** Remembers that each workspace belongs to its organization, as a reply showed. */
  learnWorkspaces(pairs: Iterable<readonly [workspaceId: number, organizationId: number]>): void {
    for (const [workspaceId, organizationId] of pairs) this.#account.learnWorkspace(workspaceId, organizationId)
  }

  /**
   * Shares this account's quota view with the other instances on a cache's channel (other tabs):
   * each report heard here is posted, and each one posted there is taken when it is newer.
   */
  shareQuota(channel: CacheChannel, partition: string): void {
    this.#account.shareOver(channel, partition)
  }

  /** Keeps this account's quota windows in a store other processes or tabs share, and reads theirs there. */
  shareQuotaThrough(store: QuotaStore): void {
    this.#account.shareThrough(store)
  }

  /** The workspaces a reply has told to belong to an organization. */
  workspacesOf(organizationId: number): number[] {
    return this.#account.workspacesOf(organizationId)
  }

  /** The organization of a workspace, when a reply has told it. */
  organizationOf(workspaceId: number): number | undefined {
    return this.#account.organizationOf(workspaceId)
  }

  /** The quota a reply's headers report (also to the account and `onQuota`), or `null`. */
  #noteQuotaHeaders(headers: Headers, scope: RequestScope): QuotaInfo | null {
    const info = quotaFromHeaders(headers, Date.now(), scope)
    if (info === null) return null
    this.#account.noteQuota(info)
    this.#options.onQuota?.(info)
    return info
  }

  #parse(request: RequestInfo, response: RawResponse, spec: RequestSpec): unknown {
    if (spec.binary) return response._data
    const text = typeof response._data === 'string' ? response._data : ''
    if (text === '') return undefined
    if (!isJson(response.headers)) return text
    let parsed: unknown
    try {
      parsed = JSON.parse(text)
    } catch {
      throw new ResponseValidationError(request, '$', `the body is not valid JSON (${text.length} characters)`)
    }
    // The one place every reply passes: what Toggl sends as a credential goes no further.
    return mayHoldField(text, REPLY_SECRETS) ? withoutFields(parsed, REPLY_SECRETS) : parsed
  }

  async #errorOf(request: RequestInfo, response: RawResponse, quota: QuotaInfo | null, spec: RequestSpec): Promise<HTTPStatusError> {
    const data = response._data
    const body = typeof data === 'string' ? data : data instanceof Blob ? await data.text() : ''
    const contentType = response.headers.get('content-type') ?? ''
    const message = withoutSecrets(serverMessageOf(body, contentType, response.statusText, this.#redact), spec)
    const { status, headers } = response
    if (status === 402) {
      // Toggl may put its quota headers on any reply; only a window with nothing left makes a 402 the quota's.
      return quota && quota.remaining <= 0
        ? new QuotaError(request, message, quota.remaining, quota.resetsIn)
        : new PlanRestrictionError(request, status, message)
    }
    if (status === 429) {
      const retryAfter = retryAfterMs(headers)
      return new RateLimitError(request, message, retryAfter === undefined ? undefined : retryAfter / 1000)
    }
    return new HTTPStatusError(request, status, message)
  }

  /** How long to wait before retrying this reply, or `undefined` when it must not be retried. */
  #retryDelay(response: RawResponse, attempt: number): number | undefined {
    const { status, headers } = response
    if (status !== 429 && status < 500) return undefined
    const asked = retryAfterMs(headers)
    if (asked === undefined) return this.#backoff(attempt)
    return asked <= this.#options.maxRetryDelay ? asked : undefined
  }

  /** Exponential backoff with full jitter, so many clients that failed together do not retry together. */
  #backoff(attempt: number): number {
    const { retryDelay, maxRetryDelay } = this.#options
    return Math.random() * Math.min(maxRetryDelay, retryDelay * 2 ** (attempt - 1))
  }
}

/** `text` with each of the request's secrets (never empty), as given and as a URL carries it, shown as `[redacted]`. */
function withoutSecrets(text: string, { secrets = [] }: RequestSpec): string {
  return secrets.reduce((result, secret) => result.replaceAll(secret, '[redacted]').replaceAll(encodeURIComponent(secret), '[redacted]'), text)
}

/** A segment `.` or `..`, which a URL resolves away. */
const DOT_SEGMENT = /\/\.\.?(?:\/|$)/

/** The query as a URL writes it (`application/x-www-form-urlencoded`), without its undefined values. */
function searchOf(query: RequestSpec['query']): string {
  if (query === undefined) return ''
  const params = new URLSearchParams()
  for (const name in query) {
    const value = query[name]
    if (value !== undefined) params.append(name, String(value))
  }
  return params.toString()
}

function isJson(headers: Headers): boolean {
  return /[/+]json\b/i.test(headers.get('content-type') ?? '')
}

/** `Retry-After` in ms: delta-seconds or an HTTP date; `undefined` when absent or unreadable. */
function retryAfterMs(headers: Headers): number | undefined {
  const value = headers.get('retry-after')?.trim()
  if (!value) return undefined
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value) * 1000
  const date = Date.parse(value)
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now())
}
