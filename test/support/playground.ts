import { createServer as createHttpServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser, type BrowserContextOptions, type Dialog, type Locator, type Page } from 'playwright'
import { createServer, type ViteDevServer } from 'vite'
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest'
import { MAX_FAULT_REPEATS, type FaultId } from '../../playground/common/faults.ts'
import { CONTROL_PATH, REAL_API_PREFIX, type FakeStatus } from '../../playground/common/routes.ts'
import { realApiProxy } from '../../playground/server/real-api-proxy.ts'
import { chromiumArgs, chromiumPath } from '../../scripts/chromium.js'

export const PLAYGROUND_CONFIG = fileURLToPath(new URL('../../playground/vite.config.ts', import.meta.url))

/** Debian's Chromium, never a downloaded one. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true })
}

/** The playground's dev server (fake mounted as middleware) on a free loopback port. */
export interface PlaygroundServer {
  url: string
  /** What the fake has received, from the control route. */
  fakeStatus(): Promise<FakeStatus>
  /** A freshly seeded fake, so each test starts from the demo data. */
  resetFake(): Promise<void>
  /** What reached the stand-in for the real API through the proxy. */
  realApiRequests: RealApiRequest[]
  close(): Promise<void>
}

export interface RealApiRequest {
  method: string
  path: string
  authorization: string | undefined
}

/**
 * The dev server, with its real-API proxy pointed at a stand-in on loopback that answers every
 * request 403 (as Toggl answers a wrong token) and records it: no test ever reaches Toggl.
 */
export async function startPlayground(): Promise<PlaygroundServer> {
  const standIn = createHttpServer((request, response) => {
    realApiRequests.push({ method: request.method ?? '', path: request.url ?? '', authorization: request.headers.authorization })
    response.writeHead(403, { 'content-type': 'text/plain' }).end('Incorrect username and/or password')
  })
  const realApiRequests: RealApiRequest[] = []
  await new Promise<void>((resolve) => standIn.listen(0, '127.0.0.1', resolve))
  const { port } = standIn.address() as AddressInfo
  const server: ViteDevServer = await createServer({
    configFile: PLAYGROUND_CONFIG,
    logLevel: 'warn',
    // No watcher and no HMR: an edit to a source file mid-run must not reload the page under test.
    server: {
      port: 0,
      host: '127.0.0.1',
      strictPort: true,
      hmr: false,
      watch: null,
      proxy: { [`^${REAL_API_PREFIX}/`]: realApiProxy(`http://127.0.0.1:${port}`) },
    },
  })
  await server.listen()
  const url = server.resolvedUrls?.local[0]
  if (url === undefined) throw new Error('the playground dev server reported no URL')
  const control = (path: string) => new URL(CONTROL_PATH + path, url)
  return {
    url,
    async fakeStatus() {
      return (await (await fetch(control('/status'))).json()) as FakeStatus
    },
    async resetFake() {
      const response = await fetch(control('/reset'), { method: 'POST' })
      if (!response.ok) throw new Error(`resetting the fake answered ${response.status}`)
    },
    realApiRequests,
    close: async () => {
      await server.close()
      await new Promise((resolve) => standIn.close(resolve))
    },
  }
}

/** What a suite of playground tests works with; filled in by {@link usePlayground}'s hooks. */
export interface PlaygroundSuite {
  server: PlaygroundServer
  browser: Browser
  /** A fresh page on a freshly reset fake, for the test that runs now. */
  playground: PlaygroundPage
}

/**
 * Registers a suite's hooks: one dev server and one Chromium for the file, and for each test a
 * reset fake and a new page, closed after it.
 */
export function usePlayground(context: BrowserContextOptions = {}): PlaygroundSuite {
  const suite = {} as PlaygroundSuite
  beforeAll(async () => {
    ;[suite.server, suite.browser] = await Promise.all([startPlayground(), launchChromium()])
  })
  afterAll(async () => {
    await Promise.all([suite.browser?.close(), suite.server?.close()])
  })
  beforeEach(async () => {
    await suite.server.resetFake()
    suite.playground = await PlaygroundPage.open(suite.browser, suite.server.url, context)
  })
  afterEach(async () => {
    await suite.playground.close()
  })
  return suite
}

/** A request the page shows, in the explorer or the log. */
export interface ShownExchange {
  caller: string
  status: string
  summary: string
}

/**
 * The playground in one page, driven as a user would. Every dialog the page opens is recorded
 * (and dismissed), so a test can prove none did, and so is every console message.
 */
export class PlaygroundPage {
  readonly dialogs: string[] = []
  readonly console: string[] = []
  readonly timer: TimerDriver
  readonly explorer: ExplorerDriver

  private constructor(readonly page: Page) {
    page.on('dialog', (dialog: Dialog) => {
      this.dialogs.push(dialog.message())
      void dialog.dismiss()
    })
    page.on('console', (message) => this.console.push(message.text()))
    this.timer = new TimerDriver(page)
    this.explorer = new ExplorerDriver(page)
  }

  /** A new page in its own browser context: empty IndexedDB and sessionStorage. */
  static async open(browser: Browser, url: string, options: BrowserContextOptions = {}): Promise<PlaygroundPage> {
    const context = await browser.newContext(options)
    const playground = new PlaygroundPage(await context.newPage())
    await playground.page.goto(url)
    await playground.ready()
    return playground
  }

  async reload(): Promise<void> {
    await this.page.reload()
    await this.ready()
  }

  async close(): Promise<void> {
    await this.page.context().close()
  }

  /** Queues a fault with its button, and waits until the page lists it. */
  async clickFault(fault: FaultId, times = 1): Promise<void> {
    const before = await this.page.getByTestId('queued-fault').count()
    await this.page.getByTestId('fault-times').fill(String(times))
    await this.page.getByTestId(`fault-${fault}`).click()
    await this.page.getByTestId('queued-fault').nth(before + Math.min(times, MAX_FAULT_REPEATS) - 1).waitFor({ state: 'attached' })
  }

  /** The requests in the page's log, newest first. */
  async logged(): Promise<ShownExchange[]> {
    return exchangesIn(this.page.getByTestId('log-list'))
  }

  /** The page's widest element, as wide as the document scrolls. */
  async scrollWidth(): Promise<number> {
    return this.page.evaluate(() => document.documentElement.scrollWidth)
  }

  private async ready(): Promise<void> {
    await this.page.locator('body[data-ready="true"]').waitFor()
    await this.timer.idle()
  }
}

/** The timer app, driven as a user would. */
export class TimerDriver {
  constructor(readonly page: Page) {}

  /** Waits until the app has drawn after its last action (sync, start, …). */
  async idle(): Promise<void> {
    await this.page.locator('[data-testid="timer-app"][aria-busy="false"]').waitFor({ state: 'attached' })
  }

  async start(description: string, { project, tags = [] }: { project?: string; tags?: string[] } = {}): Promise<void> {
    await this.page.getByTestId('timer-description').fill(description)
    if (project !== undefined) await this.page.getByTestId('timer-project').selectOption({ label: project })
    for (const tag of tags) await this.page.getByTestId('timer-tags').getByLabel(tag).check()
    await this.act(() => this.page.getByTestId('timer-start').click())
  }

  async stop(): Promise<void> {
    await this.act(() => this.page.getByTestId('timer-stop').click())
  }

  async syncNow(): Promise<void> {
    await this.act(() => this.page.getByTestId('timer-sync').click())
  }

  /** The row of an entry, found by its description. */
  entry(description: string): Locator {
    return this.page.getByTestId('timer-entry').filter({ has: this.page.locator('.description', { hasText: description }) })
  }

  async text(testId: string): Promise<string> {
    return (await this.page.getByTestId(testId).textContent()) ?? ''
  }

  /** Runs a click that makes the app act, and waits until it has drawn the outcome. */
  async act(click: () => Promise<void>): Promise<void> {
    await click()
    await this.page.locator('[data-testid="timer-app"][aria-busy="true"]').waitFor({ state: 'detached' }).catch(() => undefined)
    await this.idle()
  }
}

/** The explorer, driven as a user would: pick a call, change fields, run it, read what it shows. */
export class ExplorerDriver {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByTestId('nav-explorer').click()
    await this.page.getByTestId('explorer-view').waitFor()
  }

  /** Picks the call (its example fills the form), sets `fields` (by their test id, without `param-`), runs it. */
  async run(call: string, fields: Record<string, string | boolean> = {}): Promise<void> {
    await this.page.getByTestId('explorer-call').selectOption(call)
    for (const [field, value] of Object.entries(fields)) {
      const input = this.page.getByTestId(field.startsWith('option-') ? field : `param-${field}`)
      if (typeof value === 'boolean') await input.setChecked(value)
      else if ((await input.evaluate((node) => node.tagName)) === 'SELECT') await input.selectOption(value)
      else await input.fill(value)
    }
    await this.page.getByTestId('explorer-run').click()
    await this.page.locator('[data-testid="explorer-form"]:not([aria-busy])').waitFor()
  }

  async shown(): Promise<{ outcome: string; error: string; result: string; code: string }> {
    const text = async (id: string) => (await this.page.getByTestId(id).textContent()) ?? ''
    return { outcome: await text('explorer-outcome'), error: await text('explorer-error'), result: await text('explorer-result'), code: await text('explorer-code') }
  }

  async result<T>(): Promise<T> {
    const shown = await this.shown()
    try {
      return JSON.parse(shown.result) as T
    } catch {
      throw new Error(`the explorer shows no JSON result: ${JSON.stringify(shown)}`)
    }
  }

  /** The requests the last call sent, in order. */
  async exchanges(): Promise<ShownExchange[]> {
    return exchangesIn(this.page.getByTestId('explorer-requests'))
  }

  /** One request of the last call, opened: its parts by name (request-headers, response-body, curl…). */
  async details(index: number): Promise<Record<string, string>> {
    const item = this.page.getByTestId('explorer-requests').getByTestId('exchange').nth(index)
    await item.locator('summary').click()
    return item.locator('pre').evaluateAll((parts) => Object.fromEntries(parts.map((part) => [part.getAttribute('data-testid') ?? '', part.textContent ?? ''])))
  }
}

async function exchangesIn(list: Locator): Promise<ShownExchange[]> {
  return list.getByTestId('exchange').evaluateAll((items) =>
    items.map((item) => ({
      caller: item.getAttribute('data-caller') ?? '',
      status: item.getAttribute('data-status') ?? '',
      summary: item.querySelector('summary')?.textContent ?? '',
    })),
  )
}
