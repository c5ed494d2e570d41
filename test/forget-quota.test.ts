// An endpoint's forgetQuota(): after a fake was reset, calls that a spent window stopped are sent again.
import { createStorage } from 'unstorage'
import { describe, expect, it } from 'vitest'
import { MemoryCache, QuotaError, RoleEndpoint } from '../src/index.ts'
import { createStorageCache } from '../src/storage/index.ts'
import { failureOf, startFake } from './support/fake.ts'

const spent = {
  type: 'status',
  status: 402,
  body: '"You have hit your hourly limit for API calls."',
  headers: { 'content-type': 'application/json', 'X-Toggl-Quota-Remaining': '0', 'X-Toggl-Quota-Resets-In': '1800' },
} as const

describe('TogglEndpoint.forgetQuota', () => {
  it('lets every client of the account send again the calls a spent window refused, and forgets the reports', async () => {
    const fake = await startFake({ organizations: [{ name: 'Acme', memberIds: [1] }] })
    const [acme] = [...fake.mock.state.organizations.keys()] as [number]
    const roles = fake.endpoint(RoleEndpoint, new MemoryCache())
    fake.mock.inject(spent)
    expect(await failureOf(roles.collect(acme))).toMatchObject({ name: 'QuotaError', sent: true, resetsIn: 1800 })
    const refused = await failureOf(fake.endpoint(RoleEndpoint).collect(acme))
    expect(refused).toBeInstanceOf(QuotaError)
    expect(refused).toMatchObject({ sent: false })
    expect(fake.sent()).toBe(1)

    // Any endpoint of the account forgets it for all of them.
    await fake.organizations().forgetQuota()
    expect(roles.quotaOf(acme)).toBeNull()
    expect(roles.quota).toBeNull()
    await expect(roles.collect(acme)).resolves.toEqual(expect.any(Array))
    expect(fake.sent()).toBe(2)
    expect(roles.quotaOf(acme)).toMatchObject({ remaining: expect.any(Number) })
  })

  it('also drops the windows a shared cache keeps for other processes, so none is read back', async () => {
    const fake = await startFake({ organizations: [{ name: 'Acme', memberIds: [1] }] })
    const [acme] = [...fake.mock.state.organizations.keys()] as [number]
    const cache = createStorageCache(createStorage())
    const roles = fake.endpoint(RoleEndpoint, cache)
    fake.mock.inject(spent)
    await failureOf(roles.collect(acme, { refresh: true }))
    expect((await cache.entries()).map(({ key }) => key)).toContain(`quota:o${acme}`)

    await roles.forgetQuota()
    expect((await cache.entries()).map(({ key }) => key).filter((key) => key.startsWith('quota:'))).toEqual([])
    await expect(roles.collect(acme, { refresh: true })).resolves.toEqual(expect.any(Array))
    expect(fake.sent()).toBe(2)
  })
})
