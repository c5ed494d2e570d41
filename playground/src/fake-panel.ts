import { FAULT_IDS, MAX_FAULT_REPEATS, PLAYGROUND_FAULTS, type FaultId } from '../common/faults.ts'
import type { Backend } from './backend.ts'
import { byTestId, element } from './dom.ts'

/**
 * The fake's controls: fault buttons with what each does, the faults queued until a request meets
 * them (each can be cancelled), how many requests the fake has received, and a reset.
 */
export class FakePanel {
  readonly #controls = byTestId('fake-controls', HTMLFieldSetElement)
  readonly #times = byTestId('fault-times', HTMLInputElement)
  readonly #timesNote = byTestId('fault-times-note', HTMLElement)
  readonly #status = byTestId('fault-status', HTMLElement)
  readonly #queue = byTestId('fault-queue', HTMLOListElement)
  readonly #received = byTestId('fake-received', HTMLElement)
  readonly #reset = byTestId('fake-reset', HTMLButtonElement)
  #backend: Backend | undefined
  #polling: ReturnType<typeof setInterval> | undefined

  /** `onReset` follows a reset of the fake: what the cache and the quota view hold described the old one. */
  constructor(onReset: () => Promise<void>) {
    this.#times.max = String(MAX_FAULT_REPEATS)
    this.#times.addEventListener('input', () => this.#timesNote.replaceChildren(timesNote(this.#times)))
    byTestId('fault-buttons', HTMLElement).append(...FAULT_IDS.map((id) => this.#faultButton(id)))
    byTestId('fault-help', HTMLElement).append(
      ...FAULT_IDS.map((id) => element('li', {}, element('strong', {}, PLAYGROUND_FAULTS[id].label), ` ${PLAYGROUND_FAULTS[id].description}`)),
    )
    this.#reset.addEventListener('click', () => {
      void this.#backend?.fake
        ?.reset()
        .then(onReset)
        .then(() => {
          this.#status.textContent = 'The fake is back to the demo data, with no fault queued; the cache and the client’s quota view are emptied.'
          return this.refresh()
        })
    })
  }

  /** Follows the backend switch: the real API has no faults to inject. */
  use(backend: Backend): void {
    this.#backend = backend
    this.#status.textContent = ''
    void this.refresh()
  }

  async refresh(): Promise<void> {
    const fake = this.#backend?.fake
    this.#controls.disabled = fake === undefined
    this.#reset.disabled = fake === undefined
    if (fake === undefined) {
      this.#received.textContent = 'Faults are the fake’s: switch to it to use them.'
      this.#queue.replaceChildren()
      return
    }
    const { received, faults } = await fake.state()
    this.#received.textContent = `The fake has received ${received} request${received === 1 ? '' : 's'}.`
    this.#queue.replaceChildren(...faults.map((id, position) => this.#queuedFault(id, position)))
    this.#queue.hidden = faults.length === 0
    // While faults wait, the list follows the requests that meet them (any call, the timer's too).
    if (faults.length > 0 && this.#polling === undefined) this.#polling = setInterval(() => void this.refresh(), 500)
    if (faults.length === 0 && this.#polling !== undefined) {
      clearInterval(this.#polling)
      this.#polling = undefined
    }
  }

  #queuedFault(id: FaultId, position: number): HTMLLIElement {
    const cancel = element('button', { type: 'button', class: 'quiet', 'data-testid': 'fault-cancel', 'aria-label': `cancel ${PLAYGROUND_FAULTS[id].label}` }, 'Cancel')
    cancel.addEventListener('click', () => void this.#backend?.fake?.cancel(position).then(() => this.refresh()))
    const when = position === 0 ? 'the next request' : `request ${position + 1} from now`
    return element('li', { 'data-testid': 'queued-fault', 'data-fault': id }, `${PLAYGROUND_FAULTS[id].label}, for ${when} `, cancel)
  }

  #faultButton(id: FaultId): HTMLButtonElement {
    const { label, description } = PLAYGROUND_FAULTS[id]
    const button = element('button', { type: 'button', 'data-testid': `fault-${id}`, title: description }, label)
    button.addEventListener('click', () => {
      const times = clampedTimes(this.#times)
      this.#times.value = String(times)
      void this.#backend?.fake
        ?.inject(id, times)
        .then(() => this.refresh())
        .then(() => {
          const next = times === 1 ? 'The next request' : `The next ${times} requests`
          this.#status.textContent = `${next} will get “${label}”: it ${description}`
        })
    })
    return button
  }
}

/** The field's number, kept from 1 to the most a fault repeats. */
function clampedTimes(field: HTMLInputElement): number {
  return Math.min(MAX_FAULT_REPEATS, Math.max(1, Math.round(field.valueAsNumber) || 1))
}

/** Says what the field does with a number outside its range, before any button is pressed. */
function timesNote(field: HTMLInputElement): string {
  const clamped = clampedTimes(field)
  if (field.value === String(clamped)) return `1 to ${MAX_FAULT_REPEATS}`
  return `1 to ${MAX_FAULT_REPEATS}: “${field.value}” will be taken as ${clamped}`
}
