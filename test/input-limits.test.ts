// Input Toggl refuses (or cannot store as given) is refused before a request is spent: blank and
// invisible names, lone surrogates and NUL anywhere, out-of-range nested ids, text too long for
// Toggl or for a URL.
import { describe, expect, it } from 'vitest'
import {
  GroupEndpoint,
  InputError,
  InvitationEndpoint,
  NamingError,
  OrganizationUserEndpoint,
  OrganizationWorkspaceEndpoint,
  PageIterator,
  SegmentationEndpoint,
} from '../src/index.ts'
import { startFake, type Fake } from './support/fake.ts'

const any = (value: unknown) => value as never
const MILLION = 'm'.repeat(1_000_000)
const LONE = 'Acme \ud800'
const NUL = 'Ac\u0000me'

type Call = (fake: Fake) => unknown

/** [what is wrong, the call, the error class, the start of its message] */
const table: Array<[string, Call, typeof InputError, string]> = [
  ['an organization name of spaces', (f) => f.organizations().add('   '), NamingError, 'OrganizationEndpoint.add: organization name must not be blank'],
  ['an organization name of ideographic spaces', (f) => f.organizations().add('\u3000\u3000'), NamingError, 'OrganizationEndpoint.add: organization name must not be blank'],
  ['an organization name of zero-width spaces', (f) => f.organizations().add('\u200b\u200c\ufeff'), NamingError, 'OrganizationEndpoint.add: organization name must not be blank'],
  ['a renamed organization of a zero-width space', (f) => f.organizations().edit(1, '\u200b'), NamingError, 'OrganizationEndpoint.edit: organization name must not be blank'],
  ['an organization name with a lone surrogate', (f) => f.organizations().add(LONE), NamingError, 'OrganizationEndpoint.add: organization name must not contain a lone surrogate or NUL'],
  ['an organization name with NUL', (f) => f.organizations().add(NUL), NamingError, 'OrganizationEndpoint.add: organization name must not contain a lone surrogate or NUL'],
  ['a workspace name of zero-width spaces', (f) => f.organizations().add('Acme', '\u200b\u2060'), NamingError, 'OrganizationEndpoint.add: workspace name must contain a non-space character'],
  ['a workspace name with NUL', (f) => f.organizations().add('Acme', NUL), NamingError, 'OrganizationEndpoint.add: workspace name must not contain a lone surrogate or NUL'],
  ['a new workspace’s name with a lone surrogate', (f) => f.endpoint(OrganizationWorkspaceEndpoint).add(1, { name: LONE }), NamingError, 'OrganizationWorkspaceEndpoint.add: workspace name must not contain a lone surrogate or NUL'],
  ['a group name of a zero-width space', (f) => f.endpoint(GroupEndpoint).add(1, { name: '\u200b' }), NamingError, 'GroupEndpoint.add: group name must not be blank'],
  ['a group name with NUL', (f) => f.endpoint(GroupEndpoint).edit(1, 2, { name: NUL }), NamingError, 'GroupEndpoint.edit: group name must not contain a lone surrogate or NUL'],
  ['a user name of spaces', (f) => f.endpoint(OrganizationUserEndpoint).edit(1, 2, { name: ' \u3000' }), NamingError, 'OrganizationUserEndpoint.edit: user name must not be blank'],
  ['a user name with a lone surrogate', (f) => f.endpoint(OrganizationUserEndpoint).edit(1, 2, { name: LONE }), NamingError, 'OrganizationUserEndpoint.edit: user name must not contain a lone surrogate or NUL'],
  ['a user name of a million characters', (f) => f.endpoint(OrganizationUserEndpoint).edit(1, 2, { name: MILLION }), NamingError, 'OrganizationUserEndpoint.edit: user name must be at most 1000 characters'],
  ['an organization name of a million characters', (f) => f.organizations().add(MILLION), NamingError, 'OrganizationEndpoint.add: organization name must be at most 140 characters'],
  ['a group id 0 in a user’s workspace groups', (f) => f.endpoint(OrganizationUserEndpoint).edit(1, 2, { workspaces: [{ workspace_id: 3, groups: [{ group_id: 0, name: 'g' }] }] }), InputError, 'OrganizationUserEndpoint.edit: workspaces[0].groups[0].group_id must be a positive whole number'],
  ['a group id -1 in a user’s workspace groups', (f) => f.endpoint(OrganizationUserEndpoint).edit(1, 2, { workspaces: [{ workspace_id: 3, groups: [{ group_id: -1, name: 'g' }] }] }), InputError, 'OrganizationUserEndpoint.edit: workspaces[0].groups[0].group_id must be a positive whole number'],
  ['a group id 2**53 in a user’s workspace groups', (f) => f.endpoint(OrganizationUserEndpoint).edit(1, 2, { workspaces: [{ workspace_id: 3, groups: [{ group_id: 2 ** 53, name: 'g' }] }] }), InputError, 'OrganizationUserEndpoint.edit: workspaces[0].groups[0].group_id must be a positive whole number'],
  ['a user filter of a million characters', (f) => f.endpoint(OrganizationUserEndpoint).page(1, { filter: MILLION }), InputError, 'OrganizationUserEndpoint.page: filter is too long for a URL'],
  ['a user filter with a lone surrogate', (f) => f.endpoint(OrganizationUserEndpoint).page(1, { filter: LONE }), InputError, 'OrganizationUserEndpoint.page: filter must not contain a lone surrogate or NUL'],
  ['an iterated user filter of a million characters', (f) => f.endpoint(OrganizationUserEndpoint).iterate(1, { filter: MILLION }).all(), InputError, 'OrganizationUserEndpoint.iterate: filter is too long for a URL'],
  ['a group name filter of a million characters', (f) => f.endpoint(GroupEndpoint).collect(1, { name: MILLION }), InputError, 'GroupEndpoint.collect: name is too long for a URL'],
  ['a workspace-user search of a million characters', (f) => f.endpoint(OrganizationWorkspaceEndpoint).users(1, 3, { search: MILLION }), InputError, 'OrganizationWorkspaceEndpoint.users: search is too long for a URL'],
  ['a workspace-user name filter with NUL', (f) => f.endpoint(OrganizationWorkspaceEndpoint).users(1, 3, { name: NUL }), InputError, 'OrganizationWorkspaceEndpoint.users: name must not contain a lone surrogate or NUL'],
  ['an invitation code of a million characters', (f) => f.endpoint(InvitationEndpoint).accept(MILLION), InputError, 'InvitationEndpoint.accept: invitation code is too long for a URL'],
  ['an invitation code with a lone surrogate', (f) => f.endpoint(InvitationEndpoint).reject('\udc00'), InputError, 'InvitationEndpoint.reject: invitation code must not contain a lone surrogate or NUL'],
  ['a segmentation text with NUL', (f) => f.endpoint(SegmentationEndpoint).edit(1, { full_name: NUL }), InputError, 'SegmentationEndpoint.edit: full_name must not contain a lone surrogate or NUL'],
  ['an invitation role with a lone surrogate', (f) => f.endpoint(InvitationEndpoint).add(1, { emails: ['a@b.co'], workspaces: [{ workspace_id: 3, role: LONE }] }), InputError, 'InvitationEndpoint.add: workspaces[0].role must not contain a lone surrogate or NUL'],
  ['a PageIterator of no function', () => new PageIterator(any(42)), InputError, 'new PageIterator: fetchPage must be a function'],
]

describe('input Toggl would refuse is refused first', () => {
  it.each(table)('%s is refused, 0 requests', async (_, call, kind, message) => {
    const fake = await startFake()
    const error = await (async () => call(fake))().then(
      () => undefined,
      (thrown: unknown) => thrown,
    )
    expect(error).toBeInstanceOf(kind)
    expect((error as Error).message.startsWith(message), (error as Error).message).toBe(true)
    expect(fake.sent()).toBe(0)
  })

  it('still takes names with inner spaces, emoji and other scripts', async () => {
    const fake = await startFake()
    const created = await fake.organizations().add(' Zoë’s 日本 🚀 ', '\u3000Team\u3000')
    expect(created).toMatchObject({ name: ' Zoë’s 日本 🚀 ', workspace_name: '\u3000Team\u3000' })
  })
})
