import { fileURLToPath } from 'node:url'
import { chromium, type Browser, type Dialog, type Page } from 'playwright'
import { createServer, type ViteDevServer } from 'vite'
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest'
import { CONTROL_PATH, type FakeStatus } from '../../playground/common/routes.ts'
import type { CallName } from '../../playground/src/calls.ts'
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
  /** A freshly seeded fake, so each test starts from the demo organizations. */
  resetFake(): Promise<void>
  close(): Promise<void>
}

export async function startPlayground(): Promise<PlaygroundServer> {
  const server: ViteDevServer = await createServer({
    configFile: PLAYGROUND_CONFIG,
    logLevel: 'warn',
    // No watcher and no HMR: an edit to a source file mid-run must not reload the page under test.
    server: { port: 0, host: '127.0.0.1', strictPort: true, hmr: false, watch: null },
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
    close: () => server.close(),
  }
}

/** What a suite of playground tests works with; filled in by {@link usePlayground}'s hooks. */
export interface PlaygroundSuite {
  server: PlaygroundServer
  /** A fresh page on a freshly reset fake, for the test that runs now. */
  playground: PlaygroundPage
}

/**
 * Registers a suite's hooks: one dev server and one Chromium for the file, and for each test a
 * reset fake and a new page, closed after it.
 */
export function usePlayground(): PlaygroundSuite {
  const suite = {} as PlaygroundSuite
  let browser: Browser | undefined
  beforeAll(async () => {
    ;[suite.server, browser] = await Promise.all([startPlayground(), launchChromium()])
  })
  afterAll(async () => {
    await Promise.all([browser?.close(), suite.server?.close()])
  })
  beforeEach(async () => {
    await suite.server.resetFake()
    if (!browser) throw new Error('Chromium did not start')
    suite.playground = await PlaygroundPage.open(browser, suite.server.url)
  })
  afterEach(async () => {
    await suite.playground.close()
  })
  return suite
}

/** A row of the request log, as the page shows it. */
export interface LogRow {
  call: string
  source: string
  status: string
  text: string
}

/**
 * The playground in one page, driven as a user would: fill a panel, press its button, read what it
 * shows. Every dialog the page opens is recorded (and dismissed), so a test can prove none did.
 */
export class PlaygroundPage {
  readonly dialogs: string[] = []

  private constructor(readonly page: Page) {
    page.on('dialog', (dialog: Dialog) => {
      this.dialogs.push(dialog.message())
      void dialog.dismiss()
    })
  }

  /** A new page in its own browser context: empty IndexedDB and sessionStorage. */
  static async open(browser: Browser, url: string): Promise<PlaygroundPage> {
    const context = await browser.newContext()
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

  /** Fills the panel's fields (checkboxes take booleans), runs the call and waits for its result. */
  async run(call: CallName, fields: Record<string, string | boolean> = {}): Promise<void> {
    for (const [field, value] of Object.entries(fields)) {
      const input = this.page.getByTestId(`${call}-${field}`)
      if (typeof value === 'boolean') await input.setChecked(value)
      else await input.fill(value)
    }
    await this.page.getByTestId(`${call}-run`).click()
    await this.page.locator(`form[data-call="${call}"]:not([aria-busy])`).waitFor()
  }

  /** The outcome line, the error line and the result of a panel. */
  async shown(call: CallName): Promise<{ outcome: string; error: string; result: string }> {
    const text = async (part: string) => (await this.page.getByTestId(`${call}-${part}`).textContent()) ?? ''
    return { outcome: await text('outcome'), error: await text('error'), result: await text('result') }
  }

  /** The panel's result parsed as JSON (it shows a successful call's value). */
  async resultOf<T>(call: CallName): Promise<T> {
    const shown = await this.shown(call)
    try {
      return JSON.parse(shown.result) as T
    } catch {
      throw new Error(`${call} shows no JSON result: ${JSON.stringify(shown)}`)
    }
  }

  async logRows(): Promise<LogRow[]> {
    return this.page.getByTestId('log-row').evaluateAll((rows) =>
      rows.map((row) => ({
        call: row.getAttribute('data-call') ?? '',
        source: row.getAttribute('data-source') ?? '',
        status: row.getAttribute('data-status') ?? '',
        text: row.textContent ?? '',
      })),
    )
  }

  async clickFault(fault: string, times = 1): Promise<void> {
    await this.page.getByTestId('fault-times').fill(String(times))
    await this.page.getByTestId(`fault-${fault}`).click()
    await this.page.getByTestId('fault-status').filter({ hasText: 'will get' }).waitFor()
  }

  private async ready(): Promise<void> {
    await this.page.locator('body[data-ready="true"]').waitFor()
  }
}

/** The "Organization admin" card, driven as a user would: pick a call, edit its JSON, press Run. */
export class AdminCard {
  constructor(readonly page: Page) {}

  /** Picks the call; `args` replaces the example (a string as typed, anything else as JSON). */
  async run(call: string, args?: unknown, refresh?: boolean): Promise<void> {
    await this.page.getByTestId('admin-call').selectOption(call)
    if (args !== undefined) await this.page.getByTestId('admin-args').fill(typeof args === 'string' ? args : JSON.stringify(args))
    if (refresh !== undefined) await this.page.getByTestId('admin-refresh').setChecked(refresh)
    await this.page.getByTestId('admin-run').click()
    await this.page.locator('[data-testid="admin-form"]:not([aria-busy])').waitFor()
  }

  async shown(): Promise<{ outcome: string; error: string; result: string }> {
    const text = async (part: string) => (await this.page.getByTestId(`admin-${part}`).textContent()) ?? ''
    return { outcome: await text('outcome'), error: await text('error'), result: await text('result') }
  }

  async result<T>(): Promise<T> {
    const shown = await this.shown()
    try {
      return JSON.parse(shown.result) as T
    } catch {
      throw new Error(`the admin card shows no JSON result: ${JSON.stringify(shown)}`)
    }
  }
}
