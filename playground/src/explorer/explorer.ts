import { QuotaError, TogglError } from 'togglkit'
import { demoIds } from '../../common/demo-fake.ts'
import { byTestId, clockTime, element, formatJson } from '../dom.ts'
import { exchangeItem } from '../exchange-view.ts'
import type { Session } from '../session.ts'
import { callForm, type CallForm } from './call-form.ts'
import { EXPLORER_CALLS, FAMILIES, type ExplorerCall } from './calls.ts'
import { readClientOptions } from './client-options.ts'
import { codeOf, curlOf } from './code.ts'
import { invoke, shownValue } from './invoke.ts'

/**
 * The explorer: pick any call of any endpoint, fill its typed form (an example that works on a
 * freshly reset fake is put in), run it with the client options chosen, and see what it answered,
 * every request it sent with headers and bodies, or that the cache answered, and the call as code.
 */
export function mountExplorer(session: Session, afterRun: () => void): void {
  const picker = byTestId('explorer-call', HTMLSelectElement)
  const signature = byTestId('explorer-signature', HTMLElement)
  const hint = byTestId('explorer-hint', HTMLElement)
  const fields = byTestId('explorer-fields', HTMLElement)
  const form = byTestId('explorer-form', HTMLFormElement)
  const run = byTestId('explorer-run', HTMLButtonElement)
  const outcome = byTestId('explorer-outcome', HTMLElement)
  const errorLine = byTestId('explorer-error', HTMLElement)
  const result = byTestId('explorer-result', HTMLPreElement)
  const requests = byTestId('explorer-requests', HTMLElement)
  const code = byTestId('explorer-code', HTMLPreElement)
  const copied = byTestId('explorer-copied', HTMLElement)
  const ids = demoIds()

  picker.replaceChildren(
    ...FAMILIES.map((family) =>
      element('optgroup', { label: family }, ...EXPLORER_CALLS.filter((call) => call.family === family).map(({ name }) => element('option', { value: name }, name))),
    ),
  )
  let call: ExplorerCall = EXPLORER_CALLS[0]!
  let current: CallForm = callForm(call)
  const showExample = () => current.fill(call.example(ids, Date.now()))
  const select = () => {
    call = EXPLORER_CALLS.find(({ name }) => name === picker.value) ?? EXPLORER_CALLS[0]!
    current = callForm(call)
    fields.replaceChildren(current.element)
    signature.textContent = signatureOf(call)
    hint.textContent = call.hint
    showExample()
  }
  picker.addEventListener('change', select)
  byTestId('explorer-example', HTMLButtonElement).addEventListener('click', showExample)
  select()

  const copy = (text: string, what: string) => {
    void navigator.clipboard?.writeText(text).then(
      () => (copied.textContent = `${what} copied.`),
      () => (copied.textContent = `${what}: select it below and copy (the browser refused the clipboard).`),
    )
  }
  let lastCurl = ''
  byTestId('explorer-copy-code', HTMLButtonElement).addEventListener('click', () => copy(code.textContent ?? '', 'The code'))
  byTestId('explorer-copy-curl', HTMLButtonElement).addEventListener('click', () => copy(lastCurl, 'The last request as curl'))

  form.addEventListener('submit', (event) => {
    event.preventDefault()
    const running = call
    run.disabled = true
    form.setAttribute('aria-busy', 'true')
    outcome.textContent = 'running…'
    void perform(running, current, session).then((report) => {
      const { exchanges } = report
      form.dataset['outcome'] = report.ok ? 'ok' : 'error'
      outcome.textContent = summaryOf(report)
      errorLine.hidden = report.ok
      errorLine.textContent = report.ok ? '' : errorText(report.error)
      result.textContent = report.ok ? formatJson(report.value) : errorFields(report.error)
      requests.replaceChildren(...exchanges.map(exchangeItem))
      const last = exchanges.at(-1)
      lastCurl = last ? curlOf(last) : ''
      byTestId('explorer-copy-curl', HTMLButtonElement).disabled = last === undefined
      code.textContent = report.code
      copied.textContent = ''
      run.disabled = false
      form.removeAttribute('aria-busy')
      afterRun()
    })
  })
}

type Report = {
  exchanges: import('../exchange.ts').Exchange[]
  duration: number
  code: string
} & ({ ok: true; value: unknown } | { ok: false; error: unknown })

/** Reads the form, makes the call through a connection of its own (so its requests are its own), and reports. */
async function perform(call: ExplorerCall, form: CallForm, session: Session): Promise<Report> {
  const started = performance.now()
  let code = ''
  let exchanges: Report['exchanges'] = []
  try {
    const args = form.read()
    const callOptions = form.readOptions()
    const clientOptions = readClientOptions()
    code = codeOf(call, args, callOptions, clientOptions)
    const connection = session.connect(call.name, clientOptions)
    exchanges = connection.exchanges
    const value = await shownValue(await invoke(call, args, callOptions, { auth: connection.auth, cache: session.cache, options: connection.options }))
    const duration = performance.now() - started
    await bodiesOf(exchanges)
    return { ok: true, value, exchanges, duration, code }
  } catch (error) {
    const duration = performance.now() - started
    await bodiesOf(exchanges)
    return { ok: false, error, exchanges, duration, code }
  }
}

/** Once every answer's body is recorded, so the requests show whole. */
async function bodiesOf(exchanges: readonly { bodyRead?: Promise<void> }[]): Promise<void> {
  await Promise.all(exchanges.map(({ bodyRead }) => bodyRead))
}

function summaryOf(report: Report): string {
  const sent = report.exchanges.length
  const cost = `${sent} request${sent === 1 ? '' : 's'} · ${Math.round(report.duration)} ms`
  if (report.ok) return sent === 0 ? `✓ answered by the cache, or with nothing to send · ${cost}` : `✓ ${cost}`
  const name = report.error instanceof Error ? report.error.name : typeof report.error
  if (report.error instanceof QuotaError && !report.error.sent) {
    return `✗ ${name} · refused before sending: the window is spent until ${clockTime(Date.now() + report.error.resetsIn * 1000)}`
  }
  return sent === 0 ? `✗ ${name} · nothing was sent` : `✗ ${name} · ${cost}`
}

function signatureOf(call: ExplorerCall): string {
  const params = call.params.map(({ name, optional }) => `${name}${optional ? '?' : ''}`)
  if (call.static) return `${call.name}(auth, options?)`
  const options = { call: 'options?', read: '{ refresh }?', current: '{ maxAge }?', sync: '{ from }?', none: '' }[call.options]
  return `${call.name}(${[...params, ...(options ? [options] : [])].join(', ')})`
}

function errorText(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error)
}

/** What an error carries besides its name and message (status, serverMessage, resetsIn…). */
function errorFields(error: unknown): string {
  if (!(error instanceof TogglError)) return ''
  const { name: _name, message: _message, ...fields } = error.toJSON()
  return Object.keys(fields).length === 0 ? '' : formatJson(fields)
}
