import { describe, expect, it } from 'vitest'
import { HTTPStatusError, InputError, MemoryCache, ResponseValidationError } from '../src/index.ts'
import { RoleEndpoint } from '../src/endpoints/roles.ts'
import { DEMO_ACCOUNT } from '../src/mock/index.ts'
import { failureOf, startFake } from './support/fake.ts'

const OTHER = { id: 2, email: 'other@example.com', password: 'other-password', apiToken: 'other-token', fullname: 'Other' }

async function seeded() {
  const fake = await startFake({
    accounts: [DEMO_ACCOUNT, OTHER],
    organizations: [
      { name: 'Acme', memberIds: [1] },
      { name: 'Initech', memberIds: [2] },
    ],
  })
  const [acme, initech] = [...fake.mock.state.organizations.keys()] as [number, number]
  return { fake, acme, initech }
}

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
    const error = await failureOf(fake.endpoint(RoleEndpoint).collect(initech))
    expect(error).toBeInstanceOf(HTTPStatusError)
    expect(error).toMatchObject({ status: 403, serverMessage: 'User does not have access to the organization' })
  })

  it('names the field of a reply that drifted', async () => {
    const { fake, acme } = await seeded()
    fake.mock.inject({ type: 'status', status: 200, body: '[{"role_id":"1","name":"Owner"}]', headers: { 'content-type': 'application/json' } })
    const error = await failureOf(fake.endpoint(RoleEndpoint).collect(acme))
    expect(error).toBeInstanceOf(ResponseValidationError)
    expect(error).toMatchObject({ path: '$[0].role_id' })
  })

  it.each([0, -1, 1.5, '5', null, {}])('rejects organization %j with InputError and sends nothing', async (organization) => {
    const { fake } = await seeded()
    const error = await failureOf(fake.endpoint(RoleEndpoint).collect(organization as number))
    expect(error).toBeInstanceOf(InputError)
    expect(error.message).toMatch(/^RoleEndpoint\.collect: organization must be a positive whole-number id/)
    expect(fake.sent()).toBe(0)
  })

  it('rejects bad per-call options and sends nothing', async () => {
    const { fake, acme } = await seeded()
    const error = await failureOf(fake.endpoint(RoleEndpoint).collect(acme, { refresh: 'yes' } as never))
    expect(error).toBeInstanceOf(InputError)
    expect(fake.sent()).toBe(0)
  })
})

