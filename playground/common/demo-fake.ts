import {
  createTogglMock,
  DEMO_ACCOUNT,
  type MockAccount,
  type MockOrganization,
  type MockOrganizationSeed,
  type MockState,
  type TogglMock,
} from '../../src/mock/index.ts'

/** Small enough that the quota meter visibly moves while you click around. */
export const DEMO_QUOTA_PER_HOUR = 120

/** People the demo account works with; the page only ever signs in as the demo account. */
export const DEMO_TEAMMATES: readonly MockAccount[] = [
  { id: 2, email: 'alex@example.com', password: 'alex-password', apiToken: 'alex-token', fullname: 'Alex Rivera' },
  { id: 3, email: 'sam@example.com', password: 'sam-password', apiToken: 'sam-token', fullname: 'Sam Chen' },
  { id: 4, email: 'noor@example.com', password: 'noor-password', apiToken: 'noor-token', fullname: 'Noor Haddad' },
  { id: 5, email: 'jo@example.com', password: 'jo-password', apiToken: 'jo-token', fullname: 'Jo Müller' },
]
const [ALEX, SAM, NOOR, JO] = DEMO_TEAMMATES.map(({ id }) => id) as [number, number, number, number]

/**
 * Who the fake knows before the first click: the demo account owns three organizations (the
 * teammates join them below); Umbrella Corp belongs to Noor and has invited the demo account.
 */
export const DEMO_ORGANIZATIONS: readonly MockOrganizationSeed[] = [
  // A paid plan: on Free its four members and pending invitation would leave no place to invite anyone.
  { name: 'Acme Studio', memberIds: [DEMO_ACCOUNT.id], pricingPlanName: 'Starter' },
  { name: 'Globex Research', workspaceName: 'Lab', memberIds: [DEMO_ACCOUNT.id], pricingPlanName: 'Premium' },
  { name: 'Initech', workspaceName: 'TPS Reports', memberIds: [DEMO_ACCOUNT.id] },
  { name: 'Umbrella Corp', workspaceName: 'Research', memberIds: [NOOR] },
]

/** Ids and codes a freshly seeded demo fake has, for the admin card's example arguments. */
export interface DemoIds {
  /** Acme Studio, the demo account's first organization. */
  organization: number
  /** Globex Research, on a plan that allows more workspaces. */
  premiumOrganization: number
  /** Acme Studio's first workspace, and the workspace-user id Alex has in it. */
  workspace: number
  workspaceUser: number
  /** Alex's organization-user id in Acme Studio. */
  organizationUser: number
  /** Acme Studio's "Designers" group, and the account id of a member of Acme Studio not in it (Noor). */
  group: number
  teammate: number
  /** Acme Studio's pending invitation of a new hire. */
  invitation: number
  /** Initech: the organization with an ownership transfer under way, and that transfer. */
  transferOrganization: number
  transfer: number
  /** Codes of Umbrella Corp's invitations of the demo account: one to accept, one to reject. */
  invitationToAccept: string
  invitationToReject: string
}

/**
 * The playground's fake Toggl API, on the dev server and in the page alike. The rate limit stays
 * off so clicking quickly never trips it; the fault buttons show a 429 on demand instead.
 *
 * Without `organizations` the fake gets the demo organizations with their teammates, groups,
 * invitations and a transfer. Given organizations (the static build's, restored after a reload)
 * are taken as they are: their members come back, the rest of the admin state does not.
 */
export function createDemoFake(organizations?: readonly MockOrganizationSeed[]): TogglMock {
  const mock = createTogglMock({
    accounts: [DEMO_ACCOUNT, ...DEMO_TEAMMATES],
    organizations: [...(organizations ?? DEMO_ORGANIZATIONS)],
    quotaPerHour: DEMO_QUOTA_PER_HOUR,
  })
  if (organizations === undefined) furnish(mock.state)
  return mock
}

/** The ids a fresh demo fake (the dev server's after a reset, or the page's own) hands out. */
export function demoIds(): DemoIds {
  return furnish(createTogglMock({ accounts: [DEMO_ACCOUNT, ...DEMO_TEAMMATES], organizations: [...DEMO_ORGANIZATIONS] }).state)
}

/**
 * Teammates, groups, invitations and a transfer in the seeded organizations. Every id is handed out
 * here, memberships included (the fake makes an owner's lazily), so a fresh fake always has the
 * same ones and the admin card's examples name things that exist.
 */
function furnish(state: MockState): DemoIds {
  const [acme, globex, initech, umbrella] = [...state.organizations.values()] as [
    MockOrganization,
    MockOrganization,
    MockOrganization,
    MockOrganization,
  ]
  const now = Date.now()
  const acmeWorkspace = acme.workspaces[0]
  if (!acmeWorkspace) throw new Error('the demo organizations lack their first workspace')

  const firstWorkspace = (organization: MockOrganization) => organization.workspaces.slice(0, 1).map(({ id }) => id)
  for (const accountId of [ALEX, SAM, NOOR]) state.addMember(acme, accountId, firstWorkspace(acme))
  acme.adminIds.push(SAM)
  for (const accountId of [ALEX, JO]) state.addMember(globex, accountId, firstWorkspace(globex))
  // Premium, so a second workspace is allowed (Free organizations have one).
  globex.workspaces.push(state.createWorkspace('Field Station', [DEMO_ACCOUNT.id, JO], [DEMO_ACCOUNT.id]))
  state.addMember(initech, JO, firstWorkspace(initech))
  for (const organization of [acme, globex, initech, umbrella]) {
    for (const accountId of organization.memberIds) state.membershipOf(organization, accountId)
  }

  const group = (organization: MockOrganization, name: string, userIds: number[]) => {
    const id = state.nextId()
    organization.groups.push({ id, name, userIds, workspaceIds: firstWorkspace(organization), at: now })
    return id
  }
  const designers = group(acme, 'Designers', [ALEX, SAM])
  group(acme, 'Engineering', [NOOR])
  group(globex, 'Lab crew', [ALEX, JO])

  const invite = (organization: MockOrganization, email: string, code: string, senderId: number) => {
    const id = state.nextId()
    organization.invitations.push({ id, code, email, senderId, workspaceIds: firstWorkspace(organization), groupIds: [], createdAt: now })
    return id
  }
  const invitation = invite(acme, 'new.hire@example.com', 'acme-new-hire', DEMO_ACCOUNT.id)
  invite(umbrella, DEMO_ACCOUNT.email, 'umbrella-welcome', NOOR)
  invite(umbrella, DEMO_ACCOUNT.email, 'umbrella-second-thoughts', NOOR)

  // Started by the demo account for Jo, who has not answered: demo stays the owner whatever the page does.
  const transfer = state.startTransfer(initech, DEMO_ACCOUNT.id, JO).id

  const alexInAcme = state.membershipOf(acme, ALEX)
  const alexInWorkspace = acmeWorkspace.users.find(({ accountId }) => accountId === ALEX)
  if (!alexInAcme || !alexInWorkspace) throw new Error('the demo fake lost Alex')
  return {
    organization: acme.id,
    premiumOrganization: globex.id,
    workspace: acmeWorkspace.id,
    workspaceUser: alexInWorkspace.id,
    organizationUser: alexInAcme.id,
    group: designers,
    teammate: NOOR,
    invitation,
    transferOrganization: initech.id,
    transfer,
    invitationToAccept: 'umbrella-welcome',
    invitationToReject: 'umbrella-second-thoughts',
  }
}
