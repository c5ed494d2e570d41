import * as v from 'valibot'
import type { BasicAuth } from '../../core/auth.ts'
import type { TogglCache } from '../../cache/types.ts'
import type { EndpointOptions } from '../../core/options.ts'
import { ReportTotalsSchema, type ReportTotals } from '../../schemas/reports/common.ts'
import {
  DEFAULT_PAGE_SIZE,
  DetailedCursorSchema,
  DetailedExportInputSchema,
  DetailedPdfExportInputSchema,
  DetailedReportInputSchema,
  DetailedRowListSchema,
  DetailedTotalsInputSchema,
  type DetailedCursor,
  type DetailedExportInput,
  type DetailedPdfExportInput,
  type DetailedReportInput,
  type DetailedRow,
  type DetailedTotalsInput,
} from '../../schemas/reports/detailed.ts'
import { callOptionsOf, type CallOptions, type ReadOptions } from '../arguments.ts'
import type { WorkspaceRef } from '../organizations/organization-workspaces.ts'
import { OperationEndpoint, type PreparedCall } from '../operation-endpoint.ts'
import { operation } from '../operation.ts'
import { byCursor, countHeader, type CursorPage, type PageIterator } from '../pages.ts'
import { formatOf, ReportFileSchema, SheetExtensionSchema, typedFile, type ReportFormat } from './files.ts'

/** One page of a detailed report and where the next one starts (`next: null` on the last). */
export type DetailedPage = CursorPage<DetailedRow, DetailedCursor>

const SEARCH = operation({
  api: 'reports',
  method: 'POST',
  path: '/reports/api/v3/workspace/{workspace_id}/search/time_entries',
  read: true,
  cached: true,
  body: DetailedReportInputSchema,
  reply: DetailedRowListSchema,
})
const TOTALS = operation({
  api: 'reports',
  method: 'POST',
  path: '/reports/api/v3/workspace/{workspace_id}/search/time_entries/totals',
  read: true,
  cached: true,
  body: DetailedTotalsInputSchema,
  reply: ReportTotalsSchema,
})
const EXPORT_SHEET = operation({
  api: 'reports',
  method: 'POST',
  path: '/reports/api/v3/workspace/{workspace_id}/search/time_entries.{extension}',
  params: { extension: SheetExtensionSchema },
  read: true,
  binary: true,
  body: DetailedExportInputSchema,
  reply: ReportFileSchema,
})
const EXPORT_PDF = operation({
  api: 'reports',
  method: 'POST',
  path: '/reports/api/v3/workspace/{workspace_id}/search/time_entries.pdf',
  read: true,
  binary: true,
  body: DetailedPdfExportInputSchema,
  reply: ReportFileSchema,
})

/** What the cache keeps of a page: its rows and the cursor its headers gave. */
const StoredPageSchema = v.object({ rows: DetailedRowListSchema, next: v.nullable(DetailedCursorSchema) })

type Search = PreparedCall<DetailedRow[]>

/**
 * Detailed reports (Reports API v3): one row per time entry (or per alike entries, `grouped`),
 * paged by Toggl's cursor, with totals and exports. Every call is a POST that only reads: retried
 * like a GET after a 5xx, and with a cache answered from it while fresh (keyed by workspace, path
 * and body, so each page on its own), except exports. Each draws on the workspace's organization's
 * quota.
 *
 * @example
 * const detailed = new DetailedReportEndpoint(auth)
 * for await (const row of detailed.search(workspaceId, { start_date: '2024-12-01', end_date: '2024-12-31', page_size: 200 })) {
 *   console.log(row.description, row.time_entries[0]?.seconds)
 * }
 */
export class DetailedReportEndpoint extends OperationEndpoint {
  constructor(auth: BasicAuth, cache?: TogglCache | null, options?: EndpointOptions) {
    super(auth, cache, options)
  }

  /**
   * Every row of the report, page by page as the loop asks: `POST /reports/api/v3/workspace/{id}/search/time_entries`
   * with the body, then again with `first_id` and `first_row_number` set from the `X-Next-ID` and
   * `X-Next-Row-Number` of the page before, until a page comes without them. A report of n rows
   * costs ⌈n / page_size⌉ requests (page_size 50 unless given), at least 1; breaking out of the
   * loop sends no more, and no page is kept once the loop has passed it. `cost()` is 1 when the
   * first page is the last, else `undefined` (Toggl sends no row count). Bad input throws
   * `InputError` right here, before anything is sent.
   */
  search(workspace: WorkspaceRef, body: DetailedReportInput, options?: ReadOptions): PageIterator<DetailedRow, DetailedPage> {
    const where = 'DetailedReportEndpoint.search'
    const { signal, refresh } = callOptionsOf(options, where)
    const call = this.prepare(SEARCH, where, { path: { workspace_id: workspace }, body, signal })
    return byCursor((cursor) => this.#page(cursor === null ? call : startingAt(call, cursor), refresh))
  }

  /**
   * One page of the report: `POST /reports/api/v3/workspace/{id}/search/time_entries` with the
   * body, answered as a page with `next`, the cursor of the page after it (`{ first_id,
   * first_row_number }`, to send back in the body), or `null` for the last page. Costs 0 requests
   * on a cache hit, 1 otherwise.
   */
  async page(workspace: WorkspaceRef, body: DetailedReportInput, options?: ReadOptions): Promise<DetailedPage> {
    const where = 'DetailedReportEndpoint.page'
    const { signal, refresh } = callOptionsOf(options, where)
    return this.#page(this.prepare(SEARCH, where, { path: { workspace_id: workspace }, body, signal }), refresh)
  }

  /**
   * The report's totals: `POST /reports/api/v3/workspace/{id}/search/time_entries/totals` with the
   * filters (and `with_graph`, `granularity` for a graph by day, week or month). Answers `{ seconds,
   * tracked_days, billable_amount_in_cents, rates, graph, … }`. Costs 0 requests on a cache hit, 1 otherwise.
   */
  async totals(workspace: WorkspaceRef, body: DetailedTotalsInput, options?: ReadOptions): Promise<ReportTotals> {
    return this.run(TOTALS, 'DetailedReportEndpoint.totals', { path: { workspace_id: workspace }, body }, options)
  }

  /**
   * The whole report as a file: `POST …/search/time_entries.csv`, `.xlsx` or `.pdf` with the body
   * of {@link search} plus the export's own fields (`duration_format`; a PDF also `date_format`,
   * `cents_separator`, …). Answers a `Blob` typed by format (`text/csv`, `application/pdf`, the
   * XLSX type). Never cached: 1 request each time. Another format is an `InputError`, nothing sent.
   */
  async export(
    workspace: WorkspaceRef,
    body: DetailedExportInput | DetailedPdfExportInput,
    format: ReportFormat,
    options?: CallOptions,
  ): Promise<Blob> {
    const where = 'DetailedReportEndpoint.export'
    const kind = formatOf(format, ['csv', 'pdf', 'xlsx'], where)
    const file =
      kind === 'pdf'
        ? await this.run(EXPORT_PDF, where, { path: { workspace_id: workspace }, body }, options)
        : await this.run(EXPORT_SHEET, where, { path: { workspace_id: workspace, extension: kind }, body }, options)
    return typedFile(file, kind)
  }

  async #page(call: Search, refresh: boolean | undefined): Promise<DetailedPage> {
    const stored = await this.cachedRead(
      call,
      StoredPageSchema,
      async () => {
        const { data, headers } = await this.performWithHeaders(call)
        return { rows: data, next: cursorOf(headers) }
      },
      { refresh },
    )
    const body = call.spec.body as DetailedReportInput
    const perPage = body.page_size ?? DEFAULT_PAGE_SIZE
    const page = body.first_row_number === undefined ? 1 : Math.floor((body.first_row_number - 1) / perPage) + 1
    return { items: stored.rows, page, perPage, pages: undefined, records: undefined, next: stored.next }
  }
}

/** The same search, from where a cursor says the next page starts. */
function startingAt(call: Search, cursor: DetailedCursor): Search {
  const { first_id: _id, first_row_number: _row, ...body } = call.spec.body as DetailedReportInput
  return { ...call, spec: { ...call.spec, body: { ...body, ...cursor } } }
}

/** Where the next page starts, from `X-Next-ID` and `X-Next-Row-Number`; `null` when neither came. */
function cursorOf(headers: Headers): DetailedCursor | null {
  const id = positiveHeader(headers, 'x-next-id')
  const row = positiveHeader(headers, 'x-next-row-number')
  if (id === undefined && row === undefined) return null
  return { ...(id === undefined ? {} : { first_id: id }), ...(row === undefined ? {} : { first_row_number: row }) }
}

function positiveHeader(headers: Headers, name: string): number | undefined {
  const number = countHeader(headers, name)
  return number !== undefined && Number.isSafeInteger(number) && number > 0 ? number : undefined
}
