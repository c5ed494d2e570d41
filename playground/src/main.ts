import { createCache } from '../../src/index.ts'
import { bindAdminCard } from './admin-panel.ts'
import { availableBackends, type Backend } from './backend.ts'
import { bindBackendPicker } from './backend-picker.ts'
import { CacheView } from './cache-view.ts'
import { bindCallPanel } from './call-panel.ts'
import { CALLS, idFrom, isCallName, type CallName } from './calls.ts'
import { PlaygroundClient, type CallReport } from './client.ts'
import { byTestId } from './dom.ts'
import { FakePanel } from './fake-panel.ts'
import { KnownOrganizations } from './known-organizations.ts'
import { QuotaMeter } from './quota-meter.ts'
import { RequestLog } from './request-log.ts'
import { TokenKeeper } from './token.ts'

/** One fixed database, so reloads find what earlier visits cached. */
const CACHE_NAME = 'togglkit-playground'
const CACHE_TTL_MS = 60 * 60 * 1000

async function start(): Promise<void> {
  const cache = await createCache({ name: CACHE_NAME, ttl: CACHE_TTL_MS })
  const log = new RequestLog(byTestId('log-rows', HTMLTableSectionElement), byTestId('log-scroller', HTMLElement))
  const quota = new QuotaMeter(
    byTestId('quota-meter', HTMLMeterElement),
    byTestId('quota-text', HTMLElement),
    byTestId('quota-windows', HTMLUListElement),
  )
  const cacheView = new CacheView(cache, byTestId('cache-rows', HTMLTableSectionElement), byTestId('cache-summary', HTMLElement))
  const known = new KnownOrganizations(byTestId('organization-ids', HTMLDataListElement))

  const fakePanel = new FakePanel(() => void cacheView.clear())
  const tokens = new TokenKeeper()
  const useBackend = (next: Backend) => {
    backend = next
    quota.reset(next.quotaLimit)
    fakePanel.use(next)
  }
  let backend = bindBackendPicker(availableBackends(tokens), tokens, useBackend)
  useBackend(backend)
  const client = new PlaygroundClient(cache, log, quota, () => backend)

  const afterRun = (call: CallName, { outcome }: CallReport, inputs: FormData) => {
    if (outcome.ok) {
      known.noteResult(outcome.value)
      if (call === 'delete') known.forget(idFrom(inputs))
      if (call === 'add') offerIdEverywhere(outcome.value)
    }
    void cacheView.refresh()
    void fakePanel.refresh()
  }
  for (const form of document.querySelectorAll<HTMLFormElement>('form[data-call]')) {
    const call = form.dataset['call'] ?? ''
    if (!isCallName(call)) throw new Error(`index.html names an unknown call "${call}"`)
    bindCallPanel(form, call, CALLS[call], client, (report, inputs) => afterRun(call, report, inputs))
  }
  bindAdminCard(client, () => {
    void cacheView.refresh()
    void fakePanel.refresh()
  })
  byTestId('log-clear', HTMLButtonElement).addEventListener('click', () => log.clear())
  byTestId('cache-clear', HTMLButtonElement).addEventListener('click', () => void cacheView.clear())

  await cacheView.refresh()
  document.body.dataset['ready'] = 'true'
}

/** A new organization's id goes into every id field, ready for edit, get and delete. */
function offerIdEverywhere(created: unknown): void {
  const id = typeof created === 'object' && created !== null ? (created as { id?: unknown }).id : undefined
  if (typeof id !== 'number') return
  for (const field of document.querySelectorAll<HTMLInputElement>('form[data-call] input[name="id"]')) {
    field.value = String(id)
  }
}

start().catch((error: unknown) => {
  const banner = byTestId('startup-error', HTMLElement)
  banner.hidden = false
  banner.textContent = `The playground failed to start: ${error instanceof Error ? error.message : String(error)}`
})
