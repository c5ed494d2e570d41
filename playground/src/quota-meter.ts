import type { QuotaInfo } from '../../src/index.ts'
import { clockTime, element } from './dom.ts'

/** Toggl's quota windows: `null` is your own (`/me…` and creating organizations), a number an organization's. */
type Scope = number | null

/**
 * The hourly quota from the `X-Toggl-Quota-*` headers (and `GET /me/quota`), counting the reset
 * down between replies. Toggl counts per window, so each window is kept apart: the meter shows the
 * one the last reply reported, the list below every one seen. Headers do not say a window's size,
 * so without `total` the meter's scale is the most ever seen remaining.
 */
export class QuotaMeter {
  readonly #meter: HTMLMeterElement
  readonly #text: HTMLElement
  readonly #list: HTMLUListElement
  readonly #windows = new Map<Scope, QuotaInfo>()
  readonly #scales = new Map<Scope, number>()
  #latest: Scope | undefined
  #limit = 0

  constructor(meter: HTMLMeterElement, text: HTMLElement, list: HTMLUListElement) {
    this.#meter = meter
    this.#text = text
    this.#list = list
    setInterval(() => this.#render(), 1_000)
    this.#render()
  }

  /** A new backend: its quota is another one, unknown until its first reply. */
  reset(limit: number | undefined): void {
    this.#windows.clear()
    this.#scales.clear()
    this.#latest = undefined
    this.#limit = limit ?? 0
    this.#render()
  }

  update(info: QuotaInfo): void {
    const scope = info.organizationId
    this.#windows.set(scope, info)
    this.#scales.set(scope, info.total ?? Math.max(this.#scales.get(scope) ?? this.#limit, info.remaining))
    this.#latest = scope
    this.#render()
  }

  #render(): void {
    const info = this.#latest === undefined ? undefined : this.#windows.get(this.#latest)
    this.#meter.max = Math.max(1, (this.#latest === undefined ? undefined : this.#scales.get(this.#latest)) ?? this.#limit)
    this.#meter.value = info?.remaining ?? 0
    this.#meter.low = this.#meter.max * 0.25
    this.#meter.optimum = this.#meter.max
    this.#list.replaceChildren(
      ...[...this.#windows].map(([scope, { remaining, total }]) => {
        const left = total === undefined ? `${remaining} left` : `${remaining} of ${total} left`
        return element('li', { 'data-testid': 'quota-window' }, `${scopeName(scope)}: ${left}`)
      }),
    )
    if (info === undefined) {
      this.#text.textContent = 'No reply has reported a quota yet.'
      return
    }
    const reset = `the window frees up in ${secondsLeft(info)} s (reported at ${clockTime(info.at)})`
    this.#text.textContent = `${info.remaining} requests left this hour in ${scopeName(info.organizationId)}; ${reset}`
  }
}

function scopeName(scope: Scope): string {
  return scope === null ? 'your own window (/me and new organizations)' : `organization ${scope}`
}

function secondsLeft(info: QuotaInfo): number {
  return Math.max(0, Math.round(info.resetsIn - (Date.now() - info.at) / 1000))
}
