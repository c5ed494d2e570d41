import { describe, expect, it } from 'vitest'
import { scopeOfPath, type ApiFamily } from '../src/core/api.ts'

// The client keeps its quota view and its cache per organization and workspace by this, and the fake
// counts its quota windows by it: a wrong answer here would fool both at once, so it is pinned down on its own.
describe('scopeOfPath', () => {
  it.each<[ApiFamily, string, number | null, number | null]>([
    ['track', '/organizations/5', 5, null],
    ['track', '/organizations/5/groups/9', 5, null],
    ['track', '/organizations/9000001/workspaces/8000001/workspace_users', 9_000_001, 8_000_001],
    ['track', '/organizations/9000001/workspaces/statistics', 9_000_001, null],
    ['track', '/organizations', null, null],
    ['track', '/organizations/invitations/abc-123/accept', null, null],
    ['track', '/organizations/55x/users', null, null],
    ['track', '/me/organizations', null, null],
    ['track', '/me/quota', null, null],
    ['track', '/workspaces/5', null, 5],
    ['track', '/workspaces/5/projects/77', null, 5],
    ['track', '/workspaces/5x/projects', null, null],
    ['track', '/reports/api/v3/workspace/5/summary/time_entries', null, null],
    ['reports', '/reports/api/v3/workspace/5/summary/time_entries', null, 5],
    ['reports', '/reports/api/v3/shared/token/csv', null, null],
    ['webhooks', '/subscriptions/5/77', null, 5],
    ['webhooks', '/ping/5/77', null, 5],
    ['webhooks', '/limits/5', null, 5],
    ['webhooks', '/event_filters', null, null],
    ['webhooks', '/status', null, null],
  ])('%s %s → organization %s, workspace %s', (api, path, organizationId, workspaceId) => {
    expect(scopeOfPath(api, path)).toEqual({ organizationId, workspaceId })
  })
})
