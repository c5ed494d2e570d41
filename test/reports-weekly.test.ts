import { describe, expect, it } from 'vitest'
import { InputError, MemoryCache, PlanRestrictionError, WeeklyReportEndpoint, type WeeklyExportInput, type WeeklyReportInput } from '../src/index.ts'
import { DEMO_ACCOUNT } from '../src/mock/index.ts'
import { expectStatus } from './support/fake.ts'
import { OTHER } from './support/organizations.ts'
import { reportWorld, WEEK } from './support/reports.ts'

const path = (workspaceId: number, rest = '') => `/reports/api/v3/workspace/${workspaceId}/weekly/time_entries${rest}`

describe('WeeklyReportEndpoint.search', () => {
  it('sends POST …/weekly/time_entries with the body and answers each user\'s time per project, day by day', async () => {
    const { fake, ws, website } = await reportWorld()
    const rows = await fake.endpoint(WeeklyReportEndpoint).search(ws.id, { ...WEEK, project_ids: [website.id] })
    expect(fake.last()).toEqual({ method: 'POST', path: path(ws.id), query: {}, body: { ...WEEK, project_ids: [website.id] } })
    expect(rows).toEqual([
      {
        user_id: DEMO_ACCOUNT.id,
        user_name: 'Demo User',
        project_id: website.id,
        project_name: 'Website',
        project_color: website.color,
        project_hex_color: website.color,
        client_name: 'Globex',
        planned_task_id: null,
        seconds: [5400, 7200, 0, 0, 0, 0, 0],
        billable_seconds: [5400, 7200, 0, 0, 0, 0, 0],
        billable_amounts_in_cents: [15_000, 20_000, 0, 0, 0, 0, 0],
        hourly_rate_in_cents: 10_000,
        currency: 'EUR',
      },
      expect.objectContaining({ user_id: OTHER.id, project_id: website.id, seconds: [0, 0, 0, 0, 0, 0, 3600] }),
    ])
  })

  it('costs 0 requests on a cache hit, 1 otherwise; retried after a 5xx', async () => {
    const { fake, ws } = await reportWorld()
    const weekly = fake.endpoint(WeeklyReportEndpoint, new MemoryCache())
    fake.mock.inject({ type: 'status', status: 503 })
    const rows = await weekly.search(ws.id, WEEK)
    expect(await weekly.search(ws.id, WEEK)).toEqual(rows)
    expect(fake.mock.requests.map(({ status }) => status)).toEqual([503, 200])
    await weekly.search(ws.id, WEEK, { refresh: true })
    expect(fake.sent()).toBe(3)
  })

  it('takes only the common filters: a summary\'s grouping is an InputError, nothing sent', async () => {
    const { fake, ws } = await reportWorld()
    await expect(fake.endpoint(WeeklyReportEndpoint).search(ws.id, { ...WEEK, grouping: 'users' } as WeeklyReportInput)).rejects.toThrow(
      new InputError('WeeklyReportEndpoint.search: grouping is not a field Toggl takes here'),
    )
    expect(fake.sent()).toBe(0)
  })

  it('is a PlanRestrictionError for a premium filter on Free', async () => {
    const { fake, soloWs } = await reportWorld()
    await expectStatus(fake.endpoint(WeeklyReportEndpoint).search(soloWs.id, { ...WEEK, billable: true }), 402, 'Workspace needs to have this feature enabled', PlanRestrictionError)
  })
})

describe('WeeklyReportEndpoint.export', () => {
  it('sends POST …/weekly/time_entries.csv and answers a text/csv Blob, a column per day', async () => {
    const { fake, ws } = await reportWorld()
    const body: WeeklyExportInput & { duration_format: 'decimal' } = { ...WEEK, user_ids: [OTHER.id], grouping: 'users', duration_format: 'decimal' }
    await expect(fake.endpoint(WeeklyReportEndpoint).export(ws.id, body, 'csv')).rejects.toThrow(
      'WeeklyReportEndpoint.export: duration_format is not a field Toggl takes here',
    )
    const { duration_format: _, ...csvBody } = body
    const file = await fake.endpoint(WeeklyReportEndpoint).export(ws.id, csvBody, 'csv')
    expect(fake.last()).toEqual({ method: 'POST', path: path(ws.id, '.csv'), query: {}, body: csvBody })
    expect(file.type).toBe('text/csv')
    expect(await file.text()).toBe(
      'User,Project,2024-12-16,2024-12-17,2024-12-18,2024-12-19,2024-12-20,2024-12-21,2024-12-22,Total\r\n' +
        'Other Person,Internal,45:00 min,00:00 min,00:00 min,00:00 min,00:00 min,00:00 min,00:00 min,45:00 min\r\n' +
        'Other Person,Website,00:00 min,00:00 min,00:00 min,00:00 min,00:00 min,00:00 min,1:00:00,1:00:00\r\n',
    )
  })

  it('answers a PDF Blob for pdf, with the PDF fields in the body', async () => {
    const { fake, ws } = await reportWorld()
    const file = await fake.endpoint(WeeklyReportEndpoint).export(ws.id, { ...WEEK, calculate: 'amounts', duration_format: 'decimal', logo_url: 'https://example.com/logo.png' }, 'pdf')
    expect(fake.last()).toMatchObject({ path: path(ws.id, '.pdf'), body: { calculate: 'amounts', duration_format: 'decimal' } })
    expect(file.type).toBe('application/pdf')
    expect(await file.text()).toContain('(Website  |  Demo User  |  150.00  |  200.00  |  0.00')
  })

  it('has no XLSX: that format is an InputError, nothing sent; exports are never cached', async () => {
    const { fake, ws } = await reportWorld()
    const weekly = fake.endpoint(WeeklyReportEndpoint, new MemoryCache())
    await expect(weekly.export(ws.id, WEEK, 'xlsx' as 'csv')).rejects.toThrow(
      new InputError("WeeklyReportEndpoint.export: format must be 'csv' or 'pdf', got \"xlsx\""),
    )
    expect(fake.sent()).toBe(0)
    await weekly.export(ws.id, WEEK, 'pdf')
    await weekly.export(ws.id, WEEK, 'pdf')
    expect(fake.sent()).toBe(2)
  })
})
