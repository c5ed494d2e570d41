import { TogglError } from '../../src/index.ts'
import { errorName, type CallReport } from './client.ts'
import { byTestId, formatJson } from './dom.ts'

/**
 * A call's button and what it shows, in every panel alike: the outcome line (cost, or the error's
 * type), the error line, and the result as formatted JSON or the error's fields. The elements are
 * those marked `{prefix}-run`, `{prefix}-outcome`, `{prefix}-error` and `{prefix}-result` in `form`.
 */
export class OutcomeView {
  readonly #form: HTMLFormElement
  readonly #run: HTMLButtonElement
  readonly #summary: HTMLElement
  readonly #errorLine: HTMLElement
  readonly #result: HTMLPreElement

  constructor(form: HTMLFormElement, prefix: string) {
    this.#form = form
    this.#run = byTestId(`${prefix}-run`, HTMLButtonElement, form)
    this.#summary = byTestId(`${prefix}-outcome`, HTMLElement, form)
    this.#errorLine = byTestId(`${prefix}-error`, HTMLElement, form)
    this.#result = byTestId(`${prefix}-result`, HTMLPreElement, form)
  }

  /** Runs a call with the button disabled and the form marked busy, then shows its report. */
  async track(call: () => Promise<CallReport>): Promise<CallReport> {
    this.#run.disabled = true
    this.#form.setAttribute('aria-busy', 'true')
    this.#summary.textContent = 'running…'
    try {
      const report = await call()
      this.show(report)
      return report
    } finally {
      this.#run.disabled = false
      this.#form.removeAttribute('aria-busy')
    }
  }

  show({ outcome, requests, duration }: CallReport): void {
    const cost = `${requests} request${requests === 1 ? '' : 's'} · ${Math.round(duration)} ms`
    this.#form.dataset['outcome'] = outcome.ok ? 'ok' : 'error'
    if (outcome.ok) {
      this.#summary.textContent = requests === 0 ? `✓ from the cache · ${cost}` : `✓ ${cost}`
      this.#errorLine.hidden = true
      this.#errorLine.textContent = ''
      this.#result.textContent = formatJson(outcome.value)
      return
    }
    const name = errorName(outcome.error)
    this.#summary.textContent = requests === 0 ? `✗ ${name} · nothing was sent` : `✗ ${name} · ${cost}`
    this.#errorLine.hidden = false
    this.#errorLine.textContent = outcome.error instanceof Error ? `${name}: ${outcome.error.message}` : String(outcome.error)
    const fields = errorFields(outcome.error)
    this.#result.textContent = Object.keys(fields).length === 0 ? '' : formatJson(fields)
  }
}

/** What an error carries besides its name and message (status, serverMessage, resetsIn…). */
function errorFields(error: unknown): Record<string, unknown> {
  if (!(error instanceof TogglError)) return {}
  const { name: _name, message: _message, ...fields } = error.toJSON()
  return fields
}
