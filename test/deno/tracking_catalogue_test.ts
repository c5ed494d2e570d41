// The user, workspaces and the workspace catalogue (projects, clients, tags, tasks) under Deno,
// imported through the package name and deno.json's `exports`, against the fake on Deno.serve and
// in-process. Run by `npm run test:deno`.
import assert from 'node:assert/strict'
import {
  BasicAuth,
  ClientEndpoint,
  MemoryCache,
  NamingError,
  PlanRestrictionError,
  ProjectEndpoint,
  TagEndpoint,
  TaskEndpoint,
  UserEndpoint,
  WorkspaceEndpoint,
} from '@togglkit/togglkit'
import { createTogglMock, DEMO_ACCOUNT, type MockOrganization, type TogglMock } from '@togglkit/togglkit/mock'
import { withServed, type ServedFake, type Transport } from './fake.ts'

interface Fake extends ServedFake {
  mock: TogglMock
  acme: MockOrganization
  /** Acme's workspace (Premium). */
  ws: number
  /** Solo's workspace (Free). */
  soloWs: number
}

/** Runs `body` against a fake where the demo account owns Acme (Premium) and Solo (Free), over `transport`. */
function withFake(transport: Transport, body: (fake: Fake) => Promise<void>): Promise<void> {
  const mock = createTogglMock({
    organizations: [
      { name: 'Acme', memberIds: [DEMO_ACCOUNT.id], pricingPlanName: 'Premium' },
      { name: 'Solo', memberIds: [DEMO_ACCOUNT.id] },
    ],
  })
  const [acme, solo] = [...mock.state.organizations.values()] as [MockOrganization, MockOrganization]
  return withServed(mock, transport, (served) => body({ mock, acme, ws: acme.workspaces[0]!.id, soloWs: solo.workspaces[0]!.id, ...served }))
}

const demo = BasicAuth.fromApiToken(DEMO_ACCOUNT.apiToken)

for (const transport of ['loopback', 'in-process'] as const) {
  Deno.test(`${transport}: the user and workspaces, without the secrets Toggl sends, and the quota of workspace calls`, async () => {
    await withFake(transport, async ({ acme, ws, options, drain }) => {
      assert.equal(await UserEndpoint.verifyAuthentication(demo, options), true)
      assert.equal(await UserEndpoint.verifyAuthentication(BasicAuth.fromApiToken('wrong'), options), false)
      const cache = new MemoryCache()
      const user = new UserEndpoint(demo, cache, options)
      const me = await user.get({ with_related_data: true })
      assert.equal(me.email, DEMO_ACCOUNT.email)
      assert.deepEqual(me.tasks, [])
      assert.equal('api_token' in me, false)
      assert.equal(me.workspaces.some((workspace) => 'api_token' in workspace || 'ical_url' in workspace), false)
      const stored = JSON.stringify(await cache.entries())
      assert.doesNotMatch(stored, new RegExp(`${DEMO_ACCOUNT.apiToken}|api_token|ical_url|intercom_hash`))

      // The related data told the workspace's organization: no request for it, and workspace calls draw on its window.
      const workspaces = new WorkspaceEndpoint(demo, cache, options)
      assert.equal(await workspaces.organizationOf(ws), acme.id)
      assert.equal((await workspaces.get(ws))?.name, 'Default-Workspace')
      drain()
      await new ProjectEndpoint(demo, cache, options).collect(ws)
      assert.deepEqual(drain(), [`GET /workspaces/${ws}/projects?page=1&per_page=200`])
      assert.equal(workspaces.quotaOf(acme.id)?.organizationId, acme.id)

      const renamed = await workspaces.edit(ws, { name: 'Acme HQ' })
      assert.equal(renamed.name, 'Acme HQ')
      assert.equal((await workspaces.get(ws))?.name, 'Acme HQ', 'the answer is kept as the model')
      assert.deepEqual(drain(), [`PUT /workspaces/${ws}`])
      await assert.rejects(workspaces.edit(ws, { name: '  ' }), NamingError)
    })
  })

  Deno.test(`${transport}: projects, clients, tags and tasks through a cache, each write dropping only what it changed`, async () => {
    await withFake(transport, async ({ ws, soloWs, options, drain }) => {
      const cache = new MemoryCache()
      const projects = new ProjectEndpoint(demo, cache, options)
      const clients = new ClientEndpoint(demo, cache, options)
      const tags = new TagEndpoint(demo, cache, options)
      const tasks = new TaskEndpoint(demo, cache, options)

      const globex = await clients.add(ws, { name: 'Globex' })
      const site = await projects.add(ws, { name: 'Website', color: '#0B83D9', client_id: globex.id })
      assert.equal(site.color, '#0b83d9')
      const design = await tasks.add(ws, site, { name: 'Design' })
      const billed = await tags.add(ws, 'billed')
      drain()

      assert.deepEqual((await projects.collect(ws)).map(({ name }) => name), ['Website'])
      await tags.collect(ws)
      assert.deepEqual(drain(), [`GET /workspaces/${ws}/projects?page=1&per_page=200`, `GET /workspaces/${ws}/tags`])
      await tags.add(ws, 'urgent')
      await projects.collect(ws)
      assert.deepEqual(drain(), [`POST /workspaces/${ws}/tags`], 'a new tag leaves the cached projects alone')
      await clients.edit(ws, globex, { name: 'Globex Corp' })
      await projects.collect(ws)
      assert.deepEqual(drain(), [`PUT /workspaces/${ws}/clients/${globex.id}`, `GET /workspaces/${ws}/projects?page=1&per_page=200`])

      assert.equal((await tasks.get(ws, site, design))?.client_name, 'Globex Corp', 'the rename dropped the task that shows it')
      const result = await tasks.patch(ws, site, [design, 424_242], [{ op: 'replace', path: '/active', value: false }])
      assert.deepEqual(result, { success: [design.id], failure: [{ id: 424_242, message: 'Invalid task_id' }] })
      await tags.delete(ws, [billed, (await tags.collect(ws)).find(({ name }) => name === 'urgent')!.id])
      assert.deepEqual(await tags.collect(ws), [])
      await assert.rejects(clients.archive(soloWs, (await clients.add(soloWs, { name: 'Solo client' })).id), PlanRestrictionError)
      await projects.delete(ws, site, { teDeletionMode: 'delete' })
      assert.equal(await projects.get(ws, site.id), null)
    })
  })
}
