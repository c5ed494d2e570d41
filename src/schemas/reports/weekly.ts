import * as v from 'valibot'
import { IdSchema } from '../common.ts'
import { entriesOf, FLAG, NullableIdSchema, PDF_EXPORT_ENTRIES, REPORT_FILTER_ENTRIES, reportBody, TEXT } from './common.ts'

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

export interface WeeklyReportInput {
  /** The first day, `YYYY-MM-DD`. */
  start_date: string
  /** The last day, `YYYY-MM-DD`, included; not before `start_date`, at most a year after it. Toggl picks one when left out. */
  end_date?: string | undefined
  /** Listed by Toggl's spec without a description or format; sent as given. */
  startTime?: string | undefined
  /** Listed by Toggl's spec without a description or format; sent as given. */
  endTime?: string | undefined
  /** Only billable (`true`) or non-billable (`false`) entries. A premium feature: a Free workspace gets 402. */
  billable?: boolean | undefined
  /** Only these clients; `[null]` for entries without a client. */
  client_ids?: (number | null)[] | undefined
  /** Only these projects; `[null]` for entries without a project. */
  project_ids?: (number | null)[] | undefined
  /** Only entries with one of these tags; `[null]` for entries without tags. */
  tag_ids?: (number | null)[] | undefined
  /** Only these tasks; `[null]` for entries without a task. */
  task_ids?: (number | null)[] | undefined
  /** Only the members of these groups. */
  group_ids?: number[] | undefined
  /** Only these users. */
  user_ids?: number[] | undefined
  /** Only these time entries. */
  time_entry_ids?: number[] | undefined
  /** Only entries whose description matches this text. */
  description?: string | undefined
  /** Only entries at least this long (Time Audit; less than `max_duration_seconds`). */
  min_duration_seconds?: number | undefined
  /** Only entries at most this long (Time Audit; more than `min_duration_seconds`). */
  max_duration_seconds?: number | undefined
  /** How durations are rounded: -1 down, 0 to the nearest, 1 up (the workspace's setting when left out). */
  rounding?: 0 | 1 | -1 | undefined
  /** Rounded to this many minutes (0: not rounded; the workspace's setting when left out). */
  rounding_minutes?: 0 | 1 | 5 | 6 | 10 | 12 | 15 | 30 | 60 | 240 | undefined
}
export interface WeeklyExportInput {
  /** The first day, `YYYY-MM-DD`. */
  start_date: string
  /** The last day, `YYYY-MM-DD`, included; not before `start_date`, at most a year after it. Toggl picks one when left out. */
  end_date?: string | undefined
  /** Listed by Toggl's spec without a description or format; sent as given. */
  startTime?: string | undefined
  /** Listed by Toggl's spec without a description or format; sent as given. */
  endTime?: string | undefined
  /** Only billable (`true`) or non-billable (`false`) entries. A premium feature: a Free workspace gets 402. */
  billable?: boolean | undefined
  /** Only these clients; `[null]` for entries without a client. */
  client_ids?: (number | null)[] | undefined
  /** Only these projects; `[null]` for entries without a project. */
  project_ids?: (number | null)[] | undefined
  /** Only entries with one of these tags; `[null]` for entries without tags. */
  tag_ids?: (number | null)[] | undefined
  /** Only these tasks; `[null]` for entries without a task. */
  task_ids?: (number | null)[] | undefined
  /** Only the members of these groups. */
  group_ids?: number[] | undefined
  /** Only these users. */
  user_ids?: number[] | undefined
  /** Only these time entries. */
  time_entry_ids?: number[] | undefined
  /** Only entries whose description matches this text. */
  description?: string | undefined
  /** Only entries at least this long (Time Audit; less than `max_duration_seconds`). */
  min_duration_seconds?: number | undefined
  /** Only entries at most this long (Time Audit; more than `min_duration_seconds`). */
  max_duration_seconds?: number | undefined
  /** How durations are rounded: -1 down, 0 to the nearest, 1 up (the workspace's setting when left out). */
  rounding?: 0 | 1 | -1 | undefined
  /** Rounded to this many minutes (0: not rounded; the workspace's setting when left out). */
  rounding_minutes?: 0 | 1 | 5 | 6 | 10 | 12 | 15 | 30 | 60 | 240 | undefined
  /** What the rows are. */
  grouping?: 'users' | 'projects' | undefined
  /** What the cells add up: tracked time or amounts. */
  calculate?: 'time' | 'amounts' | undefined
  /** Rows also split by planned task. */
  group_by_task?: boolean | undefined
}
export interface WeeklyPdfExportInput {
  /** The first day, `YYYY-MM-DD`. */
  start_date: string
  /** The last day, `YYYY-MM-DD`, included; not before `start_date`, at most a year after it. Toggl picks one when left out. */
  end_date?: string | undefined
  /** Listed by Toggl's spec without a description or format; sent as given. */
  startTime?: string | undefined
  /** Listed by Toggl's spec without a description or format; sent as given. */
  endTime?: string | undefined
  /** Only billable (`true`) or non-billable (`false`) entries. A premium feature: a Free workspace gets 402. */
  billable?: boolean | undefined
  /** Only these clients; `[null]` for entries without a client. */
  client_ids?: (number | null)[] | undefined
  /** Only these projects; `[null]` for entries without a project. */
  project_ids?: (number | null)[] | undefined
  /** Only entries with one of these tags; `[null]` for entries without tags. */
  tag_ids?: (number | null)[] | undefined
  /** Only these tasks; `[null]` for entries without a task. */
  task_ids?: (number | null)[] | undefined
  /** Only the members of these groups. */
  group_ids?: number[] | undefined
  /** Only these users. */
  user_ids?: number[] | undefined
  /** Only these time entries. */
  time_entry_ids?: number[] | undefined
  /** Only entries whose description matches this text. */
  description?: string | undefined
  /** Only entries at least this long (Time Audit; less than `max_duration_seconds`). */
  min_duration_seconds?: number | undefined
  /** Only entries at most this long (Time Audit; more than `min_duration_seconds`). */
  max_duration_seconds?: number | undefined
  /** How durations are rounded: -1 down, 0 to the nearest, 1 up (the workspace's setting when left out). */
  rounding?: 0 | 1 | -1 | undefined
  /** Rounded to this many minutes (0: not rounded; the workspace's setting when left out). */
  rounding_minutes?: 0 | 1 | 5 | 6 | 10 | 12 | 15 | 30 | 60 | 240 | undefined
  /** What the rows are. */
  grouping?: 'users' | 'projects' | undefined
  /** What the cells add up: tracked time or amounts. */
  calculate?: 'time' | 'amounts' | undefined
  /** Rows also split by planned task. */
  group_by_task?: boolean | undefined
  /**
   * How durations are written.
   * @default 'classic'
   */
  duration_format?: 'classic' | 'decimal' | 'improved' | undefined
  /**
   * How dates are written.
   * @default 'MM/DD/YYYY'
   */
  date_format?: 'MM/DD/YYYY' | 'DD-MM-YYYY' | 'MM-DD-YYYY' | 'YYYY-MM-DD' | 'DD/MM/YYYY' | 'DD.MM.YYYY' | undefined
  /** Listed by Toggl's spec without a description; sent as given (e.g. `','`). */
  cents_separator?: string | undefined
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
