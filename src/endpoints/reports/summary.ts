import type { BasicAuth } from '../../core/auth.ts'
import type { TogglCache } from '../../cache/types.ts'
import type { EndpointOptions } from '../../core/options.ts'
import { ReportTotalsSchema, type ReportTotals } from '../../schemas/reports/common.ts'
import {
  ProjectUserSummaryListSchema,
  ReportRangeInputSchema,
  SummaryExportInputSchema,
  SummaryPdfExportInputSchema,
  SummaryReportInputSchema,
  SummaryReportSchema,
  type ProjectUserSummary,
  type ReportRangeInput,
  type SummaryExportInput,
  type SummaryPdfExportInput,
  type SummaryReport,
  type SummaryReportInput,
} from '../../schemas/reports/summary.ts'
import type { CallOptions, ReadOptions } from '../arguments.ts'
import type { WorkspaceRef } from '../organizations/organization-workspaces.ts'
import { OperationEndpoint } from '../operation-endpoint.ts'
import { operation } from '../operation.ts'
import { formatOf, ReportFileSchema, SheetExtensionSchema, typedFile, type ReportFormat } from './files.ts'

const SEARCH = operation({
  api: 'reports',
  method: 'POST',
  path: '/reports/api/v3/workspace/{workspace_id}/summary/time_entries',
  read: true,
  cached: true,
  body: SummaryReportInputSchema,
  reply: SummaryReportSchema,
})
const PROJECT_SUMMARY = operation({
  api: 'reports',
  method: 'POST',
  path: '/reports/api/v3/workspace/{workspace_id}/projects/{project_id}/summary',
  read: true,
  cached: true,
  body: ReportRangeInputSchema,
  reply: ReportTotalsSchema,
})
const PROJECT_SUMMARIES = operation({
  api: 'reports',
  method: 'POST',
  path: '/reports/api/v3/workspace/{workspace_id}/projects/summary',
  read: true,
  cached: true,
  body: ReportRangeInputSchema,
  reply: ProjectUserSummaryListSchema,
})
const EXPORT_SHEET = operation({
  api: 'reports',
  method: 'POST',
  path: '/reports/api/v3/workspace/{workspace_id}/summary/time_entries.{extension}',
  params: { extension: SheetExtensionSchema },
  read: true,
  binary: true,
  body: SummaryExportInputSchema,
  reply: ReportFileSchema,
})
const EXPORT_PDF = operation({
  api: 'reports',
  method: 'POST',
  path: '/reports/api/v3/workspace/{workspace_id}/summary/time_entries.pdf',
  read: true,
  binary: true,
  body: SummaryPdfExportInputSchema,
  reply: ReportFileSchema,
})

/**
 * Summary reports (Reports API v3): tracked time of a workspace grouped by project, client or
 * user, and divided into sub-groups; summaries per project; exports. Every call is a POST that
 * only reads: retried like a GET after a 5xx, and with a cache answered from it while fresh (keyed
 * by workspace, path and body), except exports. Each draws on the workspace's organization's quota.
 *
 * @example
 * const summaries = new SummaryReportEndpoint(auth, cache)
 * const { groups } = await summaries.search(workspaceId, { start_date: '2024-12-01', end_date: '2024-12-31', grouping: 'clients' })
 * const csv = await summaries.export(workspaceId, { start_date: '2024-12-01', end_date: '2024-12-31' }, 'csv')
 */
export class SummaryReportEndpoint extends OperationEndpoint {
  constructor(auth: BasicAuth, cache?: TogglCache | null, options?: EndpointOptions) {
    super(auth, cache, options)
  }

  /**
   * The summary report: `POST /reports/api/v3/workspace/{id}/summary/time_entries` with the body
   * (`start_date` required; `grouping` and `sub_grouping`, Toggl's defaults `projects` and
   * `time_entries`; filters). Answers `{ groups: [{ id, sub_groups: [{ id, title, seconds, rates }] }] }`,
   * `id: null` for the group of entries without one. Costs 0 requests on a cache hit, 1 otherwise.
   */
  async search(workspace: WorkspaceRef, body: SummaryReportInput, options?: ReadOptions): Promise<SummaryReport> {
    return this.run(SEARCH, 'SummaryReportEndpoint.search', { path: { workspace_id: workspace }, body }, options)
  }

  /**
   * One project's totals over a range: `POST /reports/api/v3/workspace/{id}/projects/{project_id}/summary`
   * with `{ start_date, end_date? }`. Answers `{ seconds, billable_amount_in_cents, rates, … }`; 403
   * "project not found or not accessible". Costs 0 requests on a cache hit, 1 otherwise.
   */
  async projectSummary(workspace: WorkspaceRef, project: number | { id: number }, range: ReportRangeInput, options?: ReadOptions): Promise<ReportTotals> {
    const path = { workspace_id: workspace, project_id: project }
    return this.run(PROJECT_SUMMARY, 'SummaryReportEndpoint.projectSummary', { path, body: range }, options)
  }

  /**
   * Time per user and project over a range: `POST /reports/api/v3/workspace/{id}/projects/summary`
   * with `{ start_date, end_date? }`. Answers `[{ user_id, project_id, tracked_seconds, billable_seconds }]`.
   * Costs 0 requests on a cache hit, 1 otherwise.
   */
  async projectSummaries(workspace: WorkspaceRef, range: ReportRangeInput, options?: ReadOptions): Promise<ProjectUserSummary[]> {
    return this.run(PROJECT_SUMMARIES, 'SummaryReportEndpoint.projectSummaries', { path: { workspace_id: workspace }, body: range }, options)
  }

  /**
   * The summary report as a file: `POST …/summary/time_entries.csv`, `.xlsx` or `.pdf` with the
   * body of {@link search} plus the export's own fields (`duration_format`, `order_by`, …; a PDF
   * also `date_format`, `cents_separator`, `resolution`). Answers a `Blob` typed by format
   * (`text/csv`, `application/pdf`, the XLSX type). Never cached: 1 request each time. Another
   * format is an `InputError`, nothing sent.
   */
  async export(
    workspace: WorkspaceRef,
    body: SummaryExportInput | SummaryPdfExportInput,
    format: ReportFormat,
    options?: CallOptions,
  ): Promise<Blob> {
    const where = 'SummaryReportEndpoint.export'
    const kind = formatOf(format, ['csv', 'pdf', 'xlsx'], where)
    const file =
      kind === 'pdf'
        ? await this.run(EXPORT_PDF, where, { path: { workspace_id: workspace }, body }, options)
        : await this.run(EXPORT_SHEET, where, { path: { workspace_id: workspace, extension: kind }, body }, options)
    return typedFile(file, kind)
  }
}
