// The tracked time of the detailed-report benchmark, seeded into each fresh fake of the worker.

/** How many rows the report has: one per time entry. */
export const ROWS = 10_000
/** The seeded workspace: the fake's first (the ids it gives are fixed). */
export const WORKSPACE_ID = 8_000_001
/** The report's range: every entry starts in it. */
export const RANGE = { start_date: '2024-01-01', end_date: '2024-12-31' }

/** 10,000 entries of 25 minutes, one every 51 minutes from 2024-01-01 on, on 4 projects, a third of them billable. */
export function seed(mock) {
  const { state } = mock
  const projects = ['Website', 'Mobile app', 'Research', 'Support'].map((name) => state.addProject({ workspaceId: WORKSPACE_ID, name, rate: 90 }))
  const start = Date.parse(`${RANGE.start_date}T00:00:00Z`)
  for (let i = 0; i < ROWS; i++) {
    state.addTimeEntry({
      workspaceId: WORKSPACE_ID,
      start: start + i * 3_600_000 * 0.85,
      duration: 25 * 60,
      description: `Task ${i % 97}: review and follow-up`,
      projectId: projects[i % projects.length].id,
      billable: i % 3 === 0,
    })
  }
}
