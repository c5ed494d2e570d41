import { clockTime, element } from './dom.ts'

/** One line of the log: an HTTP attempt, or a call that sent nothing. */
export interface LogEntry {
  call: string
  method: string
  /** Relative to the API's base URL, e.g. `/organizations/9000001`. */
  path: string
  /** `cache`: answered without a request; `not sent`: refused before any (a NamingError…). */
  source: 'network' | 'cache' | 'not sent'
  /** 1 for the first try, 2 for the first retry… (network only) */
  attempt?: number
  status?: number
  /** The error type, when the attempt or call failed. */
  error?: string
  duration: number
  /** Milliseconds until the next attempt, when a retry follows. */
  retryIn?: number
}

/** Older lines go; a long session should not slow the page. */
const MAX_ROWS = 200

/** The request log table: what each call cost and where its answer came from. */
export class RequestLog {
  readonly #rows: HTMLTableSectionElement
  readonly #scroller: HTMLElement

  constructor(rows: HTMLTableSectionElement, scroller: HTMLElement) {
    this.#rows = rows
    this.#scroller = scroller
  }

  add(entry: LogEntry): void {
    const attempt = entry.attempt === undefined ? '' : entry.attempt === 1 ? '#1' : `#${entry.attempt} (retry ${entry.attempt - 1})`
    const row = element(
      'tr',
      {
        'data-testid': 'log-row',
        'data-call': entry.call,
        'data-source': entry.source,
        'data-status': entry.status === undefined ? '' : String(entry.status),
        class: entry.error === undefined ? '' : 'failed',
      },
      element('td', {}, clockTime(Date.now())),
      element('td', {}, entry.call),
      element('td', {}, element('code', {}, `${entry.method} ${entry.path}`)),
      element('td', {}, attempt),
      element('td', {}, [entry.status, entry.error].filter((part) => part !== undefined).join(' ')),
      element('td', { class: 'number' }, `${Math.round(entry.duration)} ms`),
      element('td', {}, element('span', { class: `source ${entry.source.replace(' ', '-')}` }, entry.source)),
      element('td', {}, entry.retryIn === undefined ? '' : `retry in ${Math.round(entry.retryIn)} ms`),
    )
    this.#rows.append(row)
    while (this.#rows.rows.length > MAX_ROWS) this.#rows.rows[0]?.remove()
    this.#scroller.scrollTop = this.#scroller.scrollHeight
  }

  clear(): void {
    this.#rows.replaceChildren()
  }
}
