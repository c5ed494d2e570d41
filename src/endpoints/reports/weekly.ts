import type { BasicAuth } from '../../core/auth.ts'
import type { TogglCache } from '../../cache/types.ts'
import type { EndpointOptions } from '../../core/options.ts'
import {
  WeeklyExportInputSchema,
  WeeklyPdfExportInputSchema,
  WeeklyReportInputSchema,
  WeeklyRowListSchema,
  type WeeklyExportInput,
  type WeeklyPdfExportInput,
  type WeeklyReportInput,
  type WeeklyRow,
} from '../../schemas/reports/weekly.ts'
import type { CallOptions, ReadOptions } from '../arguments.ts'
import type { WorkspaceRef } from '../organizations/organization-workspaces.ts'
import { OperationEndpoint } from '../operation-endpoint.ts'
import { operation } from '../operation.ts'
import { formatOf, ReportFileSchema, typedFile } from './files.ts'

const SEARCH = operation({
  api: 'reports',
  method: 'POST',
  path: '/reports/api/v3/workspace/{workspace_id}/weekly/time_entries',
  read: true,
  cached: true,
  body: WeeklyReportInputSchema,
  reply: WeeklyRowListSchema,
})
const EXPORT_CSV = operation({
  api: 'reports',
  method: 'POST',
  path: '/reports/api/v3/workspace/{workspace_id}/weekly/time_entries.csv',
  read: true,
  binary: true,
  body: WeeklyExportInputSchema,
  reply: ReportFileSchema,
})
const EXPORT_PDF = operation({
  api: 'reports',
  method: 'POST',
  path: '/reports/api/v3/workspace/{workspace_id}/weekly/time_entries.pdf',
  read: true,
  binary: true,
  body: WeeklyPdfExportInputSchema,
  reply: ReportFileSchema,
})

/**
 * Weekly reports (Reports API v3): each user's time per project, day by day. Both calls are POSTs
 * that only read: retried like a GET after a 5xx; the report (not its exports) is answered from a
 * cache while fresh. Each draws on the workspace's organization's quota.
 *
 * @example
 * const weekly = new WeeklyReportEndpoint(auth)
 * const rows = await weekly.search(workspaceId, { start_date: '2024-12-16', end_date: '2024-12-22' })
 * const pdf = await weekly.export(workspaceId, { start_date: '2024-12-16', end_date: '2024-12-22' }, 'pdf')
 */
export class WeeklyReportEndpoint extends OperationEndpoint {
  constructor(auth: BasicAuth, cache?: TogglCache | null, options?: EndpointOptions) {
    super(auth, cache, options)
  }

  /**
   * The weekly report: `POST /reports/api/v3/workspace/{id}/weekly/time_entries` with the range
   * and filters. Answers rows `{ user_id, project_id, seconds: [per day], billable_seconds, … }`.
   * Costs 0 requests on a cache hit, 1 otherwise.
   */
  async search(workspace: WorkspaceRef, body: WeeklyReportInput, options?: ReadOptions): Promise<WeeklyRow[]> {
    return this.run(SEARCH, 'WeeklyReportEndpoint.search', { path: { workspace_id: workspace }, body }, options)
  }

  /**
   * The weekly report as a file: `POST …/weekly/time_entries.csv` or `.pdf` with the body of
   * {@link search} plus `grouping` (`users` or `projects`), `calculate`, `group_by_task` (a PDF also
   * `duration_format`, `date_format`, …). Toggl has no XLSX of it: `'xlsx'` is an `InputError`,
   * nothing sent. Answers a `Blob` typed by format. Never cached: 1 request each time.
   */
  async export(workspace: WorkspaceRef, body: WeeklyExportInput | WeeklyPdfExportInput, format: 'csv' | 'pdf', options?: CallOptions): Promise<Blob> {
    const where = 'WeeklyReportEndpoint.export'
    const kind = formatOf(format, ['csv', 'pdf'], where)
    const file = await this.run(kind === 'pdf' ? EXPORT_PDF : EXPORT_CSV, where, { path: { workspace_id: workspace }, body }, options)
    return typedFile(file, kind)
  }
}
