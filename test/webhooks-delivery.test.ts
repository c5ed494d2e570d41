// End to end: WebhookEndpoint subscribes a real receiver (createWebhookHandler behind node:http on
// 127.0.0.1) on the loopback fake; changes made through the fake's API reach onEvent as the signed,
// typed events Toggl sends. The receiver's own refusals (tampering, replays, size, slowness) are
// tested in webhook-handler.test.ts; here: what the subscription's state lets through.
import { describe, expect, it } from 'vitest'
import { createWebhookHandler, type WebhookHandler } from '../src/receiver/index.ts'
import { OTHER } from './support/organizations.ts'
import { HOOK_SECRET, hookWorld, receiver, subscription, type Receiver } from './support/subscriptions.ts'
import { serve } from './support/webhooks.ts'

describe('a subscription on the fake, received by createWebhookHandler', () => {
  it('delivers a time entry created through the API to onEvent as Toggl’s typed event', async () => {
    const { fake, hooks, acme, track } = await hookWorld()
    const { url, events } = await receiver()
    const created = await hooks.add(acme, subscription(url))
    const entry = await track(acme, 'Write the report')
    await fake.mock.webhooks.settled()
    expect(events).toHaveLength(1)
    const [event] = events as [(typeof events)[number]]
    expect(event.model).toBe('time_entry')
    expect(event).toMatchObject({
      creator_id: 1,
      subscription_id: created.subscription_id,
      url_callback: url,
      metadata: {
        action: 'created',
        model: 'time_entry',
        path: `/api/v9/workspaces/${acme}/time_entries`,
        request_type: 'POST',
        workspace_id: String(acme),
        event_user_id: '1',
        model_owner_id: '1',
        time_entry_id: String(entry.id),
      },
      payload: entry,
    })
    expect(event.event_id).toMatch(/^80\d{14}$/)
    expect(JSON.parse(event.metadata.request_body!)).toMatchObject({ description: 'Write the report', workspace_id: acme })
    expect(Date.parse(event.created_at)).not.toBeNaN()
    expect(Date.parse(event.timestamp!)).not.toBeNaN()
  })

  it('validates through the handler’s answer to the PING: add answers it validated, and events flow at once', async () => {
    const { fake, hooks, acme, track } = await hookWorld()
    const { url, events } = await receiver()
    const created = await hooks.add(acme, subscription(url))
    expect(created.validated_at).toEqual(expect.any(String))
    await track(acme, 'first')
    await fake.mock.webhooks.settled()
    expect(events.map(({ payload }) => (payload as { description: string }).description)).toEqual(['first'])
  })

  it('validates through validate(code) when the URL answers the PING without the code; nothing flows before', async () => {
    const { fake, hooks, acme, track } = await hookWorld()
    const codes: string[] = []
    const events: string[] = []
    const handler = createWebhookHandler({ secret: HOOK_SECRET, onEvent: (event) => void events.push(event.event_id) })
    // A receiver that cannot answer with the code (a third-party endpoint): 200, empty.
    const quiet: WebhookHandler = async (request) => {
      const answer = await handler(request)
      const code = answer.headers.get('content-type') === 'application/json' ? (await answer.json()).validation_code : undefined
      if (code === undefined) return answer
      codes.push(code)
      return new Response(null, { status: 200 })
    }
    const url = await serve(quiet)
    const created = await hooks.add(acme, subscription(url))
    expect(created.validated_at).toBeNull()
    await track(acme, 'before')
    await fake.mock.webhooks.settled()
    expect(events).toEqual([])

    await hooks.validate(acme, created, codes[0]!)
    expect((await hooks.collect(acme))[0]!.validated_at).toEqual(expect.any(String))
    await track(acme, 'after')
    await fake.mock.webhooks.settled()
    expect(events).toHaveLength(1)
  })

  it('after an edit to a new secret, the receiver that knows only the old one refuses the events (401) and onEvent never runs', async () => {
    const { fake, hooks, acme, track } = await hookWorld()
    const old = await receiver()
    const created = await hooks.add(acme, subscription(old.url))
    await hooks.edit(acme, created, { secret: 'rotated-secret-77' })
    await track(acme, 'signed with the new secret')
    await fake.mock.webhooks.settled()
    expect(old.events).toEqual([])
    expect(fake.mock.webhooks.deliveries.at(-1)).toMatchObject({ kind: 'event', url: old.url, status: 401 })
    expect((await hooks.collect(acme))[0]!.has_pending_events).toBe(true)

    // A receiver with the new secret, at a URL the edit moves the subscription to, gets the pending event.
    const rotated = await receiver('rotated-secret-77')
    await hooks.edit(acme, created.subscription_id, subscription(rotated.url, { description: created.description, secret: 'rotated-secret-77' }))
    await fake.mock.webhooks.redeliver()
    expect(rotated.events.map(({ payload }) => (payload as { description: string }).description)).toEqual(['signed with the new secret'])
  })

  it('a disabled subscription gets nothing; enabled again, it gets the next change', async () => {
    const { fake, hooks, acme, track } = await hookWorld()
    const { url, events } = await receiver()
    const created = await hooks.add(acme, subscription(url))
    await hooks.setEnabled(acme, created, false)
    await track(acme, 'while disabled')
    await fake.mock.webhooks.settled()
    expect(events).toEqual([])
    expect(fake.mock.webhooks.deliveries.filter(({ kind }) => kind === 'event')).toEqual([])
    await hooks.setEnabled(acme, created, true)
    await track(acme, 'enabled again')
    await fake.mock.webhooks.settled()
    expect(events.map(({ payload }) => (payload as { description: string }).description)).toEqual(['enabled again'])
  })

  it('respects the filters: a project subscription hears of projects, not of time entries', async () => {
    const { fake, hooks, acme, track } = await hookWorld()
    const { url, events } = await receiver()
    await hooks.add(acme, subscription(url, {}, [{ entity: 'project', action: 'created' }]))
    await track(acme, 'not for this subscription')
    const response = await fetch(`${fake.server.baseURL}/workspaces/${acme}/projects`, {
      method: 'POST',
      headers: { authorization: fake.auth.header(), 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Website' }),
    })
    expect(response.status).toBe(200)
    await fake.mock.webhooks.settled()
    expect(events.map((event) => [event.model, event.metadata.action, (event.payload as { name?: string }).name])).toEqual([['project', 'created', 'Website']])
  })

  it('hears of another user’s time entries only when its creator administers the workspace', async () => {
    const { fake, hooks, hooksAs, acme, track } = await hookWorld()
    const admin: Receiver = await receiver()
    const member: Receiver = await receiver()
    await hooks.add(acme, subscription(admin.url))
    await hooksAs(OTHER).add(acme, subscription(member.url))
    await track(acme, 'by demo')
    await fake.mock.webhooks.settled()
    expect([admin.events.length, member.events.length]).toEqual([1, 0])
  })

  it('a deleted subscription gets nothing more', async () => {
    const { fake, hooks, acme, track } = await hookWorld()
    const { url, events } = await receiver()
    const created = await hooks.add(acme, subscription(url))
    await hooks.delete(acme, created)
    await track(acme, 'after the delete')
    await fake.mock.webhooks.settled()
    expect(events).toEqual([])
  })
})
