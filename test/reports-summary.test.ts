import { describe, expect, it } from 'vitest'
import { InputError, MemoryCache, PlanRestrictionError, SummaryReportEndpoint, type SummaryReportInput } from '../src/index.ts'
import { DEMO_ACCOUNT } from '../src/mock/index.ts'
import { expectDrift, expectStatus } from './support/fake.ts'
import { OTHER } from './support/organizations.ts'
import { reportWorld, WEEK } from './support/reports.ts'

const base = (workspaceId: number) => `/reports/api/v3/workspace/${workspaceId}`
const rate = (seconds: number) => [{ billable_seconds: seconds, hourly_rate_in_cents: 10_000, currency: 'EUR' }]

describe('SummaryReportEndpoint.search', () => {
  it('sends POST …/summary/time_entries with the body and answers the week by project, then description (Toggl\'s defaults)', async () => {
    const { fake, ws, website, internal } = await reportWorld()
    const report = await fake.endpoint(SummaryReportEndpoint).search(ws.id, WEEK)
    expect(fake.last()).toEqual({ method: 'POST', path: `${base(ws.id)}/summary/time_entries`, query: {}, body: WEEK })
    expect(report).toEqual({
      groups: [
        { id: internal.id, sub_groups: [{ id: null, title: 'Standup', seconds: 2700, rates: [], ids: null }] },
        {
          id: website.id,
          sub_groups: [
            { id: null, title: 'Homepage', seconds: 5400 + 7200, rates: rate(12_600), ids: null },
            { id: null, title: 'Review', seconds: 3600, rates: rate(3600), ids: null },
          ],
        },
        // Entries without a project: the group with id null.
        { id: null, sub_groups: [{ id: null, title: 'Email', seconds: 1200, rates: [], ids: null }] },
      ],
    })
  })

  it('groups by users and sub-groups by projects, with the ids of the entries when asked', async () => {
    const { fake, ws, website, internal, entries } = await reportWorld()
    const body: SummaryReportInput = { ...WEEK, grouping: 'users', sub_grouping: 'projects', include_time_entry_ids: true }
    const { groups } = await fake.endpoint(SummaryReportEndpoint).search(ws.id, body)
    expect(groups.map(({ id, sub_groups }) => ({ id, sub: sub_groups.map(({ id, title, seconds, ids }) => ({ id, title, seconds, ids })) }))).toEqual([
      {
        id: DEMO_ACCOUNT.id,
        sub: [
          { id: website.id, title: 'Website', seconds: 12_600, ids: [entries[0], entries[2]] },
          { id: null, title: null, seconds: 1200, ids: [entries[3]] },
        ],
      },
      {
        id: OTHER.id,
        sub: [
          { id: internal.id, title: 'Internal', seconds: 2700, ids: [entries[1]] },
          { id: website.id, title: 'Website', seconds: 3600, ids: [entries[4]] },
        ],
      },
    ])
  })

  it('filters by [null] ("none"), by tags and by rounding what it sums', async () => {
    const { fake, ws, urgent } = await reportWorld()
    const summaries = fake.endpoint(SummaryReportEndpoint)
    const none = await summaries.search(ws.id, { ...WEEK, project_ids: [null] })
    expect(none.groups.map(({ id, sub_groups }) => [id, sub_groups.map(({ title }) => title)])).toEqual([[null, ['Email']]])
    const tagged = await summaries.search(ws.id, { ...WEEK, tag_ids: [urgent.id], rounding: 1, rounding_minutes: 60 })
    // 1:30 and 1:00 of urgent work, each rounded up to a whole hour.
    expect(tagged.groups.flatMap(({ sub_groups }) => sub_groups.map(({ title, seconds }) => [title, seconds]))).toEqual([
      ['Homepage', 7200],
      ['Review', 3600],
    ])
  })

  it('costs 0 requests on a cache hit (the same body in any key order), 1 for another body or with refresh', async () => {
    const { fake, ws } = await reportWorld()
    const summaries = fake.endpoint(SummaryReportEndpoint, new MemoryCache())
    const report = await summaries.search(ws.id, { ...WEEK, grouping: 'clients' })
    expect(await summaries.search(ws.id, { grouping: 'clients', end_date: WEEK.end_date, start_date: WEEK.start_date })).toEqual(report)
    expect(fake.sent()).toBe(1)
    await summaries.search(ws.id, { ...WEEK, grouping: 'users' })
    await summaries.search(ws.id, { ...WEEK, grouping: 'clients' }, { refresh: true })
    expect(fake.sent()).toBe(3)
    const uncached = fake.endpoint(SummaryReportEndpoint)
    await uncached.search(ws.id, WEEK)
    await uncached.search(ws.id, WEEK)
    expect(fake.sent()).toBe(5)
  })

  it('is retried after a 5xx, like a GET', async () => {
    const { fake, ws } = await reportWorld()
    fake.mock.inject({ type: 'status', status: 500 }, 2)
    expect((await fake.endpoint(SummaryReportEndpoint).search(ws.id, WEEK)).groups).toHaveLength(3)
    expect(fake.mock.requests.map(({ status }) => status)).toEqual([500, 500, 200])
  })

  it('is a PlanRestrictionError for premium filters on a Free workspace, and works there without them', async () => {
    const { fake, soloWs } = await reportWorld()
    const summaries = fake.endpoint(SummaryReportEndpoint)
    const premium: SummaryReportInput[] = [
      { ...WEEK, billable: true },
      { ...WEEK, audit: { show_empty_groups: true } },
      { ...WEEK, max_duration_seconds: 600 },
    ]
    for (const body of premium) {
      await expectStatus(summaries.search(soloWs.id, body), 402, 'Workspace needs to have this feature enabled', PlanRestrictionError)
    }
    expect(await summaries.search(soloWs.id, WEEK)).toEqual({ groups: [] })
    expect(fake.sent()).toBe(4)
  })

  it('is Toggl\'s 403 for a workspace that is not yours', async () => {
    const { fake } = await reportWorld()
    await expectStatus(fake.endpoint(SummaryReportEndpoint).search(1234, WEEK), 403, 'Workspace not found/accessible')
  })

  it('reads Toggl\'s null for no groups as []; a drifted group is a ResponseValidationError', async () => {
    const { fake, ws } = await reportWorld()
    const summaries = fake.endpoint(SummaryReportEndpoint)
    fake.replyOnce('{"groups":null}')
    expect(await summaries.search(ws.id, WEEK)).toEqual({ groups: [] })
    fake.replyOnce('{"groups":[{"id":1,"sub_groups":[{"id":null,"title":"x","seconds":"60"}]}]}')
    await expectDrift(summaries.search(ws.id, WEEK), '$.groups[0].sub_groups[0].seconds')
  })

  it.each<[string, unknown, string]>([
    ['a misspelt field', { ...WEEK, groupin: 'users' }, 'groupin is not a field Toggl takes here'],
    ['no start_date', { end_date: '2024-12-22' }, 'start_date must be given'],
    ['a date in another format', { start_date: '16/12/2024' }, 'start_date must be a date as YYYY-MM-DD, got "16/12/2024"'],
    ['a day that is none', { start_date: '2024-02-30' }, 'start_date must be a calendar day, got "2024-02-30"'],
    ['a day before 2006', { start_date: '2005-12-31' }, 'start_date must be within 2006-01-01 to 2030-01-01, got "2005-12-31"'],
    ['an end before the start', { start_date: '2024-12-16', end_date: '2024-12-15' }, 'end_date must not be before start_date, got "2024-12-15"'],
    [
      'a range over a year',
      { start_date: '2024-01-01', end_date: '2025-01-01' },
      'end_date must be at most a year (366 days, both counted) after start_date, got "2025-01-01"',
    ],
    ['a grouping Toggl lacks', { ...WEEK, grouping: 'tags' }, "grouping must be 'projects', 'clients' or 'users', got \"tags\""],
    [
      'a sub-grouping that does not go with the grouping',
      { ...WEEK, grouping: 'projects', sub_grouping: 'clients' },
      'sub_grouping does not go with the grouping (projects: time_entries, tasks, users; clients: those and projects; users: time_entries, tasks, projects, clients), got "clients"',
    ],
    ['rounding minutes Toggl lacks', { ...WEEK, rounding_minutes: 7 }, 'rounding_minutes must be one of 0, 1, 5, 6, 10, 12, 15, 30, 60, 240, got 7'],
    ['an empty id list', { ...WEEK, project_ids: [] }, 'project_ids must name at least one id, or null for none (leave it out for all), got an array'],
    ['a repeated id', { ...WEEK, client_ids: [3, 3] }, 'client_ids must not repeat an id, got an array'],
    ['null among user ids', { ...WEEK, user_ids: [null] }, 'user_ids[0] must be a number, got null'],
    ['an id that is no id', { ...WEEK, tag_ids: [1.5] }, 'tag_ids[0] must be a positive whole number, got 1.5'],
    ['a text billable', { ...WEEK, billable: 'yes' }, 'billable must be true or false, got "yes"'],
    ['an empty duration window', { ...WEEK, min_duration_seconds: 60, max_duration_seconds: 60 }, 'max_duration_seconds must be more than min_duration_seconds, got 60'],
    ['a misspelt audit field', { ...WEEK, audit: { show_empty: true } }, 'audit.show_empty is not a field Toggl takes here'],
    ['no body at all', undefined, 'the report body must be an object, got undefined'],
  ])('refuses %s with InputError, sending nothing', async (_, body, message) => {
    const { fake, ws } = await reportWorld()
    await expect(fake.endpoint(SummaryReportEndpoint).search(ws.id, body as SummaryReportInput)).rejects.toThrow(
      new InputError(`SummaryReportEndpoint.search: ${message}`),
    )
    expect(fake.sent()).toBe(0)
  })
})

describe('SummaryReportEndpoint.projectSummary', () => {
  it('sends POST …/projects/{project_id}/summary with the range and answers the project\'s totals', async () => {
    const { fake, ws, website } = await reportWorld()
    const totals = await fake.endpoint(SummaryReportEndpoint).projectSummary(ws.id, website, WEEK)
    expect(fake.last()).toEqual({ method: 'POST', path: `${base(ws.id)}/projects/${website.id}/summary`, query: {}, body: WEEK })
    expect(totals).toMatchObject({ seconds: 5400 + 7200 + 3600, billable_amount_in_cents: 45_000, tracked_days: 3, rates: rate(16_200) })
  })

  it('costs 0 requests on a cache hit, 1 otherwise', async () => {
    const { fake, ws, website } = await reportWorld()
    const summaries = fake.endpoint(SummaryReportEndpoint, new MemoryCache())
    await summaries.projectSummary(ws.id, website.id, WEEK)
    await summaries.projectSummary(ws.id, website.id, WEEK)
    expect(fake.sent()).toBe(1)
  })

  it('is Toggl\'s 403 for a project outside the workspace', async () => {
    const { fake, ws } = await reportWorld()
    await expectStatus(fake.endpoint(SummaryReportEndpoint).projectSummary(ws.id, 99, WEEK), 403, 'project not found or not accessible')
  })

  it('takes only the range: another field is an InputError, nothing sent', async () => {
    const { fake, ws, website } = await reportWorld()
    await expect(fake.endpoint(SummaryReportEndpoint).projectSummary(ws.id, website, { ...WEEK, grouping: 'users' } as never)).rejects.toThrow(
      'SummaryReportEndpoint.projectSummary: grouping is not a field Toggl takes here',
    )
    expect(fake.sent()).toBe(0)
  })
})

describe('SummaryReportEndpoint.projectSummaries', () => {
  it('sends POST …/projects/summary with the range and answers time per user and project', async () => {
    const { fake, ws, website, internal } = await reportWorld()
    const rows = await fake.endpoint(SummaryReportEndpoint).projectSummaries(ws.id, WEEK)
    expect(fake.last()).toEqual({ method: 'POST', path: `${base(ws.id)}/projects/summary`, query: {}, body: WEEK })
    expect(rows).toEqual([
      { user_id: DEMO_ACCOUNT.id, project_id: website.id, tracked_seconds: 12_600, billable_seconds: 12_600 },
      { user_id: OTHER.id, project_id: website.id, tracked_seconds: 3600, billable_seconds: 3600 },
      { user_id: OTHER.id, project_id: internal.id, tracked_seconds: 2700, billable_seconds: 0 },
    ])
  })

  it('costs 0 requests on a cache hit, 1 otherwise', async () => {
    const { fake, ws } = await reportWorld()
    const summaries = fake.endpoint(SummaryReportEndpoint, new MemoryCache())
    await summaries.projectSummaries(ws.id, WEEK)
    await summaries.projectSummaries(ws.id, WEEK)
    await summaries.projectSummaries(ws.id, { start_date: WEEK.start_date })
    expect(fake.sent()).toBe(2)
  })
})

describe('SummaryReportEndpoint.export', () => {
  it('sends POST …/summary/time_entries.csv and answers a text/csv Blob of the sub-groups', async () => {
    const { fake, ws } = await reportWorld()
    const file = await fake.endpoint(SummaryReportEndpoint).export(ws.id, { ...WEEK, order_by: 'duration', order_dir: 'DESC' }, 'csv')
    expect(fake.last()).toEqual({ method: 'POST', path: `${base(ws.id)}/summary/time_entries.csv`, query: {}, body: { ...WEEK, order_by: 'duration', order_dir: 'DESC' } })
    expect(file.type).toBe('text/csv')
    // Longest first, groups and their sub-groups alike; the group of entries without a project last.
    expect(await file.text()).toBe(
      'Project,Time entry,Duration\r\nWebsite,Homepage,3:30:00\r\nWebsite,Review,1:00:00\r\nInternal,Standup,45:00 min\r\n(no project),Email,20:00 min\r\n',
    )
  })

  it('answers XLSX and PDF Blobs with their own types', async () => {
    const { fake, ws } = await reportWorld()
    const summaries = fake.endpoint(SummaryReportEndpoint)
    const sheet = await summaries.export(ws.id, WEEK, 'xlsx')
    expect(fake.last().path).toBe(`${base(ws.id)}/summary/time_entries.xlsx`)
    expect(sheet.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    expect([...new Uint8Array(await sheet.arrayBuffer()).slice(0, 2)]).toEqual([0x50, 0x4b])
    const pdf = await summaries.export(ws.id, { ...WEEK, resolution: 'week', cents_separator: ',' }, 'pdf')
    expect(fake.last()).toMatchObject({ path: `${base(ws.id)}/summary/time_entries.pdf`, body: { ...WEEK, resolution: 'week', cents_separator: ',' } })
    expect(pdf.type).toBe('application/pdf')
    expect(await pdf.text()).toContain('(Summary report 2024-12-16 - 2024-12-22) Tj')
  })

  it('is never cached, and another format is an InputError, nothing sent', async () => {
    const { fake, ws } = await reportWorld()
    const summaries = fake.endpoint(SummaryReportEndpoint, new MemoryCache())
    await summaries.export(ws.id, WEEK, 'csv')
    await summaries.export(ws.id, WEEK, 'csv')
    expect(fake.sent()).toBe(2)
    await expect(summaries.export(ws.id, WEEK, 'json' as 'csv')).rejects.toThrow("SummaryReportEndpoint.export: format must be 'csv', 'pdf' or 'xlsx', got \"json\"")
    expect(fake.sent()).toBe(2)
  })
})
