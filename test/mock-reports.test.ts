// The fake's Reports API v3, asked with raw requests: Toggl's refusals (the spec's strings), its
// headers, and the fake's own rules where Toggl documents nothing (marked as such).
import { describe, expect, it } from 'vitest'
import { DEMO_ACCOUNT, type MockAccount } from '../src/mock/index.ts'
import { OTHER } from './support/organizations.ts'
import { WEEK } from './support/reports.ts'
import { expectError, ok, world, type Reply } from './support/tracking.ts'

/** Acme's week: one billable hour of Demo's on a project at 80.00 an hour, a running entry, a deleted one. */
function reports(options: Parameters<typeof world>[0] = {}) {
  const setup = world(options)
  const { mock, ws } = setup
  const project = mock.state.addProject({ workspaceId: ws.id, name: 'Site', rate: 80 })
  const hour = mock.state.addTimeEntry({ workspaceId: ws.id, start: '2024-12-16T09:00:00Z', duration: 3600, projectId: project.id, billable: true, description: 'Build' })
  const gone = mock.state.addTimeEntry({ workspaceId: ws.id, start: '2024-12-16T11:00:00Z', duration: 600, description: 'Gone' })
  mock.state.remove('time_entry', gone, DEMO_ACCOUNT.id)
  mock.state.addTimeEntry({ workspaceId: ws.id, start: '2024-12-16T12:00:00Z', stop: null, description: 'Running' })
  /** One request to `/reports/api/v3/{path}`; objects go as JSON. */
  const report = (path: string, body?: unknown, as?: MockAccount): Promise<Reply> => setup.request('POST', `/reports/api/v3/${path}`, body, as)
  return { ...setup, project, hour, report }
}

describe('the fake Reports API: refusals', () => {
  it('answers 400 "At least one parameter must be set" for an empty body', async () => {
    const { report, ws } = reports()
    expectError(await report(`workspace/${ws.id}/summary/time_entries`, {}), 400, 'At least one parameter must be set')
    expectError(await report(`workspace/${ws.id}/search/time_entries`), 400, 'At least one parameter must be set')
  })

  it('answers 400 "Invalid workspace id" and 403 "Workspace not found/accessible"', async () => {
    const { report, initechWs } = reports()
    expectError(await report('workspace/abc/weekly/time_entries', WEEK), 400, 'Invalid workspace id')
    expectError(await report(`workspace/${initechWs.id}/weekly/time_entries`, WEEK), 403, 'Workspace not found/accessible')
    expectError(await report('workspace/99/weekly/time_entries', WEEK), 403, 'Workspace not found/accessible')
  })

  it('refuses dates as the project summary documents it: required, formatted, within 2006-01-01 to 2030-01-01', async () => {
    const { report, ws, project } = reports()
    const at = `workspace/${ws.id}/projects/${project.id}/summary`
    expectError(await report(at, { end_date: '2024-12-22' }), 400, 'The start_date parameter is required')
    expectError(await report(at, { start_date: '16.12.2024' }), 400, 'Invalid start_date format')
    expectError(await report(at, { start_date: '2024-12-16', end_date: '2024-13-01' }), 400, 'Invalid end_date format')
    expectError(await report(at, { start_date: '2005-12-31' }), 400, 'start_date should be within 2006-01-01 to 2030-01-01')
    expectError(await report(`workspace/${ws.id}/projects/x/summary`, WEEK), 400, 'Invalid project id')
  })

  it('refuses an end before the start and a range over a year with its own words (the fake\'s rule: Toggl\'s are not documented)', async () => {
    const { report, ws } = reports()
    expectError(await report(`workspace/${ws.id}/search/time_entries`, { start_date: '2024-12-16', end_date: '2024-12-15' }), 400, 'end_date should not be before start_date')
    expectError(
      await report(`workspace/${ws.id}/search/time_entries`, { start_date: '2024-01-01', end_date: '2025-01-01' }),
      400,
      'The date range should not be longer than one year',
    )
    ok(await report(`workspace/${ws.id}/search/time_entries`, { start_date: '2024-01-01', end_date: '2024-12-31' }))
  })

  it('answers Toggl\'s "Invalid \'{parameter}\' value, allowed values are: \'{valid_values}\'" for a value it lacks', async () => {
    const { report, ws } = reports()
    expectError(
      await report(`workspace/${ws.id}/search/time_entries`, { ...WEEK, order_by: 'start' }),
      400,
      "Invalid 'order_by' value, allowed values are: 'date, user, duration, description, last_update'",
    )
    expectError(
      await report(`workspace/${ws.id}/summary/time_entries`, { ...WEEK, grouping: 'projects', sub_grouping: 'clients' }),
      400,
      "Invalid 'sub_grouping' value, allowed values are: 'time_entries, tasks, users'",
    )
    expectError(
      await report(`workspace/${ws.id}/search/time_entries`, { ...WEEK, rounding_minutes: 7 }),
      400,
      "Invalid 'rounding_minutes' value, allowed values are: '0, 1, 5, 6, 10, 12, 15, 30, 60, 240'",
    )
  })

  it('refuses a field of the wrong type as "Invalid JSON input" (the fake\'s rule, as for v9 bodies) and ignores fields it does not know, as Go does', async () => {
    const { report, ws } = reports()
    expectError(await report(`workspace/${ws.id}/search/time_entries`, { ...WEEK, page_size: '10' }), 400, 'Invalid JSON input')
    expectError(await report(`workspace/${ws.id}/search/time_entries`, '{"start_date":'), 400, 'Invalid JSON input')
    expect(ok<unknown[]>(await report(`workspace/${ws.id}/search/time_entries`, { ...WEEK, colour: 'red' }))).toHaveLength(1)
  })

  it('answers the weekly report\'s "The \'{parameter}\' parameter is not supported" for fields beyond the common ones', async () => {
    const { report, ws } = reports()
    expectError(await report(`workspace/${ws.id}/weekly/time_entries`, { ...WEEK, grouping: 'users' }), 400, "The 'grouping' parameter is not supported")
    expectError(await report(`workspace/${ws.id}/weekly/time_entries.csv`, { ...WEEK, page_size: 5 }), 400, "The 'page_size' parameter is not supported")
    expect(ok<unknown[]>(await report(`workspace/${ws.id}/weekly/time_entries`, WEEK))).toHaveLength(1)
  })

  it('refuses premium filters on a Free workspace with 402 "Workspace needs to have this feature enabled", without quota headers', async () => {
    const { report, soloWs, ws } = reports({ quotaPerHour: 100 })
    for (const premium of [{ billable: false }, { min_duration_seconds: 1 }, { max_duration_seconds: 60 }, { audit: {} }]) {
      const reply = await report(`workspace/${soloWs.id}/summary/time_entries`, { ...WEEK, ...premium })
      expectError(reply, 402, 'Workspace needs to have this feature enabled')
      expect(reply.headers.has('x-toggl-quota-remaining')).toBe(false)
    }
    ok(await report(`workspace/${ws.id}/summary/time_entries`, { ...WEEK, billable: false }))
  })
})

describe('the fake Reports API: what it reports', () => {
  it('counts only stopped, undeleted entries of the range (running ones left out: the fake\'s rule)', async () => {
    const { report, ws, hour } = reports()
    const rows = ok<{ time_entries: { id: number }[] }[]>(await report(`workspace/${ws.id}/search/time_entries`, WEEK))
    expect(rows.map((row) => row.time_entries[0]!.id)).toEqual([hour.id])
  })

  it('covers a week from start_date without end_date (the fake\'s reading of toggl/mobileapp#970) and says so in X-Range-Start and X-Range-End', async () => {
    const { report, ws } = reports()
    const reply = await report(`workspace/${ws.id}/search/time_entries/totals`, { start_date: '2024-12-16' })
    expect(ok(reply)).toMatchObject({ seconds: 3600, billable_amount_in_cents: 8000, tracked_days: 1, graph: null })
    expect([reply.headers.get('x-range-start'), reply.headers.get('x-range-end')]).toEqual(['2024-12-16', '2024-12-22'])
  })

  it('tells the grouping it used in X-Grouping and X-Sub-Grouping (projects and time_entries by default)', async () => {
    const { report, ws } = reports()
    const plain = await report(`workspace/${ws.id}/summary/time_entries`, WEEK)
    expect([plain.headers.get('x-grouping'), plain.headers.get('x-sub-grouping')]).toEqual(['projects', 'time_entries'])
    const byUser = await report(`workspace/${ws.id}/summary/time_entries`, { ...WEEK, grouping: 'users', sub_grouping: 'projects' })
    expect([byUser.headers.get('x-grouping'), byUser.headers.get('x-sub-grouping')]).toEqual(['users', 'projects'])
  })

  it('sends X-Next-ID and X-Next-Row-Number only while rows follow: a full last page has none', async () => {
    const { report, ws, mock } = reports()
    mock.state.addTimeEntry({ workspaceId: ws.id, start: '2024-12-17T09:00:00Z', duration: 60, description: 'Second' })
    const first = await report(`workspace/${ws.id}/search/time_entries`, { ...WEEK, page_size: 1 })
    const next = { id: first.headers.get('x-next-id'), row: first.headers.get('x-next-row-number') }
    expect(next.row).toBe('2')
    const last = await report(`workspace/${ws.id}/search/time_entries`, { ...WEEK, page_size: 1, first_id: Number(next.id), first_row_number: 2 })
    expect(ok<{ description: string; row_number: number }[]>(last)).toEqual([expect.objectContaining({ description: 'Second', row_number: 2 })])
    expect([last.headers.has('x-next-id'), last.headers.has('x-next-row-number')]).toEqual([false, false])
  })

  it('rounds as the workspace does when the body does not say (rounding_minutes 15, up)', async () => {
    const { report, ws, mock } = reports()
    Object.assign(ws.settings, { rounding: 1, rounding_minutes: 15 })
    mock.state.addTimeEntry({ workspaceId: ws.id, start: '2024-12-18T09:00:00Z', duration: 61, description: 'Short' })
    const rows = ok<{ description: string; time_entries: { seconds: number }[] }[]>(await report(`workspace/${ws.id}/search/time_entries`, WEEK))
    expect(rows.map((row) => [row.description, row.time_entries[0]!.seconds])).toEqual([
      ['Build', 3600],
      ['Short', 900],
    ])
    const asTracked = ok<{ time_entries: { seconds: number }[] }[]>(await report(`workspace/${ws.id}/search/time_entries`, { ...WEEK, rounding_minutes: 0 }))
    expect(asTracked.map((row) => row.time_entries[0]!.seconds)).toEqual([3600, 61])
  })

  it('shows a member who is no admin only their own entries (the fake\'s rule)', async () => {
    const { report, ws, mock } = reports()
    mock.state.addTimeEntry({ workspaceId: ws.id, userId: OTHER.id, start: '2024-12-17T09:00:00Z', duration: 60, description: 'Theirs' })
    const seen = (rows: { description: string }[]) => rows.map((row) => row.description)
    expect(seen(ok(await report(`workspace/${ws.id}/search/time_entries`, WEEK, OTHER)))).toEqual(['Theirs'])
    expect(seen(ok(await report(`workspace/${ws.id}/search/time_entries`, WEEK)))).toEqual(['Build', 'Theirs'])
  })

  it('answers exports with the media types of Toggl\'s spec (text/xlsx included) and 404 for another extension', async () => {
    const { report, ws } = reports()
    const types = []
    for (const extension of ['csv', 'xlsx', 'pdf']) types.push((await report(`workspace/${ws.id}/search/time_entries.${extension}`, WEEK)).headers.get('content-type'))
    expect(types).toEqual(['text/csv', 'text/xlsx', 'application/pdf'])
    expect((await report(`workspace/${ws.id}/weekly/time_entries.xlsx`, WEEK)).status).toBe(404)
    expect((await report(`workspace/${ws.id}/search/time_entries.docx`, WEEK)).status).toBe(404)
  })

  it('counts report calls against the workspace\'s organization\'s quota window, not the user\'s own', async () => {
    const { report, ws, call } = reports({ quotaPerHour: 2 })
    expect((await report(`workspace/${ws.id}/summary/time_entries`, WEEK)).headers.get('x-toggl-quota-remaining')).toBe('1')
    ok(await report(`workspace/${ws.id}/search/time_entries`, WEEK))
    const spent = await report(`workspace/${ws.id}/weekly/time_entries`, WEEK)
    expect(spent.status).toBe(402)
    expect(spent.headers.get('x-toggl-quota-remaining')).toBe('0')
    expect((await call('GET', '/me')).status).toBe(200)
  })
})
