import { describe, expect, it, vi } from 'vitest'
import { HTTPStatusError, MemoryCache, TimeoutError } from '../src/index.ts'
import { DEMO_ACCOUNT } from '../src/mock/index.ts'
import { startFake } from './support/fake.ts'

async function withAcme() {
  const fake = await startFake({ organizations: [{ name: 'Acme', memberIds: [1] }] })
  const [id] = [...fake.mock.state.organizations.keys()] as [number]
  return { fake, id }
}

describe('concurrent identical GETs share one request', () => {
  it('sends 1 request for 100 concurrent get(id) and gives all 100 the same answer', async () => {
    const { fake, id } = await withAcme()
    fake.mock.inject({ type: 'delay', ms: 50 })
    const orgs = fake.organizations()
    const results = await Promise.all(Array.from({ length: 100 }, () => orgs.get(id)))
    expect(fake.sent()).toBe(1)
    for (const result of results) expect(result).toEqual(results[0])
    expect(results[0]).toMatchObject({ id, name: 'Acme' })
    // Each caller owns its copy: changing one changes no other.
    results[0]!.name = 'changed'
    expect(results[1]!.name).toBe('Acme')
  })

  it('shares across endpoint instances of the same account', async () => {
    const { fake, id } = await withAcme()
    fake.mock.inject({ type: 'delay', ms: 50 })
    await Promise.all([fake.organizations().get(id), fake.organizations(new MemoryCache()).get(id), fake.organizations().get(id)])
    expect(fake.sent()).toBe(1)
  })

  it('gives every caller the same error', async () => {
    const { fake, id } = await withAcme()
    fake.mock.inject({ type: 'status', status: 500, body: '"down"' })
    fake.mock.inject({ type: 'delay', ms: 0 })
    const orgs = fake.organizations(null, { retries: 0 })
    const outcomes = await Promise.allSettled(Array.from({ length: 20 }, () => orgs.get(id)))
    expect(fake.sent()).toBe(1)
    for (const outcome of outcomes) {
      expect(outcome.status).toBe('rejected')
      expect((outcome as PromiseRejectedResult).reason).toBeInstanceOf(HTTPStatusError)
      expect((outcome as PromiseRejectedResult).reason.serverMessage).toBe('down')
    }
  })

  it('lets one caller abort without failing the others; the request ends only when all gave up', async () => {
    const { fake, id } = await withAcme()
    fake.mock.inject({ type: 'delay', ms: 100 })
    const orgs = fake.organizations()
    const impatient = new AbortController()
    const aborted = orgs.get(id, { signal: impatient.signal })
    const patient = orgs.get(id)
    impatient.abort()
    await expect(aborted).rejects.toMatchObject({ name: 'AbortError' })
    await expect(patient).resolves.toMatchObject({ id })
    expect(fake.sent()).toBe(1)

    fake.mock.inject({ type: 'hang' })
    const a = new AbortController()
    const b = new AbortController()
    const calls = [orgs.get(id, { signal: a.signal }), orgs.get(id, { signal: b.signal })]
    await vi.waitFor(() => expect(fake.sent()).toBe(2))
    a.abort()
    b.abort()
    await Promise.allSettled(calls)
    // The hung request was cancelled, so a new call is sent afresh instead of joining it.
    await expect(orgs.get(id)).resolves.toMatchObject({ id })
    expect(fake.sent()).toBe(3)
  })

  it('does not let a read that starts after a write join a read from before it', async () => {
    const { fake, id } = await withAcme()
    const orgs = fake.organizations()
    fake.mock.inject({ type: 'delay', ms: 100 })
    const before = orgs.get(id)
    await new Promise((resolve) => setTimeout(resolve, 10))
    await orgs.edit(id, 'Renamed', {}).catch(() => {}) // PUT + its own GET
    const after = await orgs.get(id)
    expect(after?.name).toBe('Renamed')
    expect((await before)?.id).toBe(id)
  })

  it('shares only between callers whose options agree: each caller’s own timeout applies', async () => {
    const { fake, id } = await withAcme()
    fake.mock.inject({ type: 'delay', ms: 500 }, 2)
    const [patient, hasty] = await Promise.allSettled([
      fake.organizations(null, { timeout: 5000 }).get(id),
      fake.organizations(null, { timeout: 100, retries: 0 }).get(id),
    ])
    expect(hasty).toMatchObject({ status: 'rejected', reason: expect.any(TimeoutError) })
    expect(patient).toMatchObject({ status: 'fulfilled', value: { id } })
    expect(fake.sent()).toBe(2)
  })

  it('does not retry for a reRaise caller, nor give it another caller’s retried answer', async () => {
    const { fake, id } = await withAcme()
    fake.mock.inject({ type: 'status', status: 500, body: '"down"' }, 2)
    const [retrying, strict] = await Promise.allSettled([fake.organizations().get(id), fake.organizations(null, { reRaise: true }).get(id)])
    expect(strict).toMatchObject({ status: 'rejected', reason: { status: 500, serverMessage: 'down' } })
    expect(retrying).toMatchObject({ status: 'fulfilled', value: { id } })
    expect(fake.sent()).toBe(3)
  })

  it('never gives a caller the answer of another fetch, and runs each caller’s onAttempt', async () => {
    const { fake } = await withAcme()
    const other = await startFake({ accounts: [{ ...DEMO_ACCOUNT, apiToken: fake.mock.state.accounts.values().next().value!.apiToken }] })
    other.mock.state.addOrganization({ name: 'Elsewhere', memberIds: [1] })
    const [elsewhere] = [...other.mock.state.organizations.keys()] as [number]
    fake.mock.inject({ type: 'delay', ms: 50 })
    const attempts: string[] = []
    const mine = fake.organizations().collect()
    const theirs = fake.organizations(null, { fetch: other.mock.fetch, onAttempt: ({ url }) => attempts.push(url) }).collect()
    expect((await mine).map(({ name }) => name)).toEqual(['Acme'])
    expect((await theirs).map((organization) => organization.id)).toEqual([elsewhere])
    expect(attempts).toEqual([`${fake.server.baseURL}/me/organizations`])
  })

  it('never shares POSTs, PUTs or DELETEs', async () => {
    const fake = await startFake()
    const orgs = fake.organizations()
    await Promise.all([orgs.add('One'), orgs.add('One')])
    expect(fake.sent()).toBe(2)
  })
})
