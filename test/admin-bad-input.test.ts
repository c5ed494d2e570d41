// Every call of the organization admin API, with otherwise good arguments, given a bad organization
// or bad per-call options: each must throw InputError naming it and send nothing. The calls' own
// arguments (names, filters, bodies) are tested beside each endpoint.
import { describe, expect, it } from 'vitest'
import {
  GroupEndpoint,
  InputError,
  InvitationEndpoint,
  OrganizationUserEndpoint,
  OrganizationWorkspaceEndpoint,
  OwnerEndpoint,
  RoleEndpoint,
  SegmentationEndpoint,
  type CallOptions,
  type OrganizationRef,
} from '../src/index.ts'
import { failureOf, startFake, type Fake } from './support/fake.ts'

type Call = (fake: Fake, organization: OrganizationRef, options?: CallOptions) => Promise<unknown>

/** Each call that names an organization, as `Class.method` and with good other arguments. */
const CALLS: Record<string, Call> = {
  'OrganizationUserEndpoint.page': (f, o, options) => f.endpoint(OrganizationUserEndpoint).page(o, {}, options),
  'OrganizationUserEndpoint.detailedPage': (f, o, options) => f.endpoint(OrganizationUserEndpoint).detailedPage(o, {}, options),
  'OrganizationUserEndpoint.iterate': async (f, o, options) => f.endpoint(OrganizationUserEndpoint).iterate(o, {}, options).all(),
  'OrganizationUserEndpoint.iterateDetailed': async (f, o, options) =>
    f.endpoint(OrganizationUserEndpoint).iterateDetailed(o, {}, options).all(),
  'OrganizationUserEndpoint.edit': (f, o, options) => f.endpoint(OrganizationUserEndpoint).edit(o, 5, { inactive: true }, options),
  'OrganizationUserEndpoint.delete': (f, o, options) => f.endpoint(OrganizationUserEndpoint).delete(o, [5], options),
  'GroupEndpoint.collect': (f, o, options) => f.endpoint(GroupEndpoint).collect(o, {}, options),
  'GroupEndpoint.collectInWorkspace': (f, o, options) => f.endpoint(GroupEndpoint).collectInWorkspace(o, 3, options),
  'GroupEndpoint.add': (f, o, options) => f.endpoint(GroupEndpoint).add(o, { name: 'Design' }, options),
  'GroupEndpoint.edit': (f, o, options) => f.endpoint(GroupEndpoint).edit(o, 4, { name: 'Design' }, options),
  'GroupEndpoint.patch': (f, o, options) => f.endpoint(GroupEndpoint).patch(o, 4, [{ op: 'add', path: '/users', value: [1] }], options),
  'GroupEndpoint.delete': (f, o, options) => f.endpoint(GroupEndpoint).delete(o, 4, options),
  'OwnerEndpoint.get': (f, o, options) => f.endpoint(OwnerEndpoint).get(o, options),
  'OwnerEndpoint.collectTransfers': (f, o, options) => f.endpoint(OwnerEndpoint).collectTransfers(o, {}, options),
  'OwnerEndpoint.getTransfer': (f, o, options) => f.endpoint(OwnerEndpoint).getTransfer(o, 6, options),
  'OwnerEndpoint.startTransfer': (f, o, options) => f.endpoint(OwnerEndpoint).startTransfer(o, options),
  'OwnerEndpoint.acceptTransfer': (f, o, options) => f.endpoint(OwnerEndpoint).acceptTransfer(o, 6, options),
  'OwnerEndpoint.declineTransfer': (f, o, options) => f.endpoint(OwnerEndpoint).declineTransfer(o, 6, options),
  'OwnerEndpoint.withdrawTransfer': (f, o, options) => f.endpoint(OwnerEndpoint).withdrawTransfer(o, 6, options),
  'SegmentationEndpoint.get': (f, o, options) => f.endpoint(SegmentationEndpoint).get(o, options),
  'SegmentationEndpoint.edit': (f, o, options) => f.endpoint(SegmentationEndpoint).edit(o, { full_name: 'Acme Inc' }, options),
  'OrganizationWorkspaceEndpoint.add': (f, o, options) => f.endpoint(OrganizationWorkspaceEndpoint).add(o, { name: 'Lab' }, options),
  'OrganizationWorkspaceEndpoint.statistics': (f, o, options) => f.endpoint(OrganizationWorkspaceEndpoint).statistics(o, options),
  'OrganizationWorkspaceEndpoint.users': (f, o, options) => f.endpoint(OrganizationWorkspaceEndpoint).users(o, 3, {}, options),
  'OrganizationWorkspaceEndpoint.deleteUsers': (f, o, options) => f.endpoint(OrganizationWorkspaceEndpoint).deleteUsers(o, 3, [7], options),
  'InvitationEndpoint.add': (f, o, options) =>
    f.endpoint(InvitationEndpoint).add(o, { emails: ['new@example.com'], workspaces: [{ workspace_id: 3 }] }, options),
  'InvitationEndpoint.resend': (f, o, options) => f.endpoint(InvitationEndpoint).resend(o, 8, options),
  'RoleEndpoint.collect': (f, o, options) => f.endpoint(RoleEndpoint).collect(o, options),
}

const BAD_ORGANIZATIONS: unknown[] = [0, -1, 1.5, Number.NaN, '7', 2 ** 53, undefined, null, {}, { id: 'x' }]
const BAD_OPTIONS: unknown[] = ['fast', 5, { signal: 'stop' }, { refresh: 'yes' }]

/** The error a call throws, or rejects with; `undefined` if it neither throws nor rejects. */
async function errorOf(attempt: () => Promise<unknown>): Promise<unknown> {
  try {
    await attempt()
  } catch (error) {
    return error
  }
  return undefined
}

describe.each(Object.entries(CALLS))('%s', (name, call) => {
  it('refuses every bad organization with InputError naming it, and sends nothing', async () => {
    const fake = await startFake()
    for (const organization of BAD_ORGANIZATIONS) {
      const error = await errorOf(() => call(fake, organization as OrganizationRef))
      expect(error, `organization ${String(organization)}`).toBeInstanceOf(InputError)
      expect((error as Error).message).toMatch(new RegExp(`^${name.replace('.', '\\.')}: organization must be a positive whole-number id`))
    }
    expect(fake.sent()).toBe(0)
  })

  it('refuses bad per-call options with InputError naming them, and sends nothing', async () => {
    const fake = await startFake({ organizations: [{ name: 'Acme', memberIds: [1] }] })
    const [acme] = [...fake.mock.state.organizations.keys()] as [number]
    for (const options of BAD_OPTIONS) {
      const error = await failureOf(call(fake, acme, options as CallOptions))
      expect(error, JSON.stringify(options)).toBeInstanceOf(InputError)
      expect(error.message).toMatch(new RegExp(`^${name.replace('.', '\\.')}: options`))
    }
    expect(fake.sent()).toBe(0)
  })
})

it('covers every public method of every admin endpoint', () => {
  const classes = [
    OrganizationUserEndpoint,
    GroupEndpoint,
    OwnerEndpoint,
    SegmentationEndpoint,
    OrganizationWorkspaceEndpoint,
    InvitationEndpoint,
    RoleEndpoint,
  ]
  const methods = classes.flatMap((endpoint) =>
    Object.getOwnPropertyNames(endpoint.prototype)
      .filter((method) => method !== 'constructor')
      .map((method) => `${endpoint.name}.${method}`),
  )
  // accept and reject name an invitation code, not an organization; they are tested beside it.
  expect(methods.filter((method) => !(method in CALLS)).sort()).toEqual(['InvitationEndpoint.accept', 'InvitationEndpoint.reject'])
})
