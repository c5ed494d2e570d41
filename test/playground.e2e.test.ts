import { describe, expect, it } from 'vitest'
import { usePlayground } from './support/playground.ts'

interface Organization {
  id: number
  name: string
}

const DEMO_NAMES = ['Acme Studio', 'Globex Research', 'Initech']
const HOSTILE_NAME = '<img src=x onerror=alert(1)>'

const suite = usePlayground()

describe('the playground on its dev server, in Chromium', () => {
  it('runs collect → add → edit → get → delete through the UI', async () => {
    expect(await suite.playground.page.getByTestId('backend-description').textContent()).toContain('on the Vite dev server')

    await suite.playground.run('collect')
    const listed = await suite.playground.resultOf<Organization[]>('collect')
    expect(listed.map(({ name }) => name)).toEqual(DEMO_NAMES)
    expect((await suite.playground.shown('collect')).outcome).toMatch(/^✓ 1 request /)

    await suite.playground.run('add', { name: 'Playground Org', workspace: 'First Space' })
    const created = await suite.playground.resultOf<Organization & { workspace_name: string }>('add')
    expect(created).toMatchObject({ name: 'Playground Org', workspace_name: 'First Space' })
    // The new id is offered to the other panels.
    expect(await suite.playground.page.getByTestId('edit-id').inputValue()).toBe(String(created.id))

    await suite.playground.run('edit', { id: String(created.id), name: 'Renamed Org' })
    expect(await suite.playground.resultOf('edit')).toMatchObject({ id: created.id, name: 'Renamed Org' })
    // Not cached yet, so edit follows its PUT with a GET.
    expect((await suite.playground.shown('edit')).outcome).toMatch(/^✓ 2 requests /)

    await suite.playground.run('get', { id: String(created.id) })
    expect(await suite.playground.resultOf('get')).toMatchObject({ id: created.id, name: 'Renamed Org' })
    expect((await suite.playground.shown('get')).outcome).toMatch(/^✓ from the cache · 0 requests/)

    await suite.playground.run('delete', { id: String(created.id) })
    expect(await suite.playground.shown('delete')).toMatchObject({
      outcome: expect.stringMatching(/^✓ 1 request /),
      error: '',
      result: '(nothing: the call returns void)',
    })

    await suite.playground.run('get', { id: String(created.id), refresh: true })
    expect((await suite.playground.shown('get')).result).toBe('null')

    const requests = (await suite.server.fakeStatus()).requests.map(({ method, path, status }) => `${method} ${path} ${status}`)
    expect(requests).toEqual([
      'GET /me/organizations 200',
      'POST /organizations 200',
      `PUT /organizations/${created.id} 200`,
      `GET /organizations/${created.id} 200`,
      `DELETE /organizations/${created.id}/users/leave 200`,
      `GET /organizations/${created.id} 404`,
    ])
    const log = await suite.playground.logRows()
    expect(log.map(({ call, source, status }) => `${call} ${source} ${status}`)).toEqual([
      'collect network 200',
      'add network 200',
      'edit network 200',
      'edit network 200',
      'get cache ',
      'delete network 200',
      'get network 404',
    ])
    expect(await suite.playground.page.getByTestId('quota-text').textContent()).toMatch(/requests left this hour/)
  })

  it('answers get for a cached organization from IndexedDB after a reload, sending nothing', async () => {
    await suite.playground.run('collect')
    const [acme] = await suite.playground.resultOf<Organization[]>('collect')
    await suite.playground.reload()
    expect(await suite.playground.logRows()).toEqual([])
    const received = (await suite.server.fakeStatus()).received

    await suite.playground.run('get', { id: String(acme?.id) })

    expect(await suite.playground.resultOf('get')).toMatchObject({ id: acme?.id, name: 'Acme Studio' })
    expect(await suite.playground.logRows()).toEqual([
      expect.objectContaining({ call: 'get', source: 'cache', text: expect.stringContaining(`GET /organizations/${acme?.id}`) }),
    ])
    expect((await suite.server.fakeStatus()).received).toBe(received)
    // Each organization, the list, and the quota window the reply reported (kept for other tabs).
    expect(await suite.playground.page.getByTestId('cache-entry').count()).toBe(DEMO_NAMES.length + 2)
  })

  it('renders a hostile organization name as text and runs nothing', async () => {
    await suite.playground.run('add', { name: HOSTILE_NAME })
    expect(await suite.playground.resultOf('add')).toMatchObject({ name: HOSTILE_NAME })
    await suite.playground.run('collect', { refresh: true })
    expect((await suite.playground.shown('collect')).result).toContain(JSON.stringify(HOSTILE_NAME))
    await suite.playground.page.getByTestId('cache-entry').filter({ hasText: HOSTILE_NAME }).first().waitFor()

    // An <img> that had been parsed would have failed to load by now and fired its handler.
    await suite.playground.page.waitForTimeout(300)
    expect(await suite.playground.page.locator('img').count()).toBe(0)
    expect(suite.playground.dialogs).toEqual([])
  })

  it('shows a 500 being retried, then the result, and a NamingError sending nothing', async () => {
    await suite.playground.clickFault('server-error')
    await suite.playground.run('collect')
    expect((await suite.playground.resultOf<Organization[]>('collect')).map(({ name }) => name)).toEqual(DEMO_NAMES)
    const [failed, retried] = await suite.playground.logRows()
    expect(failed).toMatchObject({ call: 'collect', source: 'network', status: '500' })
    expect(failed?.text).toMatch(/#1.*500 HTTPStatusError.*retry in \d+ ms/)
    expect(retried).toMatchObject({ call: 'collect', source: 'network', status: '200' })
    expect(retried?.text).toContain('#2 (retry 1)')
    expect((await suite.playground.shown('collect')).outcome).toMatch(/^✓ 2 requests /)

    // More 500s than retries: the final error is shown with its type and message.
    await suite.playground.clickFault('server-error', 4)
    await suite.playground.run('collect', { refresh: true })
    expect(await suite.playground.shown('collect')).toMatchObject({
      outcome: expect.stringMatching(/^✗ HTTPStatusError · 4 requests/),
      error: 'HTTPStatusError: GET /api/v9/me/organizations failed with 500: Internal Server Error',
      result: expect.stringContaining('"status": 500'),
    })

    const received = (await suite.server.fakeStatus()).received
    await suite.playground.run('add', { name: '' })
    expect(await suite.playground.shown('add')).toMatchObject({
      outcome: '✗ NamingError · nothing was sent',
      error: expect.stringMatching(/^NamingError: OrganizationEndpoint\.add: organization name must not be empty/),
    })
    expect((await suite.playground.logRows()).at(-1)).toMatchObject({ call: 'add', source: 'not sent' })
    expect((await suite.server.fakeStatus()).received).toBe(received)
  })

  it('shows a spent quota as a QuotaError and on the quota meter', async () => {
    await suite.playground.run('collect')
    expect(await suite.playground.page.getByTestId('quota-text').textContent()).toMatch(/^119 requests left this hour/)

    await suite.playground.clickFault('quota-spent')
    await suite.playground.run('collect', { refresh: true })
    expect(await suite.playground.shown('collect')).toMatchObject({
      outcome: expect.stringMatching(/^✗ QuotaError · 1 request /),
      error: expect.stringMatching(/^QuotaError: .*402.*quota resets in 1800 s/),
    })
    expect(await suite.playground.page.getByTestId('quota-text').textContent()).toMatch(/^0 requests left this hour/)
    expect(await suite.playground.page.getByTestId('quota-meter').evaluate((meter) => (meter as HTMLMeterElement).value)).toBe(0)
  })

  it('keeps the real API token in memory, or in sessionStorage only when asked', async () => {
    const { page } = suite.playground
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
    expect(await stored()).toEqual({ session: expect.not.stringContaining(token), local: '{}', url: suite.server.url })

    await page.getByTestId('remember-token').check()
    expect((await stored()).session).toContain(token)
    await suite.playground.reload()
    expect(await page.getByTestId('backend-real').isChecked()).toBe(true)
    expect(await page.getByTestId('token').inputValue()).toBe(token)

    await page.getByTestId('forget-token').click()
    expect(await stored()).toEqual({ session: expect.not.stringContaining(token), local: '{}', url: suite.server.url })
    expect(consoleLines.filter((line) => line.includes(token))).toEqual([])
  })
})
