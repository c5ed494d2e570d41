import type { FaultId } from '../common/faults.ts'
import { CONTROL_PATH, type FakeStatus } from '../common/routes.ts'

/** What the page can do to the fake, wherever it runs. */
export interface FakeControl {
  /** Where the fake runs, as the page says it. */
  readonly where: string
  /** The next `times` requests get this fault. */
  inject(fault: FaultId, times: number): Promise<void>
  /** How many requests the fake has received. */
  received(): Promise<number>
  /** Back to the demo account's organizations, with no fault queued. */
  reset(): Promise<void>
}

/** The fake on the dev server, driven through its control route. */
export class DevServerFake implements FakeControl {
  readonly where = 'on the Vite dev server'

  async inject(fault: FaultId, times: number): Promise<void> {
    await this.#post(`/faults/${fault}?times=${times}`)
  }

  async received(): Promise<number> {
    const response = await fetch(`${CONTROL_PATH}/status`, { cache: 'no-store' })
    if (!response.ok) throw new Error(`the fake's status route answered ${response.status}`)
    const status = (await response.json()) as FakeStatus
    return status.received
  }

  async reset(): Promise<void> {
    await this.#post('/reset')
  }

  async #post(path: string): Promise<void> {
    const response = await fetch(CONTROL_PATH + path, { method: 'POST' })
    if (!response.ok) throw new Error(`the fake's control route answered ${response.status}: ${await response.text()}`)
  }
}
