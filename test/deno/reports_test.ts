// The Reports API v3 endpoints under Deno, imported through deno.json's `exports` as a Deno user
// does, against the fake on Deno.serve (loopback only): paging by cursor, exports as Blobs, the
// cache, plan restrictions and bad input.
import assert from 'node:assert/strict'
import {
  BasicAuth,
  DetailedReportEndpoint,
  InputError,
  MemoryCache,
  PlanRestrictionError,
  SummaryReportEndpoint,
  WeeklyReportEndpoint,
  type EndpointOptions,
} from '@togglkit/togglkit'
import { createTogglMock, DEMO_ACCOUNT, type TogglMock } from '@togglkit/togglkit/mock'

const auth = BasicAuth.fromApiToken(DEMO_ACCOUNT.apiToken)
const WEEK = { start_date: '2024-12-16', end_date: '2024-12-22' }

/** Runs `body` against a fake on Deno.serve where Acme (Premium) has `entries` one-minute entries in the week, and Solo (Free) has none. */
async function withReports(entries: number, body: (options: EndpointOptions, mock: TogglMock, ids: { acme: number; solo: number }) => Promise<void>): Promise<void> {
  const mock = createTogglMock({
    organizations: [
      { name: 'Acme', memberIds: [DEMO_ACCOUNT.id], pricingPlanName: 'Premium' },
      { name: 'Solo', memberIds: [DEMO_ACCOUNT.id] },
    ],
    quotaPerHour: Infinity,
  })
  const [acme, solo] = [...mock.state.organizations.values()].map((organization) => organization.workspaces[0]!.id) as [number, number]
  const monday = Date.parse('2024-12-16T09:00:00Z')
  for (let i = 0; i < entries; i++) mock.state.addTimeEntry({ workspaceId: acme, start: monday + i * 60_000, duration: 60, description: `Entry ${i + 1}` })
  const server = Deno.serve({ hostname: '127.0.0.1', port: 0, onListen() {} }, mock.handle)
  try {
    await body({ baseURL: `http://127.0.0.1:${server.addr.port}/api/v9`, retryDelay: 1 }, mock, { acme, solo })
  } finally {
    await server.shutdown()
  }
}

Deno.test('a detailed report of 25 rows, 10 a page, costs 3 requests that follow X-Next-ID and X-Next-Row-Number', async () => {
  await withReports(25, async (options, mock, { acme }) => {
    const detailed = new DetailedReportEndpoint(auth, null, options)
    const rows = await detailed.search(acme, { ...WEEK, page_size: 10 }).all()
    assert.deepEqual(
      rows.map((row) => row.description),
      Array.from({ length: 25 }, (_, i) => `Entry ${i + 1}`),
    )
    assert.deepEqual(
      mock.requests.map(({ path, body }) => [path, (body as Record<string, unknown>)['first_row_number']]),
      [
        [`/reports/api/v3/workspace/${acme}/search/time_entries`, undefined],
        [`/reports/api/v3/workspace/${acme}/search/time_entries`, 11],
        [`/reports/api/v3/workspace/${acme}/search/time_entries`, 21],
      ],
    )
    let seen = 0
    for await (const _row of detailed.search(acme, { ...WEEK, page_size: 10 })) if (++seen === 5) break
    assert.equal(mock.requests.length, 4, 'a loop that breaks on the first page sends nothing more')
  })
})

Deno.test('exports come back as Blobs typed by format', async () => {
  await withReports(2, async (options, mock, { acme }) => {
    const detailed = new DetailedReportEndpoint(auth, null, options)
    const csv = await detailed.export(acme, { ...WEEK, duration_format: 'decimal' }, 'csv')
    assert.ok(csv instanceof Blob)
    assert.equal(csv.type, 'text/csv')
    assert.match(await csv.text(), /^User,Email,Client,Project,Task,Description,.*\r\nDemo User,demo@example\.com,,,,Entry 1,No,2024-12-16,09:00:00,/)
    const xlsx = await detailed.export(acme, WEEK, 'xlsx')
    assert.equal(xlsx.type, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    assert.deepEqual([...new Uint8Array(await xlsx.arrayBuffer()).slice(0, 4)], [0x50, 0x4b, 0x03, 0x04])
    const pdf = await new WeeklyReportEndpoint(auth, null, options).export(acme, WEEK, 'pdf')
    assert.equal(pdf.type, 'application/pdf')
    assert.ok((await pdf.text()).startsWith('%PDF-1.4'))
    assert.equal(mock.requests.length, 3)
  })
})

Deno.test('a summary is answered from the cache the second time; a premium filter on Free is a PlanRestrictionError', async () => {
  await withReports(3, async (options, mock, { acme, solo }) => {
    const summaries = new SummaryReportEndpoint(auth, new MemoryCache(), options)
    const first = await summaries.search(acme, { ...WEEK, grouping: 'users' })
    assert.equal(first.groups[0]?.sub_groups.length, 3)
    assert.deepEqual(await summaries.search(acme, { grouping: 'users', ...WEEK }), first)
    assert.equal(mock.requests.length, 1)
    await assert.rejects(summaries.search(solo, { ...WEEK, billable: true }), PlanRestrictionError)
  })
})

Deno.test('bad input throws InputError and sends nothing', async () => {
  await withReports(0, async (options, mock, { acme }) => {
    const weekly = new WeeklyReportEndpoint(auth, null, options)
    await assert.rejects(weekly.export(acme, WEEK, 'xlsx' as 'csv'), InputError)
    await assert.rejects(weekly.search(acme, { start_date: '2024-12-22', end_date: '2024-12-16' }), InputError)
    assert.throws(() => new DetailedReportEndpoint(auth, null, options).search(acme, { ...WEEK, order_dir: 'down' as 'ASC' }), InputError)
    assert.equal(mock.requests.length, 0)
  })
})
