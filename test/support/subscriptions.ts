// A world for the Webhooks API tests: the loopback fake with Acme (Premium: Demo owns it, Other is a
// plain member), Solo (Free: Demo's alone) and Initech (Free: Third's), a WebhookEndpoint signed in
// as Demo, and real receivers (createWebhookHandler behind node:http on 127.0.0.1).
import { WebhookEndpoint } from '../../src/endpoints/webhooks/subscriptions.ts'
import { createWebhookHandler, type WebhookEvent, type WebhookHandlerOptions } from '../../src/receiver/index.ts'
import { DEMO_ACCOUNT, type MockAccount, type TogglMockOptions } from '../../src/mock/index.ts'
import type { WebhookEventFilter, WebhookSubscriptionInput } from '../../src/schemas/webhooks/subscriptions.ts'
import { startCatalogue } from './catalogue.ts'
import type { Fake } from './fake.ts'
import { serve } from './webhooks.ts'

let hooks = 0

export const HOOK_SECRET = 'hook-secret-5b2f9c'

export interface HookWorld {
  fake: Fake
  /** Demo's WebhookEndpoint. */
  hooks: WebhookEndpoint
  /** Acme's workspace (Premium). */
  acme: number
  /** Solo's workspace (Free). */
  solo: number
  /** Initech's workspace: Demo is not in it. */
  initech: number
  /** A WebhookEndpoint signed in as another of the fake's accounts. */
  hooksAs(account: MockAccount): WebhookEndpoint
  /** Creates a time entry through the fake's API (as Demo unless `as`), like any Toggl client would. */
  track(workspace: number, description: string, as?: MockAccount): Promise<Record<string, unknown>>
}

/** {@link startCatalogue}'s fake without a quota (unless asked), for Webhooks API calls. */
export async function hookWorld(options: TogglMockOptions = {}): Promise<HookWorld> {
  const { fake, ws, soloWs, initechWs } = await startCatalogue({ quotaPerHour: Infinity, ...options })
  const [acme, solo, initech] = [ws.id, soloWs.id, initechWs.id]
  const demo = fake.mock.state.accounts.get(DEMO_ACCOUNT.id)!
  async function track(workspace: number, description: string, as: MockAccount = demo): Promise<Record<string, unknown>> {
    const response = await fetch(`${fake.server.baseURL}/workspaces/${workspace}/time_entries`, {
      method: 'POST',
      headers: { authorization: `Basic ${btoa(`${as.apiToken}:api_token`)}`, 'content-type': 'application/json' },
      body: JSON.stringify({ workspace_id: workspace, description, start: '2026-03-02T09:00:00Z', duration: 900, created_with: 'test' }),
    })
    if (response.status !== 200) throw new Error(`creating a time entry answered ${response.status}: ${await response.text()}`)
    return (await response.json()) as Record<string, unknown>
  }
  return { fake, hooks: fake.endpoint(WebhookEndpoint), acme, solo, initech, hooksAs: (account) => fake.endpointAs(account, WebhookEndpoint), track }
}

export interface Receiver {
  url: string
  events: WebhookEvent[]
}

/** createWebhookHandler with `secret` behind node:http on 127.0.0.1, recording what reaches onEvent. */
export async function receiver(secret = HOOK_SECRET, options: Partial<WebhookHandlerOptions> = {}): Promise<Receiver> {
  const events: WebhookEvent[] = []
  const url = await serve(createWebhookHandler({ secret, onEvent: (event) => void events.push(event), ...options }))
  return { url, events }
}

/** A subscription to `url` for `filters` (every time-entry action by default), enabled, signed with {@link HOOK_SECRET}. */
export function subscription(
  url: string,
  changes: Partial<WebhookSubscriptionInput> = {},
  filters: WebhookEventFilter[] = [{ entity: 'time_entry', action: '*' }],
): WebhookSubscriptionInput {
  return { url_callback: url, event_filters: filters, description: `hook ${++hooks}`, enabled: true, secret: HOOK_SECRET, ...changes }
}
