// WebhookEndpoint against the loopback fake: each call's method, path and body, its reply, Toggl's
// errors, bad input that sends nothing, what is cached, and that no secret or validation code ever
// reaches an error, a log line or the cache.
import { describe, expect, it } from 'vitest'
import { HTTPStatusError, InputError, MemoryCache, NamingError, WebhookEndpoint, type AttemptEvent } from '../src/index.ts'
import type { WebhookSubscription, WebhookSubscriptionInput } from '../src/schemas/webhooks/subscriptions.ts'
import { expectDrift, expectStatus, failureOf } from './support/fake.ts'
import { OTHER } from './support/organizations.ts'
import { HOOK_SECRET, hookWorld, receiver, subscription, type HookWorld } from './support/subscriptions.ts'

const NO_ACCESS = 'User not found/accessible for workspace'

/** A world with one validated subscription of Demo's in Acme, delivering to a real receiver. */
async function subscribed(): Promise<HookWorld & { url: string; created: WebhookSubscription }> {
  const world = await hookWorld()
  const { url } = await receiver()
  const created = await world.hooks.add(world.acme, subscription(url, { description: 'Timesheet sync' }))
  return { ...world, url, created }
}

/** Fails unless `promise` throws InputError (or `kind`) matching `message` without sending a request. */
async function expectRefused(world: HookWorld, promise: Promise<unknown>, message: RegExp | string, kind = InputError): Promise<Error> {
  const sentBefore = world.fake.sent()
  const error = await failureOf(promise)
  expect(error).toBeInstanceOf(kind)
  expect(error.message).toMatch(message)
  expect(world.fake.sent()).toBe(sentBefore)
  return error
}

describe('WebhookEndpoint.collect', () => {
  it('sends GET /subscriptions/{workspace_id} to webhooksURL and answers each subscription with its secret', async () => {
    const { fake, hooks, acme, url, created } = await subscribed()
    const listed = await hooks.collect(acme)
    expect(fake.last()).toEqual({ method: 'GET', path: `/subscriptions/${acme}`, query: {}, body: undefined })
    expect(fake.mock.requests.at(-1)!.headers.authorization).toBe(fake.auth.header())
    expect(listed).toEqual([created])
    expect(listed[0]).toMatchObject({
      workspace_id: acme,
      user_id: 1,
      description: 'Timesheet sync',
      url_callback: url,
      event_filters: [{ entity: 'time_entry', action: '*' }],
      enabled: true,
      secret: HOOK_SECRET,
      has_pending_events: false,
      deleted_at: null,
    })
    expect(listed[0]!.validated_at).toEqual(expect.any(String))
  })

  it('shows a workspace admin everyone’s subscriptions, a member only their own', async () => {
    const { hooks, hooksAs, acme, created } = await subscribed()
    const { url } = await receiver()
    const others = await hooksAs(OTHER).add(acme, subscription(url, { description: 'Other’s' }))
    expect((await hooks.collect(acme)).map(({ subscription_id }) => subscription_id)).toEqual([created.subscription_id, others.subscription_id])
    expect((await hooksAs(OTHER).collect(acme)).map(({ subscription_id }) => subscription_id)).toEqual([others.subscription_id])
  })

  it('is never cached (subscriptions carry secrets): 1 request every time, and the cache holds no secret', async () => {
    const { fake, acme } = await subscribed()
    const cache = new MemoryCache()
    const hooks = fake.endpoint(WebhookEndpoint, cache)
    const before = fake.sent()
    await hooks.collect(acme)
    await hooks.collect(acme)
    expect(fake.sent() - before).toBe(2)
    expect(await cache.entries()).toEqual([])
  })

  it('maps 403 for a workspace the user is not in', async () => {
    const { hooks, initech } = await hookWorld()
    await expectStatus(hooks.collect(initech), 403, NO_ACCESS)
  })

  it('names the field of a reply that drifted', async () => {
    const { fake, hooks, acme } = await hookWorld()
    fake.replyOnce('[{"subscription_id":1,"workspace_id":2,"user_id":3,"description":"d","url_callback":"u","event_filters":[],"enabled":"yes"}]')
    await expectDrift(hooks.collect(acme), '$[0].enabled')
  })

  it('refuses a workspace that is no id, sending nothing', async () => {
    const world = await hookWorld()
    await expectRefused(world, world.hooks.collect(0), /^WebhookEndpoint\.collect: workspace must be a positive whole-number id/)
  })
})

describe('WebhookEndpoint.add', () => {
  it('sends POST /subscriptions/{workspace_id} with the subscription; Toggl PINGs the URL, whose answer validates it', async () => {
    const { fake, hooks, acme } = await hookWorld()
    const { url } = await receiver()
    const input = subscription(url, { description: 'Invoices' }, [
      { entity: 'project', action: 'created' },
      { entity: 'tag', action: '*' },
    ])
    const created = await hooks.add({ id: acme }, input)
    expect(fake.last()).toEqual({ method: 'POST', path: `/subscriptions/${acme}`, query: {}, body: input })
    expect(created).toMatchObject({ ...input, workspace_id: acme, user_id: 1, has_pending_events: false })
    expect(created.validated_at).toEqual(expect.any(String))
    expect(fake.mock.webhooks.deliveries).toEqual([
      { kind: 'ping', subscriptionId: created.subscription_id, eventId: 0, url, attempt: 1, status: 200 },
    ])
  })

  it('answers the secret Toggl made up when none is given (here for a URL that answers 200 unsigned)', async () => {
    const { fake, hooks, acme } = await hookWorld()
    fake.mock.webhooks.receive('https://hooks.example.com/anything', () => new Response(null, { status: 200 }))
    const { secret: _, ...input } = subscription('https://hooks.example.com/anything')
    const created = await hooks.add(acme, input)
    expect(created.secret).toMatch(/^[0-9a-f]{32}$/)
    expect(created.validated_at).toBeNull()
  })

  it('surfaces Toggl’s 400 when the URL does not answer the PING with 200 (here: signed with another secret)', async () => {
    const { hooks, acme } = await hookWorld()
    const { url } = await receiver('the-receiver-knows-another-secret')
    await expectStatus(hooks.add(acme, subscription(url)), 400, `URL endpoint ${url} responded with status 401 instead of 200`)
    expect(await hooks.collect(acme)).toEqual([])
  })

  it('surfaces the plan’s limits as Toggl words them: enabled subscriptions per user, filters per subscription', async () => {
    const { hooks, solo } = await hookWorld()
    const { url } = await receiver()
    await hooks.add(solo, subscription(url))
    await expectStatus(hooks.add(solo, subscription(url)), 400, `User 1 already reached the limit of 1 enabled subscriptions for workspace ${solo}`)
    const four = (['created', 'updated', 'deleted', '*'] as const).map((action) => ({ entity: 'tag' as const, action }))
    await expectStatus(
      hooks.add(solo, subscription(url, { enabled: false }, four)),
      400,
      "The limit of 3 event filters for your subscription has been exceeded as you're trying to set 4 filters",
    )
  })

  it('surfaces a description already in use in the workspace', async () => {
    const { hooks, acme, url } = await subscribed()
    await expectStatus(hooks.add(acme, subscription(url, { description: 'Timesheet sync' })), 400, `Subscription description 'Timesheet sync' is already in use for workspace ${acme}`)
  })

  it('is never retried: a 503 costs 1 request and is thrown', async () => {
    const { fake, hooks, acme } = await hookWorld()
    fake.mock.inject({ type: 'status', status: 503 })
    const error = await failureOf(hooks.add(acme, subscription('http://127.0.0.1:9/never-called')))
    expect(error).toMatchObject({ status: 503 })
    expect(fake.sent()).toBe(1)
  })

  it.each<[string, Record<string, unknown>, RegExp]>([
    ['an http URL off this machine', { url_callback: 'http://hooks.example.com/toggl' }, /^WebhookEndpoint\.add: url_callback must be an https URL \(http only to a loopback host such as 127\.0\.0\.1\), got "http:\/\/hooks\.example\.com\/toggl"$/],
    ['another scheme', { url_callback: 'ftp://127.0.0.1/x' }, /url_callback must be an https URL/],
    ['no URL', { url_callback: 'hooks.example.com' }, /url_callback must be an https URL/],
    ['no filter', { event_filters: [] }, /^WebhookEndpoint\.add: event_filters must hold at least one filter, got an array$/],
    ['an entity Toggl does not report', { event_filters: [{ entity: 'invoice', action: '*' }] }, /^WebhookEndpoint\.add: event_filters\[0\]\.entity must be one of client, project, .*, workspace_user or \*, got "invoice"$/],
    ['an action Toggl does not know', { event_filters: [{ entity: 'tag', action: 'archived' }] }, /event_filters\[0\]\.action must be created, updated, deleted or \*, got "archived"$/],
    ['a repeated filter', { event_filters: [{ entity: 'tag', action: '*' }, { entity: 'tag', action: '*' }] }, /event_filters must not repeat a filter/],
    ['a misspelt filter field', { event_filters: [{ entity: 'tag', acton: '*' }] }, /^WebhookEndpoint\.add: event_filters\[0\]\.acton is not a field Toggl takes here$/],
    ['no enabled', { enabled: undefined }, /^WebhookEndpoint\.add: enabled must be given$/],
    ['an empty secret', { secret: '' }, /^WebhookEndpoint\.add: secret must not be empty$/],
    ['a misspelt field', { url_callbak: 'https://x.example' }, /^WebhookEndpoint\.add: url_callbak is not a field Toggl takes here$/],
  ])('refuses %s with InputError, sending nothing', async (_, changes, message) => {
    const world = await hookWorld()
    const input = { ...subscription('https://hooks.example.com/toggl'), ...changes }
    for (const [field, value] of Object.entries(changes)) if (value === undefined) delete (input as Record<string, unknown>)[field]
    await expectRefused(world, world.hooks.add(world.acme, input as WebhookSubscriptionInput), message)
  })

  it.each(['', '   '])('refuses the description %j with NamingError, sending nothing', async (description) => {
    const world = await hookWorld()
    await expectRefused(world, world.hooks.add(world.acme, subscription('https://hooks.example.com/toggl', { description })), /^WebhookEndpoint\.add: description must not be empty, got "\s*"$/, NamingError)
  })

  it('takes http to a loopback host (localhost, 127.0.0.0/8, ::1)', async () => {
    const world = await hookWorld()
    for (const url of ['http://localhost:1/x', 'http://127.8.9.10/x', 'http://[::1]:5/x']) {
      world.fake.mock.webhooks.receive(url, () => new Response(null, { status: 200 }))
      await world.hooks.add(world.acme, subscription(url, { enabled: false }))
    }
    expect((await world.hooks.collect(world.acme)).map(({ url_callback }) => url_callback)).toEqual(['http://localhost:1/x', 'http://127.8.9.10/x', 'http://[::1]:5/x'])
  })

  it('never quotes a secret that breaks a rule', async () => {
    const world = await hookWorld()
    const error = await expectRefused(world, world.hooks.add(world.acme, subscription('https://hooks.example.com/toggl', { secret: 902_114_735 as never })), /^WebhookEndpoint\.add: secret must be a string$/)
    expect(JSON.stringify(error)).not.toContain('902114735')
  })
})

describe('WebhookEndpoint.edit', () => {
  it('given the model, sends PUT …/{subscription_id} with its fields and the changes on top', async () => {
    const { fake, hooks, acme, url, created } = await subscribed()
    const edited = await hooks.edit(acme, created, { description: 'Renamed', secret: 'a-new-secret-1' })
    const body = { url_callback: url, event_filters: [{ entity: 'time_entry', action: '*' }], description: 'Renamed', enabled: true, secret: 'a-new-secret-1' }
    expect(fake.last()).toEqual({ method: 'PUT', path: `/subscriptions/${acme}/${created.subscription_id}`, query: {}, body })
    expect(edited).toMatchObject({ ...body, subscription_id: created.subscription_id, validated_at: created.validated_at })
    expect(edited.updated_at).toEqual(expect.any(String))
  })

  it('given an id, needs every field (PUT replaces the subscription), sending nothing without', async () => {
    const world = await subscribed()
    const { secret: _, ...withoutSecret } = subscription(world.url)
    await expectRefused(world, world.hooks.edit(world.acme, world.created.subscription_id, withoutSecret), /^WebhookEndpoint\.edit: secret must be given$/)
    const edited = await world.hooks.edit(world.acme, world.created.subscription_id, subscription(world.url, { description: 'Whole' }))
    expect(edited.description).toBe('Whole')
  })

  it('maps Toggl’s 404 for a subscription it does not know, and its 400 for a new URL that does not answer', async () => {
    const { hooks, acme, created } = await subscribed()
    await expectStatus(hooks.edit(acme, 424242, subscription('https://hooks.example.com/x')), 404, `subscription 424242 for workspace ${acme} was not found`)
    const { url: wrong } = await receiver('not-the-secret')
    await expectStatus(hooks.edit(acme, created, { url_callback: wrong }), 400, `URL endpoint ${wrong} responded with status 401 instead of 2xx`)
  })

  it('refuses a misspelt change and a bad filter, sending nothing', async () => {
    const world = await subscribed()
    await expectRefused(world, world.hooks.edit(world.acme, world.created, { enabld: false } as never), /^WebhookEndpoint\.edit: enabld is not a field Toggl takes here$/)
    await expectRefused(world, world.hooks.edit(world.acme, world.created, { event_filters: [{ entity: 'tags', action: '*' }] as never }), /event_filters\[0\]\.entity must be one of/)
    await expectRefused(world, world.hooks.edit(world.acme, { subscription_id: -1 }, {}), /^WebhookEndpoint\.edit: subscription must be a positive whole-number id/)
  })
})

describe('WebhookEndpoint.setEnabled', () => {
  it('sends PATCH …/{subscription_id} with { enabled } and answers the subscription', async () => {
    const { fake, hooks, acme, created } = await subscribed()
    const disabled = await hooks.setEnabled(acme, created, false)
    expect(fake.last()).toEqual({ method: 'PATCH', path: `/subscriptions/${acme}/${created.subscription_id}`, query: {}, body: { enabled: false } })
    expect(disabled).toMatchObject({ subscription_id: created.subscription_id, enabled: false })
    expect((await hooks.setEnabled(acme, created.subscription_id, true)).enabled).toBe(true)
  })

  it('surfaces the plan’s limit when enabling one too many', async () => {
    const { hooks, solo } = await hookWorld()
    const { url } = await receiver()
    await hooks.add(solo, subscription(url))
    const spare = await hooks.add(solo, subscription(url, { enabled: false }))
    await expectStatus(hooks.setEnabled(solo, spare, true), 400, `User 1 already reached the limit of 1 enabled subscriptions for workspace ${solo}`)
  })

  it('is retried after a 503, as the same state twice changes nothing more', async () => {
    const { fake, hooks, acme, created } = await subscribed()
    const before = fake.sent()
    fake.mock.inject({ type: 'status', status: 503 })
    expect((await hooks.setEnabled(acme, created, false)).enabled).toBe(false)
    expect(fake.sent() - before).toBe(2)
  })

  it('refuses what is no boolean, sending nothing', async () => {
    const world = await subscribed()
    await expectRefused(world, world.hooks.setEnabled(world.acme, world.created, 'yes' as never), /^WebhookEndpoint\.setEnabled: enabled must be a boolean, got "yes"$/)
  })
})

describe('WebhookEndpoint.delete', () => {
  it('sends DELETE …/{subscription_id} and answers the subscription as it was', async () => {
    const { fake, hooks, acme, created } = await subscribed()
    const deleted = await hooks.delete(acme, created)
    expect(fake.last()).toEqual({ method: 'DELETE', path: `/subscriptions/${acme}/${created.subscription_id}`, query: {}, body: undefined })
    expect(deleted).toMatchObject({ subscription_id: created.subscription_id, description: 'Timesheet sync' })
    expect(deleted!.deleted_at).toEqual(expect.any(String))
    expect(await hooks.collect(acme)).toEqual([])
  })

  it('answers null when it is already gone (404), and throws it with reRaise', async () => {
    const { fake, hooks, acme, created } = await subscribed()
    await hooks.delete(acme, created)
    expect(await hooks.delete(acme, created)).toBeNull()
    const strict = fake.endpoint(WebhookEndpoint, null, { reRaise: true })
    await expectStatus(strict.delete(acme, created), 404, `subscription ${created.subscription_id} for workspace ${acme} was not found`)
  })
})

describe('WebhookEndpoint.eventFilters', () => {
  it('sends GET /event_filters and answers the entities with their actions', async () => {
    const { fake, hooks } = await hookWorld()
    const filters = await hooks.eventFilters()
    expect(fake.last()).toEqual({ method: 'GET', path: '/event_filters', query: {}, body: undefined })
    expect(filters.time_entry).toEqual(['created', 'updated', 'deleted'])
    expect(Object.keys(filters)).toContain('project')
  })

  it('is served from the cache while fresh (0 requests), refresh sends again; without a cache every call sends', async () => {
    const { fake } = await hookWorld()
    const cached = fake.endpoint(WebhookEndpoint, new MemoryCache())
    await cached.eventFilters()
    await cached.eventFilters()
    expect(fake.sent()).toBe(1)
    await cached.eventFilters({ refresh: true })
    expect(fake.sent()).toBe(2)
    const uncached = fake.endpoint(WebhookEndpoint)
    await uncached.eventFilters()
    await uncached.eventFilters()
    expect(fake.sent()).toBe(4)
  })

  it('names the field of a reply that drifted', async () => {
    const { fake, hooks } = await hookWorld()
    fake.replyOnce('{"tag":["created",7]}')
    await expectDrift(hooks.eventFilters(), '$.tag[1]')
  })
})

describe('WebhookEndpoint.limits', () => {
  it('sends GET /limits/{workspace_id} and answers the plan’s limits', async () => {
    const { fake, hooks, acme, solo } = await hookWorld()
    expect(await hooks.limits(solo)).toEqual({ max_webhooks: 1, max_events_per_webhook: 3 })
    expect(fake.last()).toEqual({ method: 'GET', path: `/limits/${solo}`, query: {}, body: undefined })
    expect(await hooks.limits(acme)).toEqual({ max_webhooks: 3, max_events_per_webhook: 12 })
  })

  it('is cached per workspace, and a subscription write does not make it (or the workspace’s other reads) stale', async () => {
    const { fake, acme } = await hookWorld()
    const { url } = await receiver()
    const hooks = fake.endpoint(WebhookEndpoint, new MemoryCache())
    await hooks.limits(acme)
    const created = await hooks.add(acme, subscription(url))
    await hooks.setEnabled(acme, created, false)
    await hooks.delete(acme, created)
    const before = fake.sent()
    expect(await hooks.limits(acme)).toEqual({ max_webhooks: 3, max_events_per_webhook: 12 })
    expect(fake.sent()).toBe(before)
  })

  it('maps 403 for a workspace the user is not in', async () => {
    const { hooks, initech } = await hookWorld()
    await expectStatus(hooks.limits(initech), 403, NO_ACCESS)
  })
})

describe('WebhookEndpoint.ping', () => {
  it('sends POST /ping/{workspace_id}/{subscription_id}; Toggl PINGs the URL and answers { status }', async () => {
    const { fake, hooks, acme, url, created } = await subscribed()
    expect(await hooks.ping(acme, created)).toEqual({ status: 'OK' })
    expect(fake.last()).toEqual({ method: 'POST', path: `/ping/${acme}/${created.subscription_id}`, query: {}, body: undefined })
    expect(fake.mock.webhooks.deliveries.at(-1)).toMatchObject({ kind: 'ping', url, status: 200 })
  })

  it('is never retried, and maps Toggl’s 403', async () => {
    const { fake, hooks, acme, initech, created } = await subscribed()
    const before = fake.sent()
    fake.mock.inject({ type: 'status', status: 502 })
    expect(await failureOf(hooks.ping(acme, created))).toMatchObject({ status: 502 })
    expect(fake.sent() - before).toBe(1)
    await expectStatus(hooks.ping(initech, created), 403, NO_ACCESS)
  })
})

describe('WebhookEndpoint.validate', () => {
  /** A subscription whose URL answers its PING with 200 but without the code, and the code the PING carried. */
  async function unvalidated() {
    const world = await hookWorld()
    const codes: string[] = []
    world.fake.mock.webhooks.receive('https://hooks.example.com/plain', async (request) => {
      codes.push((await request.json()).validation_code)
      return new Response(null, { status: 200 })
    })
    const created = await world.hooks.add(world.acme, subscription('https://hooks.example.com/plain'))
    return { ...world, created, code: codes[0]! }
  }

  it('sends GET /validate/{workspace_id}/{subscription_id}/{code}, which validates the subscription', async () => {
    const { fake, hooks, acme, created, code } = await unvalidated()
    expect(created.validated_at).toBeNull()
    expect(await hooks.validate(acme, created, code)).toBeUndefined()
    expect(fake.last()).toEqual({ method: 'GET', path: `/validate/${acme}/${created.subscription_id}/${code}`, query: {}, body: undefined })
    expect((await hooks.collect(acme))[0]!.validated_at).toEqual(expect.any(String))
    await expectStatus(hooks.validate(acme, created, code), 400, `subscription ${created.subscription_id} has already been validated`)
  })

  it('keeps the code out of errors and onAttempt: Toggl’s 400 for a wrong one shows [redacted]', async () => {
    const { fake, acme, created } = await unvalidated()
    const attempts: AttemptEvent[] = []
    const hooks = fake.endpoint(WebhookEndpoint, null, { onAttempt: (event) => attempts.push(event) })
    const wrong = 'deadbeef0123456789abcdef'
    const error = await expectStatus(
      hooks.validate(acme, created, wrong),
      400,
      `subscription ${created.subscription_id} for workspace ${acme} and validation code '[redacted]' was not found`,
    )
    expect(error.url).toBe(`${fake.server.origin}/webhooks/api/v1/validate/${acme}/${created.subscription_id}/[redacted]`)
    const everything = [error.message, error.stack, JSON.stringify(error), JSON.stringify(attempts)].join('\n')
    expect(everything).not.toContain(wrong)
    expect(attempts).toHaveLength(1)
    expect(fake.mock.requests.at(-1)!.path).toContain(wrong)
  })

  it('refuses an empty code without quoting it, sending nothing', async () => {
    const world = await unvalidated()
    await expectRefused(world, world.hooks.validate(world.acme, world.created, ''), /^WebhookEndpoint\.validate: validation code must not be empty$/)
    await expectRefused(world, world.hooks.validate(world.acme, world.created, 77 as never), /^WebhookEndpoint\.validate: validation code must be a string$/)
  })
})

describe('WebhookEndpoint.status', () => {
  it('sends GET /status and answers { status }', async () => {
    const { fake, hooks } = await hookWorld()
    expect(await hooks.status()).toEqual({ status: 'OK' })
    expect(fake.last()).toEqual({ method: 'GET', path: '/status', query: {}, body: undefined })
  })

  it('maps a 5xx after its retries', async () => {
    const { fake, hooks } = await hookWorld()
    fake.mock.inject({ type: 'status', status: 500, body: '"Internal Server Error"', headers: { 'content-type': 'application/json' } }, 4)
    const error = await failureOf(hooks.status())
    expect(error).toBeInstanceOf(HTTPStatusError)
    expect(error).toMatchObject({ status: 500, serverMessage: 'Internal Server Error' })
    expect(fake.sent()).toBe(4)
  })
})

describe('secrets', () => {
  it('no cache holds a subscription secret, whatever the calls', async () => {
    const { fake, acme, solo } = await hookWorld()
    const { url } = await receiver()
    const cache = new MemoryCache()
    const hooks = fake.endpoint(WebhookEndpoint, cache)
    const created = await hooks.add(acme, subscription(url))
    await hooks.collect(acme)
    await hooks.edit(acme, created, { secret: HOOK_SECRET })
    await hooks.setEnabled(acme, created, false)
    await hooks.limits(solo)
    await hooks.eventFilters()
    await hooks.delete(acme, created)
    const stored = JSON.stringify(await cache.entries())
    expect(stored).not.toContain(HOOK_SECRET)
    expect(stored).not.toContain('"secret"')
  })

  it('a secret Toggl echoes in an error comes out [redacted]', async () => {
    const { fake, hooks, acme } = await hookWorld()
    fake.mock.inject({ type: 'status', status: 400, body: JSON.stringify(`bad secret ${HOOK_SECRET}`), headers: { 'content-type': 'application/json' } })
    const error = await expectStatus(hooks.add(acme, subscription('https://hooks.example.com/x')), 400, 'bad secret [redacted]')
    expect(JSON.stringify(error)).not.toContain(HOOK_SECRET)
  })
})
