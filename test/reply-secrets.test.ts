import { inspect } from 'node:util'
import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { mayHoldField, REPLY_SECRETS, withoutFields } from '../src/core/secrets.ts'
import { OperationEndpoint } from '../src/endpoints/operation-endpoint.ts'
import { operation } from '../src/endpoints/operation.ts'
import { HTTPStatusError, MemoryCache, ResponseValidationError, UserEndpoint, WorkspaceEndpoint, type AttemptEvent } from '../src/index.ts'
import { failureOf } from './support/fake.ts'
import { startCatalogue } from './support/catalogue.ts'
import { expectNoSecret, expectNoSecretsStored } from './support/secrets.ts'

describe('the secrets in Toggl’s replies', () => {
  it('reach no MemoryCache record and no returned value', async () => {
    await expectNoSecretsStored(new MemoryCache())
  })

  it('reach no error: a drifted reply, an error body quoting them, nor what onAttempt hears', async () => {
    const { fake, ws } = await startCatalogue()
    const attempts: AttemptEvent[] = []
    const user = fake.endpoint(UserEndpoint, null, { onAttempt: (event) => attempts.push(event), retries: 0 })
    const secrets = new Map([
      ['api_token', new Set(['tok-9f2c41d07e'])],
      ['ical_url', new Set(['/ical/workspace_user/cal-77ab3e'])],
      ['intercom_hash', new Set(['hash-5d1e0c'])],
    ])
    fake.replyOnce('{"id": 1, "email": 5, "api_token": "tok-9f2c41d07e", "intercom_hash": "hash-5d1e0c"}')
    const drifted = await failureOf(user.get())
    expect(drifted).toBeInstanceOf(ResponseValidationError)
    fake.replyOnce('{"id": 5, "name": 7, "organization_id": 1, "api_token": "tok-9f2c41d07e", "ical_url": "/ical/workspace_user/cal-77ab3e"}')
    const quoted = await failureOf(fake.endpoint(WorkspaceEndpoint, null, { retries: 0 }).get(ws.id))
    expect(quoted).toBeInstanceOf(ResponseValidationError)
    fake.mock.inject({ type: 'status', status: 400, body: '{"api_token": "tok-9f2c41d07e", "detail": "bad"}', headers: { 'content-type': 'application/json' } })
    const refused = await failureOf(user.get())
    expect(refused).toBeInstanceOf(HTTPStatusError)
    expect((refused as HTTPStatusError).serverMessage).toBe('{"detail":"bad"}')
    for (const error of [drifted, quoted, refused]) {
      expectNoSecret(`${error.message}\n${error.stack}\n${JSON.stringify(error)}\n${inspect(error, { depth: 5 })}`, secrets, error.name)
    }
    expectNoSecret(JSON.stringify(attempts.map(({ error, ...event }) => ({ ...event, error: error?.message }))), secrets, 'onAttempt')
  })

  it('webhook-style secrets (secret, validation_code) are returned to the caller but never stored', async () => {
    const { fake, ws } = await startCatalogue()
    const SUBSCRIPTIONS = operation({ method: 'GET', path: '/workspaces/{workspace_id}/statistics', reply: v.array(v.looseObject({ id: v.number() })), cached: true })
    class Subscriptions extends OperationEndpoint {
      collect(workspace: number) {
        return this.run(SUBSCRIPTIONS, 'Subscriptions.collect', { path: { workspace_id: workspace } }, undefined)
      }
    }
    const cache = new MemoryCache()
    const subscriptions = fake.endpoint(Subscriptions, cache)
    fake.replyOnce('[{"id": 1, "secret": "whsec-31c0", "nested": {"validation_code": "vc-a1b2"}}]')
    expect(await subscriptions.collect(ws.id)).toEqual([{ id: 1, secret: 'whsec-31c0', nested: { validation_code: 'vc-a1b2' } }])
    const stored = JSON.stringify(await cache.entries())
    expect(stored).not.toContain('whsec-31c0')
    expect(stored).not.toContain('vc-a1b2')
    expect(await subscriptions.collect(ws.id)).toEqual([{ id: 1, nested: {} }])
    expect(fake.sent()).toBe(1)
  })
})

describe('mayHoldField (the check that lets a reply skip the walk)', () => {
  it('finds a field named outright or hidden behind a JSON escape, and passes a reply that names none', () => {
    expect(mayHoldField('{"id":1,"api_token":"x"}', REPLY_SECRETS)).toBe(true)
    // JSON.parse turns "api\u005ftoken" into api_token: any backslash means the walk runs.
    const escaped = '{"id":1,"api\\u005ftoken":"x"}'
    expect(JSON.parse(escaped)).toEqual({ id: 1, api_token: 'x' })
    expect(mayHoldField(escaped, REPLY_SECRETS)).toBe(true)
    expect(mayHoldField('{"id":1,"name":"Acme"}', REPLY_SECRETS)).toBe(false)
  })

  it('leaves no escaped secret in what a request returns', async () => {
    const { fake } = await startCatalogue()
    fake.replyOnce('{"id": 1, "email": "jo@example.com", "fullname": "Jo", "api\\u005ftoken": "tok-9f2c41d07e"}')
    const profile = await fake.endpoint(UserEndpoint, null, { retries: 0 }).get().catch((error: unknown) => error)
    expect(JSON.stringify(profile)).not.toContain('tok-9f2c41d07e')
  })
})

describe('withoutFields', () => {
  const fields = new Set(['api_token'])

  it('drops the fields at any depth and copies only what leads to one', () => {
    const shared = { name: 'kept' }
    const value = { api_token: 'x', workspaces: [{ id: 1, api_token: 'y' }, shared], other: shared }
    const stripped = withoutFields(value, fields)
    expect(stripped).toEqual({ workspaces: [{ id: 1 }, { name: 'kept' }], other: { name: 'kept' } })
    expect(stripped.other).toBe(shared)
    expect(stripped.workspaces[1]).toBe(shared)
    expect(value.workspaces[0]).toEqual({ id: 1, api_token: 'y' })
  })

  it('returns what holds none of them unchanged, and leaves non-plain objects alone', () => {
    const value = { id: 1, tags: ['a'], at: new Date(0) }
    expect(withoutFields(value, fields)).toBe(value)
    const blob = new Blob(['api_token'])
    expect(withoutFields(blob, fields)).toBe(blob)
    expect(withoutFields('api_token', fields)).toBe('api_token')
  })
})
