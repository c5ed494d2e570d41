import type { Browser } from 'playwright'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { launchChromium, PlaygroundPage, startPlayground, type PlaygroundServer } from './support/playground.ts'

interface Organization {
  id: number
  name: string
}

const DEMO_NAMES = ['Acme Studio', 'Globex Research', 'Initech']
const HOSTILE_NAME = '<img src=x onerror=alert(1)>'

let server: PlaygroundServer
let browser: Browser
let playground: PlaygroundPage

beforeAll(async () => {
  ;[server, browser] = await Promise.all([startPlayground(), launchChromium()])
})

afterAll(async () => {
  await Promise.all([browser?.close(), server?.close()])
})

beforeEach(async () => {
  await server.resetFake()
  playground = await PlaygroundPage.open(browser, server.url)
})

afterEach(async () => {
  await playground.close()
})

describe('the playground on its dev server, in Chromium', () => {
  it('runs collect → add → edit → get → delete through the UI', async () => {
    expect(await playground.page.getByTestId('backend-description').textContent()).toContain('on the Vite dev server')

    await playground.run('collect')
    const listed = await playground.resultOf<Organization[]>('collect')
    expect(listed.map(({ name }) => name)).toEqual(DEMO_NAMES)
    expect((await playground.shown('collect')).outcome).toMatch(/^✓ 1 request /)

    await playground.run('add', { name: 'Playground Org', workspace: 'First Space' })
    const created = await playground.resultOf<Organization & { workspace_name: string }>('add')
    expect(created).toMatchObject({ name: 'Playground Org', workspace_name: 'First Space' })
    // The new id is offered to the other panels.
    expect(await playground.page.getByTestId('edit-id').inputValue()).toBe(String(created.id))

    await playground.run('edit', { id: String(created.id), name: 'Renamed Org' })
    expect(await playground.resultOf('edit')).toMatchObject({ id: created.id, name: 'Renamed Org' })
    // Not cached yet, so edit follows its PUT with a GET.
    expect((await playground.shown('edit')).outcome).toMatch(/^✓ 2 requests /)

    await playground.run('get', { id: String(created.id) })
    expect(await playground.resultOf('get')).toMatchObject({ id: created.id, name: 'Renamed Org' })
    expect((await playground.shown('get')).outcome).toMatch(/^✓ from the cache · 0 requests/)

    await playground.run('delete', { id: String(created.id) })
    expect(await playground.shown('delete')).toMatchObject({
      outcome: expect.stringMatching(/^✓ 1 request /),
      error: '',
      result: '(nothing: the call returns void)',
    })

    await playground.run('get', { id: String(created.id), refresh: true })
    expect((await playground.shown('get')).result).toBe('null')

    const requests = (await server.fakeStatus()).requests.map(({ method, path, status }) => `${method} ${path} ${status}`)
    expect(requests).toEqual([
      'GET /me/organizations 200',
      'POST /organizations 200',
      `PUT /organizations/${created.id} 200`,
      `GET /organizations/${created.id} 200`,
      `DELETE /organizations/${created.id}/users/leave 200`,
      `GET /organizations/${created.id} 404`,
    ])
    const log = await playground.logRows()
    expect(log.map(({ call, source, status }) => `${call} ${source} ${status}`)).toEqual([
      'collect network 200',
      'add network 200',
      'edit network 200',
      'edit network 200',
      'get cache ',
      'delete network 200',
      'get network 404',
    ])
    expect(await playground.page.getByTestId('quota-text').textContent()).toMatch(/requests left this hour/)
  })

  it('answers get for a cached organization from IndexedDB after a reload, sending nothing', async () => {
    await playground.run('collect')
    const [acme] = await playground.resultOf<Organization[]>('collect')
    await playground.reload()
    expect(await playground.logRows()).toEqual([])
    const received = (await server.fakeStatus()).received

    await playground.run('get', { id: String(acme?.id) })

    expect(await playground.resultOf('get')).toMatchObject({ id: acme?.id, name: 'Acme Studio' })
    expect(await playground.logRows()).toEqual([
      expect.objectContaining({ call: 'get', source: 'cache', text: expect.stringContaining(`GET /organizations/${acme?.id}`) }),
    ])
    expect((await server.fakeStatus()).received).toBe(received)
    expect(await playground.page.getByTestId('cache-entry').count()).toBe(DEMO_NAMES.length + 1)
  })

  it('renders a hostile organization name as text and runs nothing', async () => {
    await playground.run('add', { name: HOSTILE_NAME })
    expect(await playground.resultOf('add')).toMatchObject({ name: HOSTILE_NAME })
    await playground.run('collect', { refresh: true })
    expect((await playground.shown('collect')).result).toContain(JSON.stringify(HOSTILE_NAME))
    await playground.page.getByTestId('cache-entry').filter({ hasText: HOSTILE_NAME }).first().waitFor()

    // An <img> that had been parsed would have failed to load by now and fired its handler.
    await playground.page.waitForTimeout(300)
    expect(await playground.page.locator('img').count()).toBe(0)
    expect(playground.dialogs).toEqual([])
  })

  it('shows a 500 being retried, then the result, and a NamingError sending nothing', async () => {
    await playground.clickFault('server-error')
    await playground.run('collect')
    expect((await playground.resultOf<Organization[]>('collect')).map(({ name }) => name)).toEqual(DEMO_NAMES)
    const [failed, retried] = await playground.logRows()
    expect(failed).toMatchObject({ call: 'collect', source: 'network', status: '500' })
    expect(failed?.text).toMatch(/#1.*500 HTTPStatusError.*retry in \d+ ms/)
    expect(retried).toMatchObject({ call: 'collect', source: 'network', status: '200' })
    expect(retried?.text).toContain('#2 (retry 1)')
    expect((await playground.shown('collect')).outcome).toMatch(/^✓ 2 requests /)

    // More 500s than retries: the final error is shown with its type and message.
    await playground.clickFault('server-error', 4)
    await playground.run('collect', { refresh: true })
    expect(await playground.shown('collect')).toMatchObject({
      outcome: expect.stringMatching(/^✗ HTTPStatusError · 4 requests/),
      error: 'HTTPStatusError: GET /api/v9/me/organizations failed with 500: Internal Server Error',
      result: expect.stringContaining('"status": 500'),
    })

    const received = (await server.fakeStatus()).received
    await playground.run('add', { name: '' })
    expect(await playground.shown('add')).toMatchObject({
      outcome: '✗ NamingError · nothing was sent',
      error: expect.stringMatching(/^NamingError: OrganizationEndpoint\.add: organization name must not be empty/),
    })
    expect((await playground.logRows()).at(-1)).toMatchObject({ call: 'add', source: 'not sent' })
    expect((await server.fakeStatus()).received).toBe(received)
  })

  it('shows a spent quota as a QuotaError and on the quota meter', async () => {
    await playground.run('collect')
    expect(await playground.page.getByTestId('quota-text').textContent()).toMatch(/^119 requests left this hour/)

    await playground.clickFault('quota-spent')
    await playground.run('collect', { refresh: true })
    expect(await playground.shown('collect')).toMatchObject({
      outcome: expect.stringMatching(/^✗ QuotaError · 1 request /),
      error: expect.stringMatching(/^QuotaError: .*402.*quota resets in 1800 s/),
    })
    expect(await playground.page.getByTestId('quota-text').textContent()).toMatch(/^0 requests left this hour/)
    expect(await playground.page.getByTestId('quota-meter').evaluate((meter) => (meter as HTMLMeterElement).value)).toBe(0)
  })

  it('keeps the real API token in memory, or in sessionStorage only when asked', async () => {
    const { page } = playground
    const token = 'f0e1d2c3b4a5968778695a4b3c2d1e0f'
    const consoleLines: string[] = []
    page.on('console', (message) => consoleLines.push(message.text()))
    const stored = () =>
      page.evaluate(() => ({
        session: JSON.stringify({ ...sessionStorage }),
        local: JSON.stringify({ ...localStorage }),
        url: location.href,
      }))
    expect(await page.getByTestId('real-settings').isVisible()).toBe(false)

    await page.getByTestId('backend-real').check()
    await page.getByTestId('token').fill(token)
    expect(await stored()).toEqual({ session: expect.not.stringContaining(token), local: '{}', url: server.url })

    await page.getByTestId('remember-token').check()
    expect((await stored()).session).toContain(token)
    await playground.reload()
    expect(await page.getByTestId('backend-real').isChecked()).toBe(true)
    expect(await page.getByTestId('token').inputValue()).toBe(token)

    await page.getByTestId('forget-token').click()
    expect(await stored()).toEqual({ session: expect.not.stringContaining(token), local: '{}', url: server.url })
    expect(consoleLines.filter((line) => line.includes(token))).toEqual([])
  })
})
