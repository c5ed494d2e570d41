import { INVALID_JSON, parseId, parseJsonObject, type ApiCall } from '../calls.ts'
import { isFree } from '../plans.ts'
import { errorReply, type Reply } from '../responses.ts'
import { parseDay } from '../times.ts'
import { workspaceOf, type WorkspaceCall } from '../workspace-calls.ts'

// How the fake reads a Reports API v3 body, with Toggl's documented refusals (the spec's 400, 402
// and 403 strings). Go decodes the body into a struct: fields it does not know are ignored, a field
// of the wrong type fails the whole body.

const DAY_MS = 86_400_000

/** The first and last day Toggl reports on. */
const FIRST_DAY = '2006-01-01'
const LAST_DAY = '2030-01-01'
/** The fake's reading of "at most one year": 366 days, both ends counted. */
const MAX_DAYS = 366
/**
 * Without `end_date`, a week from `start_date` (both counted), after toggl/mobileapp#970's account
 * of Reports ranges; not documented today, so the fake's rule.
 */
const DEFAULT_DAYS = 7

const NO_WORKSPACE = 'Workspace not found/accessible'
const PLAN_RESTRICTED = 'Workspace needs to have this feature enabled'

type Kind = 'string' | 'boolean' | 'integer' | 'ids' | 'noneable ids' | 'object'

/** Every field the Reports bodies of Toggl's spec name, with its JSON type. */
const FIELD_KINDS: Readonly<Record<string, Kind>> = {
  start_date: 'string',
  end_date: 'string',
  startTime: 'string',
  endTime: 'string',
  description: 'string',
  billable: 'boolean',
  user_ids: 'ids',
  group_ids: 'ids',
  time_entry_ids: 'ids',
  project_ids: 'noneable ids',
  client_ids: 'noneable ids',
  tag_ids: 'noneable ids',
  task_ids: 'noneable ids',
  min_duration_seconds: 'integer',
  max_duration_seconds: 'integer',
  rounding: 'integer',
  rounding_minutes: 'integer',
  grouping: 'string',
  sub_grouping: 'string',
  include_time_entry_ids: 'boolean',
  distinguish_rates: 'boolean',
  audit: 'object',
  page_size: 'integer',
  first_id: 'integer',
  first_row_number: 'integer',
  first_timestamp: 'integer',
  order_by: 'string',
  order_dir: 'string',
  grouped: 'boolean',
  hide_amounts: 'boolean',
  enrich_response: 'boolean',
  granularity: 'string',
  resolution: 'string',
  with_graph: 'boolean',
  withInlineRates: 'boolean',
  duration_format: 'string',
  date_format: 'string',
  cents_separator: 'string',
  display_mode: 'string',
  hour_format: 'string',
  collapse: 'boolean',
  hide_rates: 'boolean',
  calculate: 'string',
  group_by_task: 'boolean',
  logo_url: 'string',
}

/** The fields of `base.Post`, all the weekly report takes. */
export const BASE_FIELDS: readonly string[] = [
  'start_date',
  'end_date',
  'startTime',
  'endTime',
  'description',
  'billable',
  'user_ids',
  'group_ids',
  'time_entry_ids',
  'project_ids',
  'client_ids',
  'tag_ids',
  'task_ids',
  'min_duration_seconds',
  'max_duration_seconds',
  'rounding',
  'rounding_minutes',
]

/** Values Toggl documents for a field; anything else is its "Invalid '{parameter}' value" 400. */
const ALLOWED: Readonly<Record<string, readonly (string | number)[]>> = {
  rounding: [-1, 0, 1],
  rounding_minutes: [0, 1, 5, 6, 10, 12, 15, 30, 60, 240],
  order_by: ['date', 'user', 'duration', 'description', 'last_update'],
  order_dir: ['ASC', 'DESC'],
  granularity: ['day', 'week', 'month'],
  duration_format: ['classic', 'decimal', 'improved'],
  date_format: ['MM/DD/YYYY', 'DD-MM-YYYY', 'MM-DD-YYYY', 'YYYY-MM-DD', 'DD/MM/YYYY', 'DD.MM.YYYY'],
}

/** Premium filters (`billable`, Time Audit's): a Free workspace is refused them with 402. */
const PREMIUM_FIELDS = ['billable', 'min_duration_seconds', 'max_duration_seconds', 'audit']

/** A checked report body and the range it covers. */
export interface ReportQuery {
  /** The body's fields, types checked. */
  body: Readonly<Record<string, unknown>>
  /** The range used, `YYYY-MM-DD`, both days included (`X-Range-Start`, `X-Range-End`). */
  startDate: string
  endDate: string
  /** The range as instants (UTC): from the first day's start to the day after the last. */
  from: number
  until: number
}

/** What a call of one report accepts. */
export interface QueryRules {
  /** Only these fields; another one is the weekly report's "The '{parameter}' parameter is not supported". */
  only?: readonly string[]
  /** Its own values for fields, e.g. `order_by` of a summary export. */
  allowed?: Readonly<Record<string, readonly string[]>>
}

/** The workspace of a `/reports/api/v3/workspace/{id}/…` call, or Toggl's 400 or 403. */
function reportWorkspace(call: ApiCall): WorkspaceCall | Reply {
  if (parseId(call.params[0]) === undefined) return errorReply(400, 'Invalid workspace id')
  return workspaceOf(call, errorReply(403, NO_WORKSPACE))
}

/** The body as a report query, or the reply Toggl refuses it with. */
function reportQuery(call: ApiCall, found: WorkspaceCall, rules: QueryRules = {}): ReportQuery | Reply {
  const body = parseJsonObject(call.body === '' ? 'null' : call.body)
  if (body === undefined) return errorReply(400, INVALID_JSON)
  if (Object.keys(body).length === 0) return errorReply(400, 'At least one parameter must be set')
  for (const [field, value] of Object.entries(body)) {
    const kind = FIELD_KINDS[field]
    if (kind !== undefined && value !== null && !isKind(kind, value)) return errorReply(400, INVALID_JSON)
  }
  if (rules.only) {
    const unsupported = Object.keys(body).find((field) => FIELD_KINDS[field] !== undefined && !rules.only!.includes(field))
    if (unsupported !== undefined) return errorReply(400, `The '${unsupported}' parameter is not supported`)
  }
  const range = rangeOf(body)
  if ('status' in range) return range
  const allowed: Readonly<Record<string, readonly (string | number)[]>> = { ...ALLOWED, ...rules.allowed }
  for (const [field, values] of Object.entries(allowed)) {
    const value = body[field]
    if (value !== undefined && value !== null && !values.includes(value as string | number)) return invalidValue(field, values)
  }
  const { min_duration_seconds: min, max_duration_seconds: max } = body
  // The spec's description of the field; Toggl's own words for the refusal are not documented.
  if (typeof min === 'number' && typeof max === 'number' && min >= max) {
    return errorReply(400, 'max_duration_seconds should be greater than min_duration_seconds')
  }
  if (isFree(found.organization) && PREMIUM_FIELDS.some((field) => body[field] !== undefined && body[field] !== null)) {
    return errorReply(402, PLAN_RESTRICTED)
  }
  return { body, ...range }
}

/** Toggl's 400 for a value it does not take (the spec's template). */
export function invalidValue(field: string, values: readonly (string | number)[]): Reply {
  return errorReply(400, `Invalid '${field}' value, allowed values are: '${values.join(', ')}'`)
}

/** The range of the body: its days checked, the end filled in when left out. */
function rangeOf(body: Readonly<Record<string, unknown>>): Omit<ReportQuery, 'body'> | Reply {
  const startText = body['start_date']
  if (typeof startText !== 'string') return errorReply(400, 'The start_date parameter is required')
  const start = parseDay(startText)
  if (start === undefined) return errorReply(400, 'Invalid start_date format')
  const endText = typeof body['end_date'] === 'string' ? body['end_date'] : undefined
  const end = endText === undefined ? start + (DEFAULT_DAYS - 1) * DAY_MS : parseDay(endText)
  if (end === undefined) return errorReply(400, 'Invalid end_date format')
  const endDate = new Date(end).toISOString().slice(0, 10)
  for (const [field, day] of [['start_date', startText], ['end_date', endDate]] as const) {
    if (day < FIRST_DAY || day > LAST_DAY) return errorReply(400, `${field} should be within ${FIRST_DAY} to ${LAST_DAY}`)
  }
  // Toggl's words for these two are not documented: the fake's own.
  if (end < start) return errorReply(400, 'end_date should not be before start_date')
  if ((end - start) / DAY_MS >= MAX_DAYS) return errorReply(400, 'The date range should not be longer than one year')
  return { startDate: startText, endDate, from: start, until: end + DAY_MS }
}

function isKind(kind: Kind, value: unknown): boolean {
  switch (kind) {
    case 'string':
      return typeof value === 'string'
    case 'boolean':
      return typeof value === 'boolean'
    case 'integer':
      return Number.isSafeInteger(value)
    case 'object':
      return typeof value === 'object' && !Array.isArray(value)
    case 'ids':
      return Array.isArray(value) && value.every((id) => Number.isSafeInteger(id))
    case 'noneable ids':
      return Array.isArray(value) && value.every((id) => id === null || Number.isSafeInteger(id))
  }
}

/** Answers a report call: the workspace and the body checked first, Toggl's refusal if they fail. */
export function answerReport(call: ApiCall, rules: QueryRules, answer: (found: WorkspaceCall, query: ReportQuery) => Reply): Reply {
  const found = reportWorkspace(call)
  if ('status' in found) return found
  const query = reportQuery(call, found, rules)
  return 'status' in query ? query : answer(found, query)
}

/** `X-Range-Start` and `X-Range-End`: the range the report used. */
export function rangeHeaders(query: ReportQuery): Record<string, string> {
  return { 'X-Range-Start': query.startDate, 'X-Range-End': query.endDate }
}
