import * as v from 'valibot'
import { IdInputSchema, IdSchema, PositiveCountInputSchema } from '../common.ts'
import {
  entriesOf,
  EXPORT_ENTRIES,
  FLAG,
  OrderDirectionSchema,
  PDF_EXPORT_ENTRIES,
  REPORT_FILTER_ENTRIES,
  reportBody,
  TEXT,
  type ReportExportOptions,
  type ReportFilterInput,
  type ReportPdfExportOptions,
} from './common.ts'

/** Rows per page when `page_size` is left out (Toggl's default). */
export const DEFAULT_PAGE_SIZE = 50

const DETAILED_ENTRIES = entriesOf(REPORT_FILTER_ENTRIES, {
  /** Rows per page. @default 50 */
  page_size: v.optional(PositiveCountInputSchema),
  /** Where a page starts: the `X-Next-ID` of the page before (the iterator sends it for you). */
  first_id: v.optional(IdInputSchema),
  /** Where a page starts: the `X-Next-Row-Number` of the page before (the iterator sends it for you). */
  first_row_number: v.optional(PositiveCountInputSchema),
  /** Listed by Toggl's spec without a description. */
  first_timestamp: v.optional(v.pipe(v.number('must be a number'), v.safeInteger('must be a whole number'), v.minValue(0, 'must not be negative'))),
  /** What the rows are ordered by. @default 'date' */
  order_by: v.optional(
    v.picklist(['date', 'user', 'duration', 'description', 'last_update'], "must be 'date', 'user', 'duration', 'description' or 'last_update'"),
  ),
  /** Ascending or descending. */
  order_dir: v.optional(OrderDirectionSchema),
  /** Rows of alike entries (same user, project, task, description, tags, billable) instead of one row per entry. @default false */
  grouped: FLAG,
  /** Leave the amounts out. @default false */
  hide_amounts: FLAG,
  /** As much about each row as an export holds (names of projects, clients, tasks, tags). @default false */
  enrich_response: FLAG,
})

/** The body of `POST …/search/time_entries` (`detailed.Post`). */
export const DetailedReportInputSchema: v.GenericSchema<DetailedReportInput, DetailedReportInput> = reportBody(DETAILED_ENTRIES)

/** The body of a CSV or XLSX detailed export (`detailed.SearchExportPost`). */
export const DetailedExportInputSchema: v.GenericSchema<DetailedExportInput, DetailedExportInput> = reportBody(entriesOf(DETAILED_ENTRIES, EXPORT_ENTRIES))

/** The body of a PDF detailed export (`detailed.ExportPDFPost`). */
export const DetailedPdfExportInputSchema: v.GenericSchema<DetailedPdfExportInput, DetailedPdfExportInput> = reportBody(
  entriesOf(DETAILED_ENTRIES, PDF_EXPORT_ENTRIES, {
    /** Listed by Toggl's spec without a description; sent as given. */
    display_mode: TEXT,
    /** Listed by Toggl's spec without a description; sent as given. */
    hour_format: TEXT,
  }),
)

/** The body of `POST …/search/time_entries/totals` (`totals.ReportPost`). */
export const DetailedTotalsInputSchema: v.GenericSchema<DetailedTotalsInput, DetailedTotalsInput> = reportBody(
  entriesOf(REPORT_FILTER_ENTRIES, {
    /** The graph's bucket, over `resolution`. */
    granularity: v.optional(v.picklist(['day', 'week', 'month'], "must be 'day', 'week' or 'month'")),
    /** The graph's bucket; Toggl's spec lists no values. */
    resolution: TEXT,
    /** Include `graph`. @default false */
    with_graph: FLAG,
    /** Rates returned in line with the totals (Toggl's spec: "whether results should be returned in line"). @default false */
    withInlineRates: FLAG,
    /** Group alike time entries, as the detailed report's `grouped` does (Toggl's spec: "whether time entries should be grouped"). @default false */
    grouped: FLAG,
  }),
)

/** The body of a detailed report: the common filters, with paging, order and grouping. */
export interface DetailedReportInput extends ReportFilterInput {
  /**
   * Rows per page.
   * @default 50
   */
  page_size?: number | undefined
  /** Where a page starts: the `X-Next-ID` of the page before (the iterator sends it for you). */
  first_id?: number | undefined
  /** Where a page starts: the `X-Next-Row-Number` of the page before (the iterator sends it for you). */
  first_row_number?: number | undefined
  /** Listed by Toggl's spec without a description. */
  first_timestamp?: number | undefined
  /**
   * What the rows are ordered by.
   * @default 'date'
   */
  order_by?: 'description' | 'duration' | 'date' | 'user' | 'last_update' | undefined
  /** Ascending or descending. */
  order_dir?: 'ASC' | 'DESC' | undefined
  /**
   * Rows of alike entries (same user, project, task, description, tags, billable) instead of one row per entry.
   * @default false
   */
  grouped?: boolean | undefined
  /**
   * Leave the amounts out.
   * @default false
   */
  hide_amounts?: boolean | undefined
  /**
   * As much about each row as an export holds (names of projects, clients, tasks, tags).
   * @default false
   */
  enrich_response?: boolean | undefined
}
export interface DetailedExportInput extends DetailedReportInput, ReportExportOptions {}
export interface DetailedPdfExportInput extends DetailedReportInput, ReportPdfExportOptions {
  /** Listed by Toggl's spec without a description; sent as given. */
  display_mode?: string | undefined
  /** Listed by Toggl's spec without a description; sent as given. */
  hour_format?: string | undefined
}
export interface DetailedTotalsInput extends ReportFilterInput {
  /** The graph's bucket, over `resolution`. */
  granularity?: 'day' | 'week' | 'month' | undefined
  /** The graph's bucket; Toggl's spec lists no values. */
  resolution?: string | undefined
  /**
   * Include `graph`.
   * @default false
   */
  with_graph?: boolean | undefined
  /**
   * Rates returned in line with the totals (Toggl's spec: "whether results should be returned in line").
   * @default false
   */
  withInlineRates?: boolean | undefined
  /**
   * Group alike time entries, as the detailed report's `grouped` does (Toggl's spec: "whether time entries should be grouped").
   * @default false
   */
  grouped?: boolean | undefined
}

/** One time entry of a detailed row (`detailed.SingleTimeEntry`). */
const DetailedTimeEntrySchema = v.looseObject({
  id: IdSchema,
  seconds: v.number(),
  start: v.string(),
  stop: v.nullish(v.string()),
  at: v.nullish(v.string()),
})

/** One row of a detailed report (`detailed.GroupedTimeEntry`): one entry, or alike entries when `grouped`. */
export const DetailedRowSchema: v.GenericSchema<unknown, DetailedRow> = v.looseObject({
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

export const DetailedRowListSchema: v.GenericSchema<unknown[], DetailedRow[]> = v.array(DetailedRowSchema)

export interface DetailedRow {
  user_id: number
  username?: string | null | undefined
  project_id?: number | null | undefined
  task_id?: number | null | undefined
  description?: string | null | undefined
  billable?: boolean | null | undefined
  tag_ids?: number[] | null | undefined
  /** The row's place in the report, from 1. */
  row_number?: number | null | undefined
  time_entries: ({ id: number; seconds: number; start: string; stop?: string | null | undefined; at?: string | null | undefined } & { [key: string]: unknown })[]
  billable_amount_in_cents?: number | null | undefined
  hourly_rate_in_cents?: number | null | undefined
  currency?: string | null | undefined
  /** With `enrich_response`: */
  project_name?: string | null | undefined
  project_color?: string | null | undefined
  project_hex?: string | null | undefined
  client_name?: string | null | undefined
  task_name?: string | null | undefined
  tag_names?: string[] | null | undefined
  email?: string | null | undefined
  [key: string]: unknown
}

/**
 * Where the next page of a detailed report starts, from Toggl's `X-Next-ID` and
 * `X-Next-Row-Number`: send it back as `first_id` and `first_row_number`.
 */
export const DetailedCursorSchema: v.GenericSchema<unknown, DetailedCursor> = v.strictObject({
  first_id: v.optional(IdSchema),
  first_row_number: v.optional(IdSchema),
})

export interface DetailedCursor {
  first_id?: number | undefined
  first_row_number?: number | undefined
}
