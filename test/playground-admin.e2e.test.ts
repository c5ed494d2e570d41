import { beforeEach, describe, expect, it } from 'vitest'
import { demoIds } from '../playground/common/demo-fake.ts'
import { ADMIN_CALLS } from '../playground/src/admin-calls.ts'
import { AdminCard, usePlayground } from './support/playground.ts'

/** The ids the dev server's fake has after each reset: the same seeding code makes them. */
const ids = demoIds()
const HOSTILE_NAME = '<img src=x onerror=alert(1)>'

const suite = usePlayground()
let admin: AdminCard

beforeEach(() => {
  admin = new AdminCard(suite.playground.page)
})

const sentSoFar = async () => (await suite.server.fakeStatus()).requests.map(({ method, path, status }) => `${method} ${path} ${status}`)

describe('the organization admin card, in Chromium', () => {
  it('adds a group, lists it, and answers the second listing from the cache', async () => {
    const { page } = suite.playground
    await page.getByTestId('admin-call').selectOption('GroupEndpoint.add')
    expect(await page.getByTestId('admin-signature').textContent()).toBe(
      'GroupEndpoint.add(org, group: GroupInput, options?: CallOptions): Promise<OrganizationGroup>',
    )
    expect(await page.getByTestId('admin-args').inputValue()).toBe(JSON.stringify([ids.organization, { name: 'Design' }]))
    expect(await page.getByTestId('admin-refresh-choice').isVisible()).toBe(false)

    await admin.run('GroupEndpoint.add')
    const created = await admin.result<{ group_id: number; name: string }>()
    expect(created).toMatchObject({ name: 'Design', group_id: expect.any(Number) })
    expect((await admin.shown()).outcome).toMatch(/^✓ 1 request /)

    await admin.run('GroupEndpoint.collect')
    expect(await page.getByTestId('admin-refresh-choice').isVisible()).toBe(true)
    const listed = await admin.result<{ group_id: number; name: string }[]>()
    expect(listed.map(({ name }) => name)).toEqual(['Design', 'Designers', 'Engineering'])
    expect(listed.find(({ name }) => name === 'Design')?.group_id).toBe(created.group_id)
    expect((await admin.shown()).outcome).toMatch(/^✓ 1 request /)

    await admin.run('GroupEndpoint.collect')
    expect((await admin.shown()).outcome).toMatch(/^✓ from the cache · 0 requests/)
    expect(await admin.result()).toEqual(listed)

    await admin.run('GroupEndpoint.collect', undefined, true)
    expect((await admin.shown()).outcome).toMatch(/^✓ 1 request /)

    const groups = `/organizations/${ids.organization}/groups`
    expect(await sentSoFar()).toEqual([`POST ${groups} 200`, `GET ${groups} 200`, `GET ${groups} 200`])
    const log = await suite.playground.logRows()
    expect(log.map(({ call, source, status }) => `${call} ${source} ${status}`)).toEqual([
      'GroupEndpoint.add network 200',
      'GroupEndpoint.collect network 200',
      'GroupEndpoint.collect cache ',
      'GroupEndpoint.collect network 200',
    ])
    expect(log[0]?.text).toContain(`POST ${groups}`)
    expect(log[2]?.text).toContain(`GET ${groups}`)
    await page.getByTestId('cache-entry').first().waitFor()
  })

  it('shows every page of OrganizationUserEndpoint.iterate with its counts', async () => {
    await admin.run('OrganizationUserEndpoint.iterate')
    expect(await suite.playground.page.getByTestId('admin-args').inputValue()).toBe(JSON.stringify([ids.organization, { per_page: 2 }]))
    const pages = await admin.result<{ page: number; pages: number; records: number; perPage: number; items: { email: string }[] }[]>()
    // Acme Studio: the demo account, three teammates and one pending invitation.
    expect(pages.map(({ page, pages, records, perPage, items }) => ({ page, pages, records, perPage, count: items.length }))).toEqual([
      { page: 1, pages: 3, records: 5, perPage: 2, count: 2 },
      { page: 2, pages: 3, records: 5, perPage: 2, count: 2 },
      { page: 3, pages: 3, records: 5, perPage: 2, count: 1 },
    ])
    expect(pages.flatMap(({ items }) => items.map(({ email }) => email)).sort()).toEqual([
      'alex@example.com',
      'demo@example.com',
      'new.hire@example.com',
      'noor@example.com',
      'sam@example.com',
    ])
    expect((await admin.shown()).outcome).toMatch(/^✓ 3 requests /)
    const users = `/organizations/${ids.organization}/users`
    expect(await sentSoFar()).toEqual([`GET ${users} 200`, `GET ${users} 200`, `GET ${users} 200`])
    const log = await suite.playground.logRows()
    expect(log.map(({ call, source }) => `${call} ${source}`)).toEqual(Array(3).fill('OrganizationUserEndpoint.iterate network'))
    expect(log.map(({ text }) => /[?&]page=(\d)/.exec(text)?.[1])).toEqual(['1', '2', '3'])
  })

  it('refuses a group name of 201 characters with a NamingError, sending nothing', async () => {
    await admin.run('GroupEndpoint.add', [ids.organization, { name: 'x'.repeat(201) }])
    expect(await admin.shown()).toMatchObject({
      outcome: '✗ NamingError · nothing was sent',
      error: expect.stringMatching(/^NamingError: GroupEndpoint\.add: /),
    })
    expect(await suite.playground.logRows()).toEqual([
      expect.objectContaining({
        call: 'GroupEndpoint.add',
        source: 'not sent',
        text: expect.stringContaining(`POST /organizations/${ids.organization}/groups`),
      }),
    ])
    expect((await suite.server.fakeStatus()).received).toBe(0)
  })

  it('shows bad JSON, or JSON that is not an array, as an error and sends nothing', async () => {
    await admin.run('GroupEndpoint.add', `[${ids.organization}, {"name": "Design"}`)
    expect(await admin.shown()).toMatchObject({
      outcome: '✗ ArgumentsError · nothing was sent',
      error: expect.stringMatching(/^ArgumentsError: the arguments are not JSON: /),
      result: '',
    })
    await admin.run('GroupEndpoint.add', '{"name": "Design"}')
    expect((await admin.shown()).error).toMatch(/^ArgumentsError: the arguments must be a JSON array/)
    await admin.run('GroupEndpoint.add', [ids.organization, { name: 'Design' }, {}])
    expect((await admin.shown()).error).toBe('ArgumentsError: add takes 2 arguments before its options, got 3')

    const log = await suite.playground.logRows()
    expect(log.map(({ call, source }) => `${call} ${source}`)).toEqual(Array(3).fill('GroupEndpoint.add not sent'))
    // Unreadable arguments name no organization: the log keeps the path's placeholder.
    expect(log[0]?.text).toContain('POST /organizations/{organization_id}/groups')
    expect((await suite.server.fakeStatus()).received).toBe(0)

    // The example button puts working arguments back.
    await suite.playground.page.getByTestId('admin-example').click()
    await admin.run('GroupEndpoint.add')
    expect((await admin.shown()).outcome).toMatch(/^✓ 1 request /)
  })

  it('renders a hostile group name as text', async () => {
    await admin.run('GroupEndpoint.add', [ids.organization, { name: HOSTILE_NAME }])
    expect(await admin.result()).toMatchObject({ name: HOSTILE_NAME })
    await admin.run('GroupEndpoint.collect')
    expect((await admin.shown()).result).toContain(JSON.stringify(HOSTILE_NAME))
    await suite.playground.page.waitForTimeout(300)
    expect(await suite.playground.page.locator('img').count()).toBe(0)
    expect(suite.playground.dialogs).toEqual([])
  })

  it('keeps each quota window apart on the meter', async () => {
    await admin.run('RoleEndpoint.collect')
    expect(await suite.playground.page.getByTestId('quota-text').textContent()).toMatch(
      new RegExp(`^119 requests left this hour in organization ${ids.organization};`),
    )
    await admin.run('QuotaEndpoint.collect')
    const windows = await admin.result<{ organizationId: number | null; remaining: number; total: number }[]>()
    expect(windows).toEqual([
      expect.objectContaining({ organizationId: null, remaining: 119, total: 120 }),
      expect.objectContaining({ organizationId: ids.organization, remaining: 119, total: 120 }),
      expect.objectContaining({ organizationId: ids.premiumOrganization, remaining: 120, total: 120 }),
      expect.objectContaining({ organizationId: ids.transferOrganization, remaining: 120, total: 120 }),
    ])
    expect(await suite.playground.page.getByTestId('quota-window').allTextContents()).toEqual([
      `organization ${ids.organization}: 119 of 120 left`,
      'your own window (/me and new organizations): 119 of 120 left',
      `organization ${ids.premiumOrganization}: 120 of 120 left`,
      `organization ${ids.transferOrganization}: 120 of 120 left`,
    ])
  })

  it('runs every call’s example on a freshly seeded fake', async () => {
    const offered = await suite.playground.page.locator('[data-testid="admin-call"] option').evaluateAll((options) =>
      options.map((option) => (option as HTMLOptionElement).value),
    )
    expect(offered).toEqual(ADMIN_CALLS.map(({ name }) => name))
    const failures: string[] = []
    for (const name of offered) {
      await suite.server.resetFake()
      // A cached answer would describe the fake before the reset.
      await suite.playground.page.getByTestId('cache-clear').click()
      await suite.playground.page.getByTestId('cache-summary').filter({ hasText: 'The cache is empty.' }).waitFor()
      await admin.run(name)
      const { outcome, error } = await admin.shown()
      if (!outcome.startsWith('✓')) failures.push(`${name}: ${outcome} ${error}`)
    }
    expect(failures).toEqual([])
  })
})
