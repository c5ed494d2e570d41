import type { Storage } from 'unstorage'
import { realmLock } from '../cache/lock.ts'
import { sleep } from '../core/sleep.ts'
import type { StoreAccess } from './access.ts'

/** What an atomic lock needs of a store's client: Redis's `SET key value PX ms NX` and `EVAL`. */
interface AtomicClient {
  set(key: string, value: string, expiry: 'PX', ms: number, mode: 'NX'): Promise<unknown>
  eval(script: string, keys: number, ...args: string[]): Promise<unknown>
}

/** Deletes the lock only while it is still the holder's, so a lock that expired and was taken again stays. */
const RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end"

/** How long a lock is held at most: a holder that died frees it then. */
const HOLD_MS = 30_000
const POLL_MS = 50

/** The store's client when it takes an atomic set-if-absent with expiry (ioredis, behind unstorage's redis driver). */
function atomicClientOf(storage: Storage): AtomicClient | undefined {
  const driver = (storage as { getMount?: (key: string) => { driver?: { getInstance?: () => unknown } } }).getMount?.('')?.driver
  const client = driver?.getInstance?.() as Partial<AtomicClient> | undefined
  return typeof client?.set === 'function' && typeof client.eval === 'function' ? (client as AtomicClient) : undefined
}

/**
 * Runs tasks holding a named lock: within this realm always, and across every process on the store
 * when it offers an atomic lock (Redis `SET NX PX`). A store that is down, or a lock held past its
 * expiry by a holder that died, lets the task run with the realm's lock alone: concurrent syncs are
 * then merely correct, each sending its own requests.
 */
export class StoreLock {
  readonly #client: AtomicClient | undefined
  readonly #access: StoreAccess
  readonly #keyOf: (name: string) => string

  constructor(storage: Storage, access: StoreAccess, keyOf: (name: string) => string) {
    this.#client = atomicClientOf(storage)
    this.#access = access
    this.#keyOf = keyOf
  }

  run<T>(name: string, task: () => Promise<T>): Promise<T> {
    const key = this.#keyOf(name)
    return realmLock(key, async () => {
      const token = crypto.getRandomValues(new Uint32Array(4)).join('-')
      const held = await this.#acquire(key, token)
      try {
        return await task()
      } finally {
        if (held) await this.#access.attempt('releasing a lock failed, it frees itself later', () => this.#client!.eval(RELEASE, 1, key, token))
      }
    })
  }

  async #acquire(key: string, token: string): Promise<boolean> {
    const client = this.#client
    if (!client) return false
    const giveUpAt = Date.now() + HOLD_MS
    for (;;) {
      const answer = await this.#access.attempt('taking a lock failed, syncing without it', () => client.set(key, token, 'PX', HOLD_MS, 'NX'))
      if (answer === undefined) return false
      if (answer.value === 'OK') return true
      if (Date.now() >= giveUpAt) return false
      await sleep(POLL_MS, undefined)
    }
  }
}
