import { FAULT_IDS, MAX_FAULT_REPEATS, PLAYGROUND_FAULTS, type FaultId } from '../common/faults.ts'
import type { Backend } from './backend.ts'
import { byTestId, clockTime, element } from './dom.ts'

/** The fake's controls: fault buttons, how many requests it has received, a reset. */
export class FakePanel {
  readonly #controls: HTMLFieldSetElement
  readonly #times: HTMLInputElement
  readonly #status: HTMLElement
  readonly #received: HTMLElement
  #backend: Backend | undefined

  /** `onReset` follows a reset of the fake: what the cache holds described the old one. */
  constructor(onReset: () => void) {
    this.#controls = byTestId('fake-controls', HTMLFieldSetElement)
    this.#times = byTestId('fault-times', HTMLInputElement)
    this.#status = byTestId('fault-status', HTMLElement)
    this.#received = byTestId('fake-received', HTMLElement)
    this.#times.max = String(MAX_FAULT_REPEATS)
    byTestId('fault-buttons', HTMLElement).append(...FAULT_IDS.map((id) => this.#faultButton(id)))
    byTestId('fake-reset', HTMLButtonElement).addEventListener('click', () => {
      void this.#backend?.fake?.reset().then(() => {
        this.#status.textContent = 'The fake is back to the demo organizations, with no fault queued.'
        onReset()
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
    if (fake === undefined) {
      this.#received.textContent = 'Faults are the fake’s: switch to it to use them.'
      return
    }
    const received = await fake.received()
    this.#received.textContent = `The fake has received ${received} request${received === 1 ? '' : 's'}.`
  }

  #faultButton(id: FaultId): HTMLButtonElement {
    const { label, description } = PLAYGROUND_FAULTS[id]
    const button = element('button', { type: 'button', 'data-testid': `fault-${id}`, title: description }, label)
    button.addEventListener('click', () => {
      const times = Math.min(MAX_FAULT_REPEATS, Math.max(1, Math.round(this.#times.valueAsNumber) || 1))
      void this.#backend?.fake?.inject(id, times).then(() => {
        const next = times === 1 ? 'the next request' : `the next ${times} requests`
        this.#status.textContent = `Queued at ${clockTime(Date.now())}: ${next} will get ${label} (${description}).`
      })
    })
    return button
  }
}
