import type { MockFault } from '../../src/mock/index.ts'

const JSON_TYPE = { 'content-type': 'application/json; charset=utf-8' }

/** The faults the playground offers as buttons, by a stable id the control route accepts. */
export const PLAYGROUND_FAULTS = {
  'server-error': {
    label: '500',
    description: 'Internal Server Error: GET, PUT and DELETE are retried',
    fault: { type: 'status', status: 500, body: '"Internal Server Error"', headers: JSON_TYPE },
  },
  'rate-limit': {
    label: '429',
    description: 'Too Many Requests with Retry-After: 1, retried after a second',
    fault: { type: 'status', status: 429, body: '"Too Many Requests"', headers: { ...JSON_TYPE, 'Retry-After': '1' } },
  },
  'quota-spent': {
    label: 'quota 402',
    description: 'the hourly quota is spent: a QuotaError, never retried',
    fault: {
      type: 'status',
      status: 402,
      body: '"You have hit your hourly limit for API calls."',
      headers: { ...JSON_TYPE, 'X-Toggl-Quota-Remaining': '0', 'X-Toggl-Quota-Resets-In': '1800' },
    },
  },
  'slow-reply': {
    label: 'slow reply',
    description: 'answers normally after 2 seconds',
    fault: { type: 'delay', ms: 2_000 },
  },
} as const satisfies Record<string, { label: string; description: string; fault: MockFault }>

export type FaultId = keyof typeof PLAYGROUND_FAULTS

export const FAULT_IDS = Object.keys(PLAYGROUND_FAULTS) as FaultId[]

export function isFaultId(value: string): value is FaultId {
  return Object.hasOwn(PLAYGROUND_FAULTS, value)
}

/** Most faults make sense a few times in a row (to exhaust retries), not hundreds. */
export const MAX_FAULT_REPEATS = 5
