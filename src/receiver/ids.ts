import { InputError } from '../core/errors.ts'
import { describe } from '../core/describe.ts'

/**
 * Where the handler remembers the event ids it has seen, to tell a redelivery from a new event.
 * The default is a {@link MemoryIdStore} per handler; give one store to several handlers, or back it
 * by Redis, a database or Deno KV so that several processes share it. Methods may be sync or async.
 *
 * @example
 * // Redis: SET NX is the atomic "add unless there"; keep ids for a week, as long as Toggl keeps events.
 * const idStore: WebhookIdStore = {
 *   add: async (id) => (await redis.set(`toggl-event:${id}`, '1', { NX: true, EX: 604_800 })) === null,
 *   delete: async (id) => void (await redis.del(`toggl-event:${id}`)),
 * }
 */
export interface WebhookIdStore {
  /**
   * Records `id` and answers whether it was there already. Make it atomic where the store allows
   * (two deliveries of one event may arrive at once).
   */
  add(id: string): boolean | Promise<boolean>
  /** Forgets `id`: the handler calls it when `onEvent` failed, so that Toggl's retry counts as new. */
  delete(id: string): void | Promise<void>
}

/** The default number of event ids a {@link MemoryIdStore} remembers. */
const DEFAULT_ID_CAPACITY = 10_000

/**
 * A {@link WebhookIdStore} in this process's memory, bounded: past `capacity` ids it forgets the
 * one seen longest ago (a redelivery counts as seen again).
 */
export class MemoryIdStore implements WebhookIdStore {
  readonly #capacity: number
  readonly #ids = new Set<string>()

  /** @param capacity how many ids it remembers (default 10 000, about a megabyte at most) */
  constructor(capacity: number = DEFAULT_ID_CAPACITY) {
    if (!Number.isSafeInteger(capacity) || capacity < 1) {
      throw new InputError(`MemoryIdStore: capacity must be a whole number ≥ 1, got ${describe(capacity)}`)
    }
    this.#capacity = capacity
  }

  /** How many ids it holds now. */
  get size(): number {
    return this.#ids.size
  }

  add(id: string): boolean {
    const known = this.#ids.delete(id)
    this.#ids.add(id)
    if (this.#ids.size > this.#capacity) this.#ids.delete(this.#ids.values().next().value as string)
    return known
  }

  delete(id: string): void {
    this.#ids.delete(id)
  }
}
