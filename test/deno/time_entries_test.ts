// Time entries and the timer under Deno, imported through the package name and deno.json's `exports`,
// against the fake on Deno.serve and in-process. Run by `npm run test:deno`.
import assert from 'node:assert/strict'
import { BasicAuth, elapsedSeconds, InputError, MemoryCache, TimeEntryEndpoint, TrackerEndpoint, type EndpointOptions } from '@togglkit/togglkit'
import { createTogglMock, DEMO_ACCOUNT, type TogglMock } from '@togglkit/togglkit/mock'
import { withServed, type Transport } from './fake.ts'

function withFake(transport: Transport, body: (mock: TogglMock, workspace: number, options: EndpointOptions) => Promise<void>): Promise<void> {
  const mock = createTogglMock({ organizations: [{ name: 'Acme', memberIds: [DEMO_ACCOUNT.id] }] })
  const workspace = [...mock.state.organizations.values()][0]!.workspaces[0]!.id
  return withServed(mock, transport, ({ options }) => body(mock, workspace, options))
}

for (const transport of ['loopback', 'in-process'] as const) {
  Deno.test(`${transport}: start, current, stop twice, edit, list and delete an entry`, () =>
    withFake(transport, async (mock, workspace, options) => {
      const entries = new TimeEntryEndpoint(BasicAuth.fromApiToken(DEMO_ACCOUNT.apiToken), new MemoryCache(), options)
      const running = await entries.start(workspace, { description: 'Deno' })
      assert.equal(running.stop, null)
      assert.equal(running.duration, -1)
      assert.deepEqual(await entries.current({ maxAge: 60_000 }), running)
      const stopped = await entries.stop(workspace, running)
      assert.ok(stopped.stop !== null && elapsedSeconds(stopped) >= 0)
      const sent = mock.requests.length
      assert.deepEqual(await entries.stop(workspace, running), stopped)
      assert.equal(mock.requests.length, sent + 1)
      const edited = await entries.edit(workspace, stopped, { description: 'Deno, edited' })
      const today = new Date().toISOString().slice(0, 10)
      const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10)
      const listed = await entries.collect({ start_date: today, end_date: tomorrow })
      assert.deepEqual(listed.map(({ id, description }) => [id, description]), [[edited.id, 'Deno, edited']])
      await entries.delete(workspace, edited)
      assert.equal(await entries.get(edited), null)
    }))

  Deno.test(`${transport}: a bulk patch of 150 ids is sent as 2 requests, and bad input sends none`, () =>
    withFake(transport, async (mock, workspace, options) => {
      const entries = new TrackerEndpoint(BasicAuth.fromApiToken(DEMO_ACCOUNT.apiToken), null, options)
      const ids = Array.from({ length: 150 }, () => mock.state.addTimeEntry({ workspaceId: workspace, userId: DEMO_ACCOUNT.id, start: Date.now() - 7_200_000, stop: Date.now() - 3_600_000 }).id)
      const result = await entries.patch(workspace, ids, [{ op: 'replace', path: '/billable', value: false }])
      assert.equal(result.success.length, 150)
      assert.equal(mock.requests.filter(({ method }) => method === 'PATCH').length, 2)
      const before = mock.requests.length
      await assert.rejects(entries.collect({ since: new Date(), before: '2026-01-01' }), InputError)
      await assert.rejects(entries.add(workspace, { start: '2026-01-01T00:00:00Z' } as never), InputError)
      assert.equal(mock.requests.length, before)
    }))
}
