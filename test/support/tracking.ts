import { expect } from 'vitest'
import { createTogglMock, DEMO_ACCOUNT, type MockAccount, type MockOrganization, type MockWorkspace, type TogglMockOptions } from '../../src/mock/index.ts'
import { acmeSoloInitech } from './organizations.ts'

/** The fake's clock in these tests: a Monday noon, so "three months back" is 2024-09-16. */
export const NOW = Date.parse('2024-12-16T12:00:00Z')

export interface Reply {
  status: number
  headers: Headers
  /** Parsed JSON, the text when it is not JSON, `undefined` when empty. */
  body: unknown
}

export interface TrackingWorld {
  mock: ReturnType<typeof createTogglMock>
  clock: { now: number }
  /** Acme (Premium): Demo owns it, Other is a plain member of its workspace. */
  acme: MockOrganization
  /** Acme's workspace. */
  ws: MockWorkspace
  /** Solo (Free): Demo's alone. */
  solo: MockOrganization
  soloWs: MockWorkspace
  /** Initech (Free): Third's; Demo is no member. */
  initechWs: MockWorkspace
  /**
   * One request to the fake in-process at this path from its origin (as the Reports and Webhooks
   * APIs need), signed in as `as` (Demo by default); objects go as JSON.
   */
  request(method: string, path: string, body?: unknown, as?: MockAccount): Promise<Reply>
  /** {@link request} at this path under the fake's `basePath` (the Track API's). */
  call(method: string, path: string, body?: unknown, as?: MockAccount): Promise<Reply>
}

/** The fake with Acme, Solo and Initech, its clock at {@link NOW} and no quota unless asked. */
export function world(options: TogglMockOptions = {}): TrackingWorld {
  const clock = { now: NOW }
  const mock = createTogglMock({
    ...acmeSoloInitech(),
    quotaPerHour: Infinity,
    now: () => clock.now,
    ...options,
  })
  const [acme, solo, initech] = [...mock.state.organizations.values()] as [MockOrganization, MockOrganization, MockOrganization]
  async function request(method: string, path: string, body?: unknown, as: MockAccount = DEMO_ACCOUNT): Promise<Reply> {
    const headers: Record<string, string> = { authorization: `Basic ${btoa(`${as.apiToken}:api_token`)}` }
    const init: RequestInit = { method, headers }
    if (body !== undefined) {
      headers['content-type'] = 'application/json'
      init.body = typeof body === 'string' ? body : JSON.stringify(body)
    }
    const response = await mock.fetch(`http://fake.test${path}`, init)
    const text = await response.text()
    let parsed: unknown = text === '' ? undefined : text
    try {
      parsed = JSON.parse(text)
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, headers: response.headers, body: parsed }
  }
  const call: TrackingWorld['call'] = (method, path, body, as) => request(method, `${mock.basePath}${path}`, body, as)
  return { mock, clock, acme, ws: acme.workspaces[0]!, solo, soloWs: solo.workspaces[0]!, initechWs: initech.workspaces[0]!, request, call }
}

/** Asserts Toggl's usual error: this status, the message as a JSON string. */
export function expectError(reply: Reply, status: number, message: string): void {
  expect({ status: reply.status, body: reply.body }).toEqual({ status, body: message })
}

/** The body of a 200 reply (fails the test on another status, showing the body). */
export function ok<T = Record<string, unknown>>(reply: Reply): T {
  expect({ status: reply.status, body: reply.body }).toMatchObject({ status: 200 })
  return reply.body as T
}
