import { beforeEach, describe, expect, it } from 'vitest'
import { DEMO_ACCOUNT } from '../src/mock/index.ts'
import { demoIds } from '../playground/common/demo-fake.ts'
import { usePlayground } from './support/playground.ts'

const ids = demoIds()
const suite = usePlayground()
const TOKEN_FORMS = [DEMO_ACCOUNT.apiToken, btoa(`${DEMO_ACCOUNT.apiToken}:api_token`)]

beforeEach(async () => {
  await suite.playground.explorer.open()
})

/** Everything the page shows, closed disclosures included. */
const pageText = () => suite.playground.page.evaluate(() => document.body.textContent ?? '')

describe('the explorer, in Chromium', () => {
  // The timer has cached the workspace and the entries when the page opened: refresh asks Toggl anyway.
  it.each([
    ['OrganizationEndpoint.collect', 'GET /api/v9/me/organizations', {}],
    ['GroupEndpoint.collect', `GET /api/v9/organizations/${ids.organization}/groups`, {}],
    ['WorkspaceEndpoint.get', `GET /api/v9/workspaces/${ids.workspace}`, { 'option-refresh': true }],
    ['ProjectEndpoint.add', `POST /api/v9/workspaces/${ids.workspace}/projects`, {}],
    ['TimeEntryEndpoint.get', `GET /api/v9/me/time_entries/${ids.timeEntry}`, { 'option-refresh': true }],
    ['SummaryReportEndpoint.search', `POST /reports/api/v3/workspace/${ids.workspace}/summary/time_entries`, {}],
    ['WebhookEndpoint.limits', `GET /webhooks/api/v1/limits/${ids.workspace}`, {}],
  ])('runs %s from its example and shows the request it sent', async (call, request, fields) => {
    const { explorer } = suite.playground
    await explorer.run(call, fields)
    const shown = await explorer.shown()
    expect(shown.outcome).toMatch(/^✓ 1 request · \d+ ms$/)
    expect(shown.error).toBe('')
    expect(() => JSON.parse(shown.result)).not.toThrow()
    const [exchange] = await explorer.exchanges()
    expect(exchange).toMatchObject({ caller: call, status: '200' })
    const details = await explorer.details(0)
    expect(details['request-headers']).toContain('authorization: Basic [redacted]')
    expect(details['response-headers']).toMatch(/x-toggl-quota-remaining: \d+/)
    expect(details['curl']).toContain(`-X ${request.split(' ')[0]} '`)
    expect(details['curl']).toContain(request.split(' ')[1])
    expect(details['curl']).toContain('-u "$TOGGL_API_TOKEN:api_token"')
    for (const secret of TOKEN_FORMS) expect(await pageText()).not.toContain(secret)
  })

  it('shows a body sent and the reply, the call as code with the client options, and the request as curl', async () => {
    const { explorer, page } = suite.playground
    await page.getByTestId('client-options').locator('summary').click()
    await explorer.run('ProjectEndpoint.add', { 'input-name': 'Launch site', 'option-timeout': '5000', 'option-retries': '1' })
    const created = await explorer.result<{ id: number; name: string; client_id: number }>()
    expect(created).toMatchObject({ name: 'Launch site', client_id: ids.client })
    const details = await explorer.details(0)
    expect(JSON.parse(details['request-body']!)).toEqual({ name: 'Launch site', color: '#0b83d9', client_id: ids.client })
    expect(JSON.parse(details['response-body']!)).toMatchObject({ id: created.id, name: 'Launch site' })
    expect(details['curl']).toContain(`--data-raw '{"name":"Launch site","client_id":${ids.client},"color":"#0b83d9"}'`)
    expect((await explorer.shown()).code).toBe(
      [
        "import { BasicAuth, createCache, ProjectEndpoint } from 'togglkit'",
        '',
        'const auth = BasicAuth.fromApiToken(process.env.TOGGL_API_TOKEN)',
        'const projects = new ProjectEndpoint(auth, await createCache(), {"timeout":5000,"retries":1})',
        `console.log(await projects.add(${ids.workspace}, {"name":"Launch site","client_id":${ids.client},"color":"#0b83d9"}))`,
      ].join('\n'),
    )
  })

  it('says when the cache answered, and refresh asks Toggl again', async () => {
    const { explorer } = suite.playground
    await explorer.run('RoleEndpoint.collect')
    expect((await explorer.shown()).outcome).toMatch(/^✓ 1 request/)
    await explorer.run('RoleEndpoint.collect')
    expect((await explorer.shown()).outcome).toMatch(/^✓ answered by the cache, or with nothing to send · 0 requests/)
    expect(await explorer.exchanges()).toEqual([])
    await explorer.run('RoleEndpoint.collect', { 'option-refresh': true })
    expect((await explorer.shown()).outcome).toMatch(/^✓ 1 request/)
  })

  it('redacts credential fields of bodies: a webhook secret in the reply, the validation code in the URL', async () => {
    const { explorer } = suite.playground
    await explorer.run('WebhookEndpoint.collect')
    const details = await explorer.details(0)
    expect(details['response-body']).toContain('"secret": "[redacted]"')
    expect(details['response-body']).not.toContain('seeded-subscription-secret')
    await explorer.run('WebhookEndpoint.validate')
    expect((await explorer.shown()).outcome).toMatch(/^✓ 1 request/)
    const validation = await explorer.details(0)
    expect(validation['curl']).toContain(`/validate/${ids.workspace}/${ids.subscription}/[redacted]'`)
    // The requests shown never hold it (the code you typed is in the form and in "as code", as you wrote it).
    for (const list of ['explorer-requests', 'log-list']) {
      expect(await suite.playground.page.getByTestId(list).evaluate((node) => node.textContent)).not.toContain(ids.validationCode)
    }
  })

  it('refuses bad input with the library’s own error, sending nothing', async () => {
    const { explorer } = suite.playground
    const received = (await suite.server.fakeStatus()).received
    await explorer.run('ProjectEndpoint.get', { project: 'abc' })
    expect(await explorer.shown()).toMatchObject({ outcome: '✗ InputError · nothing was sent', error: expect.stringMatching(/^InputError: ProjectEndpoint\.get: project /) })
    await explorer.run('ProjectEndpoint.add', { 'input-name': '' })
    expect((await explorer.shown()).outcome).toBe('✗ NamingError · nothing was sent')
    await explorer.run('GroupEndpoint.patch', { operations: '[{"op": "add"' })
    expect(await explorer.shown()).toMatchObject({ outcome: '✗ ArgumentsError · nothing was sent', error: expect.stringMatching(/^ArgumentsError: operations is not JSON/) })
    // A client option out of range is the library's InputError too; nothing is clamped.
    await suite.playground.page.getByTestId('client-options').locator('summary').click()
    await explorer.run('OrganizationEndpoint.collect', { 'option-retries': '50' })
    expect(await explorer.shown()).toMatchObject({ outcome: '✗ InputError · nothing was sent', error: expect.stringMatching(/options\.retries must be/) })
    expect((await suite.server.fakeStatus()).received).toBe(received)
  })

  it('runs a listing page by page, and an export as a file', async () => {
    const { explorer } = suite.playground
    await explorer.run('OrganizationUserEndpoint.iterate')
    const pages = await explorer.result<{ page: number; pages: number; items: unknown[] }[]>()
    expect(pages.map(({ page, pages: of }) => `${page}/${of}`)).toEqual(['1/3', '2/3', '3/3'])
    expect(await explorer.exchanges()).toHaveLength(3)
    await explorer.run('DetailedReportEndpoint.export')
    expect(await explorer.result()).toMatchObject({ file: 'text/csv', bytes: expect.any(Number), text: expect.stringContaining(',') })
  })

  it('with reRaise, a missing organization is an HTTPStatusError instead of null', async () => {
    const { explorer, page } = suite.playground
    await explorer.run('OrganizationEndpoint.get', { organization: '999999' })
    expect((await explorer.shown()).result).toBe('null')
    await page.getByTestId('client-options').locator('summary').click()
    await explorer.run('OrganizationEndpoint.get', { organization: '999999', 'option-reRaise': true })
    expect(await explorer.shown()).toMatchObject({ outcome: expect.stringMatching(/^✗ HTTPStatusError · 1 request/), result: expect.stringContaining('"status": 404') })
  })

  it('runs the time entries of the cache: sync, then query with no request', async () => {
    const { explorer } = suite.playground
    await explorer.run('TimeEntryEndpoint.sync')
    // The timer synced when the page opened: this one only asks what changed since.
    expect(await explorer.result()).toMatchObject({ requests: 1, full: false })
    await explorer.run('TimeEntryEndpoint.query')
    expect((await explorer.shown()).outcome).toMatch(/^✓ answered by the cache, or with nothing to send · 0 requests/)
    const entries = await explorer.result<{ project_id: number }[]>()
    expect(entries.every(({ project_id }) => project_id === ids.project)).toBe(true)
  })
})
