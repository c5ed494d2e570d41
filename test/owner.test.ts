import { describe, expect, it } from 'vitest'
import { BasicAuth, InputError, MemoryCache } from '../src/index.ts'
import type { TogglCache } from '../src/cache/types.ts'
import { OwnerEndpoint } from '../src/endpoints/organizations/owner.ts'
import { DEMO_ACCOUNT, type MockAccount } from '../src/mock/index.ts'
import { expectDrift, expectStatus, failureOf, startFake, type Fake } from './support/fake.ts'
import { OTHER } from './support/organizations.ts'

const MEMBER = { id: 3, email: 'member@example.com', password: 'member-password', apiToken: 'member-token', fullname: 'Member' }

/** Acme: the demo account owns it, OTHER and MEMBER belong to it. Initech: OTHER's alone. */
async function seeded() {
  const fake = await startFake({
    accounts: [DEMO_ACCOUNT, OTHER, MEMBER],
    organizations: [
      { name: 'Acme', memberIds: [1, 2, 3] },
      { name: 'Initech', memberIds: [2] },
    ],
  })
  const [acme, initech] = [...fake.mock.state.organizations.keys()] as [number, number]
  return { fake, acme, initech }
}

/** The endpoint signed in as another account of the fake. */
function as(fake: Fake, account: MockAccount, cache?: TogglCache): OwnerEndpoint {
  return new OwnerEndpoint(BasicAuth.fromApiToken(account.apiToken), cache, { baseURL: fake.server.baseURL, retryDelay: 1 })
}

/** A running transfer of Acme to `newOwnerId`, as only Toggl's own app can start one (the API takes no body). */
function seedTransfer(fake: Fake, organizationId: number, newOwnerId: number): number {
  return fake.mock.state.startTransfer(fake.mock.state.organizations.get(organizationId)!, 1, newOwnerId).id
}

const BAD_IDS = [0, -1, 1.5, '5', null, {}]

describe('OwnerEndpoint.get', () => {
  it('sends GET /organizations/{id}/owner and parses the owner', async () => {
    const { fake, acme } = await seeded()
    const owner = await fake.endpoint(OwnerEndpoint).get(acme)
    expect(fake.last()).toEqual({ method: 'GET', path: `/organizations/${acme}/owner`, query: {}, body: undefined })
    expect(owner).toMatchObject({ user_id: 1, organization_id: acme, name: 'Demo User', email: 'demo@example.com' })
    expect(owner?.organization_user_id).toEqual(expect.any(Number))
    expect(owner?.organization_user_created_at).toMatch(/^\d{4}-\d\d-\d\dT/)
  })

  it('is served from the cache while fresh; refresh and a transfer call send again', async () => {
    const { fake, acme } = await seeded()
    const owners = fake.endpoint(OwnerEndpoint, new MemoryCache())
    const first = await owners.get({ id: acme })
    expect(await owners.get(acme)).toEqual(first)
    expect(fake.sent()).toBe(1)
    await owners.get(acme, { refresh: true })
    expect(fake.sent()).toBe(2)
    const transfer = await owners.startTransfer(acme)
    await owners.get(acme)
    expect(fake.sent()).toBe(4)
    await owners.withdrawTransfer(acme, transfer)
    await owners.get(acme)
    await owners.get(acme)
    expect(fake.sent()).toBe(6)
  })

  it('shows the new owner once this client acted on the transfer that finished', async () => {
    const { fake, acme } = await seeded()
    const transfer = seedTransfer(fake, acme, OTHER.id)
    const owners = fake.endpoint(OwnerEndpoint, new MemoryCache())
    expect(await owners.get(acme)).toMatchObject({ user_id: 1 })
    await as(fake, OTHER).acceptTransfer(acme, transfer)
    // Someone else's answer does not reach this client's cache.
    expect(await owners.get(acme)).toMatchObject({ user_id: 1 })
    expect(fake.sent()).toBe(2)
    await owners.acceptTransfer(acme, transfer)
    expect(await owners.get(acme)).toMatchObject({ user_id: OTHER.id, name: OTHER.fullname })
    expect(fake.sent()).toBe(4)
  })

  it('answers null for 403 (not a member) and drops the cached owner; reRaise throws HTTPStatusError', async () => {
    const { fake, acme, initech } = await seeded()
    const cache = new MemoryCache()
    expect(await fake.endpoint(OwnerEndpoint).get(initech)).toBeNull()
    await fake.endpoint(OwnerEndpoint, cache).get(acme)
    fake.mock.state.organizations.get(acme)!.memberIds = [OTHER.id] // the demo account was removed elsewhere
    expect(await fake.endpoint(OwnerEndpoint, cache).get(acme, { refresh: true })).toBeNull()
    expect(await cache.entries()).toEqual([])
    await expectStatus(fake.endpoint(OwnerEndpoint, null, { reRaise: true }).get(initech), 403, 'User does not have access to this resource')
  })

  it('answers null for 404 (no owner found); reRaise throws HTTPStatusError', async () => {
    const { fake, acme } = await seeded()
    fake.mock.state.organizations.get(acme)!.memberIds.unshift(404_404)
    expect(await fake.endpoint(OwnerEndpoint).get(acme)).toBeNull()
    await expectStatus(fake.endpoint(OwnerEndpoint, null, { reRaise: true }).get(acme), 404, 'Organization owner not found')
  })

  it('names the field of a reply that drifted', async () => {
    const { fake, acme } = await seeded()
    fake.replyOnce('{"user_id":"1"}')
    await expectDrift(fake.endpoint(OwnerEndpoint).get(acme), '$.user_id')
  })

})

describe('OwnerEndpoint.collectTransfers', () => {
  it('sends GET …/owner/transfer and lists every transfer, [] when none', async () => {
    const { fake, acme } = await seeded()
    const owners = fake.endpoint(OwnerEndpoint, new MemoryCache())
    expect(await owners.collectTransfers(acme)).toEqual([])
    expect(fake.last()).toEqual({ method: 'GET', path: `/organizations/${acme}/owner/transfer`, query: {}, body: undefined })
    const started = await owners.startTransfer(acme)
    // Not cached: the list shows the new transfer at once.
    expect(await owners.collectTransfers(acme, {})).toEqual([started])
    expect(fake.sent()).toBe(3)
  })

  it('sends ongoing as true or false and lists only running or only finished transfers', async () => {
    const { fake, acme } = await seeded()
    const owners = fake.endpoint(OwnerEndpoint)
    const withdrawn = await owners.withdrawTransfer(acme, await owners.startTransfer(acme))
    const running = await owners.startTransfer(acme)
    expect(await owners.collectTransfers(acme, { ongoing: true })).toEqual([running])
    expect(fake.last().query).toEqual({ ongoing: 'true' })
    expect(await owners.collectTransfers(acme, { ongoing: false })).toEqual([withdrawn])
    expect(fake.last().query).toEqual({ ongoing: 'false' })
    expect(await owners.collectTransfers(acme)).toEqual([withdrawn, running])
  })

  it('maps 403 (not a member) and 400 to HTTPStatusError', async () => {
    const { fake, acme, initech } = await seeded()
    const owners = fake.endpoint(OwnerEndpoint)
    await expectStatus(owners.collectTransfers(initech), 403, 'User does not have access to this resource')
    fake.mock.inject({ type: 'status', status: 400, body: `"'ongoing' parameter can be true or false only"` })
    await expectStatus(owners.collectTransfers(acme, { ongoing: true }), 400, "'ongoing' parameter can be true or false only")
  })

  it('the fake refuses an ongoing that is not true or false, as Toggl does', async () => {
    const { fake, acme } = await seeded()
    const response = await fetch(`${fake.server.baseURL}/organizations/${acme}/owner/transfer?ongoing=yes`, {
      headers: { authorization: `Basic ${btoa(`${DEMO_ACCOUNT.apiToken}:api_token`)}` },
    })
    expect(response.status).toBe(400)
    expect(await response.json()).toBe("'ongoing' parameter can be true or false only")
  })

  it.each([
    [{ ongoing: 'true' }, /: ongoing must be a boolean, got "true"/],
    [{ ongoing: true, finished: true }, /: finished is not a field Toggl takes here/],
    [5, /: filters must be an object, got 5/],
  ])('rejects filters %j with InputError and sends nothing', async (filters, message) => {
    const { fake, acme } = await seeded()
    const error = await failureOf(fake.endpoint(OwnerEndpoint).collectTransfers(acme, filters as never))
    expect(error).toBeInstanceOf(InputError)
    expect(error.message).toMatch(message)
    expect(fake.sent()).toBe(0)
  })

  it('rejects a bad organization with InputError and sends nothing', async () => {
    const { fake } = await seeded()
    await expect(fake.endpoint(OwnerEndpoint).collectTransfers(0)).rejects.toBeInstanceOf(InputError)
    expect(fake.sent()).toBe(0)
  })
})

describe('OwnerEndpoint.getTransfer', () => {
  it('sends GET …/owner/transfer/{transfer_id}, by id or by model', async () => {
    const { fake, acme } = await seeded()
    const owners = fake.endpoint(OwnerEndpoint)
    const started = await owners.startTransfer(acme)
    const path = `/organizations/${acme}/owner/transfer/${started.owner_transfer_id}`
    expect(await owners.getTransfer(acme, started.owner_transfer_id)).toEqual(started)
    expect(fake.last()).toEqual({ method: 'GET', path, query: {}, body: undefined })
    expect(await owners.getTransfer({ id: acme }, started)).toEqual(started)
    expect(fake.last().path).toBe(path)
  })

  it('answers null for 404; reRaise throws it', async () => {
    const { fake, acme } = await seeded()
    expect(await fake.endpoint(OwnerEndpoint).getTransfer(acme, 123_456)).toBeNull()
    await expectStatus(fake.endpoint(OwnerEndpoint, null, { reRaise: true }).getTransfer(acme, 123_456), 404, 'Transfer not found in the organization')
  })

  it('answers null for 403 (not a member); reRaise throws HTTPStatusError', async () => {
    const { fake, initech } = await seeded()
    const transfer = fake.mock.state.startTransfer(fake.mock.state.organizations.get(initech)!, OTHER.id, null).id
    expect(await fake.endpoint(OwnerEndpoint).getTransfer(initech, transfer)).toBeNull()
    const reRaising = fake.endpoint(OwnerEndpoint, null, { reRaise: true })
    await expectStatus(reRaising.getTransfer(initech, transfer), 403, 'User does not have access to this resource')
  })

  it('names the field of a reply that drifted', async () => {
    const { fake, acme } = await seeded()
    fake.replyOnce('{"owner_transfer_id":7,"finished_at":5}')
    await expectDrift(fake.endpoint(OwnerEndpoint).getTransfer(acme, 7), '$.finished_at')
  })

  it.each(BAD_IDS)('rejects transfer %j with InputError and sends nothing', async (transfer) => {
    const { fake, acme } = await seeded()
    const error = await failureOf(fake.endpoint(OwnerEndpoint).getTransfer(acme, transfer as number))
    expect(error).toBeInstanceOf(InputError)
    expect(error.message).toMatch(/^OwnerEndpoint\.getTransfer: transfer must be a positive whole-number id/)
    expect(fake.sent()).toBe(0)
  })
})

describe('OwnerEndpoint.startTransfer', () => {
  it('sends POST …/owner/transfer with no body and returns the running transfer', async () => {
    const { fake, acme } = await seeded()
    const transfer = await fake.endpoint(OwnerEndpoint).startTransfer(acme)
    expect(fake.last()).toEqual({ method: 'POST', path: `/organizations/${acme}/owner/transfer`, query: {}, body: undefined })
    expect(transfer).toMatchObject({
      organization_id: acme,
      requester_id: 1,
      current_owner_id: 1,
      new_owner_id: null,
      current_owner_accepted: false,
      current_owner_answered_at: null,
      finished_at: null,
      outcome_name: '',
    })
    expect(transfer.owner_transfer_id).toEqual(expect.any(Number))
  })

  it('maps 403 (not the owner, not a member) to HTTPStatusError', async () => {
    const { fake, acme, initech } = await seeded()
    await expectStatus(as(fake, MEMBER).startTransfer(acme), 403, 'User does not have access to this resource')
    await expectStatus(fake.endpoint(OwnerEndpoint).startTransfer(initech), 403, 'User does not have access to this resource')
  })

  it('maps 400 while another transfer runs to HTTPStatusError (the fake\'s rule)', async () => {
    const { fake, acme } = await seeded()
    const owners = fake.endpoint(OwnerEndpoint)
    const running = await owners.startTransfer(acme)
    await expectStatus(owners.startTransfer(acme), 400, 'Cannot load organization.')
    await owners.withdrawTransfer(acme, running)
    await expect(owners.startTransfer(acme)).resolves.toMatchObject({ finished_at: null })
  })

  it('is never retried', async () => {
    const { fake, acme } = await seeded()
    fake.mock.inject({ type: 'status', status: 503, body: '"Service Unavailable"' })
    await expect(fake.endpoint(OwnerEndpoint).startTransfer(acme)).rejects.toMatchObject({ status: 503 })
    expect(fake.sent()).toBe(1)
  })

  it('rejects a bad organization or options with InputError and sends nothing', async () => {
    const { fake, acme } = await seeded()
    const owners = fake.endpoint(OwnerEndpoint)
    await expect(owners.startTransfer('5' as never)).rejects.toBeInstanceOf(InputError)
    await expect(owners.startTransfer(acme, { signal: 'stop' } as never)).rejects.toBeInstanceOf(InputError)
    expect(fake.sent()).toBe(0)
  })
})

describe('OwnerEndpoint transfer actions', () => {
  it('withdraw sends POST …/withdraw with no body and ends the transfer', async () => {
    const { fake, acme } = await seeded()
    const owners = fake.endpoint(OwnerEndpoint)
    const started = await owners.startTransfer(acme)
    const withdrawn = await owners.withdrawTransfer(acme, started)
    const path = `/organizations/${acme}/owner/transfer/${started.owner_transfer_id}/withdraw`
    expect(fake.last()).toEqual({ method: 'POST', path, query: {}, body: undefined })
    expect(withdrawn).toMatchObject({ owner_transfer_id: started.owner_transfer_id, outcome_name: 'withdrawn' })
    expect(withdrawn.finished_at).toMatch(/^\d{4}-/)
  })

  it('accept by both owners finishes the transfer and hands the organization over', async () => {
    const { fake, acme } = await seeded()
    const transfer = seedTransfer(fake, acme, OTHER.id)
    const owners = fake.endpoint(OwnerEndpoint)
    const half = await owners.acceptTransfer(acme, transfer)
    expect(fake.last()).toEqual({ method: 'POST', path: `/organizations/${acme}/owner/transfer/${transfer}/accept`, query: {}, body: undefined })
    expect(half).toMatchObject({ current_owner_accepted: true, new_owner_accepted: false, finished_at: null, outcome_name: '' })
    expect(half.current_owner_answered_at).toMatch(/^\d{4}-/)
    const done = await as(fake, OTHER).acceptTransfer(acme, { owner_transfer_id: transfer })
    expect(done).toMatchObject({ new_owner_id: OTHER.id, new_owner_accepted: true, outcome_name: 'accepted' })
    expect(done.finished_at).toMatch(/^\d{4}-/)
    expect(fake.mock.state.organizations.get(acme)!.memberIds[0]).toBe(OTHER.id)
  })

  it('accept of a transfer naming no new owner finishes it and keeps the owner (the fake)', async () => {
    const { fake, acme } = await seeded()
    const owners = fake.endpoint(OwnerEndpoint)
    const accepted = await owners.acceptTransfer(acme, await owners.startTransfer(acme))
    expect(accepted).toMatchObject({ current_owner_accepted: true, outcome_name: 'accepted' })
    expect(await owners.get(acme)).toMatchObject({ user_id: 1 })
  })

  it('decline sends POST …/decline and ends the transfer, owner unchanged', async () => {
    const { fake, acme } = await seeded()
    const transfer = seedTransfer(fake, acme, OTHER.id)
    const declined = await as(fake, OTHER).declineTransfer(acme, transfer)
    expect(fake.last()).toEqual({ method: 'POST', path: `/organizations/${acme}/owner/transfer/${transfer}/decline`, query: {}, body: undefined })
    expect(declined).toMatchObject({ new_owner_accepted: false, outcome_name: 'declined' })
    expect(declined.new_owner_answered_at).toMatch(/^\d{4}-/)
    expect(fake.mock.state.organizations.get(acme)!.memberIds[0]).toBe(1)
  })

  it('maps the refusals to HTTPStatusError: 403 for others, 404 unknown transfer, 400 finished (the fake\'s rule)', async () => {
    const { fake, acme, initech } = await seeded()
    const owners = fake.endpoint(OwnerEndpoint)
    const transfer = seedTransfer(fake, acme, OTHER.id)
    const forbidden = 'User does not have access to this resource'
    await expectStatus(as(fake, MEMBER).acceptTransfer(acme, transfer), 403, forbidden)
    await expectStatus(as(fake, OTHER).withdrawTransfer(acme, transfer), 403, forbidden)
    const theirs = fake.mock.state.startTransfer(fake.mock.state.organizations.get(initech)!, OTHER.id, null).id
    await expectStatus(owners.acceptTransfer(initech, theirs), 403, forbidden)
    await expectStatus(owners.declineTransfer(acme, 123_456), 404, 'Transfer not found in the organization')
    await owners.withdrawTransfer(acme, transfer)
    await expectStatus(owners.acceptTransfer(acme, transfer), 400, 'Transfer is already finished')
  })

  it('removing the new owner mid-transfer ends it declined; no later accept makes them owner', async () => {
    const { fake, acme } = await seeded()
    const transfer = seedTransfer(fake, acme, OTHER.id)
    const owners = fake.endpoint(OwnerEndpoint)
    await owners.acceptTransfer(acme, transfer)
    const organization = fake.mock.state.organizations.get(acme)!
    fake.mock.state.removeMember(acme, OTHER.id)
    expect(await owners.getTransfer(acme, transfer)).toMatchObject({ outcome_name: 'declined', finished_at: expect.stringMatching(/^\d{4}-/) })
    await expectStatus(as(fake, OTHER).acceptTransfer(acme, transfer), 403, 'User does not have access to this resource')
    await expectStatus(owners.acceptTransfer(acme, transfer), 400, 'Transfer is already finished')
    expect(organization.memberIds).toEqual([1, 3])
    expect(await owners.get(acme)).toMatchObject({ user_id: 1 })
  })

  it('the fake state starts no transfer to someone outside the organization', async () => {
    const { fake, acme, initech } = await seeded()
    const organization = fake.mock.state.organizations.get(initech)!
    expect(() => fake.mock.state.startTransfer(organization, OTHER.id, MEMBER.id)).toThrow(/account 3 is not a member of organization/)
    expect(organization.transfers).toEqual([])
    expect(seedTransfer(fake, acme, MEMBER.id)).toEqual(expect.any(Number))
  })

  it.each(['acceptTransfer', 'declineTransfer', 'withdrawTransfer'] as const)('%s rejects bad ids and options with InputError and sends nothing', async (method) => {
    const { fake, acme } = await seeded()
    const owners = fake.endpoint(OwnerEndpoint)
    for (const transfer of BAD_IDS) {
      const error = await failureOf(owners[method](acme, transfer as number))
      expect(error).toBeInstanceOf(InputError)
      expect(error.message).toMatch(new RegExp(`^OwnerEndpoint\\.${method}: transfer must be a positive whole-number id`))
    }
    await expect(owners[method](0, 5)).rejects.toBeInstanceOf(InputError)
    await expect(owners[method](acme, 5, 'fast' as never)).rejects.toBeInstanceOf(InputError)
    expect(fake.sent()).toBe(0)
  })
})
