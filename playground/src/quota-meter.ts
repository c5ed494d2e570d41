import type { QuotaInfo } from '../../src/index.ts'
import { clockTime } from './dom.ts'

/**
 * The hourly quota from the last `X-Toggl-Quota-*` headers, counting the reset down between
 * replies. Toggl does not say the quota's size, so for the real API the meter's scale is the most
 * ever seen remaining.
 */
export class QuotaMeter {
  readonly #meter: HTMLMeterElement
  readonly #text: HTMLElement
  #last: QuotaInfo | undefined
  #scale = 0

  constructor(meter: HTMLMeterElement, text: HTMLElement) {
    this.#meter = meter
    this.#text = text
    setInterval(() => this.#render(), 1_000)
    this.#render()
  }

  /** A new backend: its quota is another one, unknown until its first reply. */
  reset(limit: number | undefined): void {
    this.#last = undefined
    this.#scale = limit ?? 0
    this.#render()
  }

  update(info: QuotaInfo): void {
    this.#last = info
    this.#scale = Math.max(this.#scale, info.remaining)
    this.#render()
  }

  #render(): void {
    const info = this.#last
    this.#meter.max = Math.max(1, this.#scale)
    this.#meter.value = info?.remaining ?? 0
    this.#meter.low = this.#meter.max * 0.25
    this.#meter.optimum = this.#meter.max
    if (info === undefined) {
      this.#text.textContent = 'No reply has reported a quota yet.'
      return
    }
    const resetsIn = Math.max(0, Math.round(info.resetsIn - (Date.now() - info.at) / 1000))
    this.#text.textContent = `${info.remaining} requests left this hour; the window frees up in ${resetsIn} s (reported at ${clockTime(info.at)})`
  }
}
