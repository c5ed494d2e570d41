import { describe, expect, it } from 'vitest'
import { MemoryCache } from '../src/index.ts'
import { RoleEndpoint } from '../src/endpoints/organizations/roles.ts'
import { expectDrift, expectStatus, failureOf } from './support/fake.ts'
import { startAcmeAndInitech as seeded } from './support/organizations.ts'

describe('RoleEndpoint.collect', () => {
  it('sends GET /organizations/{id}/roles and parses every role', async () => {
    const { fake, acme } = await seeded()
    const roles = await fake.endpoint(RoleEndpoint).collect(acme)
    expect(fake.last()).toEqual({ method: 'GET', path: `/organizations/${acme}/roles`, query: {}, body: undefined })
    expect(roles.map(({ code }) => code)).toEqual(['owner', 'admin', 'workspace_admin', 'member'])
    expect(roles[0]).toMatchObject({ role_id: 1, name: 'Owner', type: 'owner', organization_id: acme, permissions: [] })
  })

  it('is served from the cache while fresh; refresh and leaving the organization send again', async () => {
    const { fake, acme } = await seeded()
    const cache = new MemoryCache()
    const roles = fake.endpoint(RoleEndpoint, cache)
    const first = await roles.collect({ id: acme })
    expect(await roles.collect(acme)).toEqual(first)
    expect(fake.sent()).toBe(1)
    await roles.collect(acme, { refresh: true })
    expect(fake.sent()).toBe(2)
    await fake.organizations(cache).delete(acme)
    await failureOf(roles.collect(acme))
    expect(fake.sent()).toBe(4)
  })

  it('maps 403 (not a member) to HTTPStatusError with the server message', async () => {
    const { fake, initech } = await seeded()
    await expectStatus(fake.endpoint(RoleEndpoint).collect(initech), 403, 'User does not have access to the organization')
  })

  it('names the field of a reply that drifted', async () => {
    const { fake, acme } = await seeded()
    fake.replyOnce('[{"role_id":"1","name":"Owner"}]')
    await expectDrift(fake.endpoint(RoleEndpoint).collect(acme), '$[0].role_id')
  })
})

