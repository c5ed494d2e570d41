// The rest of the organization API under Deno, imported through the package name and deno.json's
// `exports`, against the fake on Deno.serve and in-process. Run by `npm run test:deno`.
import assert from 'node:assert/strict'
import {
  BasicAuth,
  GroupEndpoint,
  InputError,
  InvitationEndpoint,
  MemoryCache,
  NamingError,
  OrganizationEndpoint,
  OrganizationUserEndpoint,
  OrganizationWorkspaceEndpoint,
  OwnerEndpoint,
  PlanRestrictionError,
  QuotaEndpoint,
  RoleEndpoint,
  SegmentationEndpoint,
} from '@togglkit/togglkit'
import { createTogglMock, DEMO_ACCOUNT, type MockAccount, type TogglMock } from '@togglkit/togglkit/mock'
import { withServed, type ServedFake, type Transport } from './fake.ts'

const TEAMMATES: MockAccount[] = Array.from({ length: 6 }, (_, i) => ({
  id: i + 2,
  email: `teammate${i + 2}@example.com`,
  password: 'secret',
  apiToken: `teammate-token-${i + 2}`,
  fullname: `Teammate ${i + 2}`,
}))
const NEWCOMER: MockAccount = { id: 20, email: 'newcomer@example.com', password: 'secret', apiToken: 'newcomer-token', fullname: 'Newcomer' }

interface Fake extends ServedFake {
  mock: TogglMock
  acme: number
}

/** Runs `body` against a fake where the demo account owns Acme (Premium, 7 members), over `transport`. */
function withFake(transport: Transport, body: (fake: Fake) => Promise<void>): Promise<void> {
  const mock = createTogglMock({
    accounts: [DEMO_ACCOUNT, ...TEAMMATES, NEWCOMER],
    organizations: [{ name: 'Acme', memberIds: [DEMO_ACCOUNT.id, ...TEAMMATES.map(({ id }) => id)], pricingPlanName: 'Premium' }],
  })
  const [acme] = [...mock.state.organizations.keys()] as [number]
  return withServed(mock, transport, (served) => body({ mock, acme, ...served }))
}

const demo = BasicAuth.fromApiToken(DEMO_ACCOUNT.apiToken)

for (const transport of ['loopback', 'in-process'] as const) {
  Deno.test(`${transport}: iterate pages through every member, one request per page, and stops on break`, async () => {
    await withFake(transport, async ({ acme, options, drain }) => {
      const users = new OrganizationUserEndpoint(demo, null, options)
      const everyone = users.iterate(acme, { per_page: 3 })
      assert.equal(await everyone.cost(), 3)
      const names: string[] = []
      for await (const user of everyone) names.push(user.name)
      assert.equal(names.length, 7)
      assert.equal(new Set(names).size, 7)
      assert.deepEqual(drain(), [1, 2, 3].map((page) => `GET /organizations/${acme}/users?per_page=3&page=${page}`))

      for await (const _ of users.iterate(acme, { per_page: 3 })) break
      assert.equal(drain().length, 1, 'breaking after the first user sends no further request')

      const page = await users.detailedPage(acme, { page: 2, per_page: 5 })
      assert.deepEqual([page.page, page.pages, page.records, page.items.length], [2, 2, 7, 2])
    })
  })

  Deno.test(`${transport}: groups are cached until a write about the organization`, async () => {
    await withFake(transport, async ({ acme, options, drain }) => {
      const cache = new MemoryCache()
      const groups = new GroupEndpoint(demo, cache, options)
      const design = await groups.add(acme, { name: 'Design', users: [2, 3] })
      assert.deepEqual((await groups.collect(acme)).map(({ name }) => name), ['Design'])
      await groups.collect(acme)
      const result = await groups.patch(acme, design, [{ op: 'add', path: '/users', value: [4] }])
      assert.equal(result.success?.length, 1)
      const [after] = await groups.collect(acme)
      assert.deepEqual(after?.users?.map(({ user_id }) => user_id).sort(), [2, 3, 4])
      await groups.delete(acme, design)
      assert.deepEqual(drain(), [
        `POST /organizations/${acme}/groups`,
        `GET /organizations/${acme}/groups`,
        `PATCH /organizations/${acme}/groups/${design.group_id}`,
        `GET /organizations/${acme}/groups`,
        `DELETE /organizations/${acme}/groups/${design.group_id}`,
      ])
      await assert.rejects(groups.add(acme, { name: 'x'.repeat(201) }), NamingError)
      assert.deepEqual(drain(), [], 'a bad name costs no request')
    })
  })

  Deno.test(`${transport}: owner, transfers, roles and segmentation`, async () => {
    await withFake(transport, async ({ acme, options }) => {
      const owner = new OwnerEndpoint(demo, new MemoryCache(), options)
      assert.equal((await owner.get(acme))?.user_id, DEMO_ACCOUNT.id)
      const transfer = await owner.startTransfer(acme)
      assert.equal((await owner.collectTransfers(acme, { ongoing: true })).length, 1)
      const withdrawn = await owner.withdrawTransfer(acme, transfer)
      assert.equal(withdrawn.outcome_name, 'withdrawn')
      assert.equal(await owner.getTransfer(acme, 999_999), null)

      const roles = await new RoleEndpoint(demo, null, options).collect(acme)
      assert.ok(roles.length > 0)

      const segmentation = new SegmentationEndpoint(demo, null, options)
      assert.equal(await segmentation.get(acme), null, '204 means none')
      await segmentation.edit(acme, { industries: ['software'], members_range: '6-10' })
      assert.deepEqual((await segmentation.get(acme))?.industries, ['software'])
    })
  })

  Deno.test(`${transport}: workspaces, invitations and the quota windows`, async () => {
    await withFake(transport, async ({ mock, acme, options }) => {
      const workspaces = new OrganizationWorkspaceEndpoint(demo, null, options)
      const lab = await workspaces.add(acme, { name: 'Lab' })
      assert.equal(lab.organization_id, acme)
      const statistics = await workspaces.statistics(acme)
      assert.ok(String(lab.id) in statistics)
      const [first] = mock.state.organizations.get(acme)!.workspaces
      const inFirst = await workspaces.users(acme, first!.id)
      assert.equal(inFirst.length, 7)
      await workspaces.deleteUsers(acme, first!.id, [inFirst[6]!.id])
      assert.equal((await workspaces.users(acme, first!.id)).length, 6)

      const free = new OrganizationEndpoint(demo, null, options)
      const solo = await free.add('Solo')
      await assert.rejects(workspaces.add(solo.id, { name: 'Second', default_hourly_rate: 50 }), PlanRestrictionError)

      const invitations = new InvitationEndpoint(demo, null, options)
      const sent = await invitations.add(acme, { emails: [NEWCOMER.email], workspaces: [{ workspace_id: first!.id }] })
      const [invited] = sent.invitations ?? []
      assert.equal(invited?.email, NEWCOMER.email)
      await assert.rejects(invitations.add(acme, { emails: ['not an address'], workspaces: [{ workspace_id: first!.id }] }), InputError)
      const newcomer = BasicAuth.fromApiToken(NEWCOMER.apiToken)
      await new InvitationEndpoint(newcomer, null, options).accept(invited?.code ?? '')
      assert.deepEqual((await new OrganizationEndpoint(newcomer, null, options).collect()).map(({ id }) => id), [acme])

      const windows = await new QuotaEndpoint(demo, null, options).collect()
      assert.deepEqual(windows.map(({ organizationId }) => organizationId), [null, acme, solo.id])
      assert.ok(windows.every(({ total }) => total === 600))
    })
  })
}
