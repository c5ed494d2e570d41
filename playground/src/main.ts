import { createCache, UserEndpoint } from 'togglkit'
import { availableBackends, type Backend } from './backend.ts'
import { bindBackendPicker } from './backend-picker.ts'
import { CacheView } from './cache-view.ts'
import { byTestId } from './dom.ts'
import { mountExplorer } from './explorer/explorer.ts'
import { FakePanel } from './fake-panel.ts'
import { QuotaPanel } from './quota-panel.ts'
import { RequestLog } from './request-log.ts'
import { Session } from './session.ts'
import { mountTimer, type TimerApp } from './timer/timer-app.ts'
import { TokenKeeper } from './token.ts'

/** One fixed database, so reloads find what earlier visits cached. */
const CACHE_NAME = 'togglkit-playground'
const CACHE_TTL_MS = 60 * 60 * 1000

async function start(): Promise<void> {
  const cache = await createCache({ name: CACHE_NAME, ttl: CACHE_TTL_MS })
  const log = new RequestLog(byTestId('log-list', HTMLElement))
  const quota = new QuotaPanel(byTestId('quota-meter', HTMLMeterElement), byTestId('quota-text', HTMLElement), byTestId('quota-windows', HTMLUListElement))
  const cacheView = new CacheView(cache, byTestId('cache-rows', HTMLTableSectionElement), byTestId('cache-summary', HTMLElement))
  const tokens = new TokenKeeper()
  const backends = availableBackends(tokens)
  await backends.ready
  let backend: Backend = backends.fake
  // After requests settle, the fake's counts and the cache view follow (the timer's requests too).
  let settling: ReturnType<typeof setTimeout> | undefined
  const followRequests = () => {
    clearTimeout(settling)
    settling = setTimeout(() => {
      void fakePanel.refresh()
      void cacheView.refresh()
    }, 150)
  }
  const session = new Session(cache, () => backend, {
    exchange: (exchange) => {
      log.show(exchange)
      followRequests()
    },
    quota: (info, status) => quota.update(info, status),
  })

  let timer: TimerApp | undefined
  const timerRoot = byTestId('timer-app', HTMLElement)
  const mountTimerApp = () => {
    timer?.destroy()
    timer = undefined
    try {
      const { auth, options } = session.connect('timer')
      timer = mountTimer(timerRoot, { auth, cache, options })
    } catch (error) {
      // The real API without a token yet: the library's own InputError says so.
      timerRoot.textContent = `${error instanceof Error ? error.message : String(error)} — paste your API token under “API”.`
    }
  }

  const fakePanel = new FakePanel(async () => {
    // What the cache and the quota view hold described the old fake.
    await cache.clear()
    const { auth, options } = session.connect('reset')
    await new UserEndpoint(auth, cache, options).forgetQuota()
    quota.reset(backend.quotaLimit)
    await cacheView.refresh()
    await timer?.refresh()
  })
  const useBackend = (next: Backend) => {
    backend = next
    quota.reset(next.quotaLimit)
    fakePanel.use(next)
    mountTimerApp()
  }
  useBackend(bindBackendPicker(backends, tokens, useBackend))

  mountExplorer(session, () => {
    void cacheView.refresh()
    void fakePanel.refresh()
  })
  byTestId('log-clear', HTMLButtonElement).addEventListener('click', () => log.clear())
  byTestId('cache-clear', HTMLButtonElement).addEventListener('click', () => void cacheView.clear())

  const showView = () => {
    const view = location.hash === '#explorer' ? 'explorer' : 'timer'
    for (const section of document.querySelectorAll<HTMLElement>('[data-view]')) section.hidden = section.dataset['view'] !== view
    for (const link of document.querySelectorAll<HTMLAnchorElement>('nav a')) link.toggleAttribute('aria-current', link.hash === `#${view}`)
    // Back on the timer: what the explorer changed is in the cache already (0 requests).
    if (view === 'timer') void timer?.redraw()
    void cacheView.refresh()
  }
  addEventListener('hashchange', showView)
  showView()
  await cacheView.refresh()
  document.body.dataset['ready'] = 'true'
}

start().catch((error: unknown) => {
  const banner = byTestId('startup-error', HTMLElement)
  banner.hidden = false
  banner.textContent = `The playground failed to start: ${error instanceof Error ? error.message : String(error)}`
})
