import type { MockChange } from '../model.ts'
import type { MockState } from '../state.ts'
import { Courier, type DeliveryOutcome, type MockReceiver, type MockWebhookOptions } from './courier.ts'
import { bodyOf, eventOf, hears, pingOf, validationCodeIn, type ChangeRequest, type MockEvent } from './events.ts'
import type { MockSubscription } from './subscription.ts'

/** One delivery attempt, as `mock.webhooks.deliveries` records it. */
export interface MockDelivery {
  kind: 'ping' | 'event'
  subscriptionId: number
  /** 0 for a PING. */
  eventId: number
  url: string
  /** 1 for the first attempt, 2 for the first redelivery… */
  attempt: number
  /** What the receiver answered; 0 when nothing did (see `error`). */
  status: number
  /** Why nothing answered: unreachable, refused by the host guard, timed out. */
  error?: string
}

/** The fake's webhook side, as `mock.webhooks` shows it to tests. */
export interface MockWebhooks {
  /** Every live subscription, by id. */
  readonly subscriptions: ReadonlyMap<number, MockSubscription>
  /** Every delivery attempt so far, PINGs included, in the order they were answered. */
  readonly deliveries: readonly MockDelivery[]
  /**
   * Answers deliveries to `url` (compared as parsed URLs) with `receiver`, in-process: no network,
   * whatever the host. Answers a function that removes it.
   */
  receive(url: string, receiver: MockReceiver): () => void
  /** Resolves once every delivery started so far has been answered or has failed. */
  settled(): Promise<void>
  /**
   * Sends every event whose delivery failed again, now, in order, to subscriptions that are
   * enabled and validated; resolves once they are answered. (Toggl retries "some time later" on a
   * schedule it does not document; the fake retries when told.)
   */
  redeliver(): Promise<void>
}

// Toggl's event ids are near 8e15; the fake's are too, so a receiver that loses digits shows it.
const FIRST_EVENT_ID = 8_023_169_274_704_001

interface PendingEvent {
  event: MockEvent
  attempts: number
}

/**
 * Subscriptions, and what the fake sends them: a PING when asked (answered before the call that
 * asked returns), and an event for each change of the fake's data (`MockState.onChange`) that an
 * enabled, validated subscription's filters and creator let through. Events go out one at a time
 * per subscription, in the order of the changes, signed with the subscription's secret as it is
 * when each attempt is sent. A failed event stays pending (`has_pending_events`) until `redeliver`.
 */
export class WebhookDeliveries implements MockWebhooks {
  readonly subscriptions: Map<number, MockSubscription> = new Map()
  readonly deliveries: MockDelivery[] = []
  readonly #state: MockState
  readonly #courier: Courier
  /** Where the Webhooks API lives on the fake, e.g. `/webhooks/api/v1`. */
  readonly #basePath: string
  readonly #pending = new Map<number, PendingEvent[]>()
  // One chain of deliveries per subscription, so its events arrive in order.
  readonly #lines = new Map<number, Promise<void>>()
  readonly #inFlight = new Set<Promise<void>>()
  #request: ChangeRequest | undefined
  #nextEventId = FIRST_EVENT_ID
  #stopListening: (() => void) | undefined

  constructor(state: MockState, basePath: string, options: MockWebhookOptions = {}) {
    this.#state = state
    this.#basePath = basePath
    this.#courier = new Courier(options)
  }

  receive(url: string, receiver: MockReceiver): () => void {
    return this.#courier.receive(url, receiver)
  }

  async settled(): Promise<void> {
    while (this.#inFlight.size > 0) await Promise.all(this.#inFlight)
  }

  async redeliver(): Promise<void> {
    for (const [id, events] of this.#pending) {
      const subscription = this.subscriptions.get(id)
      if (!subscription || !flowing(subscription)) continue
      this.#pending.delete(id)
      for (const pending of events) this.#send(subscription.id, pending)
    }
    await this.settled()
  }

  /** Runs a route's synchronous part with `request` as what makes the changes it commits. */
  during<T>(request: ChangeRequest, work: () => T): T {
    this.#request = request
    try {
      return work()
    } finally {
      this.#request = undefined
    }
  }

  /** Whether events of this subscription wait for a redelivery. */
  hasPending(subscription: MockSubscription): boolean {
    return (this.#pending.get(subscription.id)?.length ?? 0) > 0
  }

  /** Keeps a new subscription; the fake listens to changes while any exists. */
  store(subscription: MockSubscription): void {
    this.subscriptions.set(subscription.id, subscription)
    this.#stopListening ??= this.#state.onChange((change) => this.#hear(change))
  }

  /** Forgets a subscription and its pending events. */
  remove(subscription: MockSubscription): void {
    this.subscriptions.delete(subscription.id)
    this.#pending.delete(subscription.id)
    if (this.subscriptions.size === 0) {
      this.#stopListening?.()
      this.#stopListening = undefined
    }
  }

  /**
   * PINGs the subscription's URL now, as `actorId`, and answers what came back. When the
   * subscription is not validated, the PING carries its code; an answer of 2xx with
   * `{"validation_code": "<that code>"}` validates it. `origin` is where the fake was called, for
   * the PING's `validation_code_url`.
   */
  async ping(subscription: MockSubscription, actorId: number, origin: string): Promise<DeliveryOutcome> {
    const { id, workspaceId, validationCode } = subscription
    const validationURL = `${origin}${this.#basePath}/validate/${workspaceId}/${id}/${validationCode}`
    const outcome = await this.#attempt(subscription, pingOf(subscription, actorId, this.#state.now(), validationURL), 1, 'ping')
    if (subscription.validatedAt === null && isSuccess(outcome) && validationCodeIn(outcome.body) === validationCode) {
      subscription.validatedAt = this.#state.now()
    }
    return outcome
  }

  #hear(change: MockChange): void {
    for (const subscription of this.subscriptions.values()) {
      if (!flowing(subscription) || !hears(this.#state, subscription, change)) continue
      this.#send(subscription.id, { event: eventOf(this.#nextEventId++, subscription, change, this.#request), attempts: 0 })
    }
  }

  #send(subscriptionId: number, pending: PendingEvent): void {
    const line = (this.#lines.get(subscriptionId) ?? Promise.resolve()).then(() => this.#deliver(subscriptionId, pending))
    this.#lines.set(subscriptionId, line)
    this.#inFlight.add(line)
    void line.then(() => {
      this.#inFlight.delete(line)
      if (this.#lines.get(subscriptionId) === line) this.#lines.delete(subscriptionId)
    })
  }

  /** One attempt at a queued event, to the subscription as it is now; a failure leaves it pending. */
  async #deliver(subscriptionId: number, pending: PendingEvent): Promise<void> {
    const subscription = this.subscriptions.get(subscriptionId)
    if (!subscription) return
    pending.attempts++
    const outcome = await this.#attempt(subscription, pending.event, pending.attempts, 'event')
    if (isSuccess(outcome) || !this.subscriptions.has(subscriptionId)) return
    const waiting = this.#pending.get(subscriptionId) ?? []
    waiting.push(pending)
    this.#pending.set(subscriptionId, waiting)
  }

  async #attempt(subscription: MockSubscription, event: MockEvent, attempt: number, kind: MockDelivery['kind']): Promise<DeliveryOutcome> {
    const url = subscription.urlCallback
    let outcome: DeliveryOutcome
    try {
      outcome = await this.#courier.post(url, bodyOf(event, subscription, this.#state.now()), subscription.secret)
    } catch (error) {
      // Only signing can throw here; the courier itself never does.
      outcome = { error: String(error) }
    }
    const { subscriptionId, eventId } = event
    this.deliveries.push({ kind, subscriptionId, eventId, url, attempt, status: outcome.status ?? 0, ...(outcome.error === undefined ? {} : { error: outcome.error }) })
    return outcome
  }
}

/** Events flow only to subscriptions that are enabled and validated. */
function flowing(subscription: MockSubscription): boolean {
  return subscription.enabled && subscription.validatedAt !== null
}

function isSuccess(outcome: DeliveryOutcome): outcome is DeliveryOutcome & { status: number; body: string } {
  return outcome.status !== undefined && outcome.status >= 200 && outcome.status < 300
}
