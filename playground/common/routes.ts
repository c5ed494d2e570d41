import type { FaultId } from './faults.ts'

/** Where the dev server mounts the fake Toggl API: the fake's own base path, as Toggl's. */
export const FAKE_API_PATH = '/api/v9'
/** Every path the fake answers on the dev server: Track v9, and beside it Reports v3 and Webhooks v1, as on Toggl. */
export const FAKE_API_PATHS = [FAKE_API_PATH, '/reports/api/v3', '/webhooks/api/v1'] as const

/** The dev server proxies this prefix to https://api.track.toggl.com, so the browser meets no CORS wall. */
export const REAL_API_PREFIX = '/toggl'
export const REAL_API_ORIGIN = 'https://api.track.toggl.com'

/**
 * The dev server's control route for its fake; the page injects faults and reads the request count
 * through it, and so do the end-to-end tests.
 *
 * - `GET    /__fake/status`                      {@link FakeStatus}
 * - `POST   /__fake/faults/{FaultId}?times=n`    queues a fault for the next n requests (1 to 5)
 * - `DELETE /__fake/faults/{position}`           cancels a queued fault (0 is the next to fire)
 * - `POST   /__fake/reset`                       a freshly seeded fake, without queued faults
 */
export const CONTROL_PATH = '/__fake'

export interface FakeStatus {
  /** How many requests the fake has received since it was (re)seeded. */
  received: number
  /** Method, path and status of each the fake keeps (the newest); never headers, which carry credentials. */
  requests: { method: string; path: string; status: number }[]
  /** The faults queued and not met yet, the next first. */
  faults: FaultId[]
}
