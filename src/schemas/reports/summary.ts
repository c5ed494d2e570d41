import * as v from 'valibot'
import { IdSchema } from '../common.ts'
import {
  BillableRateSchema,
  entriesOf,
  type CrossFieldRule,
  EXPORT_ENTRIES,
  FLAG,
  NullableIdSchema,
  OrderDirectionSchema,
  PDF_EXPORT_ENTRIES,
  REPORT_FILTER_ENTRIES,
  REPORT_RANGE_ENTRIES,
  reportBody,
  TEXT,
  type ReportExportOptions,
  type ReportFilterInput,
  type ReportPdfExportOptions,
  type ReportRangeInput,
} from './common.ts'

/** What a summary report groups by. */
const SUMMARY_GROUPINGS = ['projects', 'clients', 'users'] as const
export type SummaryGrouping = (typeof SUMMARY_GROUPINGS)[number]

/**
 * What each grouping may be sub-grouped by (the combinations Toggl's summary reports have offered
 * since v2; a project has one client, so projects are not sub-grouped by clients).
 */
const SUMMARY_SUB_GROUPINGS: Readonly<Record<SummaryGrouping, readonly string[]>> = {
  projects: ['time_entries', 'tasks', 'users'],
  clients: ['time_entries', 'tasks', 'users', 'projects'],
  users: ['time_entries', 'tasks', 'projects', 'clients'],
}

const SUB_GROUPINGS = ['time_entries', 'tasks', 'projects', 'users', 'clients'] as const

const CentsSchema = v.pipe(v.number('must be a number'), v.safeInteger('must be a whole number of cents'), v.minValue(0, 'must not be negative'))
const SecondsSchema = v.pipe(v.number('must be a number'), v.safeInteger('must be a whole number of seconds'), v.minValue(0, 'must not be negative'))

/** Toggl's audit options (`summary.Audit`), each a premium feature. */
const AuditSchema = v.strictObject(
  {
    group_filter: v.optional(
      v.strictObject(
        {
          currency: TEXT,
          min_amount_cents: v.optional(CentsSchema),
          max_amount_cents: v.optional(CentsSchema),
          min_duration_seconds: v.optional(SecondsSchema),
          max_duration_seconds: v.optional(SecondsSchema),
        },
        'must be an object',
      ),
    ),
    /** @default false */
    show_empty_groups: FLAG,
    /** @default true */
    show_tracked_groups: FLAG,
  },
  'must be an object',
)

const SUMMARY_ENTRIES = entriesOf(REPORT_FILTER_ENTRIES, {
  /** What the groups are. @default 'projects' (Toggl's `X-Grouping` tells what it used) */
  grouping: v.optional(v.picklist(SUMMARY_GROUPINGS, "must be 'projects', 'clients' or 'users'")),
  /** What each group is divided into (see {@link SUMMARY_SUB_GROUPINGS}). @default 'time_entries' */
  sub_grouping: v.optional(v.picklist(SUB_GROUPINGS, "must be 'time_entries', 'tasks', 'projects', 'users' or 'clients'")),
  /** Each sub-group lists the ids of its time entries (`ids`). @default false */
  include_time_entry_ids: FLAG,
  /** A sub-group per hourly rate. @default false */
  distinguish_rates: FLAG,
  /** Time Audit (premium): which groups to show. */
  audit: v.optional(AuditSchema),
})

const SUMMARY_EXPORT_ENTRIES = entriesOf(SUMMARY_ENTRIES, EXPORT_ENTRIES, {
  /** Collapse the others. @default false */
  collapse: FLAG,
  /** Leave the amounts out. @default false */
  hide_amounts: FLAG,
  /** Leave the hourly rates out. @default false */
  hide_rates: FLAG,
  /** What the groups are ordered by: their title or their duration. @default 'title' */
  order_by: v.optional(v.picklist(['title', 'duration'], "must be 'title' or 'duration'")),
  /** Ascending or descending. */
  order_dir: v.optional(OrderDirectionSchema),
})

const SUB_GROUPING_RULE: CrossFieldRule = {
  field: 'sub_grouping',
  message: 'does not go with the grouping (projects: time_entries, tasks, users; clients: those and projects; users: time_entries, tasks, projects, clients)',
  holds: ({ grouping = 'projects', sub_grouping }) =>
    sub_grouping === undefined || SUMMARY_SUB_GROUPINGS[grouping as SummaryGrouping].includes(sub_grouping as string),
}

/** A summary body, with the sub-grouping checked against the grouping. */
const summaryBody = /* @__NO_SIDE_EFFECTS__ */ <const E extends typeof SUMMARY_ENTRIES>(entries: E) => reportBody(entries, [SUB_GROUPING_RULE])

/** The body of `POST …/summary/time_entries` (`summary.ReportPost`). */
export const SummaryReportInputSchema: v.GenericSchema<SummaryReportInput, SummaryReportInput> = summaryBody(SUMMARY_ENTRIES)

/** The body of a CSV or XLSX summary export (`summary.ExportPost`). */
export const SummaryExportInputSchema: v.GenericSchema<SummaryExportInput, SummaryExportInput> = summaryBody(SUMMARY_EXPORT_ENTRIES)

/** The body of a PDF summary export (`summary.ExportPDFPost`). */
export const SummaryPdfExportInputSchema: v.GenericSchema<SummaryPdfExportInput, SummaryPdfExportInput> = summaryBody(
  entriesOf(SUMMARY_EXPORT_ENTRIES, PDF_EXPORT_ENTRIES, {
    /** The graph's bucket; Toggl's spec lists no values. */
    resolution: TEXT,
  }),
)

/** The body of the project summaries: a date range (`base.RangePost`, `dto.ProjectUsersRequest`). */
export const ReportRangeInputSchema: v.GenericSchema<ReportRangeInput, ReportRangeInput> = reportBody(REPORT_RANGE_ENTRIES)
export type { ReportRangeInput }

/** The body of a summary report: the common filters, with the grouping and the audit. */
export interface SummaryReportInput extends ReportFilterInput {
  /**
   * What the groups are.
   * @default 'projects' (Toggl's `X-Grouping` tells what it used)
   */
  grouping?: 'users' | 'projects' | 'clients' | undefined
  /**
   * What each group is divided into: `projects` by `time_entries`, `tasks` or `users`; `clients`
   * by those or `projects`; `users` by `time_entries`, `tasks`, `projects` or `clients`.
   * @default 'time_entries'
   */
  sub_grouping?: 'users' | 'projects' | 'clients' | 'tasks' | 'time_entries' | undefined
  /**
   * Each sub-group lists the ids of its time entries (`ids`).
   * @default false
   */
  include_time_entry_ids?: boolean | undefined
  /**
   * A sub-group per hourly rate.
   * @default false
   */
  distinguish_rates?: boolean | undefined
  /** Time Audit (premium): which groups to show. */
  audit?: { group_filter?: { currency?: string | undefined; min_amount_cents?: number | undefined; max_amount_cents?: number | undefined; min_duration_seconds?: number | undefined; max_duration_seconds?: number | undefined } | undefined; show_empty_groups?: boolean | undefined; show_tracked_groups?: boolean | undefined } | undefined
}
export interface SummaryExportInput extends SummaryReportInput, ReportExportOptions {
  /**
   * Collapse the others.
   * @default false
   */
  collapse?: boolean | undefined
  /**
   * Leave the amounts out.
   * @default false
   */
  hide_amounts?: boolean | undefined
  /**
   * Leave the hourly rates out.
   * @default false
   */
  hide_rates?: boolean | undefined
  /**
   * What the groups are ordered by: their title or their duration.
   * @default 'title'
   */
  order_by?: 'title' | 'duration' | undefined
  /** Ascending or descending. */
  order_dir?: 'ASC' | 'DESC' | undefined
}
export interface SummaryPdfExportInput extends SummaryExportInput, ReportPdfExportOptions {
  /** The graph's bucket; Toggl's spec lists no values. */
  resolution?: string | undefined
}

/** One sub-group: a time entry description, task, user, project or client within a group. */
const SummarySubGroupSchema = v.looseObject({
  /** `null` for "none" and for time entries (which are told apart by `title`). */
  id: v.nullish(IdSchema),
  title: v.nullish(v.string()),
  seconds: v.number(),
  rates: v.nullish(v.array(BillableRateSchema)),
  /** With `include_time_entry_ids: true`. */
  ids: v.nullish(v.array(IdSchema)),
})

/** A list Toggl may send as `null` (Go's empty slice), read as an empty one. */
const listOf = /* @__NO_SIDE_EFFECTS__ */ <S extends v.GenericSchema>(item: S) =>
  v.pipe(
    v.nullable(v.array(item)),
    v.transform((items): v.InferOutput<S>[] => items ?? []),
  )

/** One group: a project, client or user (`id: null` for entries without one). */
const SummaryGroupSchema = v.looseObject({
  id: NullableIdSchema,
  sub_groups: listOf(SummarySubGroupSchema),
  /** Used by Toggl for tag groups. */
  ids: v.nullish(v.array(IdSchema)),
  project_color: v.nullish(v.string()),
  project_hex_color: v.nullish(v.string()),
})

/** A summary report (`summary.ReportData`). */
export const SummaryReportSchema: v.GenericSchema<unknown, SummaryReport> = v.looseObject({ groups: listOf(SummaryGroupSchema) })

export interface SummaryReport {
  groups: ({ id: number | null; sub_groups: ({ id?: number | null | undefined; title?: string | null | undefined; seconds: number; rates?: ({ billable_seconds: number; hourly_rate_in_cents?: number | null | undefined; currency?: string | null | undefined } & { [key: string]: unknown })[] | null | undefined; ids?: number[] | null | undefined } & { [key: string]: unknown })[]; ids?: number[] | null | undefined; project_color?: string | null | undefined; project_hex_color?: string | null | undefined } & { [key: string]: unknown })[]
  [key: string]: unknown
}
export interface SummaryGroup {
  id: number | null
  sub_groups: ({ id?: number | null | undefined; title?: string | null | undefined; seconds: number; rates?: ({ billable_seconds: number; hourly_rate_in_cents?: number | null | undefined; currency?: string | null | undefined } & { [key: string]: unknown })[] | null | undefined; ids?: number[] | null | undefined } & { [key: string]: unknown })[]
  /** Used by Toggl for tag groups. */
  ids?: number[] | null | undefined
  project_color?: string | null | undefined
  project_hex_color?: string | null | undefined
  [key: string]: unknown
}
export interface SummarySubGroup {
  /** `null` for "none" and for time entries (which are told apart by `title`). */
  id?: number | null | undefined
  title?: string | null | undefined
  seconds: number
  rates?: ({ billable_seconds: number; hourly_rate_in_cents?: number | null | undefined; currency?: string | null | undefined } & { [key: string]: unknown })[] | null | undefined
  /** With `include_time_entry_ids: true`. */
  ids?: number[] | null | undefined
  [key: string]: unknown
}

/** Time one user tracked on one project (`users.ProjectUsersSummaryRow`). */
export const ProjectUserSummarySchema: v.GenericSchema<unknown, ProjectUserSummary> = v.looseObject({
  user_id: IdSchema,
  project_id: NullableIdSchema,
  tracked_seconds: v.number(),
  billable_seconds: v.nullish(v.number()),
})

export const ProjectUserSummaryListSchema: v.GenericSchema<unknown[], ProjectUserSummary[]> = v.array(ProjectUserSummarySchema)

export interface ProjectUserSummary {
  user_id: number
  project_id: number | null
  tracked_seconds: number
  billable_seconds?: number | null | undefined
  [key: string]: unknown
}
