import { TogglError } from '../../src/index.ts'
import type { CallDefinition, CallName } from './calls.ts'
import { errorName, type CallReport, type PlaygroundClient } from './client.ts'
import { byTestId, formatJson } from './dom.ts'

/**
 * Makes one panel's form run its call and show the result: formatted JSON, or the error's type and
 * message with its fields. `afterRun` lets the rest of the page follow (cache view, id suggestions).
 */
export function bindCallPanel(
  form: HTMLFormElement,
  call: CallName,
  definition: CallDefinition,
  client: PlaygroundClient,
  afterRun: (report: CallReport, inputs: FormData) => void,
): void {
  const run = byTestId(`${call}-run`, HTMLButtonElement, form)
  const summary = byTestId(`${call}-outcome`, HTMLElement, form)
  const errorLine = byTestId(`${call}-error`, HTMLElement, form)
  const result = byTestId(`${call}-result`, HTMLPreElement, form)

  form.addEventListener('submit', (event) => {
    event.preventDefault()
    const inputs = new FormData(form)
    run.disabled = true
    form.setAttribute('aria-busy', 'true')
    summary.textContent = 'running…'
    void client
      .run(call, definition.request(inputs), (endpoint) => definition.invoke(endpoint, inputs))
      .then((report) => {
        show(report)
        afterRun(report, inputs)
      })
      .finally(() => {
        run.disabled = false
        form.removeAttribute('aria-busy')
      })
  })

  function show({ outcome, requests, duration }: CallReport): void {
    const cost = `${requests} request${requests === 1 ? '' : 's'} · ${Math.round(duration)} ms`
    form.dataset['outcome'] = outcome.ok ? 'ok' : 'error'
    if (outcome.ok) {
      summary.textContent = requests === 0 ? `✓ from the cache · ${cost}` : `✓ ${cost}`
      errorLine.hidden = true
      errorLine.textContent = ''
      result.textContent = formatJson(outcome.value)
      return
    }
    const name = errorName(outcome.error)
    summary.textContent = requests === 0 ? `✗ ${name} · nothing was sent` : `✗ ${name} · ${cost}`
    errorLine.hidden = false
    errorLine.textContent = outcome.error instanceof Error ? `${name}: ${outcome.error.message}` : String(outcome.error)
    const fields = errorFields(outcome.error)
    result.textContent = Object.keys(fields).length === 0 ? '' : formatJson(fields)
  }
}

/** What an error carries besides its name and message (status, serverMessage, resetsIn…). */
function errorFields(error: unknown): Record<string, unknown> {
  if (!(error instanceof TogglError)) return {}
  const { name: _name, message: _message, ...fields } = error.toJSON()
  return fields
}
