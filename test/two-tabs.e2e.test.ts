// Two tabs of one origin in real Chromium, sharing one IndexedDB cache: concurrent syncs send one
// request between them (Web Locks), what one tab writes the other serves at once without asking,
// and a quota window one tab found spent stops the other. The fake is served on the pages' origin.
import { fileURLToPath } from 'node:url'
import type { Browser, BrowserContext, Page } from 'playwright'
import { createServer, type ViteDevServer } from 'vite'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import type { TogglTimeEntry } from '../src/index.ts'
import { createTogglMock, DEMO_ACCOUNT, type TogglMock } from '../src/mock/index.ts'
import { toNodeListener } from '../src/mock/node.ts'
import { launchChromium } from './support/playground.ts'

const ROOT = fileURLToPath(new URL('fixtures/two-tabs/', import.meta.url))
const REPO = fileURLToPath(new URL('..', import.meta.url))

interface Tab {
  sync(): Promise<{ requests: number; failed?: string; sent?: boolean }>
  query(filter: object): Promise<TogglTimeEntry[]>
  start(description: string): Promise<TogglTimeEntry>
  edit(id: number, description: string): Promise<TogglTimeEntry>
  current(maxAge: number): Promise<TogglTimeEntry | null>
  get(id: number): Promise<TogglTimeEntry | null>
  quota(): { remaining: number } | null
  cache: string
}
declare const tab: Tab

let mock: TogglMock
let workspace: number
let server: ViteDevServer
let browser: Browser
let context: BrowserContext
let pages: [Page, Page]

beforeAll(async () => {
  server = await createServer({
    root: ROOT,
    configFile: false,
    logLevel: 'warn',
    server: { port: 0, host: '127.0.0.1', strictPort: true, hmr: false, watch: null, fs: { allow: [REPO] } },
    plugins: [
      {
        name: 'the-fake-on-this-origin',
        configureServer(dev) {
          dev.middlewares.use((request, response, next) => (request.url?.startsWith('/api/') ? toNodeListener(mock)(request, response) : next()))
        },
      },
    ],
  })
  await server.listen()
  browser = await launchChromium()
}, 60_000)

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

beforeEach(async () => {
  mock = createTogglMock({ accounts: [{ ...DEMO_ACCOUNT, apiToken: 'two-tabs-token' }], organizations: [{ name: 'Acme', memberIds: [DEMO_ACCOUNT.id] }] })
  workspace = [...mock.state.organizations.values()][0]!.workspaces[0]!.id
  context = await browser.newContext()
  const url = `${server.resolvedUrls!.local[0]}?workspace=${workspace}`
  pages = (await Promise.all([0, 1].map(async () => {
    const page = await context.newPage()
    await page.goto(url)
    await page.waitForFunction(() => document.title === 'ready')
    return page
  }))) as [Page, Page]
})

afterEach(async () => {
  await context?.close()
})

describe('two tabs on one IndexedDB cache, in Chromium', () => {
  it('use IndexedDB, and concurrent syncs send one request between them (Web Locks)', async () => {
    const [first, second] = pages
    expect(await first.evaluate(() => tab.cache)).toBe('IndexedDbCache')
    for (let i = 0; i < 3; i++) mock.state.addTimeEntry({ workspaceId: workspace, userId: DEMO_ACCOUNT.id, start: Date.now() - (i + 1) * 3_600_000, duration: 600 })
    // The first tab's listing is slow, so the second asks while the first holds the lock.
    mock.inject({ type: 'delay', ms: 400 })
    const firstSync = first.evaluate(() => tab.sync())
    await vi.waitFor(() => expect(mock.received).toBe(1))
    const secondSync = second.evaluate(() => tab.sync())
    expect([(await firstSync).requests, (await secondSync).requests]).toEqual([1, 0])
    expect(await second.evaluate(() => tab.query({}))).toHaveLength(3)
    expect(mock.received).toBe(1)
  })

  it('a timer one tab starts or edits, the other serves at once without a request', async () => {
    const [first, second] = pages
    await first.evaluate(() => tab.sync())
    const started = await first.evaluate(() => tab.start('Deep work'))
    const sent = mock.received
    expect(await second.evaluate(() => tab.current(60_000))).toMatchObject({ id: started.id, stop: null })
    expect((await second.evaluate(() => tab.query({ running: true }))).map(({ id }) => id)).toEqual([started.id])
    await first.evaluate((id) => tab.edit(id, 'Deep work, renamed'), started.id)
    expect(await second.evaluate((id) => tab.get(id), started.id)).toMatchObject({ description: 'Deep work, renamed' })
    expect(mock.received).toBe(sent + 1)
  })

  it('a quota window one tab found spent stops the other without a request', async () => {
    const [first, second] = pages
    const spent = { 'X-Toggl-Quota-Remaining': '0', 'X-Toggl-Quota-Resets-In': '900', 'content-type': 'application/json' }
    mock.inject({ type: 'status', status: 402, body: '"You have hit your hourly limit for API calls."', headers: spent })
    expect(await first.evaluate(() => tab.sync())).toMatchObject({ failed: 'QuotaError', sent: true })
    const sent = mock.received
    await vi.waitFor(async () => expect(await second.evaluate(() => tab.quota())).toMatchObject({ remaining: 0 }))
    expect(await second.evaluate(() => tab.sync())).toMatchObject({ failed: 'QuotaError', sent: false })
    expect(mock.received).toBe(sent)
  })
})
