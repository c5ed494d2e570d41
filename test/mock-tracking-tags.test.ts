import { describe, expect, it } from 'vitest'
import { DEMO_ACCOUNT } from '../src/mock/index.ts'
import { OTHER } from './support/organizations.ts'
import { expectError, NOW, ok, world } from './support/tracking.ts'

type Tag = Record<string, unknown> & { id: number; name: string }
const ADMINS_ONLY = 'Only organization or workspace administrators may manage tags in this workspace.'

describe('/workspaces/{id}/tags', () => {
  it('creates a tag (one Tag, as clients see it: the fake’s rule where the spec says a list), lists, renames and deletes it', async () => {
    const { call, ws } = world()
    const tag = ok<Tag>(await call('POST', `/workspaces/${ws.id}/tags`, { name: 'billed' }))
    expect(tag).toEqual({ id: expect.any(Number), workspace_id: ws.id, name: 'billed', at: '2024-12-16T12:00:00.000000Z', creator_id: DEMO_ACCOUNT.id })
    ok(await call('POST', `/workspaces/${ws.id}/tags`, { name: 'after hours' }))
    expect(ok<Tag[]>(await call('GET', `/workspaces/${ws.id}/tags`)).map(({ name }) => name)).toEqual(['after hours', 'billed'])
    expect(ok<Tag[]>(await call('GET', `/workspaces/${ws.id}/tags?search=BILL`)).map(({ name }) => name)).toEqual(['billed'])
    expect(ok<Tag[]>(await call('GET', `/workspaces/${ws.id}/tags?per_page=1&page=2`)).map(({ name }) => name)).toEqual(['billed'])
    expect(ok(await call('PUT', `/workspaces/${ws.id}/tags/${tag.id}`, { name: 'invoiced' }))).toMatchObject({ id: tag.id, name: 'invoiced' })
    expect(ok(await call('DELETE', `/workspaces/${ws.id}/tags/${tag.id}`))).toBe('OK')
    expect(ok<Tag[]>(await call('GET', `/workspaces/${ws.id}/tags`)).map(({ name }) => name)).toEqual(['after hours'])
  })

  it('answers Toggl’s 400s and 404s', async () => {
    const { call, mock, ws } = world()
    const tag = mock.state.addTag({ workspaceId: ws.id, name: 'billed' })
    expectError(await call('POST', `/workspaces/${ws.id}/tags`, { name: ' ' }), 400, "tag name can't be blank")
    expectError(await call('POST', `/workspaces/${ws.id}/tags`, { name: 'Billed' }), 400, "a tag with the name 'Billed' already exists")
    expectError(await call('POST', `/workspaces/${ws.id}/tags`, '{"name":'), 400, 'Invalid JSON input')
    expectError(await call('PUT', `/workspaces/${ws.id}/tags/abc`, { name: 'x' }), 400, 'Invalid tag ID')
    expectError(await call('PUT', `/workspaces/${ws.id}/tags/${tag.id + 1000}`, { name: 'x' }), 404, 'Tag was not found')
    expectError(await call('DELETE', `/workspaces/${ws.id}/tags/abc`), 400, 'Invalid tag ID.')
    expectError(await call('DELETE', `/workspaces/${ws.id}/tags/${tag.id + 1000}`), 404, 'Tag was not found.')
    // The spec has no GET of one tag.
    expect((await call('GET', `/workspaces/${ws.id}/tags/${tag.id}`)).status).toBe(405)
  })

  it('lets only admins manage tags when only_admins_may_create_tags is set (403), members may list them', async () => {
    const { call, mock, ws } = world()
    const tag = mock.state.addTag({ workspaceId: ws.id, name: 'billed' })
    ws.settings.only_admins_may_create_tags = true
    expectError(await call('POST', `/workspaces/${ws.id}/tags`, { name: 'mine' }, OTHER), 403, ADMINS_ONLY)
    expectError(await call('PUT', `/workspaces/${ws.id}/tags/${tag.id}`, { name: 'mine' }, OTHER), 403, ADMINS_ONLY)
    expectError(await call('DELETE', `/workspaces/${ws.id}/tags/${tag.id}`, undefined, OTHER), 403, ADMINS_ONLY)
    expectError(await call('PATCH', `/workspaces/${ws.id}/tags`, { delete: [tag.id] }, OTHER), 403, ADMINS_ONLY)
    expect(ok<Tag[]>(await call('GET', `/workspaces/${ws.id}/tags`, undefined, OTHER))).toHaveLength(1)
    // A time entry naming a new tag would create it: refused too.
    const entry = { workspace_id: ws.id, start: '2024-12-16T10:00:00Z', duration: 60, created_with: 'test', tags: ['new one'] }
    expectError(await call('POST', `/workspaces/${ws.id}/time_entries`, entry, OTHER), 403, ADMINS_ONLY)
    expect(ok(await call('POST', `/workspaces/${ws.id}/time_entries`, { ...entry, tags: ['billed'] }, OTHER))).toMatchObject({ tags: ['billed'] })
  })

  it('deleting a tag takes it off the time entries that carry it', async () => {
    const { call, mock, ws } = world()
    const [billed, late] = [mock.state.addTag({ workspaceId: ws.id, name: 'billed' }), mock.state.addTag({ workspaceId: ws.id, name: 'late' })]
    const entry = mock.state.addTimeEntry({ workspaceId: ws.id, start: NOW - 60_000, duration: 30, tagIds: [billed.id, late.id] })
    ok(await call('DELETE', `/workspaces/${ws.id}/tags/${billed.id}`))
    expect(ok(await call('GET', `/me/time_entries/${entry.id}`))).toMatchObject({ tags: ['late'], tag_ids: [late.id] })
  })
})

describe('PATCH /workspaces/{id}/tags (bulk delete, body { delete: [ids] }: the fake’s rule)', () => {
  it('deletes them all, or none when one is not the workspace’s', async () => {
    const { call, mock, ws, soloWs } = world()
    const [a, b, c] = ['a', 'b', 'c'].map((name) => mock.state.addTag({ workspaceId: ws.id, name }))
    const foreign = mock.state.addTag({ workspaceId: soloWs.id, name: 'foreign' })
    expectError(await call('PATCH', `/workspaces/${ws.id}/tags`, { delete: [a!.id, foreign.id] }), 400, 'Some tag IDs do not belong to workspace.')
    expect(ok<Tag[]>(await call('GET', `/workspaces/${ws.id}/tags`))).toHaveLength(3)
    expect(ok(await call('PATCH', `/workspaces/${ws.id}/tags`, { delete: [a!.id, b!.id] }))).toBe('OK')
    expect(ok<Tag[]>(await call('GET', `/workspaces/${ws.id}/tags`)).map(({ id }) => id)).toEqual([c!.id])
    expectError(await call('PATCH', `/workspaces/${ws.id}/tags`, [a!.id]), 400, 'Invalid JSON input')
  })
})

describe('GET /me/tags', () => {
  it('lists the tags of the caller’s workspaces; since adds deleted ones with server_deleted_at', async () => {
    const { call, clock, mock, ws, soloWs, initechWs } = world()
    const kept = mock.state.addTag({ workspaceId: ws.id, name: 'kept' })
    const gone = mock.state.addTag({ workspaceId: soloWs.id, name: 'gone' })
    mock.state.addTag({ workspaceId: initechWs.id, name: 'not theirs' })
    clock.now += 1_000
    const since = Math.floor(clock.now / 1000)
    ok(await call('DELETE', `/workspaces/${soloWs.id}/tags/${gone.id}`))
    expect(ok<Tag[]>(await call('GET', '/me/tags')).map(({ id }) => id)).toEqual([kept.id])
    expect(ok(await call('GET', `/me/tags?since=${since}`))).toEqual([
      expect.objectContaining({ id: gone.id, server_deleted_at: '2024-12-16T12:00:01.000000Z', deleted_at: '2024-12-16T12:00:01.000000Z' }),
    ])
  })
})
