import type { BasicAuth } from './auth.ts'
import type { QuotaInfo } from './quota.ts'
import { RateScheduler, type RateLimit } from './rate-limit.ts'
import type { SharedRead } from './shared-read.ts'
import type { TogglReply } from './spec.ts'

/**
 * What every client of one account on one API shares within this JS realm: the quota last
 * reported for each scope, the GETs in flight (so identical ones are sent once), and the rate
 * scheduler.
 */
export class AccountState {
  /** The newest report of any scope. */
  quota: QuotaInfo | null = null
  /** The newest report per scope: an organization id, or `null` for the user's own quota. */
  readonly quotas = new Map<number | null, QuotaInfo>()
  readonly reads = new Map<string, SharedRead<TogglReply>>()
  #scheduler: RateScheduler | undefined

  /** The account's one scheduler; when its clients ask for different rates, the slowest holds. */
  useRateLimit(limit: RateLimit): RateScheduler {
    if (this.#scheduler) this.#scheduler.tighten(limit)
    else this.#scheduler = new RateScheduler(limit)
    return this.#scheduler
  }

  /** A report from a reply's headers: the newest of any window, and its window's. */
  noteQuota(info: QuotaInfo): void {
    this.quota = info
    this.noteWindow(info)
  }

  /** A report about one window that is not a reply's own (`GET /me/quota` lists them all). */
  noteWindow(info: QuotaInfo): void {
    this.quotas.set(info.organizationId, info)
  }

  /**
   * Seconds until the scope's spent quota frees up, or 0 when requests may be sent. Only a count of
   * exactly 0 blocks: Toggl reports negative counts while it is not enforcing the quota.
   */
  quotaBlockedFor(scope: number | null, now: number): number {
    const quota = this.quotas.get(scope)
    if (quota?.remaining !== 0) return 0
    return Math.max(0, Math.ceil((quota.at + quota.resetsIn * 1000 - now) / 1000))
  }
}

// Keyed by the Authorization value in memory only, the same secret the BasicAuth already holds.
const accounts = new Map<string, AccountState>()

export function accountStateOf(auth: BasicAuth, baseURL: string): AccountState {
  const key = `${baseURL}\n${auth.header()}`
  let state = accounts.get(key)
  if (!state) accounts.set(key, (state = new AccountState()))
  return state
}
