import { describe, expect, it } from 'vitest'
import { AccountState } from '../src/core/account.ts'

const at = 1_000_000
const workspace7 = { organizationId: null, workspaceId: 7 }

// Toggl counts a workspace's calls against its organization's window. Until a reply says which
// organization that is, the window is kept for the workspace; then it joins the organization's.
describe('AccountState quota windows of workspaces', () => {
  it('keeps a workspace call’s report for the workspace until its organization is known, then under the organization', () => {
    const account = new AccountState()
    account.noteQuota({ remaining: 0, resetsIn: 60, at, organizationId: null, workspaceId: 7 })
    expect(account.quotaOf(5)).toBeNull()
    expect(account.quotaOf(null)).toBeNull()
    expect(account.quotaBlockedFor(account.resolve(workspace7), at)).toBe(60)

    account.learnWorkspace(7, 5)
    expect(account.quotaOf(5)).toEqual({ remaining: 0, resetsIn: 60, at, organizationId: 5 })
    expect(account.resolve(workspace7)).toEqual({ organizationId: 5, workspaceId: 7 })
    expect(account.quotaBlockedFor(account.resolve(workspace7), at + 1000)).toBe(59)
    expect(account.quotaBlockedFor({ organizationId: 5, workspaceId: null }, at)).toBe(60)
    expect(account.workspacesOf(5)).toEqual([7])
  })

  it('keeps the organization’s own report when it is newer than the workspace’s', () => {
    const account = new AccountState()
    account.noteQuota({ remaining: 3, resetsIn: 60, at, organizationId: null, workspaceId: 7 })
    account.noteQuota({ remaining: 9, resetsIn: 30, at: at + 5, organizationId: 5 })
    account.learnWorkspace(7, 5)
    expect(account.quotaOf(5)).toMatchObject({ remaining: 9, at: at + 5 })
    expect(account.quotaBlockedFor(account.resolve(workspace7), at)).toBe(0)
  })

  it('never blocks another organization, the user, or a workspace of unknown organization for a spent one', () => {
    const account = new AccountState()
    account.noteQuota({ remaining: 0, resetsIn: 60, at, organizationId: 5 })
    account.learnWorkspace(7, 5)
    expect(account.quotaBlockedFor({ organizationId: 6, workspaceId: null }, at)).toBe(0)
    expect(account.quotaBlockedFor({ organizationId: null, workspaceId: null }, at)).toBe(0)
    expect(account.quotaBlockedFor(account.resolve({ organizationId: null, workspaceId: 8 }), at)).toBe(0)
    expect(account.quotaBlockedFor(account.resolve(workspace7), at)).toBe(60)
  })
})
