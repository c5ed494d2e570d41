// What every operation-based endpoint shares (src/endpoints/operation-endpoint.ts), shown through
// real endpoints on the fake: retries per operation, and what a refused cached read does to the cache.
import { describe, expect, it } from 'vitest'
import { GroupEndpoint, HTTPStatusError, InvitationEndpoint, MemoryCache, RoleEndpoint } from '../src/index.ts'
import { DEMO_ACCOUNT } from '../src/mock/index.ts'
import { failureOf, startFake } from './support/fake.ts'
import { OTHER } from './support/organizations.ts'

const json = { 'content-type': 'application/json' }

describe('retries', () => {
  it('retries a PUT after a 503, but never a resend, which may e-mail someone again', async () => {
    const fake = await startFake({ accounts: [DEMO_ACCOUNT], organizations: [{ name: 'Acme', memberIds: [1] }] })
    const [acme] = [...fake.mock.state.organizations.keys()] as [number]
    const groups = fake.endpoint(GroupEndpoint)
    const design = await groups.add(acme, { name: 'Design' })
    const before = fake.sent()
    fake.mock.inject({ type: 'status', status: 503, body: '"busy"', headers: json })
    await groups.edit(acme, design, { name: 'Studio' })
    expect(fake.sent() - before).toBe(2)

    fake.mock.inject({ type: 'status', status: 503, body: '"busy"', headers: json })
    const error = await failureOf(fake.endpoint(InvitationEndpoint).resend(acme, 123))
    expect(error).toBeInstanceOf(HTTPStatusError)
    expect(error).toMatchObject({ status: 503 })
    expect(fake.sent() - before).toBe(3)
  })
})

describe('a cached read that Toggl refuses', () => {
  it('drops everything cached about the organization on a 403, so nothing stale is served', async () => {
    const fake = await startFake({ accounts: [DEMO_ACCOUNT, OTHER], organizations: [{ name: 'Acme', memberIds: [OTHER.id, DEMO_ACCOUNT.id] }] })
    const [acme] = [...fake.mock.state.organizations.keys()] as [number]
    fake.mock.state.organizations.get(acme)!.adminIds.push(DEMO_ACCOUNT.id)
    const cache = new MemoryCache()
    const roles = fake.endpoint(RoleEndpoint, cache)
    const groups = fake.endpoint(GroupEndpoint, cache)
    await roles.collect(acme)
    await groups.collect(acme)
    expect(fake.sent()).toBe(2)

    fake.mock.state.removeMember(acme, DEMO_ACCOUNT.id) // removed by an admin elsewhere
    expect(await failureOf(roles.collect(acme, { refresh: true }))).toMatchObject({ status: 403 })
    expect(await failureOf(groups.collect(acme))).toMatchObject({ status: 403 })
    expect(await failureOf(roles.collect(acme))).toMatchObject({ status: 403 })
    expect(fake.sent()).toBe(5)
    expect(await cache.entries()).toEqual([])
  })
})
