import type { QuotaInfo } from '../core/quota.ts'

/** What one cache instance tells the others on the same store: which entries it changed. */
export interface CacheChange {
  type: 'change'
  /** The partition changed; absent when every partition was cleared. */
  partition?: string
  /** Keys written or deleted. */
  keys?: string[]
  /** Key prefixes deleted. */
  prefixes?: string[]
  /**
   * A sync stored a newer snapshot: reads in flight on the same store must not store theirs. Only
   * instances that share the store care (a memory cache of the same name keeps its own).
   */
  sync?: true
}

/** A quota report one instance heard, for the others of the same account (a partition). */
export interface QuotaNews {
  type: 'quota'
  partition: string
  windows: QuotaInfo[]
}

export type CacheMessage = CacheChange | QuotaNews

/**
 * How instances that share a store (tabs of an origin on one IndexedDB, two caches of one name in a
 * realm) hear of each other's changes, so none keeps serving or storing what another made stale.
 * Messages never reach their sender.
 */
export interface CacheChannel {
  post(message: CacheMessage): void
  /** Calls `listener` for every message of the others; answers a function that stops it. */
  subscribe(listener: (message: CacheMessage) => void): () => void
}

/** A {@link CacheChannel} its cache can close. */
export interface ClosableChannel extends CacheChannel {
  /** Stops hearing and telling the others for good, so nothing it reached keeps its cache alive. */
  close(): void
}

/**
 * A channel over `BroadcastChannel` (browsers, Deno, Node), named after the store; `undefined`
 * where it does not exist. The underlying channel opens on first use and never keeps a Node or Deno
 * process alive.
 */
export function broadcastChannelFor(name: string): ClosableChannel | undefined {
  if (typeof BroadcastChannel !== 'function') return undefined
  let channel: BroadcastChannel | undefined
  let closed = false
  const listeners = new Set<(message: CacheMessage) => void>()
  const open = (): BroadcastChannel | undefined => {
    if (channel || closed) return channel
    channel = new BroadcastChannel(`togglkit-cache:${name}`)
    ;(channel as { unref?: () => void }).unref?.()
    channel.onmessage = ({ data }: MessageEvent) => {
      if (!isMessage(data)) return
      for (const listener of listeners) listener(data)
    }
    return channel
  }
  return {
    post(message) {
      try {
        open()?.postMessage(message)
      } catch {
        // A closed or unusable channel only costs the others a stale copy until it expires.
      }
    },
    subscribe(listener) {
      if (closed) return () => {}
      open()
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    close() {
      closed = true
      listeners.clear()
      channel?.close()
      channel = undefined
    },
  }
}

function isMessage(data: unknown): data is CacheMessage {
  const type = (data as { type?: unknown } | null)?.type
  return type === 'change' || type === 'quota'
}
