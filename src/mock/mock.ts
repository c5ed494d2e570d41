import { authenticate } from './credentials.ts'
import { inProcessFetch } from './fetch.ts'
import { answerFault, checkFault, type MockFault } from './faults.ts'
import { HourlyQuota, quotaHeaders, quotaKeyOf } from './hourly-quota.ts'
import { bodyTooLarge, boundedText, DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_RECORDED_REQUESTS, limitOption } from './limits.ts'
import { LeakyBucket } from './rate-limit.ts'
import { locate, parseBody, recordOf, webhooksPathOf, type RecordedRequest } from './requests.ts'
import { emptyReply, errorReply, toResponse } from './responses.ts'
import { scopeOfPath, type ApiFamily } from '../core/api.ts'
import { route } from './router.ts'
import type { MockAccount, MockOrganizationSeed } from './model.ts'
import { DEMO_ACCOUNT, MockState } from './state.ts'
import type { MockWebhookOptions } from './webhooks/courier.ts'
import { WebhookDeliveries, type MockWebhooks } from './webhooks/delivery.ts'

export interface TogglMockOptions {
  /** @default [DEMO_ACCOUNT] */
  accounts?: MockAccount[]
  /** @default [] */
  organizations?: MockOrganizationSeed[]
  /**
   * Requests per sliding hour per account per scope: the organization id for
   * `/organizations/{id}/…` and for `/workspaces/{id}/…` (the workspace's organization), `'user'`
   * for `/me/…` and `POST /organizations`. `Infinity` turns the
   * quota off: no 402, and no quota headers.
   * @default 600
   */
  quotaPerHour?: number
  /** A leaky bucket per API token; over it the fake answers 429. `false` disables it. @default false */
  rateLimit?: { perSecond: number; burst: number } | false
  /** @default '/api/v9' */
  basePath?: string
  /** The clock, in ms since the epoch. @default Date.now */
  now?: () => number
  /**
   * How the fake delivers webhook PINGs and events to subscriptions' URLs: by default only to
   * loopback hosts (and in-process receivers, `mock.webhooks.receive`), within 5 s each.
   */
  webhooks?: MockWebhookOptions
  /**
   * How many requests `requests` keeps, the newest; older ones are let go (`received` still
   * counts them). The fake's own bound, so a long-running fake does not grow without end.
   * @default 1000
   */
  maxRecordedRequests?: number
  /**
   * The largest request body the fake reads, in bytes; a longer one is answered 413 "Request body
   * too large" without being read further or kept (the fake's own rule: Toggl documents none).
   * @default 1_048_576 (1 MiB)
   */
  maxBodyBytes?: number
}

/** The fake Toggl API: a web-standard handler with in-memory state. */
export interface TogglMock {
  handle(request: Request): Promise<Response>
  /**
   * An in-process `fetch` over `handle`: a dropped connection rejects with
   * `TypeError('fetch failed', { cause })`, a truncated body errors while read, `init.signal` is honoured.
   */
  fetch: typeof globalThis.fetch
  /** The base path the routes live under, e.g. `/api/v9`. */
  readonly basePath: string
  /**
   * The requests the fake received, in order, including those answered by a fault: the newest
   * `maxRecordedRequests` of them.
   */
  readonly requests: RecordedRequest[]
  /** How many requests the fake has received, recorded or not. */
  readonly received: number
  /** The largest request body it reads, in bytes (see {@link TogglMockOptions.maxBodyBytes}). */
  readonly maxBodyBytes: number
  /** The next `times` requests get `fault` instead of their answer; faults queue in order. */
  inject(fault: MockFault, times?: number): void
  /** The faults queued and not met yet, the next one first (one per request it will answer). */
  readonly faults: readonly MockFault[]
  clearFaults(): void
  /** Accounts, organizations and memberships, for tests and the playground. */
  readonly state: MockState
  /** Webhook subscriptions, their deliveries, and in-process receivers for them. */
  readonly webhooks: MockWebhooks
}

export function createTogglMock(options: TogglMockOptions = {}): TogglMock {
  const now = options.now ?? Date.now
  const basePath = (options.basePath ?? '/api/v9').replace(/\/+$/, '')
  const state = new MockState(now)
  const webhooks = new WebhookDeliveries(state, webhooksPathOf(basePath), options.webhooks)
  for (const account of options.accounts ?? [DEMO_ACCOUNT]) state.addAccount(account)
  for (const seed of options.organizations ?? []) state.addOrganization(seed)
  const quotaPerHour = options.quotaPerHour ?? 600
  // Unlimited: an account whose replies report no quota at all.
  const quota = quotaPerHour === Infinity ? undefined : new HourlyQuota(quotaPerHour, now)
  const rateLimit = options.rateLimit ? new LeakyBucket(options.rateLimit, now) : undefined
  const maxRecorded = limitOption('maxRecordedRequests', options.maxRecordedRequests, DEFAULT_MAX_RECORDED_REQUESTS)
  const maxBodyBytes = limitOption('maxBodyBytes', options.maxBodyBytes, DEFAULT_MAX_BODY_BYTES)
  const requests: RecordedRequest[] = []
  let received = 0
  const faults: MockFault[] = []

  /** Auth, rate limit, quota, then the route: the order in which the fake turns a request away. */
  async function answer(request: Request, place: { api: ApiFamily; path: string } | undefined, body: string): Promise<Response> {
    const account = authenticate(request.headers.get('authorization'), state)
    if (account === 'missing') return toResponse(emptyReply(401, { 'X-Authorization-Missing': 'true' }))
    if (account === 'invalid') return toResponse(emptyReply(403))

    const quotaKey = quotaKeyOf(account.id, place === undefined ? null : organizationOf(place))
    // A request the rate limit turns away never reaches the API, so it costs no quota.
    if (rateLimit && !rateLimit.admit(account.apiToken)) {
      return toResponse(errorReply(429, 'Too Many Requests'), quota ? quotaHeaders(quota.peek(quotaKey)) : {})
    }
    const standing = quota?.take(quotaKey)
    if (standing && !standing.allowed) {
      const message = `You have hit your hourly limit for API calls. Your quota will reset in ${standing.resetsIn} seconds.`
      return toResponse(errorReply(402, message), quotaHeaders(standing))
    }
    const url = new URL(request.url)
    const call = { state, account, query: url.searchParams, body, quota, webhooks, origin: url.origin }
    // Changes the route commits are the request's, as webhook events tell them.
    const reply = await webhooks.during({ method: request.method, path: url.pathname, body }, () => route(request.method, place, call))
    // A route's own 402 is a plan restriction, which Toggl sends without quota headers.
    return toResponse(reply, standing && reply.status !== 402 ? quotaHeaders(standing) : {})
  }

  /**
   * The organization whose window a call draws on: its own for `/organizations/{id}/…`, a
   * workspace's for calls about one (Toggl counts them against the workspace's organization), else none.
   */
  function organizationOf({ api, path }: { api: ApiFamily; path: string }): number | null {
    const { organizationId, workspaceId } = scopeOfPath(api, path)
    if (organizationId !== null || workspaceId === null) return organizationId
    return state.organizationOfWorkspace(workspaceId)?.id ?? null
  }

  async function handle(request: Request): Promise<Response> {
    const place = locate(basePath, new URL(request.url).pathname)
    const record = recordOf(request, place?.path)
    received++
    requests.push(record)
    if (requests.length > maxRecorded) requests.splice(0, requests.length - maxRecorded)
    // Taken on arrival, so concurrent requests meet the faults in the order they came in.
    const fault = faults.shift()
    const body = await boundedText(request, maxBodyBytes)
    if (body === undefined) {
      record.status = 413
      return bodyTooLarge()
    }
    record.body = parseBody(body)

    const faulty = fault && (await answerFault(fault, request.signal))
    const response = faulty ?? (await answer(request, place, body))
    // Toggl's clock, as every HTTP server states it; clients derive sync cursors from it.
    if (response.type !== 'error' && !response.headers.has('date')) response.headers.set('date', new Date(now()).toUTCString())
    record.status = response.status
    return response
  }

  return {
    handle,
    fetch: inProcessFetch(handle),
    basePath,
    requests,
    get received() {
      return received
    },
    maxBodyBytes,
    state,
    webhooks,
    inject(fault, times = 1) {
      if (!Number.isInteger(times) || times < 1) {
        throw new RangeError(`togglkit/mock: inject needs times ≥ 1, got ${times}`)
      }
      checkFault(fault)
      for (let i = 0; i < times; i++) faults.push(fault)
    },
    get faults() {
      return [...faults]
    },
    clearFaults() {
      faults.length = 0
    },
  }
}
