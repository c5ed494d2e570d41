import type { MockFault } from '../../src/mock/index.ts'

const JSON_TYPE = { 'content-type': 'application/json; charset=utf-8' }

/** How long the quota fault says the spent window lasts: long enough to see, short enough to wait out. */
export const QUOTA_FAULT_RESET_SECONDS = 120

/**
 * The faults the playground offers as buttons, by a stable id the control route accepts. Each says
 * what it does to the request that meets it, and what the client makes of it.
 */
export const PLAYGROUND_FAULTS = {
  'server-error': {
    label: '500',
    description: 'answers 500 Internal Server Error. GET, PUT, DELETE and report reads are retried (up to `retries`); other POSTs fail at once.',
    fault: { type: 'status', status: 500, body: '"Internal Server Error"', headers: JSON_TYPE },
  },
  'rate-limit': {
    label: '429',
    description: 'answers 429 Too Many Requests with Retry-After: 1; the client waits a second and retries.',
    fault: { type: 'status', status: 429, body: '"Too Many Requests"', headers: { ...JSON_TYPE, 'Retry-After': '1' } },
  },
  'quota-spent': {
    label: 'quota 402',
    description: `answers 402 with X-Toggl-Quota-Remaining: 0 and X-Toggl-Quota-Resets-In: ${QUOTA_FAULT_RESET_SECONDS}. A QuotaError; then the client refuses, without sending, every call of that quota window until the reset (${QUOTA_FAULT_RESET_SECONDS / 60} minutes) or “Reset the fake”.`,
    fault: {
      type: 'status',
      status: 402,
      body: '"You have hit your hourly limit for API calls."',
      headers: { ...JSON_TYPE, 'X-Toggl-Quota-Remaining': '0', 'X-Toggl-Quota-Resets-In': String(QUOTA_FAULT_RESET_SECONDS) },
    },
  },
  'slow-reply': {
    label: 'slow reply',
    description: 'answers normally, 2 seconds late. It waits for whichever request comes next, from any call: cancel it if that is not the one you meant.',
    fault: { type: 'delay', ms: 2_000 },
  },
  drop: {
    label: 'dropped connection',
    description: 'drops the connection without an answer: a NetworkError, retried for GET, PUT and DELETE.',
    fault: { type: 'drop' },
  },
} as const satisfies Record<string, { label: string; description: string; fault: MockFault }>

export type FaultId = keyof typeof PLAYGROUND_FAULTS

export const FAULT_IDS = Object.keys(PLAYGROUND_FAULTS) as FaultId[]

export function isFaultId(value: string): value is FaultId {
  return Object.hasOwn(PLAYGROUND_FAULTS, value)
}

/** Which playground fault a queued one is (the fake queues the very objects above). */
export function faultIdOf(fault: MockFault): FaultId | undefined {
  return FAULT_IDS.find((id) => PLAYGROUND_FAULTS[id].fault === fault)
}

/** Most faults make sense a few times in a row (to exhaust retries), not hundreds. */
export const MAX_FAULT_REPEATS = 5

/** Cancels the queued fault at `position` (0 is the next), keeping the others in order. */
export function cancelFault(mock: { faults: readonly MockFault[]; clearFaults(): void; inject(fault: MockFault): void }, position: number): boolean {
  const queued = mock.faults
  if (!Number.isInteger(position) || position < 0 || position >= queued.length) return false
  mock.clearFaults()
  for (const fault of queued.filter((_, index) => index !== position)) mock.inject(fault)
  return true
}
