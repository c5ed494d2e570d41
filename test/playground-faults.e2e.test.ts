import { beforeEach, describe, expect, it } from 'vitest'
import { QUOTA_FAULT_RESET_SECONDS } from '../playground/common/faults.ts'
import { usePlayground } from './support/playground.ts'

const suite = usePlayground()

beforeEach(async () => {
  await suite.playground.explorer.open()
})

const queued = () => suite.playground.page.getByTestId('queued-fault').evaluateAll((items) => items.map((item) => item.getAttribute('data-fault')))

describe('the fake’s faults, in Chromium', () => {
  it('lists a queued fault until a request meets it, and cancels one that was not meant for the next request', async () => {
    const { page, explorer } = suite.playground
    await suite.playground.clickFault('slow-reply')
    await page.getByTestId('fault-status').filter({ hasText: '“slow reply”' }).waitFor()
    expect(await page.getByTestId('fault-status').textContent()).toMatch(/^The next request will get “slow reply”: it answers normally, 2 seconds late\. It waits for whichever request comes next/)
    expect(await queued()).toEqual(['slow-reply'])
    expect(await page.getByTestId('queued-fault').textContent()).toMatch(/^slow reply, for the next request/)
    await page.getByTestId('fault-cancel').click()
    await page.getByTestId('fault-queue').waitFor({ state: 'hidden' })
    expect((await suite.server.fakeStatus()).faults).toEqual([])

    await suite.playground.clickFault('server-error', 2)
    expect(await queued()).toEqual(['server-error', 'server-error'])
    await explorer.run('OrganizationEndpoint.collect')
    // Two 500s, then the retry that succeeded: the list empties as the requests meet the faults.
    expect((await explorer.exchanges()).map(({ status }) => status)).toEqual(['500', '500', '200'])
    await page.getByTestId('fault-queue').waitFor({ state: 'hidden' })
    expect((await explorer.shown()).outcome).toMatch(/^✓ 3 requests/)
  })

  it('cancels a fault in the middle of the queue, keeping the others in order', async () => {
    const { page } = suite.playground
    await suite.playground.clickFault('server-error')
    await suite.playground.clickFault('slow-reply')
    await suite.playground.clickFault('rate-limit')
    expect(await queued()).toEqual(['server-error', 'slow-reply', 'rate-limit'])
    expect(await page.getByTestId('queued-fault').nth(1).textContent()).toMatch(/^slow reply, for request 2 from now/)
    await page.getByTestId('fault-cancel').nth(1).click()
    await page.getByTestId('queued-fault').nth(1).filter({ hasText: '429' }).waitFor()
    expect((await suite.server.fakeStatus()).faults).toEqual(['server-error', 'rate-limit'])
  })

  it('says what the times field does with a number out of its range', async () => {
    const { page } = suite.playground
    const times = page.getByTestId('fault-times')
    await times.fill('1000')
    expect(await page.getByTestId('fault-times-note').textContent()).toBe('1 to 5: “1000” will be taken as 5')
    await page.getByTestId('fault-server-error').click()
    await page.getByTestId('fault-status').filter({ hasText: 'The next 5 requests' }).waitFor()
    expect(await times.inputValue()).toBe('5')
    expect(await queued()).toHaveLength(5)
    await times.fill('0')
    expect(await page.getByTestId('fault-times-note').textContent()).toBe('1 to 5: “0” will be taken as 1')
    await times.fill('3')
    expect(await page.getByTestId('fault-times-note').textContent()).toBe('1 to 5')
  })

  it('shows a spent quota window with its reset time; the client then refuses its calls until “Reset the fake”', async () => {
    const { page, explorer } = suite.playground
    await suite.playground.clickFault('quota-spent')
    await explorer.run('OrganizationEndpoint.collect')
    expect(await explorer.shown()).toMatchObject({
      outcome: expect.stringMatching(/^✗ QuotaError · 1 request/),
      error: expect.stringMatching(new RegExp(`^QuotaError: .*402.*quota resets in ${QUOTA_FAULT_RESET_SECONDS} s`)),
    })
    const window = page.getByTestId('quota-window').filter({ hasText: 'your own window' })
    expect(await window.textContent()).toMatch(/: spent\. Calls to it are refused without sending until \d\d:\d\d:\d\d \(in [12]:\d\d\), or “Reset the fake”\.$/)

    const received = (await suite.server.fakeStatus()).received
    await explorer.run('OrganizationEndpoint.collect')
    expect((await explorer.shown()).outcome).toMatch(/^✗ QuotaError · refused before sending: the window is spent until \d\d:\d\d:\d\d$/)
    expect((await suite.server.fakeStatus()).received).toBe(received)
    // Another window's calls go on: Acme's organization window is not spent.
    await explorer.run('RoleEndpoint.collect')
    expect((await explorer.shown()).outcome).toMatch(/^✓ 1 request/)

    await page.getByTestId('fake-reset').click()
    await page.getByTestId('fault-status').filter({ hasText: 'back to the demo data' }).waitFor()
    await suite.playground.timer.idle()
    expect(await page.getByTestId('quota-window').filter({ hasText: 'spent' }).count()).toBe(0)
    await explorer.run('OrganizationEndpoint.collect')
    expect((await explorer.shown()).outcome).toMatch(/^✓ 1 request/)
  })

  it('does not list a window for an organization that is not yours', async () => {
    const { page, explorer } = suite.playground
    await explorer.run('OrganizationEndpoint.get', { organization: '999999', 'option-refresh': true })
    expect((await explorer.shown()).result).toBe('null')
    const windows = await page.getByTestId('quota-window').allTextContents()
    expect(windows.filter((line) => line.includes('999999'))).toEqual([])
    expect(windows.some((line) => line.startsWith('your own window'))).toBe(true)
  })
})
