import type { FaultId } from '../common/faults.ts'
import { CONTROL_PATH, type FakeStatus } from '../common/routes.ts'

/** What the fake has received, and the faults still waiting for a request. */
export interface FakeState {
  received: number
  faults: FaultId[]
}

/** What the page can do to the fake, wherever it runs. */
export interface FakeControl {
  /** Where the fake runs, as the page says it. */
  readonly where: string
  /** The next `times` requests get this fault. */
  inject(fault: FaultId, times: number): Promise<void>
  /** Cancels the queued fault at `position` (0 fires next). */
  cancel(position: number): Promise<void>
  state(): Promise<FakeState>
  /** Back to the demo data, with no fault queued. */
  reset(): Promise<void>
}

/** The fake on the dev server, driven through its control route. */
export class DevServerFake implements FakeControl {
  readonly where = 'on the Vite dev server'

  async inject(fault: FaultId, times: number): Promise<void> {
    await this.#send('POST', `/faults/${fault}?times=${times}`)
  }

  async cancel(position: number): Promise<void> {
    await this.#send('DELETE', `/faults/${position}`)
  }

  async state(): Promise<FakeState> {
    const response = await fetch(`${CONTROL_PATH}/status`, { cache: 'no-store' })
    if (!response.ok) throw new Error(`the fake's status route answered ${response.status}`)
    const { received, faults } = (await response.json()) as FakeStatus
    return { received, faults }
  }

  async reset(): Promise<void> {
    await this.#send('POST', '/reset')
  }

  async #send(method: string, path: string): Promise<void> {
    const response = await fetch(CONTROL_PATH + path, { method })
    if (!response.ok) throw new Error(`the fake's control route answered ${response.status}: ${await response.text()}`)
  }
}
