import * as v from 'valibot'
import { IdInputSchema, IdSchema, unique } from '../common.ts'
import { dayStartMs } from '../time.ts'

// What every report of Toggl's Reports API v3 takes (its `base.Post`) and the parts of replies that
// several reports share.

/** The first and last day Toggl's reports cover ("{date_range} should be within 2006-01-01 to 2030-01-01"). */
const FIRST_REPORT_DAY = '2006-01-01'
const LAST_REPORT_DAY = '2030-01-01'
/** A report covers at most a year (Toggl's v2 documents "one year"): 366 days, both ends counted. */
const MAX_REPORT_DAYS = 366

const DAY_MS = 86_400_000

/** A calendar day as Toggl's reports take it: `YYYY-MM-DD`, from 2006-01-01 to 2030-01-01. */
const ReportDateSchema: v.GenericSchema<string, string> = v.pipe(
  v.string('must be a date as YYYY-MM-DD'),
  v.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD'),
  v.check((text) => !Number.isNaN(dayNumber(text)), 'must be a calendar day'),
  v.check((text) => text >= FIRST_REPORT_DAY && text <= LAST_REPORT_DAY, `must be within ${FIRST_REPORT_DAY} to ${LAST_REPORT_DAY}`),
)

/** Days since the epoch of a `YYYY-MM-DD` day, or NaN for one that is no calendar day (2024-02-30). */
export function dayNumber(text: string): number {
  return dayStartMs(text) / DAY_MS
}

/** Ids to filter by; an empty list would filter nothing, so it is refused rather than guessed at. */
const IdFilterSchema = v.pipe(
  v.array(IdInputSchema, 'must be an array of ids'),
  v.minLength(1, 'must name at least one id (leave it out for all)'),
  v.check((ids) => unique(ids), 'must not repeat an id'),
)

/** Ids to filter by, where `null` stands for "none" (`[null]`: entries without one). */
const NoneableIdFilterSchema = v.pipe(
  v.array(v.nullable(IdInputSchema), 'must be an array of ids (null for none)'),
  v.minLength(1, 'must name at least one id, or null for none (leave it out for all)'),
  v.check((ids) => unique(ids), 'must not repeat an id'),
)

const SecondsSchema = v.pipe(v.number('must be a number'), v.safeInteger('must be a whole number of seconds'), v.minValue(0, 'must not be negative'))

/** What Toggl's `rounding_minutes` takes. */
const ROUNDING_MINUTES = [0, 1, 5, 6, 10, 12, 15, 30, 60, 240] as const

const TextSchema = v.string('must be a string')
const FlagSchema = v.boolean('must be true or false')

/**
 * Entry lists in one object. A function marked free of side effects, not an object spread, so
 * bundlers drop the schemas of reports an app does not use.
 */
export function entriesOf<A extends v.ObjectEntries, B extends v.ObjectEntries>(a: A, b: B): A & B
export function entriesOf<A extends v.ObjectEntries, B extends v.ObjectEntries, C extends v.ObjectEntries>(a: A, b: B, c: C): A & B & C
/* @__NO_SIDE_EFFECTS__ */
export function entriesOf(...parts: v.ObjectEntries[]): v.ObjectEntries {
  return Object.assign({}, ...parts)
}

/** The fields of the date range alone (`base.RangePost`, the project summaries' body). */
export const REPORT_RANGE_ENTRIES = {
  /** The first day, `YYYY-MM-DD`. */
  start_date: ReportDateSchema,
  /** The last day, `YYYY-MM-DD`, included; not before `start_date`, at most a year after it. Toggl picks one when left out. */
  end_date: v.optional(ReportDateSchema),
  /** Listed by Toggl's spec without a description or format; sent as given. */
  startTime: v.optional(TextSchema),
  /** Listed by Toggl's spec without a description or format; sent as given. */
  endTime: v.optional(TextSchema),
}

/** The body of the project summaries: the date range alone (`base.RangePost`). */
export interface ReportRangeInput {
  /** The first day, `YYYY-MM-DD`. */
  start_date: string
  /** The last day, `YYYY-MM-DD`, included; not before `start_date`, at most a year after it. Toggl picks one when left out. */
  end_date?: string | undefined
  /** Listed by Toggl's spec without a description or format; sent as given. */
  startTime?: string | undefined
  /** Listed by Toggl's spec without a description or format; sent as given. */
  endTime?: string | undefined
}

/** The fields of Toggl's `base.Post`: the date range and the filters every report takes. */
export const REPORT_FILTER_ENTRIES = entriesOf(REPORT_RANGE_ENTRIES, {
  /** Only billable (`true`) or non-billable (`false`) entries. A premium feature: a Free workspace gets 402. */
  billable: v.optional(FlagSchema),
  /** Only these clients; `[null]` for entries without a client. */
  client_ids: v.optional(NoneableIdFilterSchema),
  /** Only these projects; `[null]` for entries without a project. */
  project_ids: v.optional(NoneableIdFilterSchema),
  /** Only entries with one of these tags; `[null]` for entries without tags. */
  tag_ids: v.optional(NoneableIdFilterSchema),
  /** Only these tasks; `[null]` for entries without a task. */
  task_ids: v.optional(NoneableIdFilterSchema),
  /** Only the members of these groups. */
  group_ids: v.optional(IdFilterSchema),
  /** Only these users. */
  user_ids: v.optional(IdFilterSchema),
  /** Only these time entries. */
  time_entry_ids: v.optional(IdFilterSchema),
  /** Only entries whose description matches this text. */
  description: v.optional(TextSchema),
  /** Only entries at least this long (Time Audit; less than `max_duration_seconds`). */
  min_duration_seconds: v.optional(SecondsSchema),
  /** Only entries at most this long (Time Audit; more than `min_duration_seconds`). */
  max_duration_seconds: v.optional(SecondsSchema),
  /** How durations are rounded: -1 down, 0 to the nearest, 1 up (the workspace's setting when left out). */
  rounding: v.optional(v.picklist([-1, 0, 1], 'must be -1 (down), 0 (nearest) or 1 (up)')),
  /** Rounded to this many minutes (0: not rounded; the workspace's setting when left out). */
  rounding_minutes: v.optional(v.picklist(ROUNDING_MINUTES, 'must be one of 0, 1, 5, 6, 10, 12, 15, 30, 60, 240')),
})

/** What every report's body takes (Toggl's `base.Post`): the date range and the filters. */
export interface ReportFilterInput extends ReportRangeInput {
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

/** A rule across fields of a report body, reported at `field`. */
export interface CrossFieldRule {
  field: string
  message: string
  holds(body: Readonly<Record<string, unknown>>): boolean
}

const day = (body: Readonly<Record<string, unknown>>, field: string): number => dayNumber(String(body[field]))

/** The range runs forward and covers at most a year; a duration window is not empty. */
const RANGE_RULES: readonly CrossFieldRule[] = [
  {
    field: 'end_date',
    message: 'must not be before start_date',
    holds: (body) => body['end_date'] === undefined || day(body, 'end_date') >= day(body, 'start_date'),
  },
  {
    field: 'end_date',
    message: `must be at most a year (${MAX_REPORT_DAYS} days, both counted) after start_date`,
    holds: (body) => body['end_date'] === undefined || day(body, 'end_date') - day(body, 'start_date') < MAX_REPORT_DAYS,
  },
  {
    field: 'max_duration_seconds',
    message: 'must be more than min_duration_seconds',
    holds: ({ min_duration_seconds: min, max_duration_seconds: max }) => min === undefined || max === undefined || (min as number) < (max as number),
  },
]

/** Checks the rules once every field has passed its own; the first broken rule is the issue. */
/* @__NO_SIDE_EFFECTS__ */
function crossFieldCheck<T>(rules: readonly CrossFieldRule[]) {
  return ({ dataset, addIssue }: v.RawCheckContext<T>): void => {
    if (!dataset.typed) return
    const body = dataset.value as unknown as Record<string, unknown>
    const broken = rules.find((rule) => !rule.holds(body))
    if (!broken) return
    const value = body[broken.field]
    addIssue({ message: broken.message, input: value, path: [{ type: 'object', origin: 'value', input: body, key: broken.field, value }] })
  }
}

/**
 * A report body: a strict object of these fields (a misspelt one is refused), then the rules
 * across fields: the range runs forward and covers at most a year, a duration window is not
 * empty, and any `rules` of the report's own. Marked free of side effects, so bundlers drop the
 * schemas of reports an app does not use.
 */
/* @__NO_SIDE_EFFECTS__ */
export function reportBody<const E extends v.ObjectEntries>(entries: E, rules: readonly CrossFieldRule[] = []) {
  return v.pipe(
    v.strictObject(entries, 'the report body must be an object'),
    v.rawCheck(crossFieldCheck<v.InferOutput<v.StrictObjectSchema<E, string>>>([...RANGE_RULES, ...rules])),
  )
}

/** The formats a report export takes. */
export const EXPORT_ENTRIES = {
  /** How durations are written. @default 'classic' */
  duration_format: v.optional(v.picklist(['classic', 'decimal', 'improved'], "must be 'classic', 'decimal' or 'improved'")),
}

/** The formats a report export takes. */
export interface ReportExportOptions {
  /**
   * How durations are written.
   * @default 'classic'
   */
  duration_format?: 'classic' | 'decimal' | 'improved' | undefined
}

const DATE_FORMATS = ['MM/DD/YYYY', 'DD-MM-YYYY', 'MM-DD-YYYY', 'YYYY-MM-DD', 'DD/MM/YYYY', 'DD.MM.YYYY'] as const

/** What a PDF export takes beyond the other exports. */
export const PDF_EXPORT_ENTRIES = entriesOf(EXPORT_ENTRIES, {
  /** How dates are written. @default 'MM/DD/YYYY' */
  date_format: v.optional(v.picklist(DATE_FORMATS, 'must be one of MM/DD/YYYY, DD-MM-YYYY, MM-DD-YYYY, YYYY-MM-DD, DD/MM/YYYY, DD.MM.YYYY')),
  /** Listed by Toggl's spec without a description; sent as given (e.g. `','`). */
  cents_separator: v.optional(TextSchema),
})

/** What a PDF export takes beyond the other exports. */
export interface ReportPdfExportOptions extends ReportExportOptions {
  /**
   * How dates are written.
   * @default 'MM/DD/YYYY'
   */
  date_format?: 'MM/DD/YYYY' | 'DD-MM-YYYY' | 'MM-DD-YYYY' | 'YYYY-MM-DD' | 'DD/MM/YYYY' | 'DD.MM.YYYY' | undefined
  /** Listed by Toggl's spec without a description; sent as given (e.g. `','`). */
  cents_separator?: string | undefined
}

/** Ascending or descending, as Toggl writes it. */
export const OrderDirectionSchema: v.GenericSchema<'ASC' | 'DESC', 'ASC' | 'DESC'> = v.picklist(['ASC', 'DESC'], "must be 'ASC' or 'DESC'")

export const FLAG: v.GenericSchema<boolean | undefined, boolean | undefined> = v.optional(FlagSchema)
export const TEXT: v.GenericSchema<string | undefined, string | undefined> = v.optional(TextSchema)

/** Billable time at one hourly rate (`base.BillableHourlyRate`). */
export const BillableRateSchema: v.GenericSchema<unknown, BillableRate> = v.looseObject({
  billable_seconds: v.number(),
  hourly_rate_in_cents: v.nullish(v.number()),
  currency: v.nullish(v.string()),
})

/** One bucket of a totals graph (a day, week or month). */
const TotalsGraphSchema = v.looseObject({
  seconds: v.number(),
  billable_amount_in_cents: v.nullish(v.number()),
  labour_cost_in_cents: v.nullish(v.number()),
  /** Billable seconds by hourly rate in cents (the keys). */
  by_rate: v.nullish(v.record(v.string(), v.number())),
})

/** Totals of a report (`totals.ReportData`): the detailed report's totals and a project's summary. */
export const ReportTotalsSchema: v.GenericSchema<unknown, ReportTotals> = v.looseObject({
  seconds: v.number(),
  tracked_days: v.nullish(v.number()),
  billable_amount_in_cents: v.nullish(v.number()),
  labour_cost_in_cents: v.nullish(v.number()),
  /** The graph's bucket: `day`, `week` or `month`. */
  resolution: v.nullish(v.string()),
  rates: v.nullish(v.array(BillableRateSchema)),
  /** Only with `with_graph: true`. */
  graph: v.nullish(v.array(TotalsGraphSchema)),
})

export interface ReportTotals {
  seconds: number
  tracked_days?: number | null | undefined
  billable_amount_in_cents?: number | null | undefined
  labour_cost_in_cents?: number | null | undefined
  /** The graph's bucket: `day`, `week` or `month`. */
  resolution?: string | null | undefined
  rates?: ({ billable_seconds: number; hourly_rate_in_cents?: number | null | undefined; currency?: string | null | undefined } & { [key: string]: unknown })[] | null | undefined
  /** Only with `with_graph: true`. */
  graph?: ({ seconds: number; billable_amount_in_cents?: number | null | undefined; labour_cost_in_cents?: number | null | undefined; by_rate?: { [x: string]: number } | null | undefined } & { [key: string]: unknown })[] | null | undefined
  [key: string]: unknown
}
export interface BillableRate {
  billable_seconds: number
  hourly_rate_in_cents?: number | null | undefined
  currency?: string | null | undefined
  [key: string]: unknown
}

/** An id in a reply that may be `null` ("none": entries without a project, say). */
export const NullableIdSchema: v.GenericSchema<number | null, number | null> = v.nullable(IdSchema)
