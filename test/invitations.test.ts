import { describe, expect, it } from 'vitest'
import { InputError, MemoryCache } from '../src/index.ts'
import { InvitationEndpoint } from '../src/endpoints/organizations/invitations.ts'
import { DEMO_ACCOUNT, type MockAccount, type MockOrganization } from '../src/mock/index.ts'
import { expectDrift, expectStatus, failureOf, type Fake } from './support/fake.ts'
import { OTHER, startAcmeInitechSolo, THIRD } from './support/organizations.ts'

/** {@link startAcmeInitechSolo}'s organizations, with the endpoint under test signed in as Demo. */
async function seeded() {
  const seed = await startAcmeInitechSolo()
  return { ...seed, invitations: seed.fake.endpoint(InvitationEndpoint) }
}

type Org = MockOrganization

/** The endpoint signed in as another account. */
function as(fake: Fake, account: MockAccount) {
  return fake.endpointAs(account, InvitationEndpoint)
}

/** A pending invitation put straight into the fake. */
function pending(fake: Fake, organization: Org, email: string, extra: { workspaceIds?: number[]; groupIds?: number[] } = {}) {
  const id = fake.mock.state.nextId()
  const invitation = {
    id,
    code: `invite-${id}`,
    email,
    senderId: organization.memberIds[0]!,
    workspaceIds: extra.workspaceIds ?? [organization.workspaces[0]!.id],
    groupIds: extra.groupIds ?? [],
    createdAt: 0,
  }
  organization.invitations.push(invitation)
  return invitation
}

/** A request the client's own checks would never send, to see the fake's answer. */
async function raw(fake: Fake, path: string, body: unknown, method = 'POST') {
  const response = await fetch(`${fake.server.baseURL}${path}`, {
    method,
    headers: { authorization: fake.auth.header(), 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  return { status: response.status, message: (await response.json()) as unknown, type: response.headers.get('content-type') }
}

/** Accounts the fake did not start with, made members of an organization (no workspace). */
function addPeople(fake: Fake, organization: Org, count: number): MockAccount[] {
  return Array.from({ length: count }, (_, index) => {
    const id = 100 + fake.mock.state.accounts.size + index
    const account = { id, email: `person${id}@example.com`, password: `pw-${id}`, apiToken: `person-token-${id}`, fullname: `Person ${id}` }
    fake.mock.state.addAccount(account)
    fake.mock.state.addMember(organization, id, [])
    return account
  })
}

describe('InvitationEndpoint.add', () => {
  it('sends POST /organizations/{id}/invitations with the invitation and parses the result', async () => {
    const { fake, acme, invitations } = await seeded()
    const workspace = acme.workspaces[0]!.id
    const group = fake.mock.state.nextId()
    acme.groups.push({ id: group, name: 'Team', userIds: [], workspaceIds: [], at: 0 })
    const input = {
      emails: ['third@example.com', 'new@example.org'],
      workspaces: [{ workspace_id: workspace, admin: false, role_id: 4, integration_data: { provider: 'okta', external_id: 'u-7' } }],
      groups: [group],
      skip_email: true,
      project_invite: { project_id: 9, workspace_id: workspace, manager: true },
    }
    const result = await invitations.add(acme.id, input)
    expect(fake.last()).toEqual({ method: 'POST', path: `/organizations/${acme.id}/invitations`, query: {}, body: input })
    const [third, stranger] = acme.invitations
    expect(result.data).toEqual([
      expect.objectContaining({ invitation_id: third!.id, email: 'third@example.com', organization_id: acme.id, sender_id: 1, recipient_id: 3 }),
      expect.objectContaining({ invitation_id: stranger!.id, email: 'new@example.org', recipient_id: null, workspaces: [{ workspace_id: workspace }] }),
    ])
    expect(result.invitations?.[0]).toEqual({
      code: third!.code,
      email: 'third@example.com',
      organization_id: acme.id,
      organization_name: 'Acme',
      sender_email: DEMO_ACCOUNT.email,
      sender_name: DEMO_ACCOUNT.fullname,
    })
    expect(result.messages).toEqual([])
    expect(third).toMatchObject({ email: 'third@example.com', senderId: 1, workspaceIds: [workspace], groupIds: [group] })
    expect(third!.code).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('notes addresses of members instead of inviting them', async () => {
    const { acme, invitations } = await seeded()
    const result = await invitations.add({ id: acme.id }, { emails: ['OTHER@example.com'], workspaces: [{ workspace_id: acme.workspaces[0]!.id }] })
    expect(result).toMatchObject({ data: [], invitations: [], messages: ["User with e-mail 'OTHER@example.com' is already a member of the organization"] })
    expect(acme.invitations).toEqual([])
  })

  it.each([
    [{ workspaces: [{ workspace_id: 1 }] }, 'emails must be given'],
    [{ emails: ['a@example.com'] }, 'workspaces must be given'],
    [{ emails: [], workspaces: [{ workspace_id: 1 }] }, 'emails must name at least one e-mail address'],
    [{ emails: ['nope'], workspaces: [{ workspace_id: 1 }] }, 'emails[0] must be a valid e-mail address, got "nope"'],
    [{ emails: ['a@b.co', 'x y@b.co'], workspaces: [{ workspace_id: 1 }] }, 'emails[1] must be a valid e-mail address'],
    [{ emails: [7], workspaces: [{ workspace_id: 1 }] }, 'emails[0] must be a string, got 7'],
    [{ emails: ['a@b.co', 'A@B.co'], workspaces: [{ workspace_id: 1 }] }, 'emails must not repeat an e-mail address'],
    [{ emails: ['a@b.co'], workspaces: [] }, 'workspaces must name at least one workspace'],
    [{ emails: ['a@b.co'], workspaces: [{ workspace_id: 1 }, { workspace_id: 1 }] }, 'workspaces must not repeat a workspace'],
    [{ emails: ['a@b.co'], workspaces: [{}] }, 'workspaces[0].workspace_id must be given'],
    [{ emails: ['a@b.co'], workspaces: [{ workspace_id: 0 }] }, 'workspaces[0].workspace_id must be a positive whole number, got 0'],
    [{ emails: ['a@b.co'], workspaces: [{ workspace_id: 1, admn: true }] }, 'workspaces[0].admn is not a field Toggl takes here'],
    [{ emails: ['a@b.co'], workspaces: [{ workspace_id: 1, admin: 'yes' }] }, 'workspaces[0].admin must be a boolean'],
    [{ emails: ['a@b.co'], workspaces: [5] }, 'workspaces[0] must be an object, got 5'],
    [{ emails: ['a@b.co'], workspaces: [{ workspace_id: 1 }], groups: [1, 1] }, 'groups must not repeat an id'],
    [{ emails: ['a@b.co'], workspaces: [{ workspace_id: 1 }], skip_email: 1 }, 'skip_email must be a boolean, got 1'],
    [{ emails: ['a@b.co'], workspaces: [{ workspace_id: 1 }], project_invite: { project_id: 1 } }, 'project_invite.workspace_id must be given'],
    [{ emails: ['a@b.co'], workspaces: [{ workspace_id: 1 }], project_invite: 3 }, 'project_invite must be an object, got 3'],
    [{ emails: ['a@b.co'], workspaces: [{ workspace_id: 1 }], message: 'hi' }, 'message is not a field Toggl takes here'],
    [null, 'invitation must be an object, got null'],
  ])('rejects %j with InputError and sends nothing', async (input, message) => {
    const { fake, acme, invitations } = await seeded()
    const error = await failureOf(invitations.add(acme.id, input as never))
    expect(error).toBeInstanceOf(InputError)
    expect(error.message).toContain(`InvitationEndpoint.add: ${message}`)
    expect(fake.sent()).toBe(0)
  })

  it('rejects an array for the invitation with InputError and sends nothing', async () => {
    const { fake, acme, invitations } = await seeded()
    const error = await failureOf(invitations.add(acme.id, [] as never))
    expect(error).toBeInstanceOf(InputError)
    expect(error.message).toMatch(/must be an object, got an array$/)
    expect(fake.sent()).toBe(0)
  })

  it('maps the fake refusals to HTTPStatusError with the server message', async () => {
    const { fake, acme, initech, solo, invitations } = await seeded()
    const to = (workspace_id: number) => [{ workspace_id }]
    fake.mock.state.membershipOf(acme, 2)!.inactive = true
    // Each call starts inside the loop, so no refusal waits unhandled while an earlier one is checked.
    const refusals: [() => Promise<unknown>, number, string][] = [
      [() => invitations.add(acme.id, { emails: ['a@b.co'], workspaces: to(initech.workspaces[0]!.id) }), 400, 'invalid workspace ID'],
      [
        () => invitations.add(acme.id, { emails: ['other@example.com'], workspaces: to(acme.workspaces[0]!.id) }),
        400,
        "User with e-mail 'other@example.com' is already an inactive member of the organization",
      ],
      [
        () => invitations.add(solo.id, { emails: ['a@b.co', 'b@b.co', 'c@b.co', 'd@b.co', 'e@b.co'], workspaces: to(solo.workspaces[0]!.id) }),
        400,
        'Active user limit is 5. Upgrade to add more active users',
      ],
      [() => invitations.add(initech.id, { emails: ['a@b.co'], workspaces: to(initech.workspaces[0]!.id) }), 403, 'Forbidden'],
      [() => as(fake, OTHER).add(acme.id, { emails: ['a@b.co'], workspaces: to(acme.workspaces[0]!.id) }), 403, 'Forbidden'],
    ]
    for (const [call, status, serverMessage] of refusals) await expectStatus(call(), status, serverMessage)
    expect([...acme.invitations, ...solo.invitations, ...initech.invitations]).toEqual([])
  })

  it('refuses a group the organization does not have with 400 (the fake\'s rule)', async () => {
    const { fake, acme, initech, invitations } = await seeded()
    const theirs = fake.mock.state.nextId()
    initech.groups.push({ id: theirs, name: 'Theirs', userIds: [], workspaceIds: [], at: 0 })
    const workspaces = [{ workspace_id: acme.workspaces[0]!.id }]
    await expectStatus(invitations.add(acme.id, { emails: ['a@b.co'], workspaces, groups: [theirs] }), 400, 'invalid group ID')
    await expectStatus(invitations.add(acme.id, { emails: ['a@b.co'], workspaces, groups: [123_456] }), 400, 'invalid group ID')
    expect(acme.invitations).toEqual([])
  })

  it('invites up to the Free limit of 5 people', async () => {
    const { solo, invitations } = await seeded()
    const emails = ['a@b.co', 'b@b.co', 'c@b.co', 'd@b.co']
    const result = await invitations.add(solo.id, { emails, workspaces: [{ workspace_id: solo.workspaces[0]!.id }] })
    expect(result.data?.map(({ email }) => email)).toEqual(emails)
  })

  it('counts pending invitations toward the Free limit, and active members only', async () => {
    const { fake, solo, invitations } = await seeded()
    const workspaces = [{ workspace_id: solo.workspaces[0]!.id }]
    await invitations.add(solo.id, { emails: ['a@b.co', 'b@b.co', 'c@b.co'], workspaces })
    // Demo and three invited: a fifth fits, a fifth and sixth do not.
    await expectStatus(invitations.add(solo.id, { emails: ['d@b.co', 'e@b.co'], workspaces }), 400, 'Active user limit is 5. Upgrade to add more active users')
    expect(solo.invitations).toHaveLength(3)
    const [person] = addPeople(fake, solo, 1)
    await expectStatus(invitations.add(solo.id, { emails: ['d@b.co'], workspaces }), 400, 'Active user limit is 5. Upgrade to add more active users')
    fake.mock.state.membershipOf(solo, person!.id)!.inactive = true
    expect((await invitations.add(solo.id, { emails: ['d@b.co'], workspaces })).data).toHaveLength(1)
  })

  it('does not invite an address with a pending invitation again, in any case, and says so', async () => {
    const { fake, acme, invitations } = await seeded()
    const waiting = pending(fake, acme, 'ada@example.com')
    const result = await invitations.add(acme.id, { emails: ['ADA@example.com', 'bob@example.com'], workspaces: [{ workspace_id: acme.workspaces[0]!.id }] })
    expect(result.data?.map(({ email }) => email)).toEqual(['bob@example.com'])
    expect(result.messages).toEqual(["User with e-mail 'ADA@example.com' has already been invited to the organization"])
    expect(acme.invitations.map(({ email }) => email)).toEqual([waiting.email, 'bob@example.com'])
  })

  it('answers the address rules the client checks first, for callers that skip it', async () => {
    const { fake, acme } = await seeded()
    const path = `/organizations/${acme.id}/invitations`
    const workspaces = [{ workspace_id: acme.workspaces[0]!.id }]
    expect(await raw(fake, path, { workspaces })).toMatchObject({ status: 400, message: 'at least one email is required' })
    expect(await raw(fake, path, { emails: ['a@b.co'], workspaces: [] })).toMatchObject({ status: 400, message: 'at least one workspace is required' })
    expect(await raw(fake, path, { emails: ['nope'], workspaces })).toMatchObject({ status: 400, message: "Invalid e-mail: 'nope'" })
    expect(await raw(fake, path, { emails: [''], workspaces })).toMatchObject({ status: 400, message: 'Missing e-mail' })
    expect(await raw(fake, path, { emails: 'a@b.co', workspaces })).toMatchObject({ status: 400, message: 'Invalid JSON input' })
    expect(await raw(fake, '/organizations/0/invitations', { emails: ['a@b.co'], workspaces })).toMatchObject({ status: 400, message: 'Invalid organization id' })
  })

  it('invites an address given twice in different cases once, as first spelled', async () => {
    const { fake, acme } = await seeded()
    const workspaces = [{ workspace_id: acme.workspaces[0]!.id }]
    const reply = await raw(fake, `/organizations/${acme.id}/invitations`, { emails: ['Ada@example.com', 'ada@EXAMPLE.com'], workspaces })
    expect(reply).toMatchObject({ status: 200, message: { data: [{ email: 'Ada@example.com' }], messages: [] } })
    expect(acme.invitations.map(({ email }) => email)).toEqual(['Ada@example.com'])
  })

  it('is never retried: a 503 costs one request', async () => {
    const { fake, acme, invitations } = await seeded()
    fake.mock.inject({ type: 'status', status: 503 })
    await expect(invitations.add(acme.id, { emails: ['a@b.co'], workspaces: [{ workspace_id: 1 }] })).rejects.toMatchObject({ status: 503 })
    expect(fake.sent()).toBe(1)
  })

  it('names the field of a reply that drifted', async () => {
    const { fake, acme, invitations } = await seeded()
    fake.replyOnce('{"data":[{"invitation_id":"7"}]}')
    await expectDrift(invitations.add(acme.id, { emails: ['a@b.co'], workspaces: [{ workspace_id: 1 }] }), '$.data[0].invitation_id')
  })
})

describe('InvitationEndpoint.resend', () => {
  it('sends PUT …/invitations/{invitation_id}/resend and answers nothing', async () => {
    const { fake, acme, invitations } = await seeded()
    const { data } = await invitations.add(acme.id, { emails: ['a@b.co'], workspaces: [{ workspace_id: acme.workspaces[0]!.id }] })
    const id = data![0]!.invitation_id!
    await expect(invitations.resend(acme.id, id)).resolves.toBeUndefined()
    expect(fake.last()).toEqual({ method: 'PUT', path: `/organizations/${acme.id}/invitations/${id}/resend`, query: {}, body: undefined })
    await invitations.resend({ id: acme.id }, data![0] as { invitation_id: number })
    expect(fake.last().path).toBe(`/organizations/${acme.id}/invitations/${id}/resend`)
  })

  it('maps 404 (no such invitation) and 400 (another organization) to HTTPStatusError', async () => {
    const { fake, acme, solo, invitations } = await seeded()
    const elsewhere = pending(fake, solo, 'a@b.co')
    await expectStatus(invitations.resend(acme.id, 123), 404, 'Invitation code not found')
    await expectStatus(invitations.resend(acme.id, elsewhere.id), 400, 'Organization ID and invitation organization ID mismatch')
  })

  it('maps 403 for a member who is not an admin to HTTPStatusError (the fake\'s rule)', async () => {
    const { fake, acme, invitations } = await seeded()
    const ours = pending(fake, acme, 'a@b.co')
    await expectStatus(as(fake, OTHER).resend(acme.id, ours.id), 403, 'Forbidden')
    await expect(invitations.resend(acme.id, ours.id)).resolves.toBeUndefined()
  })

  it.each([0, 1.5, '7', null, { id: 0 }, {}])('rejects invitation %j with InputError and sends nothing', async (invitation) => {
    const { fake, acme, invitations } = await seeded()
    const error = await failureOf(invitations.resend(acme.id, invitation as never))
    expect(error).toBeInstanceOf(InputError)
    expect(error.message).toMatch(/^InvitationEndpoint\.resend: invitation must be a positive whole-number id/)
    expect(fake.sent()).toBe(0)
  })
})

describe('InvitationEndpoint.accept', () => {
  it('sends POST /organizations/invitations/{code}/accept and joins the organization', async () => {
    const { fake, acme, initech, invitations } = await seeded()
    const second = initech.workspaces[0]!
    initech.groups.push({ id: 88, name: 'Team', userIds: [], workspaceIds: [], at: 0 })
    const invitation = pending(fake, initech, 'DEMO@example.com', { groupIds: [88] })
    await expect(invitations.accept(invitation.code)).resolves.toBeUndefined()
    expect(fake.last()).toEqual({ method: 'POST', path: `/organizations/invitations/${invitation.code}/accept`, query: {}, body: undefined })
    expect(initech.memberIds).toContain(1)
    expect(second.users.filter(({ accountId }) => accountId === 1)).toHaveLength(1)
    expect(initech.groups[0]!.userIds).toEqual([1])
    expect(initech.invitations).toEqual([])
    expect(acme.memberIds).toEqual([1, 2])
  })

  it('joins exactly the workspaces the invitation names: the first stays as it was', async () => {
    const { fake, initech, invitations } = await seeded()
    const [first] = initech.workspaces
    const second = fake.mock.state.createWorkspace('Second', [2])
    initech.workspaces.push(second)
    const before = structuredClone(first!.users)
    await invitations.accept(pending(fake, initech, DEMO_ACCOUNT.email, { workspaceIds: [second.id] }).code)
    expect(initech.memberIds).toEqual([2, 1])
    expect(first!.users).toEqual(before)
    expect(second.users.map(({ accountId, admin }) => ({ accountId, admin }))).toEqual([
      { accountId: 2, admin: false },
      { accountId: 1, admin: false },
    ])
  })

  it('checks the Free limit again: a place taken since the invitation refuses the accept with 400', async () => {
    const { fake, solo } = await seeded()
    const [, deactivated] = addPeople(fake, solo, 4)
    fake.mock.state.membershipOf(solo, deactivated!.id)!.inactive = true
    const invitation = pending(fake, solo, THIRD.email)
    fake.mock.state.membershipOf(solo, deactivated!.id)!.inactive = false
    await expectStatus(as(fake, THIRD).accept(invitation.code), 400, 'Active user limit is 5. Upgrade to add more active users')
    expect(solo.memberIds).not.toContain(THIRD.id)
    expect(solo.invitations).toEqual([invitation])
    fake.mock.state.membershipOf(solo, deactivated!.id)!.inactive = true
    await as(fake, THIRD).accept(invitation.code)
    expect(solo.memberIds).toContain(THIRD.id)
  })

  it('from invitation to membership: the invited account accepts the code Toggl sent', async () => {
    const { fake, initech } = await seeded()
    const { invitations: sent } = await as(fake, OTHER).add(initech.id, {
      emails: [DEMO_ACCOUNT.email],
      workspaces: [{ workspace_id: initech.workspaces[0]!.id }],
    })
    await fake.endpoint(InvitationEndpoint).accept(sent![0]!.code!)
    expect((await fake.organizations().collect()).map(({ name }) => name)).toEqual(['Acme', 'Initech', 'Solo'])
  })

  it('drops a cached OrganizationEndpoint.collect() list, so the next one includes the organization', async () => {
    const { fake, initech } = await seeded()
    const cache = new MemoryCache()
    const organizations = fake.organizations(cache)
    expect(await organizations.collect()).toHaveLength(2)
    expect(await organizations.collect()).toHaveLength(2)
    expect(fake.sent()).toBe(1)
    await fake.endpoint(InvitationEndpoint, cache).accept(pending(fake, initech, DEMO_ACCOUNT.email).code)
    expect((await organizations.collect()).map(({ id }) => id)).toContain(initech.id)
    expect(fake.sent()).toBe(3)
  })

  it('URL-encodes the code', async () => {
    const { fake, invitations } = await seeded()
    await failureOf(invitations.accept('a b?c#d'))
    expect(fake.last().path).toBe('/organizations/invitations/a%20b%3Fc%23d/accept')
  })

  it('maps 404 (unknown code) and 403 (invitation for someone else) to HTTPStatusError', async () => {
    const { fake, initech, invitations } = await seeded()
    await expectStatus(invitations.accept('no-such-code'), 404, 'Invalid invitation code')
    const theirs = pending(fake, initech, THIRD.email)
    await expectStatus(invitations.accept(theirs.code), 403, 'Forbidden')
    expect(initech.memberIds).toEqual([2])
    expect(initech.invitations).toEqual([theirs])
  })

  it.each([
    ['', 'must not be empty'],
    ['a/b', "must not contain '/'"],
    ['.', "must not be '.' or '..'"],
    ['..', "must not be '.' or '..'"],
    [5, 'must be a string'],
  ])('rejects code %j with InputError and sends nothing', async (code, message) => {
    const { fake, invitations } = await seeded()
    const error = await failureOf(invitations.accept(code as never))
    expect(error).toBeInstanceOf(InputError)
    expect(error.message).toContain(`InvitationEndpoint.accept: invitation code ${message}`)
    expect(fake.sent()).toBe(0)
  })
})

describe('InvitationEndpoint.reject', () => {
  it('sends POST /organizations/invitations/{code}/reject and drops the invitation', async () => {
    const { fake, initech, invitations } = await seeded()
    const invitation = pending(fake, initech, DEMO_ACCOUNT.email)
    await expect(invitations.reject(invitation.code)).resolves.toBeUndefined()
    expect(fake.last()).toEqual({ method: 'POST', path: `/organizations/invitations/${invitation.code}/reject`, query: {}, body: undefined })
    expect(initech.invitations).toEqual([])
    expect(initech.memberIds).toEqual([2])
  })

  it('keeps a cached OrganizationEndpoint.collect() list: nothing joined', async () => {
    const { fake, initech } = await seeded()
    const cache = new MemoryCache()
    const organizations = fake.organizations(cache)
    await organizations.collect()
    await fake.endpoint(InvitationEndpoint, cache).reject(pending(fake, initech, DEMO_ACCOUNT.email).code)
    await organizations.collect()
    expect(fake.sent()).toBe(2)
  })

  it('maps 404 (unknown code) and 403 (invitation for someone else) to HTTPStatusError', async () => {
    const { fake, initech, invitations } = await seeded()
    await expectStatus(invitations.reject('no-such-code'), 404, 'Invalid invitation code')
    const theirs = pending(fake, initech, THIRD.email)
    await expectStatus(invitations.reject(theirs.code), 403, 'Forbidden')
    expect(initech.invitations).toEqual([theirs])
  })

  it('rejects a bad code or options with InputError and sends nothing', async () => {
    const { fake, invitations } = await seeded()
    await expect(invitations.reject('x/y')).rejects.toThrow(/^InvitationEndpoint\.reject: invitation code must not contain '\/'/)
    await expect(invitations.reject('abc', 'fast' as never)).rejects.toBeInstanceOf(InputError)
    expect(fake.sent()).toBe(0)
  })
})

describe('the fake invitation routes', () => {
  it('answer accept, reject and resend alike: 200 with the JSON string "OK"', async () => {
    const { fake, acme, initech } = await seeded()
    const json = 'application/json; charset=utf-8'
    const ok = { status: 200, message: 'OK', type: json }
    expect(await raw(fake, `/organizations/invitations/${pending(fake, initech, DEMO_ACCOUNT.email).code}/accept`, null)).toEqual(ok)
    expect(await raw(fake, `/organizations/invitations/${pending(fake, acme, DEMO_ACCOUNT.email).code}/reject`, null)).toEqual(ok)
    expect(await raw(fake, `/organizations/${acme.id}/invitations/${pending(fake, acme, 'a@b.co').id}/resend`, null, 'PUT')).toEqual(ok)
  })
})
