import { describe, expect, it } from 'vitest'
import { usePlayground } from './support/playground.ts'

const suite = usePlayground()

/** The requests the fake received after the first `from`, as `METHOD /path status`. */
async function sentSince(from: number): Promise<string[]> {
  return (await suite.server.fakeStatus()).requests.slice(from).map(({ method, path, status }) => `${method} ${path} ${status}`)
}

describe('the timer app, in Chromium', () => {
  it('opens on the seeded week: today and earlier days grouped, with totals, after one sync', async () => {
    const { page } = suite.playground
    expect(await page.getByTestId('timer-view').isVisible()).toBe(true)
    expect(await page.getByTestId('explorer-view').isVisible()).toBe(false)
    expect(await suite.playground.timer.text('timer-sync-state')).toMatch(/^Synced at \d\d:\d\d \(1 request\) · 2 requests since the page opened/)
    // The seed is a working week up to now, so what shows depends on the day: each day with its total.
    for (const heading of await page.getByTestId('timer-day').locator('h4').allTextContents()) expect(heading).toMatch(/^\w+day, .+ · (\d+ h \d\d|\d+) min$/)
    expect(await suite.playground.timer.text('timer-week-total')).toMatch(/^(\d+ h \d\d|\d+) min$/)
    // The profile with the catalogue, and the entries in full the first time.
    expect(await sentSince(0)).toEqual(['GET /me 200', 'GET /me/time_entries 200'])
    // By client (Contoso, none, Northwind Traders), then by name.
    expect(await page.getByTestId('timer-project').locator('option').allTextContents()).toEqual(['No project', 'Mobile app', 'Internal', 'Brand guidelines', 'Website redesign'])
    expect(await page.getByTestId('timer-quota').textContent()).toMatch(/^Hourly quota: 118 left in your own window/)
  })

  it('starts an entry, keeps it running across a reload, stops it, edits it and deletes it', async () => {
    const { page } = suite.playground
    const { timer } = suite.playground
    await timer.start('Writing the report', { project: 'Website redesign', tags: ['focus'] })
    expect(await timer.text('timer-running')).toBe('Writing the report')
    expect(await timer.text('timer-clock')).toMatch(/^0:00:0\d$/)
    const running = timer.entry('Writing the report')
    expect(await running.getAttribute('data-running')).toBe('true')
    expect(await running.textContent()).toContain('Website redesign · Northwind Traders')
    expect(await page.getByTestId('timer-error').isHidden()).toBe(true)

    const before = (await suite.server.fakeStatus()).requests.length
    await suite.playground.reload()
    expect(await timer.text('timer-running')).toBe('Writing the report')
    expect(await timer.entry('Writing the report').getAttribute('data-running')).toBe('true')
    // After a reload: the profile with its related data again (it lists entries, so the start made
    // the cached copy stale), and one since request for what changed, not the week in full.
    expect(await sentSince(before)).toEqual(['GET /me 200', 'GET /me/time_entries 200'])
    expect(await timer.text('timer-sync-state')).toMatch(/^Synced at \d\d:\d\d \(1 request\) · 2 requests since/)

    await timer.stop()
    expect(await page.getByTestId('timer-running').count()).toBe(0)
    expect(await timer.entry('Writing the report').getAttribute('data-running')).toBe('false')

    await timer.entry('Writing the report').getByTestId('entry-edit').click()
    await page.getByTestId('entry-description').fill('Report, first draft')
    await page.getByTestId('entry-project').selectOption({ label: 'Mobile app' })
    const editing = (await suite.server.fakeStatus()).requests.length
    await timer.act(() => page.getByTestId('entry-save').click())
    const edited = timer.entry('Report, first draft')
    expect(await edited.textContent()).toContain('Mobile app · Contoso')
    expect(await timer.entry('Writing the report').count()).toBe(0)
    // The list after the edit comes from the cache: the PUT is the only request.
    expect(await sentSince(editing)).toEqual([expect.stringMatching(/^PUT \/workspaces\/\d+\/time_entries\/\d+ 200$/)])

    await edited.getByTestId('entry-edit').click()
    await timer.act(() => page.getByTestId('entry-delete').click())
    expect(await timer.entry('Report, first draft').count()).toBe(0)
    expect((await sentSince(editing)).at(-1)).toMatch(/^DELETE \/workspaces\/\d+\/time_entries\/\d+ 200$/)

    await suite.playground.reload()
    expect(await timer.entry('Report, first draft').count()).toBe(0)
    expect(suite.playground.dialogs).toEqual([])
  })

  it('offline, shows the week the cache holds and says so; back online, syncs again', async () => {
    const { page, timer } = { page: suite.playground.page, timer: suite.playground.timer }
    const entries = await page.getByTestId('timer-entry').count()
    await page.context().setOffline(true)
    await timer.syncNow()
    expect(await timer.text('timer-sync-state')).toMatch(/^offline — showing cached \(synced at \d\d:\d\d \(1 request\)\)/)
    expect(await page.getByTestId('timer-entry').count()).toBe(entries)

    await timer.start('Offline work')
    expect(await timer.text('timer-error')).toMatch(/^NetworkError: POST .*\/time_entries failed/)
    expect(await page.getByTestId('timer-running').count()).toBe(0)

    await page.context().setOffline(false)
    await timer.syncNow()
    expect(await timer.text('timer-sync-state')).toMatch(/^Synced at \d\d:\d\d \(1 request\)/)
    expect(await page.getByTestId('timer-error').isHidden()).toBe(true)
  })

  it('renders a hostile description as text', async () => {
    const hostile = '<img src=x onerror=alert(1)>'
    await suite.playground.timer.start(hostile)
    expect(await suite.playground.timer.text('timer-running')).toBe(hostile)
    await suite.playground.page.waitForTimeout(300)
    expect(await suite.playground.page.locator('img').count()).toBe(0)
    expect(suite.playground.dialogs).toEqual([])
  })
})
