// WebhookEndpoint and the fake's deliveries under Deno: the fake on Deno.serve, a receiver made by
// createWebhookHandler on another Deno.serve, both on 127.0.0.1 (--allow-net=127.0.0.1 is all this
// needs). A subscription made through the endpoint gets the fake's signed events at onEvent.
import assert from 'node:assert/strict'
import { BasicAuth, HTTPStatusError, WebhookEndpoint, type WebhookSubscriptionInput } from '@togglkit/togglkit'
import { createTogglMock, DEMO_ACCOUNT, type TogglMock } from '@togglkit/togglkit/mock'
import { createWebhookHandler, type WebhookEvent, type WebhookHandler } from '@togglkit/togglkit/webhooks'

const SECRET = 'deno-hook-secret'

interface Served {
  url: string
  close(): Promise<void>
}

function serve(handler: (request: Request) => Promise<Response>, path = ''): Served {
  const server = Deno.serve({ hostname: '127.0.0.1', port: 0, onListen() {} }, handler)
  return { url: `http://127.0.0.1:${server.addr.port}${path}`, close: () => server.shutdown() }
}

interface World {
  mock: TogglMock
  hooks: WebhookEndpoint
  workspace: number
  /** A time entry created through the fake's API. */
  track(description: string): Promise<Record<string, unknown>>
  /** createWebhookHandler with `secret` on Deno.serve; onEvent records the events. */
  receive(secret?: string, wrap?: (handler: WebhookHandler) => WebhookHandler): { url: string; events: WebhookEvent[] }
  close(): Promise<void>
}

function world(): World {
  const mock = createTogglMock({ organizations: [{ name: 'Acme', memberIds: [DEMO_ACCOUNT.id], pricingPlanName: 'Premium' }], quotaPerHour: Infinity })
  const fake = serve((request) => mock.handle(request), '/api/v9')
  const servers: Served[] = [fake]
  const workspace = [...mock.state.organizations.values()][0]!.workspaces[0]!.id
  const auth = BasicAuth.fromApiToken(DEMO_ACCOUNT.apiToken)
  return {
    mock,
    hooks: new WebhookEndpoint(auth, null, { baseURL: fake.url }),
    workspace,
    async track(description) {
      const response = await fetch(`${fake.url}/workspaces/${workspace}/time_entries`, {
        method: 'POST',
        headers: { authorization: auth.header(), 'content-type': 'application/json' },
        body: JSON.stringify({ workspace_id: workspace, description, start: '2026-03-02T09:00:00Z', duration: 600, created_with: 'deno' }),
      })
      assert.equal(response.status, 200)
      return await response.json()
    },
    receive(secret = SECRET, wrap = (handler) => handler) {
      const events: WebhookEvent[] = []
      const served = serve(wrap(createWebhookHandler({ secret, onEvent: (event) => void events.push(event) })), '/toggl')
      servers.push(served)
      return { url: served.url, events }
    },
    async close() {
      await Promise.all(servers.map((server) => server.close()))
    },
  }
}

const subscription = (url: string, changes: Partial<WebhookSubscriptionInput> = {}): WebhookSubscriptionInput => ({
  url_callback: url,
  event_filters: [{ entity: 'time_entry', action: '*' }],
  description: 'Deno sync',
  enabled: true,
  secret: SECRET,
  ...changes,
})

Deno.test('a time entry created through the fake reaches onEvent as Toggl’s signed, typed event', async () => {
  const { mock, hooks, workspace, track, receive, close } = world()
  try {
    const { url, events } = receive()
    const created = await hooks.add(workspace, subscription(url))
    assert.equal(typeof created.validated_at, 'string')
    const entry = await track('Deno deploy')
    await mock.webhooks.settled()
    assert.equal(events.length, 1)
    const [event] = events as [WebhookEvent]
    assert.equal(event.model, 'time_entry')
    assert.deepEqual(event.payload, entry)
    assert.equal(event.subscription_id, created.subscription_id)
    assert.equal(event.metadata.time_entry_id, String(entry.id))
    assert.equal(event.metadata.workspace_id, String(workspace))
    assert.match(event.event_id, /^80\d{14}$/)
  } finally {
    await close()
  }
})

Deno.test('after an edit to a new secret, a receiver with the old one answers 401 and onEvent never runs', async () => {
  const { mock, hooks, workspace, track, receive, close } = world()
  try {
    const { url, events } = receive()
    const created = await hooks.add(workspace, subscription(url))
    await hooks.edit(workspace, created, { secret: 'deno-rotated' })
    await track('signed anew')
    await mock.webhooks.settled()
    assert.deepEqual(events, [])
    assert.equal(mock.webhooks.deliveries.at(-1)?.status, 401)
  } finally {
    await close()
  }
})

Deno.test('a disabled subscription gets nothing, and a filter for projects hears no time entry', async () => {
  const { mock, hooks, workspace, track, receive, close } = world()
  try {
    const disabled = receive()
    const projects = receive()
    const first = await hooks.add(workspace, subscription(disabled.url))
    await hooks.setEnabled(workspace, first, false)
    await hooks.add(workspace, subscription(projects.url, { description: 'Projects', event_filters: [{ entity: 'project', action: '*' }] }))
    await track('heard by nobody')
    await mock.webhooks.settled()
    assert.deepEqual([disabled.events.length, projects.events.length], [0, 0])
  } finally {
    await close()
  }
})

Deno.test('validate(code) validates a subscription whose URL answered the PING without it', async () => {
  const { mock, hooks, workspace, track, receive, close } = world()
  try {
    const codes: string[] = []
    const { url, events } = receive(SECRET, (handler) => async (request) => {
      const answer = await handler(request)
      if (answer.headers.get('content-type') !== 'application/json') return answer
      codes.push((await answer.json()).validation_code)
      return new Response(null, { status: 200 })
    })
    const created = await hooks.add(workspace, subscription(url))
    assert.equal(created.validated_at, null)
    await hooks.validate(workspace, created, codes[0]!)
    const again = await hooks.validate(workspace, created, codes[0]!).catch((error: unknown) => error)
    assert.ok(again instanceof HTTPStatusError)
    assert.equal(again.serverMessage, `subscription ${created.subscription_id} has already been validated`)
    await track('after validation')
    await mock.webhooks.settled()
    assert.equal(events.length, 1)
  } finally {
    await close()
  }
})
