import * as v from 'valibot'
import { IdSchema } from '../common.ts'
import { entriesOf, FLAG, NullableIdSchema, PDF_EXPORT_ENTRIES, REPORT_FILTER_ENTRIES, reportBody, TEXT } from './common.ts'

/** The body of `POST …/weekly/time_entries` (`base.Post`): the common filters only. */
export const WeeklyReportInputSchema = reportBody(REPORT_FILTER_ENTRIES)

const WEEKLY_EXPORT_ENTRIES = entriesOf(REPORT_FILTER_ENTRIES, {
  /** What the rows are. */
  grouping: v.optional(v.picklist(['users', 'projects'], "must be 'users' or 'projects'")),
  /** What the cells add up: tracked time or amounts. */
  calculate: v.optional(v.picklist(['time', 'amounts'], "must be 'time' or 'amounts'")),
  /** Rows also split by planned task. */
  group_by_task: FLAG,
})

/** The body of a CSV weekly export (`weekly.ExportPost`). */
export const WeeklyExportInputSchema = reportBody(WEEKLY_EXPORT_ENTRIES)

/** The body of a PDF weekly export (`weekly.ExportPDFPost`). */
export const WeeklyPdfExportInputSchema = reportBody(
  entriesOf(WEEKLY_EXPORT_ENTRIES, PDF_EXPORT_ENTRIES, {
    /** A logo for the PDF's header; sent as given. */
    logo_url: TEXT,
  }),
)

export type WeeklyReportInput = v.InferInput<typeof WeeklyReportInputSchema>
export type WeeklyExportInput = v.InferInput<typeof WeeklyExportInputSchema>
export type WeeklyPdfExportInput = v.InferInput<typeof WeeklyPdfExportInputSchema>

const PerDaySchema = v.array(v.number())

/** One row of a weekly report (`weekly.DataRow`): a user's time on a project, day by day. */
export const WeeklyRowSchema = v.looseObject({
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

export const WeeklyRowListSchema = v.array(WeeklyRowSchema)

export type WeeklyRow = v.InferOutput<typeof WeeklyRowSchema>
