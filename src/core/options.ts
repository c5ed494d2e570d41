import { InputError, type TogglError } from './errors.ts'
import type { QuotaInfo } from './quota.ts'
import { describe } from './describe.ts'
import { checkRateLimit, type RateLimit } from './rate-limit.ts'

/** What every endpoint accepts as its third argument. */
export interface EndpointOptions {
  /**
   * Where the API lives; point it at the fake (`togglkit/mock`) in tests. An http(s) URL without
   * `user:password@` (credentials go in `BasicAuth`).
   * @default 'https://api.track.toggl.com/api/v9'
   */
  baseURL?: string
  /**
   * Where the Reports API v3 lives. When left out it is derived from `baseURL`: on its origin (and
   * under its path prefix, when `baseURL` ends in `/api/v9`), so a fake or a proxy serves all three APIs.
   * @default 'https://api.track.toggl.com/reports/api/v3'
   */
  reportsURL?: string
  /**
   * Where the Webhooks API v1 lives; derived from `baseURL` like `reportsURL` when left out.
   * @default 'https://api.track.toggl.com/webhooks/api/v1'
   */
  webhooksURL?: string
  /**
   * The fetch implementation, e.g. a fake's in-process `mock.fetch`.
   * @default globalThis.fetch
   */
  fetch?: typeof globalThis.fetch
  /**
   * Milliseconds one attempt may take, body included; each retry gets its own. `Infinity` disables.
   * @default 10_000
   */
  timeout?: number
  /**
   * Throw on 404/403 instead of answering `null`, and never retry (as the Python reference does).
   * @default false
   */
  reRaise?: boolean
  /**
   * How many times a GET, PUT or DELETE, or a Reports API POST (which only reads), is retried after
   * a 5xx, a 429, a timeout or a network failure, from 0 to 10. Other POSTs, PATCHes and 402 are
   * never retried (except the PATCHes that change nothing more the second time: a timer's stop, a
   * webhook's enabled state), nor is an invitation's resend, which may e-mail again.
   * @default 3
   */
  retries?: number
  /**
   * Base of the exponential backoff in ms: retry n waits a random time up to
   * `min(maxRetryDelay, retryDelay * 2 ** n)`, unless the server sent `Retry-After`.
   * @default 500
   */
  retryDelay?: number
  /**
   * The longest wait between attempts in ms. A `Retry-After` longer than this is not waited for:
   * the error is thrown at once, with `retryAfter` on it.
   * @default 30_000
   */
  maxRetryDelay?: number
  /**
   * Called whenever a reply reports the hourly quota (its window's), and for each window that
   * `QuotaEndpoint.collect()` lists.
   * @example onQuota: ({ remaining, resetsIn }) => console.log(`${remaining} left, resets in ${resetsIn} s`)
   */
  onQuota?: (info: QuotaInfo) => void
  /**
   * Space this account's requests so a burst does not meet Toggl's 429s. Every client of the same
   * account in this JS realm shares one schedule (the slowest rate asked for applies).
   * @default false (no spacing; a 429 is retried after backoff)
   * @example rateLimit: { perSecond: 1, burst: 2 }
   */
  rateLimit?: RateLimit | false
  /** Called after every HTTP attempt, for logs and request meters. */
  onAttempt?: (event: AttemptEvent) => void
}

/** One HTTP attempt, as `onAttempt` reports it. */
export interface AttemptEvent {
  method: string
  url: string
  /** 1 for the first try, 2 for the first retry… */
  attempt: number
  /** The HTTP status, when a reply arrived. */
  status?: number
  /** Why the attempt failed, when it did. */
  error?: TogglError
  /** Milliseconds the attempt took. */
  duration: number
  /** Milliseconds until the next attempt, when one follows. */
  retryIn?: number
}

export interface ResolvedOptions {
  baseURL: string
  reportsURL: string
  webhooksURL: string
  fetch: typeof globalThis.fetch | undefined
  timeout: number
  reRaise: boolean
  retries: number
  retryDelay: number
  maxRetryDelay: number
  onQuota: ((info: QuotaInfo) => void) | undefined
  rateLimit: RateLimit | false
  onAttempt: ((event: AttemptEvent) => void) | undefined
}

const DEFAULT_BASE_URL = 'https://api.track.toggl.com/api/v9'
/** Each retry spends quota (30 an hour on Free) and, with backoff, up to `maxRetryDelay`: ten is plenty. */
const MAX_RETRIES = 10

const functionIds = new WeakMap<object, number>()
let nextFunctionId = 0

/**
 * A name for how options send a request and report on it, equal exactly when every option is
 * (functions by identity): identical reads in flight are shared only between callers it names
 * alike, so none waits past its own timeout, is retried against its `reRaise`, gets another
 * `fetch`'s answer or misses its own `onAttempt` and `onQuota`.
 */
export function policyOf(options: ResolvedOptions): string {
  return JSON.stringify(options, (_, value: unknown) => {
    if (typeof value !== 'function') return value
    let id = functionIds.get(value)
    if (id === undefined) functionIds.set(value, (id = ++nextFunctionId))
    return `function ${id}`
  })
}

/** Checks options from plain-JS callers too, so a typo fails here and not as a strange request. */
export function resolveOptions(options: unknown, where: string): ResolvedOptions {
  if (options === undefined || options === null) options = {}
  if (typeof options !== 'object') throw new InputError(`${where}: options must be an object`)
  const given = options as Record<string, unknown>
  const check = <T>(name: string, ok: (value: unknown) => boolean, rule: string, fallback: T): T => {
    const value = given[name]
    if (value === undefined) return fallback
    if (!ok(value)) throw new InputError(`${where}: options.${name} must be ${rule}, got ${describe(value)}`)
    return value as T
  }
  const isFunction = (v: unknown) => typeof v === 'function'
  const isRetryCount = (v: unknown) => Number.isSafeInteger(v) && (v as number) >= 0 && (v as number) <= MAX_RETRIES
  const isDelay = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v >= 0
  const url = (name: string, fallback: string): string => {
    const value = given[name]
    if (value === undefined) return fallback
    // A URL's user:password@ would go to every proxy and into every error: it is refused, never echoed.
    if (!isHttpUrl(value)) {
      const got = typeof value === 'string' && value.includes('@') ? 'a URL with user:password@ in it' : describe(value)
      throw new InputError(`${where}: options.${name} must be an http(s) URL without credentials, got ${got}`)
    }
    return value.replace(/\/+$/, '')
  }
  const baseURL = url('baseURL', DEFAULT_BASE_URL)
  return {
    baseURL,
    reportsURL: url('reportsURL', besideBase(baseURL, '/reports/api/v3')),
    webhooksURL: url('webhooksURL', besideBase(baseURL, '/webhooks/api/v1')),
    fetch: check<typeof globalThis.fetch | undefined>('fetch', isFunction, 'a function', undefined),
    timeout: check('timeout', (v) => typeof v === 'number' && v > 0, 'a positive number of ms', 10_000),
    reRaise: check('reRaise', (v) => typeof v === 'boolean', 'a boolean', false),
    retries: check('retries', isRetryCount, `a whole number from 0 to ${MAX_RETRIES}`, 3),
    retryDelay: check('retryDelay', isDelay, 'a number of ms ≥ 0', 500),
    maxRetryDelay: check('maxRetryDelay', isDelay, 'a number of ms ≥ 0', 30_000),
    onQuota: check<ResolvedOptions['onQuota']>('onQuota', isFunction, 'a function', undefined),
    rateLimit: given.rateLimit === undefined ? false : checkRateLimit(given.rateLimit, where),
    onAttempt: check<ResolvedOptions['onAttempt']>('onAttempt', isFunction, 'a function', undefined),
  }
}

/**
 * Another API's URL next to `baseURL`: `…/api/v9` becomes `…/reports/api/v3` (a proxy's path prefix
 * is kept), any other base URL gives its origin + `path`. The default base URL gives the defaults.
 */
function besideBase(baseURL: string, path: string): string {
  return baseURL.endsWith('/api/v9') ? baseURL.slice(0, -'/api/v9'.length) + path : new URL(baseURL).origin + path
}

function isHttpUrl(value: unknown): value is string {
  if (typeof value !== 'string') return false
  try {
    const { protocol, username, password } = new URL(value)
    return (protocol === 'http:' || protocol === 'https:') && username === '' && password === ''
  } catch {
    return false
  }
}
