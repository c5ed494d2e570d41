// The fake's Webhooks API v1 by raw requests (in-process), with in-process receivers: Toggl's
// statuses and words, its plan limits, the PING that creating sends and the validation it allows,
// and the signed events the fake's changes produce. The fake's own rules say so in their names.
import { describe, expect, it, vi } from 'vitest'
import { freePort } from '../scripts/redis.js'
import { DEMO_ACCOUNT, type MockAccount, type TogglMockOptions } from '../src/mock/index.ts'
import { OTHER } from './support/organizations.ts'
import { NOW, expectError, ok, world, type Reply } from './support/tracking.ts'
import { HEADER, sign } from './support/webhooks.ts'

const HOOK = 'https://hooks.example.com/toggl'
const SECRET = 'fake-side-secret-19'
const NO_ACCESS = 'User not found/accessible for workspace'

interface Received {
  headers: Headers
  text: string
  body: Record<string, unknown>
}

/** The tracking world, with a `hook(method, path, body?, as?)` for Webhooks API calls and a receiver at {@link HOOK}. */
function hooked(options: TogglMockOptions = {}, answer: (body: Record<string, unknown>) => Response | undefined = () => undefined) {
  const setup = world(options)
  const received: Received[] = []
  setup.mock.webhooks.receive(HOOK, async (request) => {
    const text = await request.text()
    const body = JSON.parse(text) as Record<string, unknown>
    received.push({ headers: request.headers, text, body })
    // By default: what createWebhookHandler does, answering a PING with its code.
    return answer(body) ?? (body.payload === 'ping' ? Response.json({ validation_code: body.validation_code }) : new Response(null, { status: 200 }))
  })
  const hook = (method: string, path: string, body?: unknown, as?: MockAccount): Promise<Reply> => setup.request(method, `/webhooks/api/v1${path}`, body, as)
  const events = () => received.filter(({ body }) => body.payload !== 'ping').map(({ body }) => body)
  return { ...setup, hook, received, events }
}

const input = (changes: Record<string, unknown> = {}) => ({
  url_callback: HOOK,
  event_filters: [{ entity: 'time_entry', action: '*' }],
  description: 'Sync',
  enabled: true,
  secret: SECRET,
  ...changes,
})

describe('POST /subscriptions/{wid}', () => {
  it('PINGs the URL before answering, signed with the secret, carrying the validation code and its URL', async () => {
    const { hook, received, ws } = hooked()
    const created = ok(await hook('POST', `/subscriptions/${ws.id}`, input()))
    expect(received).toHaveLength(1)
    const [{ headers, text, body }] = received as [Received]
    expect(headers.get('content-type')).toBe('application/json')
    expect(headers.get(HEADER)).toBe(sign(text, SECRET))
    const code = body.validation_code as string
    expect(code).toMatch(/^[0-9a-f]{32}$/)
    expect(body).toEqual({
      event_id: 0,
      created_at: '2024-12-16T12:00:00.000Z',
      creator_id: DEMO_ACCOUNT.id,
      metadata: { request_type: 'POST', event_user_id: DEMO_ACCOUNT.id },
      payload: 'ping',
      validation_code: code,
      validation_code_url: `http://fake.test/webhooks/api/v1/validate/${ws.id}/${created.subscription_id}/${code}`,
      subscription_id: created.subscription_id,
      timestamp: '2024-12-16T12:00:00.000Z',
      url_callback: HOOK,
    })
    expect(created).toEqual({
      subscription_id: created.subscription_id,
      workspace_id: ws.id,
      user_id: DEMO_ACCOUNT.id,
      enabled: true,
      description: 'Sync',
      event_filters: [{ entity: 'time_entry', action: '*' }],
      url_callback: HOOK,
      secret: SECRET,
      validated_at: '2024-12-16T12:00:00.000000Z',
      has_pending_events: false,
      created_at: '2024-12-16T12:00:00.000000Z',
      updated_at: null,
      deleted_at: null,
    })
  })

  it('keeps it unvalidated when the answer is 200 without the code; GET /validate with the code validates it once', async () => {
    const { hook, received, ws } = hooked({}, () => new Response('thanks', { status: 200 }))
    const created = ok(await hook('POST', `/subscriptions/${ws.id}`, input({ secret: undefined })))
    expect(created.validated_at).toBeNull()
    expect(created.secret).toMatch(/^[0-9a-f]{32}$/)
    // The PING was signed with the secret Toggl made up.
    expect(received[0]!.headers.get(HEADER)).toBe(sign(received[0]!.text, created.secret as string))
    const code = received[0]!.body.validation_code as string
    const id = created.subscription_id
    expectError(await hook('GET', `/validate/${ws.id}/${id}/nope`), 400, `subscription ${id} for workspace ${ws.id} and validation code 'nope' was not found`)
    expect(ok(await hook('GET', `/validate/${ws.id}/${id}/${code}`))).toBe('OK')
    expectError(await hook('GET', `/validate/${ws.id}/${id}/${code}`), 400, `subscription ${id} has already been validated`)
    expect(ok<Record<string, unknown>[]>(await hook('GET', `/subscriptions/${ws.id}`))[0]!.validated_at).toBe('2024-12-16T12:00:00.000000Z')
  })

  it('refuses the subscription (400) when the URL answers anything but 200, and keeps nothing', async () => {
    const { hook, ws } = hooked({}, () => new Response(null, { status: 201 }))
    expectError(await hook('POST', `/subscriptions/${ws.id}`, input()), 400, `URL endpoint ${HOOK} responded with status 201 instead of 200`)
    expect(ok(await hook('GET', `/subscriptions/${ws.id}`))).toEqual([])
  })

  it('refuses a URL nothing answers at, in Toggl’s words with the error', async () => {
    const { hook, ws } = hooked()
    // A port the system just gave out and took back: nothing listens on it.
    const url = `http://127.0.0.1:${await freePort()}/toggl`
    const reply = await hook('POST', `/subscriptions/${ws.id}`, input({ url_callback: url }))
    expect(reply.status).toBe(400)
    expect(reply.body).toMatch(new RegExp(`^URL endpoint ${url} request failed with error: .*ECONNREFUSED`))
  })

  it('never calls a host off this machine unless told (the fake’s guard), and calls it with webhooks.allowRemote', async () => {
    const fetch = vi.fn(async () => new Response(null, { status: 200 }))
    const guarded = hooked({ webhooks: { fetch } })
    const remote = 'https://elsewhere.example.org/hook'
    const reply = await guarded.hook('POST', `/subscriptions/${guarded.ws.id}`, input({ url_callback: remote }))
    expect(reply.status).toBe(400)
    expect(reply.body).toBe(
      `URL endpoint ${remote} request failed with error: togglkit/mock does not call elsewhere.example.org, which is not a loopback host (register a receiver with mock.webhooks.receive, or set webhooks.allowRemote)`,
    )
    expect(fetch).not.toHaveBeenCalled()

    const open = hooked({ webhooks: { fetch, allowRemote: true } })
    ok(await open.hook('POST', `/subscriptions/${open.ws.id}`, input({ url_callback: remote })))
    expect(fetch).toHaveBeenCalledOnce()
    expect(fetch.mock.calls[0]).toEqual([remote, expect.objectContaining({ method: 'POST' })])
  })

  it.each<[string, Record<string, unknown>, string]>([
    ['an empty description', { description: '' }, 'Subscription description must not be empty'],
    ['a blank description (the fake’s rule: blank counts as empty)', { description: '  ' }, 'Subscription description must not be empty'],
    ['no filters', { event_filters: [] }, 'The list of event filters must not be empty'],
    ['an empty entity', { event_filters: [{ entity: '', action: '*' }] }, 'The entity field for each subscription event filter must be non-empty'],
    ['an entity with other characters', { event_filters: [{ entity: 'time-entry', action: '*' }] }, "The value 'time-entry' for the filter entity can only contain letters, numbers and '_' or be '*' to match all entities"],
    ['an empty action', { event_filters: [{ entity: 'tag' }] }, 'The action field for each subscription event filter must be non-empty'],
    ['an action with other characters', { event_filters: [{ entity: 'tag', action: 'up date' }] }, "The value 'up date' for the filter action can only contain letters, numbers and '_' or be '*' to match all actions"],
    ['an action Toggl does not know', { event_filters: [{ entity: 'tag', action: 'archived' }] }, "Invalid value 'archived' for event filter action"],
    ['a repeated filter (written entity:action, the fake’s form)', { event_filters: [{ entity: 'tag', action: '*' }, { entity: 'tag', action: '*' }] }, 'The following event filter appears more than once for your subscription: tag:*'],
    ['a field of the wrong type (the fake’s rule)', { enabled: 'yes' }, 'Invalid JSON input'],
  ])('answers 400 for %s', async (_, changes, message) => {
    const { hook, ws } = hooked()
    expectError(await hook('POST', `/subscriptions/${ws.id}`, input(changes)), 400, message)
  })

  it('answers 400 for a description already in use in the workspace, and takes it in another', async () => {
    const { hook, ws, soloWs } = hooked()
    ok(await hook('POST', `/subscriptions/${ws.id}`, input()))
    expectError(await hook('POST', `/subscriptions/${ws.id}`, input({ enabled: false })), 400, `Subscription description 'Sync' is already in use for workspace ${ws.id}`)
    ok(await hook('POST', `/subscriptions/${soloWs.id}`, input()))
  })

  it('answers 403 for a workspace the caller is not in', async () => {
    const { hook, initechWs } = hooked()
    expectError(await hook('POST', `/subscriptions/${initechWs.id}`, input()), 403, NO_ACCESS)
    expectError(await hook('GET', `/subscriptions/${initechWs.id}`), 403, NO_ACCESS)
    expectError(await hook('GET', `/limits/${initechWs.id}`), 403, NO_ACCESS)
  })
})

describe('plan limits', () => {
  it('GET /limits/{wid} answers Toggl’s per plan: Free 1 × 3, Starter 2 × 6, Premium 3 × 12', async () => {
    const { hook, acme, ws, soloWs } = hooked()
    expect(ok(await hook('GET', `/limits/${soloWs.id}`))).toEqual({ max_webhooks: 1, max_events_per_webhook: 3 })
    expect(ok(await hook('GET', `/limits/${ws.id}`))).toEqual({ max_webhooks: 3, max_events_per_webhook: 12 })
    acme.pricingPlanName = 'Starter'
    expect(ok(await hook('GET', `/limits/${ws.id}`))).toEqual({ max_webhooks: 2, max_events_per_webhook: 6 })
  })

  it('Enterprise (“custom” at Toggl) gets 10 × 50, the fake’s own numbers', async () => {
    const { hook, acme, ws } = hooked()
    acme.pricingPlanName = 'Enterprise'
    expect(ok(await hook('GET', `/limits/${ws.id}`))).toEqual({ max_webhooks: 10, max_events_per_webhook: 50 })
  })

  it('counts enabled subscriptions per user: a disabled one may be made past the limit, not enabled', async () => {
    const { hook, soloWs } = hooked()
    ok(await hook('POST', `/subscriptions/${soloWs.id}`, input()))
    const limit = `User ${DEMO_ACCOUNT.id} already reached the limit of 1 enabled subscriptions for workspace ${soloWs.id}`
    expectError(await hook('POST', `/subscriptions/${soloWs.id}`, input({ description: 'Second' })), 400, limit)
    const spare = ok(await hook('POST', `/subscriptions/${soloWs.id}`, input({ description: 'Second', enabled: false })))
    expectError(await hook('PATCH', `/subscriptions/${soloWs.id}/${spare.subscription_id}`, { enabled: true }), 400, limit)
    expectError(await hook('PUT', `/subscriptions/${soloWs.id}/${spare.subscription_id}`, input({ description: 'Second' })), 400, limit)
  })

  it('counts filters per subscription', async () => {
    const { hook, soloWs } = hooked()
    const filters = ['created', 'updated', 'deleted', '*'].map((action) => ({ entity: 'tag', action }))
    expectError(
      await hook('POST', `/subscriptions/${soloWs.id}`, input({ event_filters: filters })),
      400,
      "The limit of 3 event filters for your subscription has been exceeded as you're trying to set 4 filters",
    )
    ok(await hook('POST', `/subscriptions/${soloWs.id}`, input({ event_filters: filters.slice(1) })))
  })
})

describe('the other subscription calls', () => {
  it('a member sees only their own subscriptions and gets 404 for an admin’s (the fake’s rule); an admin sees and changes all', async () => {
    const { hook, ws } = hooked()
    const mine = ok(await hook('POST', `/subscriptions/${ws.id}`, input()))
    const theirs = ok(await hook('POST', `/subscriptions/${ws.id}`, input({ description: 'Other’s' }), OTHER))
    expect(ok<Record<string, unknown>[]>(await hook('GET', `/subscriptions/${ws.id}`, undefined, OTHER)).map(({ subscription_id }) => subscription_id)).toEqual([theirs.subscription_id])
    const missing = `subscription ${mine.subscription_id} for workspace ${ws.id} was not found`
    expectError(await hook('PATCH', `/subscriptions/${ws.id}/${mine.subscription_id}`, { enabled: false }, OTHER), 404, missing)
    expect(ok(await hook('PATCH', `/subscriptions/${ws.id}/${theirs.subscription_id}`, { enabled: false }))).toMatchObject({ enabled: false, user_id: OTHER.id })
  })

  it('PUT replaces the subscription; an unchanged URL is not called and a left-out secret is kept (the fake’s rules)', async () => {
    const { clock, hook, received, ws } = hooked()
    const created = ok(await hook('POST', `/subscriptions/${ws.id}`, input()))
    clock.now += 60_000
    const changes = { url_callback: HOOK, event_filters: [{ entity: '*', action: 'deleted' }], description: 'Deletions', enabled: false }
    const updated = ok(await hook('PUT', `/subscriptions/${ws.id}/${created.subscription_id}`, changes))
    expect(updated).toMatchObject({ ...changes, secret: SECRET, validated_at: created.validated_at, updated_at: '2024-12-16T12:01:00.000000Z' })
    expect(received).toHaveLength(1)
  })

  it('PUT to a new URL PINGs it (any 2xx will do) and the subscription must be validated again unless the answer carries the code (the fake’s rule)', async () => {
    const { hook, mock, ws } = hooked()
    const created = ok(await hook('POST', `/subscriptions/${ws.id}`, input()))
    mock.webhooks.receive('https://hooks.example.com/plain', () => new Response(null, { status: 204 }))
    const moved = ok(await hook('PUT', `/subscriptions/${ws.id}/${created.subscription_id}`, input({ url_callback: 'https://hooks.example.com/plain' })))
    expect(moved).toMatchObject({ url_callback: 'https://hooks.example.com/plain', validated_at: null })
    mock.webhooks.receive('https://hooks.example.com/broken', () => new Response(null, { status: 500 }))
    expectError(
      await hook('PUT', `/subscriptions/${ws.id}/${created.subscription_id}`, input({ url_callback: 'https://hooks.example.com/broken' })),
      400,
      'URL endpoint https://hooks.example.com/broken responded with status 500 instead of 2xx',
    )
    const back = ok(await hook('PUT', `/subscriptions/${ws.id}/${created.subscription_id}`, input()))
    expect(back.validated_at).toBe('2024-12-16T12:00:00.000000Z')
  })

  it('PATCH enabling PINGs the URL (200 required); disabling does not call it (the fake’s rule)', async () => {
    let status = 200
    const { hook, received, ws } = hooked({}, (body) => (body.payload === 'ping' && status !== 200 ? new Response(null, { status }) : undefined))
    const created = ok(await hook('POST', `/subscriptions/${ws.id}`, input()))
    const path = `/subscriptions/${ws.id}/${created.subscription_id}`
    expect(ok(await hook('PATCH', path, { enabled: false })).enabled).toBe(false)
    expect(received).toHaveLength(1)
    status = 503
    expectError(await hook('PATCH', path, { enabled: true }), 400, `URL endpoint ${HOOK} responded with status 503 instead of 200`)
    status = 200
    expect(ok(await hook('PATCH', path, { enabled: true })).enabled).toBe(true)
    expect(received).toHaveLength(3)
    expectError(await hook('PATCH', path, { enabled: 'no' }), 400, 'Invalid JSON input')
  })

  it('DELETE answers the subscription with deleted_at; afterwards it is 404', async () => {
    const { clock, hook, ws } = hooked()
    const created = ok(await hook('POST', `/subscriptions/${ws.id}`, input()))
    clock.now += 5_000
    const path = `/subscriptions/${ws.id}/${created.subscription_id}`
    expect(ok(await hook('DELETE', path))).toEqual({ ...created, deleted_at: '2024-12-16T12:00:05.000000Z' })
    expectError(await hook('DELETE', path), 404, `subscription ${created.subscription_id} for workspace ${ws.id} was not found`)
    expectError(await hook('POST', `/ping/${ws.id}/${created.subscription_id}`), 404, `subscription ${created.subscription_id} for workspace ${ws.id} was not found`)
  })

  it('POST /ping PINGs enabled or not; { status } is OK, or what went wrong (the fake’s rule); a validated one’s PING carries no code', async () => {
    let status = 200
    const { hook, received, ws } = hooked({}, (body) => (body.payload === 'ping' && status !== 200 ? new Response(null, { status }) : undefined))
    const created = ok(await hook('POST', `/subscriptions/${ws.id}`, input({ enabled: false })))
    expect(ok(await hook('POST', `/ping/${ws.id}/${created.subscription_id}`))).toEqual({ status: 'OK' })
    expect(received[1]!.body).not.toHaveProperty('validation_code')
    status = 410
    expect(ok(await hook('POST', `/ping/${ws.id}/${created.subscription_id}`))).toEqual({ status: `URL endpoint ${HOOK} responded with status 410 instead of 2xx` })
  })

  it('GET /event_filters lists each entity with its actions (the list is the fake’s); GET /status is OK', async () => {
    const { hook } = hooked()
    const filters = ok(await hook('GET', '/event_filters'))
    expect(Object.keys(filters)).toEqual(['client', 'project', 'project_group', 'project_user', 'tag', 'task', 'time_entry', 'workspace', 'workspace_user'])
    expect(filters.time_entry).toEqual(['created', 'updated', 'deleted'])
    expect(ok(await hook('GET', '/status'))).toEqual({ status: 'OK' })
  })
})

describe('events', () => {
  it('a time entry created through the API is sent as Toggl sends it, signed with the secret', async () => {
    const { call, clock, hook, mock, received, events, ws } = hooked()
    const created = ok(await hook('POST', `/subscriptions/${ws.id}`, input()))
    clock.now += 2_000
    const body = { workspace_id: ws.id, description: 'Review', start: '2024-12-16T11:00:00Z', duration: 600, created_with: 'test' }
    const entry = ok(await call('POST', `/workspaces/${ws.id}/time_entries`, body))
    await mock.webhooks.settled()
    const [event] = events() as [Record<string, unknown>]
    expect(event).toEqual({
      event_id: expect.any(Number),
      created_at: '2024-12-16T12:00:02.000Z',
      creator_id: DEMO_ACCOUNT.id,
      metadata: {
        action: 'created',
        event_user_id: String(DEMO_ACCOUNT.id),
        model: 'time_entry',
        model_owner_id: String(DEMO_ACCOUNT.id),
        path: `/api/v9/workspaces/${ws.id}/time_entries`,
        request_type: 'POST',
        request_body: JSON.stringify(body),
        time_entry_id: String(entry.id),
        workspace_id: String(ws.id),
      },
      payload: entry,
      subscription_id: created.subscription_id,
      timestamp: '2024-12-16T12:00:02.000Z',
      url_callback: HOOK,
    })
    expect(event.event_id).toBeGreaterThan(8e15)
    const delivery = received.at(-1)!
    expect(delivery.headers.get(HEADER)).toBe(sign(delivery.text, SECRET))
  })

  it('flow only to subscriptions that are enabled and validated', async () => {
    const { hook, mock, ws, events, received } = hooked({}, (body) => (body.payload === 'ping' ? new Response(null, { status: 200 }) : undefined))
    const unvalidated = ok(await hook('POST', `/subscriptions/${ws.id}`, input()))
    mock.state.addTimeEntry({ workspaceId: ws.id, start: NOW - 60_000, duration: 60 })
    await mock.webhooks.settled()
    expect(events()).toEqual([])
    const code = received[0]!.body.validation_code as string
    ok(await hook('GET', `/validate/${ws.id}/${unvalidated.subscription_id}/${code}`))
    ok(await hook('PATCH', `/subscriptions/${ws.id}/${unvalidated.subscription_id}`, { enabled: false }))
    mock.state.addTimeEntry({ workspaceId: ws.id, start: NOW - 30_000, duration: 60 })
    await mock.webhooks.settled()
    expect(events()).toEqual([])
  })

  it('follow the filters: entity and action, `*` for any', async () => {
    const { hook, mock, ws, events } = hooked()
    ok(await hook('POST', `/subscriptions/${ws.id}`, input({ event_filters: [{ entity: 'project', action: 'created' }, { entity: 'tag', action: '*' }] })))
    const tag = mock.state.addTag({ workspaceId: ws.id, name: 'billed' })
    const project = mock.state.addProject({ workspaceId: ws.id, name: 'Site' })
    mock.state.addTimeEntry({ workspaceId: ws.id, start: NOW - 60_000, duration: 60 })
    mock.state.remove('project', project, DEMO_ACCOUNT.id)
    mock.state.remove('tag', tag, DEMO_ACCOUNT.id)
    await mock.webhooks.settled()
    expect(events().map(({ metadata }) => (metadata as Record<string, string>)['model'] + ' ' + (metadata as Record<string, string>)['action'])).toEqual([
      'tag created',
      'project created',
      'tag deleted',
    ])
  })

  it('follow what the creator may see: a member hears of their own time entries only, an admin of everyone’s', async () => {
    const { hook, mock, ws, acme } = hooked()
    const heard: string[] = []
    for (const [who, url] of [['admin', 'https://hooks.example.com/admin'], ['member', 'https://hooks.example.com/member']] as const) {
      mock.webhooks.receive(url, async (request) => {
        const body = await request.json()
        if (body.payload === 'ping') return Response.json({ validation_code: body.validation_code })
        heard.push(`${who} heard ${body.payload.description}`)
        return new Response(null, { status: 200 })
      })
    }
    ok(await hook('POST', `/subscriptions/${ws.id}`, input({ url_callback: 'https://hooks.example.com/admin' })))
    ok(await hook('POST', `/subscriptions/${ws.id}`, input({ url_callback: 'https://hooks.example.com/member', description: 'Mine' }), OTHER))
    mock.state.addTimeEntry({ workspaceId: ws.id, userId: DEMO_ACCOUNT.id, description: 'demo’s', start: NOW - 60_000, duration: 60 })
    mock.state.addTimeEntry({ workspaceId: ws.id, userId: OTHER.id, description: 'other’s', start: NOW - 30_000, duration: 60 })
    await mock.webhooks.settled()
    // Each subscription has its own line of deliveries: only the order within one is fixed.
    expect(heard.sort()).toEqual(['admin heard demo’s', 'admin heard other’s', 'member heard other’s'])
    mock.state.removeMember(acme.id, OTHER.id)
    mock.state.addTimeEntry({ workspaceId: ws.id, description: 'after', start: NOW - 10_000, duration: 60 })
    await mock.webhooks.settled()
    expect(heard.slice(3)).toEqual(['admin heard after'])
  })

  it('from a seed helper carry no request in their metadata; each subscription gets its own event id', async () => {
    const { hook, mock, ws, events } = hooked()
    ok(await hook('POST', `/subscriptions/${ws.id}`, input()))
    ok(await hook('POST', `/subscriptions/${ws.id}`, input({ description: 'Twice' })))
    const entry = mock.state.addTimeEntry({ workspaceId: ws.id, userId: OTHER.id, start: NOW - 60_000, duration: 60 })
    await mock.webhooks.settled()
    const [first, second] = events() as [Record<string, unknown>, Record<string, unknown>]
    expect(first.metadata).toEqual({
      action: 'created',
      event_user_id: String(OTHER.id),
      model: 'time_entry',
      model_owner_id: String(OTHER.id),
      time_entry_id: String(entry.id),
      workspace_id: String(ws.id),
    })
    expect(first.creator_id).toBe(OTHER.id)
    expect(second.event_id).not.toBe(first.event_id)
  })

  it('arrive one at a time per subscription, in the order of the changes', async () => {
    const { hook, mock, ws } = hooked()
    const order: string[] = []
    let open = 0
    let mostOpen = 0
    mock.webhooks.receive('https://hooks.example.com/slow', async (request) => {
      const body = await request.json()
      if (body.payload === 'ping') return Response.json({ validation_code: body.validation_code })
      mostOpen = Math.max(mostOpen, ++open)
      // A slow receiver: other deliveries, were they sent meanwhile, would arrive now.
      for (let turn = 0; turn < 5; turn++) await new Promise((resolve) => setImmediate(resolve))
      order.push(body.payload.description)
      open--
      return new Response(null, { status: 200 })
    })
    ok(await hook('POST', `/subscriptions/${ws.id}`, input({ url_callback: 'https://hooks.example.com/slow' })))
    for (const description of ['first', 'second', 'third']) mock.state.addTimeEntry({ workspaceId: ws.id, description, start: NOW - 60_000, duration: 60 })
    await mock.webhooks.settled()
    expect(order).toEqual(['first', 'second', 'third'])
    expect(mostOpen).toBe(1)
  })

  it('that fail stay pending (has_pending_events) until redeliver() sends them again: same id, a new timestamp', async () => {
    let failing = true
    const { clock, hook, mock, ws, events } = hooked({}, (body) => (body.payload !== 'ping' && failing ? new Response(null, { status: 500 }) : undefined))
    ok(await hook('POST', `/subscriptions/${ws.id}`, input()))
    mock.state.addTimeEntry({ workspaceId: ws.id, start: NOW - 60_000, duration: 60 })
    await mock.webhooks.settled()
    expect(ok<Record<string, unknown>[]>(await hook('GET', `/subscriptions/${ws.id}`))[0]!.has_pending_events).toBe(true)
    await mock.webhooks.redeliver()
    failing = false
    clock.now += 90_000
    await mock.webhooks.redeliver()
    const [first, second, third] = events() as [Record<string, unknown>, Record<string, unknown>, Record<string, unknown>]
    expect([second.event_id, third.event_id]).toEqual([first.event_id, first.event_id])
    expect([first.timestamp, third.timestamp]).toEqual(['2024-12-16T12:00:00.000Z', '2024-12-16T12:01:30.000Z'])
    expect(mock.webhooks.deliveries.filter(({ kind }) => kind === 'event').map(({ attempt, status }) => [attempt, status])).toEqual([
      [1, 500],
      [2, 500],
      [3, 200],
    ])
    expect(ok<Record<string, unknown>[]>(await hook('GET', `/subscriptions/${ws.id}`))[0]!.has_pending_events).toBe(false)
  })

  it('are signed with the secret as it is when sent: after a PUT, the new one', async () => {
    const { hook, mock, ws, received } = hooked()
    const created = ok(await hook('POST', `/subscriptions/${ws.id}`, input()))
    ok(await hook('PUT', `/subscriptions/${ws.id}/${created.subscription_id}`, input({ secret: 'rotated-secret-2' })))
    mock.state.addTimeEntry({ workspaceId: ws.id, start: NOW - 60_000, duration: 60 })
    await mock.webhooks.settled()
    const delivery = received.at(-1)!
    expect(delivery.headers.get(HEADER)).toBe(sign(delivery.text, 'rotated-secret-2'))
  })
})
