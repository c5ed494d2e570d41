import { demoIds } from '../common/demo-fake.ts'
import { ADMIN_CALLS, parseArguments, shownValue, type AdminCall } from './admin-calls.ts'
import type { CallReport, IntendedRequest, PlaygroundClient } from './client.ts'
import { byTestId, element } from './dom.ts'
import { OutcomeView } from './outcome-view.ts'

/**
 * The "Organization admin" card: pick a call, edit its arguments as a JSON array, run it. The list
 * is built from {@link ADMIN_CALLS}; each call's text comes from there, never from a server.
 */
export function bindAdminCard(client: PlaygroundClient, afterRun: (report: CallReport) => void): void {
  const form = byTestId('admin-form', HTMLFormElement)
  const picker = byTestId('admin-call', HTMLSelectElement, form)
  const signature = byTestId('admin-signature', HTMLElement, form)
  const hint = byTestId('admin-hint', HTMLElement, form)
  const argumentsField = byTestId('admin-args', HTMLTextAreaElement, form)
  const refreshChoice = byTestId('admin-refresh-choice', HTMLElement, form)
  const refresh = byTestId('admin-refresh', HTMLInputElement, form)
  const view = new OutcomeView(form, 'admin')
  // A fresh demo fake's ids, so every example names things the fake has (until you change them).
  const ids = demoIds()

  picker.replaceChildren(...optionGroups())
  const selected = (): AdminCall => ADMIN_CALLS.find(({ name }) => name === picker.value) ?? firstCall()
  const showExample = () => {
    argumentsField.value = JSON.stringify(selected().example(ids))
  }
  const describe = () => {
    const call = selected()
    signature.textContent = call.name + call.signature
    hint.textContent = call.hint
    refreshChoice.hidden = call.cached !== true
    refresh.checked = false
    showExample()
  }
  picker.addEventListener('change', describe)
  byTestId('admin-example', HTMLButtonElement, form).addEventListener('click', showExample)
  describe()

  form.addEventListener('submit', (event) => {
    event.preventDefault()
    const call = selected()
    const text = argumentsField.value
    const options = call.cached ? { refresh: refresh.checked } : undefined
    void view
      .track(() =>
        client.run(call.name, intendedRequest(call, text), async (make) => {
          // Bad JSON throws here, before any endpoint exists: nothing is sent.
          const args = parseArguments(text)
          return shownValue(await call.invoke(make, args, options))
        }),
      )
      .then(afterRun)
  })
}

/** The request for the log; with unreadable arguments, its path keeps the placeholders. */
function intendedRequest(call: AdminCall, text: string): IntendedRequest {
  let args: readonly unknown[] = []
  try {
    args = parseArguments(text)
  } catch {
    // The call itself reports the bad arguments.
  }
  const [method = '', ...path] = call.request(args).split(' ')
  return { method, path: path.join(' ') }
}

/** One <optgroup> per endpoint class, in the table's order. */
function optionGroups(): HTMLOptGroupElement[] {
  const groups = new Map<string, HTMLOptGroupElement>()
  for (const { name } of ADMIN_CALLS) {
    const [endpoint = name] = name.split('.')
    let group = groups.get(endpoint)
    if (!group) {
      group = element('optgroup', { label: endpoint })
      groups.set(endpoint, group)
    }
    group.append(element('option', { value: name }, name))
  }
  return [...groups.values()]
}

function firstCall(): AdminCall {
  const [first] = ADMIN_CALLS
  if (!first) throw new Error('the admin card has no calls')
  return first
}
