import type { QuotaInfo } from 'togglkit'
import { clockTime, element } from './dom.ts'

/** Toggl's quota windows: `null` is your own (`/me…` and creating organizations), a number an organization's. */
type Scope = number | null

/**
 * The hourly quota as replies report it (`X-Toggl-Quota-*` headers, and `GET /me/quota`), one line
 * per window: what is left, when it frees up and, for a spent one, that the client refuses its calls
 * without sending until then. Toggl sends the headers on a 404 or 403 too (an organization that is
 * not yours): those update a window already listed, never add one.
 */
export class QuotaPanel {
  readonly #meter: HTMLMeterElement
  readonly #text: HTMLElement
  readonly #list: HTMLUListElement
  readonly #windows = new Map<Scope, QuotaInfo>()
  #latest: Scope | undefined
  #limit = 0

  constructor(meter: HTMLMeterElement, text: HTMLElement, list: HTMLUListElement) {
    this.#meter = meter
    this.#text = text
    this.#list = list
    setInterval(() => this.#render(), 1_000)
    this.#render()
  }

  /** A new backend, or the fake reset: its quota is another one, unknown until its first reply. */
  reset(limit: number | undefined): void {
    this.#windows.clear()
    this.#latest = undefined
    this.#limit = limit ?? 0
    this.#render()
  }

  update(info: QuotaInfo, status: number | undefined): void {
    const scope = info.workspaceId !== undefined ? undefined : info.organizationId
    if (scope === undefined) return
    if ((status === 403 || status === 404) && !this.#windows.has(scope)) return
    this.#windows.set(scope, info)
    this.#latest = scope
    this.#render()
  }

  #render(): void {
    const info = this.#latest === undefined ? undefined : this.#windows.get(this.#latest)
    this.#meter.max = Math.max(1, info?.total ?? this.#limit, info?.remaining ?? 0)
    this.#meter.value = info?.remaining ?? 0
    this.#meter.low = this.#meter.max * 0.25
    this.#meter.optimum = this.#meter.max
    this.#list.replaceChildren(...[...this.#windows].map(([scope, window]) => windowLine(scope, window)))
    this.#text.textContent = info === undefined ? 'No reply has reported a quota yet.' : `${info.remaining} requests left this hour in ${scopeName(this.#latest ?? null)}.`
  }
}

function windowLine(scope: Scope, info: QuotaInfo): HTMLLIElement {
  const resetsAt = info.at + info.resetsIn * 1000
  const left = Math.max(0, Math.ceil((resetsAt - Date.now()) / 1000))
  const size = info.total === undefined ? '' : ` of ${info.total}`
  const text =
    info.remaining === 0 && left > 0
      ? `${scopeName(scope)}: spent. Calls to it are refused without sending until ${clockTime(resetsAt)} (in ${minutes(left)}), or “Reset the fake”.`
      : `${scopeName(scope)}: ${info.remaining}${size} left; the window frees up at ${clockTime(resetsAt)}.`
  return element('li', { 'data-testid': 'quota-window', class: info.remaining === 0 && left > 0 ? 'spent' : '' }, text)
}

function scopeName(scope: Scope): string {
  return scope === null ? 'your own window (/me and new organizations)' : `organization ${scope}`
}

function minutes(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`
}
