import * as v from 'valibot'
import { IdInputSchema, IdSchema } from '../common.ts'
import { entriesOf, EXPORT_ENTRIES, FLAG, OrderDirectionSchema, PDF_EXPORT_ENTRIES, REPORT_FILTER_ENTRIES, reportBody, TEXT } from './common.ts'

const PositiveCountSchema = v.pipe(v.number('must be a number'), v.safeInteger('must be a positive whole number'), v.minValue(1, 'must be a positive whole number'))

/** Rows per page when `page_size` is left out (Toggl's default). */
export const DEFAULT_PAGE_SIZE = 50

const DETAILED_ENTRIES = entriesOf(REPORT_FILTER_ENTRIES, {
  /** Rows per page. @default 50 */
  page_size: v.optional(PositiveCountSchema),
  /** Where a page starts: the `X-Next-ID` of the page before (the iterator sends it for you). */
  first_id: v.optional(IdInputSchema),
  /** Where a page starts: the `X-Next-Row-Number` of the page before (the iterator sends it for you). */
  first_row_number: v.optional(PositiveCountSchema),
  /** Listed by Toggl's spec without a description. */
  first_timestamp: v.optional(v.pipe(v.number('must be a number'), v.safeInteger('must be a whole number'), v.minValue(0, 'must not be negative'))),
  /** @default 'date' */
  order_by: v.optional(
    v.picklist(['date', 'user', 'duration', 'description', 'last_update'], "must be 'date', 'user', 'duration', 'description' or 'last_update'"),
  ),
  order_dir: v.optional(OrderDirectionSchema),
  /** Rows of alike entries (same user, project, task, description, tags, billable) instead of one row per entry. @default false */
  grouped: FLAG,
  /** @default false */
  hide_amounts: FLAG,
  /** As much about each row as an export holds (names of projects, clients, tasks, tags). @default false */
  enrich_response: FLAG,
})

/** The body of `POST …/search/time_entries` (`detailed.Post`). */
export const DetailedReportInputSchema = reportBody(DETAILED_ENTRIES)

/** The body of a CSV or XLSX detailed export (`detailed.SearchExportPost`). */
export const DetailedExportInputSchema = reportBody(entriesOf(DETAILED_ENTRIES, EXPORT_ENTRIES))

/** The body of a PDF detailed export (`detailed.ExportPDFPost`). */
export const DetailedPdfExportInputSchema = reportBody(
  entriesOf(DETAILED_ENTRIES, PDF_EXPORT_ENTRIES, {
    /** Listed by Toggl's spec without a description; sent as given. */
    display_mode: TEXT,
    /** Listed by Toggl's spec without a description; sent as given. */
    hour_format: TEXT,
  }),
)

/** The body of `POST …/search/time_entries/totals` (`totals.ReportPost`). */
export const DetailedTotalsInputSchema = reportBody(
  entriesOf(REPORT_FILTER_ENTRIES, {
    /** The graph's bucket, over `resolution`. */
    granularity: v.optional(v.picklist(['day', 'week', 'month'], "must be 'day', 'week' or 'month'")),
    /** The graph's bucket; Toggl's spec lists no values. */
    resolution: TEXT,
    /** Include `graph`. @default false */
    with_graph: FLAG,
    /** @default false */
    withInlineRates: FLAG,
    /** @default false */
    grouped: FLAG,
  }),
)

export type DetailedReportInput = v.InferInput<typeof DetailedReportInputSchema>
export type DetailedExportInput = v.InferInput<typeof DetailedExportInputSchema>
export type DetailedPdfExportInput = v.InferInput<typeof DetailedPdfExportInputSchema>
export type DetailedTotalsInput = v.InferInput<typeof DetailedTotalsInputSchema>

/** One time entry of a detailed row (`detailed.SingleTimeEntry`). */
const DetailedTimeEntrySchema = v.looseObject({
  id: IdSchema,
  seconds: v.number(),
  start: v.string(),
  stop: v.nullish(v.string()),
  at: v.nullish(v.string()),
})

/** One row of a detailed report (`detailed.GroupedTimeEntry`): one entry, or alike entries when `grouped`. */
export const DetailedRowSchema = v.looseObject({
  user_id: IdSchema,
  username: v.nullish(v.string()),
  project_id: v.nullish(IdSchema),
  task_id: v.nullish(IdSchema),
  description: v.nullish(v.string()),
  billable: v.nullish(v.boolean()),
  tag_ids: v.nullish(v.array(IdSchema)),
  /** The row's place in the report, from 1. */
  row_number: v.nullish(v.number()),
  time_entries: v.array(DetailedTimeEntrySchema),
  billable_amount_in_cents: v.nullish(v.number()),
  hourly_rate_in_cents: v.nullish(v.number()),
  currency: v.nullish(v.string()),
  /** With `enrich_response`: */
  project_name: v.nullish(v.string()),
  project_color: v.nullish(v.string()),
  project_hex: v.nullish(v.string()),
  client_name: v.nullish(v.string()),
  task_name: v.nullish(v.string()),
  tag_names: v.nullish(v.array(v.string())),
  email: v.nullish(v.string()),
})

export const DetailedRowListSchema = v.array(DetailedRowSchema)

export type DetailedRow = v.InferOutput<typeof DetailedRowSchema>

/**
 * Where the next page of a detailed report starts, from Toggl's `X-Next-ID` and
 * `X-Next-Row-Number`: send it back as `first_id` and `first_row_number`.
 */
export const DetailedCursorSchema = v.strictObject({
  first_id: v.optional(IdSchema),
  first_row_number: v.optional(IdSchema),
})

export type DetailedCursor = v.InferOutput<typeof DetailedCursorSchema>
