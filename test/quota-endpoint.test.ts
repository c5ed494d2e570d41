import { describe, expect, it } from 'vitest'
import { HTTPStatusError, InputError, QuotaError, type QuotaInfo } from '../src/index.ts'
import { QuotaEndpoint } from '../src/endpoints/organizations/quota.ts'
import { RoleEndpoint } from '../src/endpoints/organizations/roles.ts'
import { expectDrift, failureOf, startFake } from './support/fake.ts'

const json = { 'content-type': 'application/json' }

async function seeded(quotaPerHour = 30) {
  const fake = await startFake({ quotaPerHour, organizations: [{ name: 'Acme', memberIds: [1] }, { name: 'Globex', memberIds: [1] }] })
  const [acme, globex] = [...fake.mock.state.organizations.keys()] as [number, number]
  return { fake, acme, globex }
}

describe('QuotaEndpoint.collect', () => {
  it('sends GET /me/quota and answers every window: yours, then each organization’s', async () => {
    const { fake, acme, globex } = await seeded()
    await fake.endpoint(RoleEndpoint).collect(acme)
    await fake.endpoint(RoleEndpoint).collect(acme, { refresh: true })
    const windows = await fake.endpoint(QuotaEndpoint).collect()
    expect(fake.last()).toEqual({ method: 'GET', path: '/me/quota', query: {}, body: undefined })
    expect(windows.map(({ organizationId, remaining, total }) => ({ organizationId, remaining, total }))).toEqual([
      { organizationId: null, remaining: 29, total: 30 },
      { organizationId: acme, remaining: 28, total: 30 },
      { organizationId: globex, remaining: 30, total: 30 },
    ])
    expect(windows[1]!.resetsIn).toBeGreaterThan(3500)
    expect(windows[2]!.resetsIn).toBe(3600)
  })

  it('feeds each window to onQuota and to the quota view of every endpoint of the account', async () => {
    const { fake, acme } = await seeded()
    const told: QuotaInfo[] = []
    const windows = await fake.endpoint(QuotaEndpoint, null, { onQuota: (info) => told.push(info) }).collect()
    // The reply's own headers first (the user window), then each window of the body.
    expect(told.slice(1)).toEqual(windows)
    expect(fake.endpoint(RoleEndpoint).quotaOf(acme)).toEqual(windows[1])
    expect(fake.endpoint(RoleEndpoint).quotaOf(null)).toEqual(windows[0])
  })

  it('stops calls to an organization whose window is spent, and only those', async () => {
    const { fake, acme, globex } = await seeded()
    fake.mock.inject({
      type: 'status',
      status: 200,
      body: JSON.stringify([
        { organization_id: null, remaining: 29, resets_in_secs: 3600, total: 30 },
        { organization_id: acme, remaining: 0, resets_in_secs: 1800, total: 30 },
        { organization_id: globex, remaining: 30, resets_in_secs: 3600, total: 30 },
      ]),
      headers: json,
    })
    await fake.endpoint(QuotaEndpoint).collect()
    const roles = fake.endpoint(RoleEndpoint)
    const refused = await failureOf(roles.collect(acme))
    expect(refused).toBeInstanceOf(QuotaError)
    expect(refused).toMatchObject({ sent: false, resetsIn: 1800 })
    expect(fake.sent()).toBe(1)
    await roles.collect(globex)
    expect(fake.sent()).toBe(2)
  })

  it('keeps endpoint.quota the reply’s own report, not the last window listed', async () => {
    const { fake } = await seeded()
    const quotas = fake.endpoint(QuotaEndpoint)
    await quotas.collect()
    expect(quotas.quota).toMatchObject({ organizationId: null, remaining: 29 })
  })

  it('takes a negative count (Toggl not enforcing the quota) and keeps sending', async () => {
    const { fake, acme } = await seeded()
    fake.mock.inject({
      type: 'status',
      status: 200,
      body: JSON.stringify([{ organization_id: acme, remaining: -3, resets_in_secs: 1800, total: 30 }]),
      headers: json,
    })
    const [window] = await fake.endpoint(QuotaEndpoint).collect()
    expect(window).toMatchObject({ organizationId: acme, remaining: -3 })
    await fake.endpoint(RoleEndpoint).collect(acme)
    expect(fake.sent()).toBe(2)
  })

  it('retries a 500 and then throws HTTPStatusError', async () => {
    const { fake } = await seeded()
    fake.mock.inject({ type: 'status', status: 500, body: '"Internal Server Error"', headers: json }, 2)
    const error = await failureOf(fake.endpoint(QuotaEndpoint, null, { retries: 1 }).collect())
    expect(error).toBeInstanceOf(HTTPStatusError)
    expect(error).toMatchObject({ status: 500, serverMessage: 'Internal Server Error' })
    expect(fake.sent()).toBe(2)
  })

  it('names the field of a window that drifted', async () => {
    const { fake } = await seeded()
    fake.replyOnce('[{"organization_id":null,"remaining":3,"resets_in_secs":10}]')
    await expectDrift(fake.endpoint(QuotaEndpoint).collect(), '$[0].total')
  })

  it('answers [] from a fake without a quota', async () => {
    const { fake } = await seeded(Infinity)
    expect(await fake.endpoint(QuotaEndpoint).collect()).toEqual([])
  })

  it.each([['a string', 'now'], ['a bad signal', { signal: 'stop' }]])('rejects %s as options and sends nothing', async (_, options) => {
    const { fake } = await seeded()
    const error = await failureOf(fake.endpoint(QuotaEndpoint).collect(options as never))
    expect(error).toBeInstanceOf(InputError)
    expect(fake.sent()).toBe(0)
  })
})
