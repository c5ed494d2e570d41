import * as v from 'valibot'
import { DEMO_ACCOUNT, type TogglMock } from 'togglkit/mock'
import { createDemoFake } from '../common/demo-fake.ts'
import { cancelFault, faultIdOf, PLAYGROUND_FAULTS, type FaultId } from '../common/faults.ts'
import type { FakeControl, FakeState } from './fake-control.ts'
import { readSession, writeSession } from './session-store.ts'

const STORAGE_KEY = 'in-page-fake'
/** Requests kept for a reload; past it the tab goes on, and a reload starts from the demo data. */
const MAX_JOURNAL = 5_000

/** A request the fake answered itself (not a fault), and when, so a reload can answer it again. */
const JournalSchema = v.object({
  seededAt: v.number(),
  requests: v.array(v.object({ at: v.number(), method: v.string(), url: v.string(), body: v.string() })),
})
type Journal = v.InferOutput<typeof JournalSchema>

/**
 * The fake inside the page, for the static build where no dev server exists. A reload would lose
 * its state while IndexedDB keeps the cache, so the tab keeps a journal in sessionStorage: when the
 * fake was seeded and every request it answered (the demo token's, so no secret). After a reload
 * the journal is answered again on the same clock, in order, and the fake is as it was: the same
 * ids, entries, running timer and quota.
 */
export class InPageFake implements FakeControl {
  readonly where = 'in this page (static build)'
  #mock!: TogglMock
  #journal!: Journal
  /** The fake's clock: the journal's times while it is answered again, else now. */
  #replayingAt: number | undefined
  /** Requests answered again from the journal, which `received` does not count. */
  #replayed = 0
  readonly ready: Promise<void>

  constructor() {
    this.ready = this.#restore(savedJournal())
  }

  /** A fetch that answers from the fake and writes each request it answers itself in the journal. */
  readonly fetch: typeof globalThis.fetch = async (input, init) => {
    await this.ready
    const request = new Request(input, init)
    const entry = { at: Date.now(), method: request.method, url: request.url, body: await request.clone().text() }
    // The fake takes a queued fault as the request arrives, which is within the call below, with no
    // await between: a delay still lets the request through, any other fault answers instead.
    const next = this.#mock.faults[0]
    if ((next === undefined || next.type === 'delay') && this.#journal.requests.length < MAX_JOURNAL) this.#journal.requests.push(entry)
    try {
      return await this.#mock.fetch(request)
    } finally {
      writeSession(STORAGE_KEY, JSON.stringify(this.#journal))
    }
  }

  async inject(fault: FaultId, times: number): Promise<void> {
    this.#mock.inject(PLAYGROUND_FAULTS[fault].fault, times)
  }

  async cancel(position: number): Promise<void> {
    cancelFault(this.#mock, position)
  }

  async state(): Promise<FakeState> {
    await this.ready
    return {
      received: this.#mock.received - this.#replayed,
      faults: this.#mock.faults.map(faultIdOf).filter((id): id is FaultId => id !== undefined),
    }
  }

  async reset(): Promise<void> {
    await this.#restore(undefined)
  }

  /** A fake seeded at the journal's time with its requests answered again, or a fresh one. */
  async #restore(journal: Journal | undefined): Promise<void> {
    this.#journal = { seededAt: journal?.seededAt ?? Date.now(), requests: [] }
    this.#replayingAt = this.#journal.seededAt
    this.#mock = createDemoFake(() => this.#replayingAt ?? Date.now())
    this.#replayed = 0
    for (const { at, method, url, body } of journal?.requests ?? []) {
      this.#replayingAt = at
      const headers = { authorization: `Basic ${btoa(`${DEMO_ACCOUNT.apiToken}:api_token`)}`, 'content-type': 'application/json' }
      await this.#mock.fetch(url, { method, headers, ...(body === '' ? {} : { body }) }).catch(() => undefined)
      this.#journal.requests.push({ at, method, url, body })
      this.#replayed++
    }
    this.#replayingAt = undefined
    writeSession(STORAGE_KEY, JSON.stringify(this.#journal))
  }
}

function savedJournal(): Journal | undefined {
  const saved = readSession(STORAGE_KEY)
  if (saved === undefined) return undefined
  try {
    const parsed = v.safeParse(JournalSchema, JSON.parse(saved))
    return parsed.success ? parsed.output : undefined
  } catch {
    return undefined
  }
}
