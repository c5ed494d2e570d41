import * as v from 'valibot'
import { IdSchema } from '../common.ts'
import { entriesOf, FLAG, NullableIdSchema, PDF_EXPORT_ENTRIES, REPORT_FILTER_ENTRIES, reportBody, TEXT, type ReportFilterInput, type ReportPdfExportOptions } from './common.ts'

/** The body of `POST …/weekly/time_entries` (`base.Post`): the common filters only. */
export const WeeklyReportInputSchema: v.GenericSchema<WeeklyReportInput, WeeklyReportInput> = reportBody(REPORT_FILTER_ENTRIES)

const WEEKLY_EXPORT_ENTRIES = entriesOf(REPORT_FILTER_ENTRIES, {
  /** What the rows are. */
  grouping: v.optional(v.picklist(['users', 'projects'], "must be 'users' or 'projects'")),
  /** What the cells add up: tracked time or amounts. */
  calculate: v.optional(v.picklist(['time', 'amounts'], "must be 'time' or 'amounts'")),
  /** Rows also split by planned task. */
  group_by_task: FLAG,
})

/** The body of a CSV weekly export (`weekly.ExportPost`). */
export const WeeklyExportInputSchema: v.GenericSchema<WeeklyExportInput, WeeklyExportInput> = reportBody(WEEKLY_EXPORT_ENTRIES)

/** The body of a PDF weekly export (`weekly.ExportPDFPost`). */
export const WeeklyPdfExportInputSchema: v.GenericSchema<WeeklyPdfExportInput, WeeklyPdfExportInput> = reportBody(
  entriesOf(WEEKLY_EXPORT_ENTRIES, PDF_EXPORT_ENTRIES, {
    /** A logo for the PDF's header; sent as given. */
    logo_url: TEXT,
  }),
)

/** The body of a weekly report: the common filters only. */
export interface WeeklyReportInput extends ReportFilterInput {}
export interface WeeklyExportInput extends WeeklyReportInput {
  /** What the rows are. */
  grouping?: 'users' | 'projects' | undefined
  /** What the cells add up: tracked time or amounts. */
  calculate?: 'time' | 'amounts' | undefined
  /** Rows also split by planned task. */
  group_by_task?: boolean | undefined
}
export interface WeeklyPdfExportInput extends WeeklyExportInput, ReportPdfExportOptions {
  /** A logo for the PDF's header; sent as given. */
  logo_url?: string | undefined
}

const PerDaySchema = v.array(v.number())

/** One row of a weekly report (`weekly.DataRow`): a user's time on a project, day by day. */
export const WeeklyRowSchema: v.GenericSchema<unknown, WeeklyRow> = v.looseObject({
  user_id: v.nullish(IdSchema),
  user_name: v.nullish(v.string()),
  project_id: NullableIdSchema,
  project_name: v.nullish(v.string()),
  project_color: v.nullish(v.string()),
  project_hex_color: v.nullish(v.string()),
  client_name: v.nullish(v.string()),
  planned_task_id: v.nullish(IdSchema),
  /** Seconds tracked on each day of the range, from `start_date`. */
  seconds: PerDaySchema,
  billable_seconds: v.nullish(PerDaySchema),
  billable_amounts_in_cents: v.nullish(PerDaySchema),
  hourly_rate_in_cents: v.nullish(v.number()),
  currency: v.nullish(v.string()),
})

export const WeeklyRowListSchema: v.GenericSchema<unknown[], WeeklyRow[]> = v.array(WeeklyRowSchema)

export interface WeeklyRow {
  user_id?: number | null | undefined
  user_name?: string | null | undefined
  project_id: number | null
  project_name?: string | null | undefined
  project_color?: string | null | undefined
  project_hex_color?: string | null | undefined
  client_name?: string | null | undefined
  planned_task_id?: number | null | undefined
  /** Seconds tracked on each day of the range, from `start_date`. */
  seconds: number[]
  billable_seconds?: number[] | null | undefined
  billable_amounts_in_cents?: number[] | null | undefined
  hourly_rate_in_cents?: number | null | undefined
  currency?: string | null | undefined
  [key: string]: unknown
}
