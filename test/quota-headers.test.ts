import { describe, expect, it } from 'vitest'
import { QuotaError } from '../src/index.ts'
import { QuotaEndpoint } from '../src/endpoints/organizations/quota.ts'
import { RoleEndpoint } from '../src/endpoints/organizations/roles.ts'
import { failureOf, startFake } from './support/fake.ts'

const json = { 'content-type': 'application/json' }
const HOUR = 3600

/** A 200 reply carrying these quota headers. */
const quotaReply = (remaining: string, resetsIn: string) =>
  ({ type: 'status', status: 200, body: '[]', headers: { ...json, 'X-Toggl-Quota-Remaining': remaining, 'X-Toggl-Quota-Resets-In': resetsIn } }) as const

describe('quota headers: only a decimal integer counts', () => {
  it.each([
    ['an empty remaining count', '', '600'],
    ['a blank remaining count', ' ', '600'],
    ['a hexadecimal remaining count', '0x0', '600'],
    ['an exponent', '0e5', '600'],
    ['a fraction', '0.0', '600'],
    ['a signed zero', '-0', '600'],
    ['a reset in exponent notation', '0', '1e308'],
    ['a negative reset', '0', '-5'],
    ['an empty reset', '0', ''],
  ])('ignores %s: the report is not kept and later calls are sent', async (_, remaining, resetsIn) => {
    const fake = await startFake()
    fake.mock.inject(quotaReply(remaining, resetsIn))
    const orgs = fake.organizations()
    await orgs.collect()
    expect(orgs.quota).toBeNull()
    await expect(orgs.collect()).resolves.toEqual([])
    expect(fake.sent()).toBe(2)
  })

  it('caps a reset beyond Toggl’s one-hour window at an hour', async () => {
    const fake = await startFake()
    fake.mock.inject(quotaReply('0', '999999999999'))
    const orgs = fake.organizations()
    await orgs.collect()
    expect(orgs.quota).toMatchObject({ remaining: 0, resetsIn: HOUR })
    const refused = await failureOf(orgs.collect())
    expect(refused).toBeInstanceOf(QuotaError)
    expect((refused as QuotaError).resetsIn).toBeLessThanOrEqual(HOUR)
  })

  it('caps a 402’s reset at an hour too', async () => {
    const fake = await startFake()
    fake.mock.inject({ ...quotaReply('0', String(2 ** 52)), status: 402, body: '"You have hit your hourly limit for API calls."' })
    const refused = await failureOf(fake.organizations().collect())
    expect(refused).toMatchObject({ name: 'QuotaError', resetsIn: HOUR })
  })
})

describe('GET /me/quota: a reset beyond the hour is capped', () => {
  it('answers and blocks for at most an hour when resets_in_secs says 1e15', async () => {
    const fake = await startFake({ organizations: [{ name: 'Acme', memberIds: [1] }] })
    const [acme] = [...fake.mock.state.organizations.keys()] as [number]
    fake.mock.inject({
      type: 'status',
      status: 200,
      body: JSON.stringify([{ organization_id: acme, remaining: 0, resets_in_secs: 1e15, total: 30 }]),
      headers: json,
    })
    const [window] = await fake.endpoint(QuotaEndpoint).collect()
    expect(window).toMatchObject({ organizationId: acme, remaining: 0, resetsIn: HOUR })
    const refused = await failureOf(fake.endpoint(RoleEndpoint).collect(acme))
    expect(refused).toMatchObject({ name: 'QuotaError', sent: false })
    expect((refused as QuotaError).resetsIn).toBeLessThanOrEqual(HOUR)
  })
})
