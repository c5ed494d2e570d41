import { OrganizationEndpoint } from '../../src/index.ts'
import type { CallDefinition, CallName } from './calls.ts'
import type { CallReport, PlaygroundClient } from './client.ts'
import { OutcomeView } from './outcome-view.ts'

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
  const view = new OutcomeView(form, call)
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    const inputs = new FormData(form)
    void view
      .track(() => client.run(call, definition.request(inputs), (make) => definition.invoke(make(OrganizationEndpoint), inputs)))
      .then((report) => afterRun(report, inputs))
  })
}
