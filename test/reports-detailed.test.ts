import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DetailedReportEndpoint, InputError, MemoryCache, PageIterator, PlanRestrictionError } from '../src/index.ts'
import { DEMO_ACCOUNT } from '../src/mock/index.ts'
import { expectDrift, expectStatus, failureOf } from './support/fake.ts'
import { OTHER } from './support/organizations.ts'
import { reportWorld, trackMany, WEEK } from './support/reports.ts'

const path = (workspaceId: number, rest = '') => `/reports/api/v3/workspace/${workspaceId}/search/time_entries${rest}`

describe('DetailedReportEndpoint.search', () => {
  it('sends POST …/search/time_entries with the body and answers the rows of what was tracked, oldest first', async () => {
    const { fake, ws, website, design, urgent, entries } = await reportWorld()
    const rows = await fake.endpoint(DetailedReportEndpoint).search(ws.id, { ...WEEK, enrich_response: true }).all()
    expect(fake.last()).toEqual({ method: 'POST', path: path(ws.id), query: {}, body: { ...WEEK, enrich_response: true } })
    // The running entry and the one of the next week are not in the week's report.
    expect(rows.map((row) => row.time_entries.map(({ id }) => id))).toEqual(entries.slice(0, 5).map((id) => [id]))
    expect(rows[0]).toEqual({
      user_id: DEMO_ACCOUNT.id,
      username: 'Demo User',
      email: 'demo@example.com',
      project_id: website.id,
      project_name: 'Website',
      project_color: website.color,
      project_hex: website.color,
      client_name: 'Globex',
      task_id: design.id,
      task_name: 'Design',
      description: 'Homepage',
      billable: true,
      tag_ids: [urgent.id],
      tag_names: ['urgent'],
      row_number: 1,
      billable_amount_in_cents: 15_000,
      hourly_rate_in_cents: 10_000,
      currency: 'EUR',
      time_entries: [{ id: entries[0], seconds: 5400, start: '2024-12-16T09:00:00+00:00', stop: '2024-12-16T10:30:00+00:00', at: expect.any(String) }],
    })
  })

  it.each([
    [6, 3, 2],
    [7, 3, 3],
    [50, undefined, 1],
    [51, undefined, 2],
    [0, 10, 1],
  ])('pages %i rows by %s a page in ⌈n / page_size⌉ requests (at least 1), following X-Next-ID and X-Next-Row-Number', async (n, pageSize, requests) => {
    const world = await reportWorld()
    const { fake, ws } = world
    const body = { start_date: '2024-12-16', end_date: '2024-12-16', user_ids: [DEMO_ACCOUNT.id], project_ids: [null], ...(pageSize ? { page_size: pageSize } : {}) }
    trackMany(world, n)
    const rows = await fake.endpoint(DetailedReportEndpoint).search(ws.id, body).all()
    expect(rows.map((row) => row.description)).toEqual(Array.from({ length: n }, (_, i) => `Entry ${i + 1}`))
    expect(fake.sent()).toBe(requests)
    const size = pageSize ?? 50
    const sent = fake.mock.requests.map((request) => request.body)
    // Each later page repeats the body with the cursor of the page before: its first row.
    expect(sent).toEqual(
      Array.from({ length: requests }, (_, page) => {
        if (page === 0) return body
        const first = rows[page * size]!
        return { ...body, first_id: first.time_entries[0]!.id, first_row_number: page * size + 1 }
      }),
    )
  })

  it('yields pages with their cursor, numbered from 1, the last with next: null', async () => {
    const world = await reportWorld()
    trackMany(world, 5)
    const body = { start_date: '2024-12-16', end_date: '2024-12-16', project_ids: [null], page_size: 2 }
    const pages = []
    for await (const page of world.fake.endpoint(DetailedReportEndpoint).search(world.ws.id, body).pages()) pages.push(page)
    expect(pages.map(({ page, perPage, pages, records, items }) => ({ page, perPage, pages, records, rows: items.length }))).toEqual([
      { page: 1, perPage: 2, pages: undefined, records: undefined, rows: 2 },
      { page: 2, perPage: 2, pages: undefined, records: undefined, rows: 2 },
      { page: 3, perPage: 2, pages: undefined, records: undefined, rows: 1 },
    ])
    expect(pages.map(({ next }) => next)).toEqual([
      { first_id: pages[1]!.items[0]!.time_entries[0]!.id, first_row_number: 3 },
      { first_id: pages[2]!.items[0]!.time_entries[0]!.id, first_row_number: 5 },
      null,
    ])
  })

  it('sends nothing more once the loop breaks, and starts again from the first page on the next loop', async () => {
    const world = await reportWorld()
    trackMany(world, 30)
    const report = world.fake.endpoint(DetailedReportEndpoint).search(world.ws.id, { ...WEEK, page_size: 10 })
    let seen = 0
    for await (const _row of report) if (++seen === 12) break
    expect(world.fake.sent()).toBe(2)
    for await (const _row of report) break
    expect(world.fake.sent()).toBe(3)
    expect(world.fake.last().body).toEqual({ ...WEEK, page_size: 10 })
  })

  it('cost() is 1 for a report of one page and undefined when more follow (Toggl sends no count); the page it fetched is the loop\'s first', async () => {
    const world = await reportWorld()
    const detailed = world.fake.endpoint(DetailedReportEndpoint)
    const one = detailed.search(world.ws.id, WEEK)
    expect(await one.cost()).toBe(1)
    expect(await one.all()).toHaveLength(5)
    expect(world.fake.sent()).toBe(1)
    const three = detailed.search(world.ws.id, { ...WEEK, page_size: 2 })
    expect(await three.cost()).toBeUndefined()
    expect(await three.all()).toHaveLength(5)
    expect(world.fake.sent()).toBe(1 + 3)
  })

  it('is a PageIterator that checks its body at once: bad input throws before anything is sent', async () => {
    const { fake, ws } = await reportWorld()
    const detailed = fake.endpoint(DetailedReportEndpoint)
    expect(detailed.search(ws.id, WEEK)).toBeInstanceOf(PageIterator)
    expect(() => detailed.search(ws.id, { ...WEEK, page_size: 0 })).toThrow(
      new InputError('DetailedReportEndpoint.search: page_size must be a positive whole number, got 0'),
    )
    expect(() => detailed.search(ws.id, { ...WEEK, order_by: 'start' as 'date' })).toThrow(InputError)
    expect(() => detailed.search(0, WEEK)).toThrow('DetailedReportEndpoint.search: workspace must be a positive whole-number id (or a model with one), got 0')
    expect(fake.sent()).toBe(0)
  })

  it('with a cache, a second loop costs 0 requests (each page is kept with its cursor); refresh asks again', async () => {
    const world = await reportWorld()
    trackMany(world, 5)
    const detailed = world.fake.endpoint(DetailedReportEndpoint, new MemoryCache())
    const body = { start_date: '2024-12-16', end_date: '2024-12-16', project_ids: [null], page_size: 2 }
    const first = await detailed.search(world.ws.id, body).all()
    expect(world.fake.sent()).toBe(3)
    expect(await detailed.search(world.ws.id, body).all()).toEqual(first)
    expect(world.fake.sent()).toBe(3)
    await detailed.search(world.ws.id, body, { refresh: true }).all()
    expect(world.fake.sent()).toBe(6)
    // Without a cache every loop asks.
    const uncached = world.fake.endpoint(DetailedReportEndpoint)
    await uncached.search(world.ws.id, body).all()
    await uncached.search(world.ws.id, body).all()
    expect(world.fake.sent()).toBe(12)
  })

  it('retries a page after a 5xx, like a GET', async () => {
    const world = await reportWorld()
    trackMany(world, 3)
    world.fake.mock.inject({ type: 'status', status: 503 })
    const rows = await world.fake.endpoint(DetailedReportEndpoint).search(world.ws.id, { ...WEEK, page_size: 5 }).all()
    expect(rows).toHaveLength(8)
    expect(world.fake.mock.requests.map(({ status }) => status)).toEqual([503, 200, 200])
  })

  it('is a PlanRestrictionError for a premium filter on a Free workspace (402 without quota headers), sent once', async () => {
    const { fake, soloWs } = await reportWorld()
    const error = await failureOf(fake.endpoint(DetailedReportEndpoint).search(soloWs.id, { ...WEEK, billable: false }).all())
    expect(error).toBeInstanceOf(PlanRestrictionError)
    expect(error).toMatchObject({ status: 402, serverMessage: 'Workspace needs to have this feature enabled' })
    expect(fake.sent()).toBe(1)
  })

  it('a row that drifted is a ResponseValidationError naming its path', async () => {
    const { fake, ws } = await reportWorld()
    fake.replyOnce('[{"user_id":1,"time_entries":[{"id":"7","seconds":1,"start":"x"}]}]')
    await expectDrift(fake.endpoint(DetailedReportEndpoint).search(ws.id, WEEK).all(), '$[0].time_entries[0].id')
  })
})

describe('DetailedReportEndpoint.page', () => {
  it('answers one page and its cursor; sending the cursor back gives the next page', async () => {
    const world = await reportWorld()
    const detailed = world.fake.endpoint(DetailedReportEndpoint)
    const first = await detailed.page(world.ws.id, { ...WEEK, page_size: 3 })
    expect(first.items.map((row) => row.row_number)).toEqual([1, 2, 3])
    expect(first.next).toEqual({ first_id: world.entries[3], first_row_number: 4 })
    const second = await detailed.page(world.ws.id, { ...WEEK, page_size: 3, ...first.next })
    expect(world.fake.last().body).toEqual({ ...WEEK, page_size: 3, first_id: world.entries[3], first_row_number: 4 })
    expect(second).toMatchObject({ page: 2, perPage: 3, next: null })
    expect(second.items.map((row) => row.row_number)).toEqual([4, 5])
  })

  it('costs 0 requests on a cache hit, 1 otherwise', async () => {
    const { fake, ws } = await reportWorld()
    const detailed = fake.endpoint(DetailedReportEndpoint, new MemoryCache())
    const page = await detailed.page(ws.id, { ...WEEK, page_size: 2 })
    expect(await detailed.page(ws.id, { page_size: 2, ...WEEK })).toEqual(page)
    expect(fake.sent()).toBe(1)
    await detailed.page(ws.id, { ...WEEK, page_size: 3 })
    expect(fake.sent()).toBe(2)
  })

  it('shows a member who is no admin only their own entries (the fake\'s rule)', async () => {
    const { fake, ws } = await reportWorld()
    const page = await fake.endpointAs(OTHER, DetailedReportEndpoint).page(ws.id, WEEK)
    expect(page.items.map((row) => [row.user_id, row.description])).toEqual([
      [OTHER.id, 'Standup'],
      [OTHER.id, 'Review'],
    ])
  })

  it('groups alike entries into one row with grouped: true', async () => {
    const { fake, ws, entries } = await reportWorld()
    const page = await fake.endpoint(DetailedReportEndpoint).page(ws.id, { ...WEEK, grouped: true, user_ids: [DEMO_ACCOUNT.id], tag_ids: [null] })
    // Demo's untagged entries: Tuesday's Homepage and Wednesday's Email; each alone in its row.
    expect(page.items.map((row) => row.time_entries.map(({ id }) => id))).toEqual([[entries[2]], [entries[3]]])
  })
})

describe('DetailedReportEndpoint.totals', () => {
  it('sends POST …/search/time_entries/totals and answers the sums of what was tracked, with a graph by day', async () => {
    const { fake, ws } = await reportWorld()
    const totals = await fake.endpoint(DetailedReportEndpoint).totals(ws.id, { ...WEEK, with_graph: true, granularity: 'day' })
    expect(fake.last()).toEqual({ method: 'POST', path: path(ws.id, '/totals'), query: {}, body: { ...WEEK, with_graph: true, granularity: 'day' } })
    expect(totals).toMatchObject({
      seconds: 5400 + 2700 + 7200 + 1200 + 3600,
      tracked_days: 4,
      billable_amount_in_cents: 45_000,
      resolution: 'day',
      rates: [{ billable_seconds: 16_200, hourly_rate_in_cents: 10_000, currency: 'EUR' }],
    })
    expect(totals.graph?.map(({ seconds }) => seconds)).toEqual([8100, 7200, 1200, 0, 0, 0, 3600])
  })

  it('costs 0 requests on a cache hit, 1 otherwise', async () => {
    const { fake, ws } = await reportWorld()
    const detailed = fake.endpoint(DetailedReportEndpoint, new MemoryCache())
    await detailed.totals(ws.id, WEEK)
    await detailed.totals(ws.id, WEEK)
    expect(fake.sent()).toBe(1)
    await detailed.totals(ws.id, WEEK, { refresh: true })
    expect(fake.sent()).toBe(2)
  })

  it('refuses a granularity Toggl does not have, sending nothing', async () => {
    const { fake, ws } = await reportWorld()
    await expect(fake.endpoint(DetailedReportEndpoint).totals(ws.id, { ...WEEK, granularity: 'year' as 'day' })).rejects.toThrow(
      "DetailedReportEndpoint.totals: granularity must be 'day', 'week' or 'month', got \"year\"",
    )
    expect(fake.sent()).toBe(0)
  })
})

describe('DetailedReportEndpoint.export', () => {
  it('sends POST …/search/time_entries.csv and answers a text/csv Blob of every row', async () => {
    const { fake, ws } = await reportWorld()
    const file = await fake.endpoint(DetailedReportEndpoint).export(ws.id, { ...WEEK, user_ids: [OTHER.id], duration_format: 'improved' }, 'csv')
    expect(fake.last()).toEqual({ method: 'POST', path: path(ws.id, '.csv'), query: {}, body: { ...WEEK, user_ids: [OTHER.id], duration_format: 'improved' } })
    expect(file).toBeInstanceOf(Blob)
    expect(file.type).toBe('text/csv')
    expect(await file.text()).toBe(
      'User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,End time,Duration,Tags\r\n' +
        'Other Person,other@example.com,,Internal,,Standup,No,2024-12-16,11:00:00,2024-12-16,11:45:00,0:45:00,\r\n' +
        'Other Person,other@example.com,Globex,Website,,Review,Yes,2024-12-22,10:00:00,2024-12-22,11:00:00,1:00:00,urgent\r\n',
    )
  })

  it('answers an XLSX Blob typed as Excel wants, though Toggl says text/xlsx: a ZIP of the workbook parts', async () => {
    const { fake, ws } = await reportWorld()
    const file = await fake.endpoint(DetailedReportEndpoint).export(ws.id, WEEK, 'xlsx')
    expect(fake.last().path).toBe(path(ws.id, '.xlsx'))
    expect(file.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    const bytes = new Uint8Array(await file.arrayBuffer())
    expect([...bytes.slice(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04])
    const text = new TextDecoder().decode(bytes)
    for (const part of ['[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml']) expect(text).toContain(part)
    expect(text).toContain('<c r="F3" t="inlineStr"><is><t xml:space="preserve">Standup</t></is></c>')
  })

  it('answers a PDF Blob (application/pdf) for pdf, with the PDF fields in the body', async () => {
    const { fake, ws } = await reportWorld()
    const file = await fake.endpoint(DetailedReportEndpoint).export(ws.id, { ...WEEK, date_format: 'DD.MM.YYYY', hour_format: 'H:mm' }, 'pdf')
    expect(fake.last()).toMatchObject({ path: path(ws.id, '.pdf'), body: { ...WEEK, date_format: 'DD.MM.YYYY', hour_format: 'H:mm' } })
    expect(file.type).toBe('application/pdf')
    const text = await file.text()
    expect(text.startsWith('%PDF-1.4\n')).toBe(true)
    expect(text).toContain('(Other Person  |  other@example.com  |    |  Internal  |    |  Standup')
    expect(text.trimEnd().endsWith('%%EOF')).toBe(true)
  })

  it('is never cached: each export costs 1 request, with a cache too', async () => {
    const { fake, ws } = await reportWorld()
    const detailed = fake.endpoint(DetailedReportEndpoint, new MemoryCache())
    await detailed.export(ws.id, WEEK, 'csv')
    await detailed.export(ws.id, WEEK, 'csv')
    expect(fake.sent()).toBe(2)
  })

  it('is retried after a 5xx', async () => {
    const { fake, ws } = await reportWorld()
    fake.mock.inject({ type: 'status', status: 502 })
    expect((await fake.endpoint(DetailedReportEndpoint).export(ws.id, WEEK, 'csv')).type).toBe('text/csv')
    expect(fake.sent()).toBe(2)
  })

  it('refuses another format, and a PDF field in a CSV body, sending nothing', async () => {
    const { fake, ws } = await reportWorld()
    const detailed = fake.endpoint(DetailedReportEndpoint)
    await expect(detailed.export(ws.id, WEEK, 'docx' as 'csv')).rejects.toThrow(
      new InputError("DetailedReportEndpoint.export: format must be 'csv', 'pdf' or 'xlsx', got \"docx\""),
    )
    await expect(detailed.export(ws.id, { ...WEEK, date_format: 'YYYY-MM-DD' }, 'csv')).rejects.toThrow(
      'DetailedReportEndpoint.export: date_format is not a field Toggl takes here',
    )
    expect(fake.sent()).toBe(0)
  })

  it('is a PlanRestrictionError for a premium filter on Free', async () => {
    const { fake, soloWs } = await reportWorld()
    await expectStatus(
      fake.endpoint(DetailedReportEndpoint).export(soloWs.id, { ...WEEK, min_duration_seconds: 60 }, 'pdf'),
      402,
      'Workspace needs to have this feature enabled',
      PlanRestrictionError,
    )
  })
})

describe('saving an export in Node', () => {
  it('writes the Blob\'s bytes to a file, as the README shows', async () => {
    const { fake, ws } = await reportWorld()
    const detailed = fake.endpoint(DetailedReportEndpoint)
    const [workspaceId, december] = [ws.id, WEEK]
    const folder = await mkdtemp(join(tmpdir(), 'togglkit-export-'))
    try {
      // The README's lines, writing into a scratch folder:
      const file = await detailed.export(workspaceId, december, 'xlsx')
      await writeFile(join(folder, 'december.xlsx'), new Uint8Array(await file.arrayBuffer()))

      const saved = await readFile(join(folder, 'december.xlsx'))
      expect(saved.byteLength).toBe(file.size)
      expect([...saved.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04])
    } finally {
      await rm(folder, { recursive: true, force: true })
    }
  })
})
