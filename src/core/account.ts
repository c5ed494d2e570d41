import type { BasicAuth } from './auth.ts'
import type { CacheChannel } from '../cache/channel.ts'
import type { RequestScope } from './api.ts'
import type { QuotaInfo } from './quota.ts'
import { RateScheduler, type RateLimit } from './rate-limit.ts'
import type { SharedRead } from './shared-read.ts'
import type { TogglReply } from './spec.ts'

/**
 * Where an account's quota windows are kept for other processes and tabs to read (a cache they
 * share), by window: `user`, `o{id}`, `w{id}`.
 */
export interface QuotaStore {
  load(window: string): Promise<QuotaInfo | undefined>
  save(window: string, info: QuotaInfo): void
  /** Drops every window the store keeps for the account. */
  forget(): Promise<void>
}

/** A window's reports (but a spent one) go to other tabs and processes at most this often. */
const QUOTA_NEWS_INTERVAL_MS = 1_000
/** A window read from a store is read again only after this long, so a request costs at most one store read a second. */
const STORED_QUOTA_FRESH_MS = 1_000

/**
 * What every client of one account on one API shares within this JS realm: the quota last
 * reported for each window, which organization each workspace belongs to (Toggl counts a
 * workspace's calls against its organization's window), the reads in flight (GETs and read-only
 * POSTs, so identical ones are sent once), and the rate scheduler.
 */
export class AccountState {
  /** The newest report of any window. */
  quota: QuotaInfo | null = null
  readonly reads = new Map<string, SharedRead<TogglReply>>()
  /** Workspace id → organization id, as replies told it. */
  readonly #organizationOf = new Map<number, number>()
  /** The newest report per window: `user`, `o{id}`, or `w{id}` for a workspace whose organization is not known yet. */
  readonly #windows = new Map<string, QuotaInfo>()
  #scheduler: RateScheduler | undefined
  /** Channels this account's quota reports are posted on, each once. */
  readonly #sharedOver = new Map<CacheChannel, string>()
  /** Stores shared with other processes or tabs that keep this account's windows. */
  readonly #stores = new Set<QuotaStore>()
  /** When each window was last told to the other tabs and processes. */
  readonly #toldAt = new Map<string, number>()
  /** When each window was last read from the stores. */
  readonly #loadedAt = new Map<string, number>()

  /** The account's one scheduler; when its clients ask for different rates, the slowest holds. */
  useRateLimit(limit: RateLimit): RateScheduler {
    if (this.#scheduler) this.#scheduler.tighten(limit)
    else this.#scheduler = new RateScheduler(limit)
    return this.#scheduler
  }

  /** The organization a workspace belongs to, when a reply has said. */
  organizationOf(workspaceId: number): number | undefined {
    return this.#organizationOf.get(workspaceId)
  }

  /** The workspaces known to belong to an organization. */
  workspacesOf(organizationId: number): number[] {
    const found: number[] = []
    for (const [workspaceId, owner] of this.#organizationOf) if (owner === organizationId) found.push(workspaceId)
    return found
  }

  /**
   * Records that a workspace belongs to an organization. A window kept for the workspace until now
   * joins its organization's, unless the organization has a newer report of its own.
   */
  learnWorkspace(workspaceId: number, organizationId: number): void {
    if (this.#organizationOf.get(workspaceId) === organizationId) return
    this.#organizationOf.set(workspaceId, organizationId)
    const pending = this.#windows.get(`w${workspaceId}`)
    if (pending === undefined) return
    this.#windows.delete(`w${workspaceId}`)
    const known = this.#windows.get(`o${organizationId}`)
    if (known === undefined || known.at <= pending.at) {
      const { workspaceId: _, ...window } = pending
      this.#windows.set(`o${organizationId}`, { ...window, organizationId })
    }
  }

  /** Where a request's quota is counted, with the organization filled in when a workspace's is known. */
  resolve(scope: RequestScope): RequestScope {
    if (scope.organizationId !== null || scope.workspaceId === null) return scope
    return { organizationId: this.#organizationOf.get(scope.workspaceId) ?? null, workspaceId: scope.workspaceId }
  }

  /** A report from a reply's headers: the newest of any window, and its window's. */
  noteQuota(info: QuotaInfo): void {
    this.quota = info
    this.noteWindow(info)
    if (this.#sharedOver.size === 0 && this.#stores.size === 0) return
    // Telling the others costs a message or a store write: a spent window (which stops their calls)
    // reaches them at once, any other report at most once a second per window.
    const key = windowKey(info)
    if (info.remaining !== 0 && info.at - (this.#toldAt.get(key) ?? -Infinity) < QUOTA_NEWS_INTERVAL_MS) return
    this.#toldAt.set(key, info.at)
    for (const [channel, partition] of this.#sharedOver) channel.post({ type: 'quota', partition, windows: [info] })
    for (const store of this.#stores) store.save(key, info)
  }

  /** Keeps this account's windows in `store` too, and reads there what other processes saw. */
  shareThrough(store: QuotaStore): void {
    this.#stores.add(store)
  }

  /**
   * Before a request of `scope`: takes a newer report of its window from the shared stores, at most
   * once a second, so a window another process spent stops this one too; `undefined` when there is
   * nothing to read (no promise to wait for on every request).
   */
  adoptStored(scope: RequestScope, now: number): Promise<void> | undefined {
    if (this.#stores.size === 0) return undefined
    const key = windowKey(scope)
    if (now - (this.#loadedAt.get(key) ?? -Infinity) < STORED_QUOTA_FRESH_MS) return undefined
    this.#loadedAt.set(key, now)
    return this.#adopt(key)
  }

  async #adopt(key: string): Promise<void> {
    for (const store of this.#stores) {
      const stored = await store.load(key)
      const known = this.#windows.get(key)
      if (stored && (known === undefined || known.at < stored.at)) this.noteWindow(stored)
    }
  }

  /** Posts this account's quota reports on `channel`, and takes the newer ones others post there. */
  shareOver(channel: CacheChannel, partition: string): void {
    if (this.#sharedOver.has(channel)) return
    this.#sharedOver.set(channel, partition)
    channel.subscribe((message) => {
      if (message.type !== 'quota' || message.partition !== partition) return
      for (const window of message.windows) {
        const known = this.#windows.get(windowKey(window))
        if (known === undefined || known.at <= window.at) this.noteWindow(window)
      }
    })
  }

  /** A report about one window that is not a reply's own (`GET /me/quota` lists them all). */
  noteWindow(info: QuotaInfo): void {
    this.#windows.set(windowKey(info), info)
  }

  /** Forgets every window (and what the shared stores keep of them): nothing is known spent any more. */
  async forgetQuota(): Promise<void> {
    this.quota = null
    this.#windows.clear()
    this.#loadedAt.clear()
    await Promise.all(Array.from(this.#stores, (store) => store.forget()))
  }

  /** The last report of an organization's window, or of the user's own with `null`. */
  quotaOf(organizationId: number | null): QuotaInfo | null {
    return this.#windows.get(organizationId === null ? 'user' : `o${organizationId}`) ?? null
  }

  /**
   * Seconds until the spent window of a (resolved) scope frees up, or 0 when requests may be sent.
   * Only a count of exactly 0 blocks: Toggl reports negative counts while it is not enforcing.
   */
  quotaBlockedFor(scope: RequestScope, now: number): number {
    const quota = this.#windows.get(windowKey(scope))
    if (quota?.remaining !== 0) return 0
    return Math.max(0, Math.ceil((quota.at + quota.resetsIn * 1000 - now) / 1000))
  }
}

/** The window of a scope: its organization's, else its workspace's while that is unknown, else the user's. */
function windowKey(scope: { organizationId: number | null; workspaceId?: number | null | undefined }): string {
  if (scope.organizationId !== null) return `o${scope.organizationId}`
  return scope.workspaceId == null ? 'user' : `w${scope.workspaceId}`
}

// Keyed by the Authorization value in memory only, the same secret the BasicAuth already holds.
// Held weakly, so a process that signs in many accounts (a server) keeps only those its clients
// still use; the most recent ones also strongly, so an app that makes an endpoint per request
// keeps its quota view and rate schedule between requests.
const accounts = new Map<string, WeakRef<AccountState>>()
const recent = new Map<string, AccountState>()
const MAX_RECENT = 100
const released = new FinalizationRegistry<string>((key) => {
  if (accounts.get(key)?.deref() === undefined) accounts.delete(key)
})

/** What every client of one account on one API shares; see {@link AccountState}. */
export function accountStateOf(auth: BasicAuth, baseURL: string): AccountState {
  const key = `${baseURL}\n${auth.header()}`
  let state = accounts.get(key)?.deref()
  if (!state) {
    state = new AccountState()
    accounts.set(key, new WeakRef(state))
    released.register(state, key)
  }
  recent.delete(key)
  recent.set(key, state)
  if (recent.size > MAX_RECENT) recent.delete(recent.keys().next().value!)
  return state
}
