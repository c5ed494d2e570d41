import { exchangeItem } from './exchange-view.ts'
import type { Exchange } from './exchange.ts'

/** Older requests go; a long session should not slow the page. */
const MAX_SHOWN = 100

/** Every request the page sends (timer and explorer), newest first, each opening to its headers and bodies. */
export class RequestLog {
  readonly #list: HTMLElement
  readonly #shown = new Map<Exchange, HTMLDetailsElement>()

  constructor(list: HTMLElement) {
    this.#list = list
  }

  /** A new request, or news of one (its answer, its body, its attempt number). */
  show(exchange: Exchange): void {
    const item = exchangeItem(exchange)
    const old = this.#shown.get(exchange)
    this.#shown.set(exchange, item)
    if (old) {
      item.open = old.open
      old.replaceWith(item)
      return
    }
    this.#list.prepend(item)
    for (const [stale, element] of [...this.#shown].slice(0, Math.max(0, this.#shown.size - MAX_SHOWN))) {
      element.remove()
      this.#shown.delete(stale)
    }
  }

  clear(): void {
    this.#shown.clear()
    this.#list.replaceChildren()
  }
}
