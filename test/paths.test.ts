import { describe, expect, it } from 'vitest'
import { organizationIdOfPath } from '../src/core/paths.ts'

// The client keeps its quota view and its cache per organization by this, and the fake counts its
// quota windows by it: a wrong answer here would fool both at once, so it is pinned down on its own.
describe('organizationIdOfPath', () => {
  it.each([
    ['/organizations/5', 5],
    ['/organizations/5/groups/9', 5],
    ['/organizations/9000001/workspaces/8000001/workspace_users', 9_000_001],
    ['/organizations', null],
    ['/organizations/invitations/abc-123/accept', null],
    ['/organizations/55x/users', null],
    ['/me/organizations', null],
    ['/me/quota', null],
    ['/workspaces/5', null],
  ])('%s → %s', (path, organizationId) => {
    expect(organizationIdOfPath(path)).toBe(organizationId)
  })
})
