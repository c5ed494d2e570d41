import { createTogglMock, DEMO_ACCOUNT, type MockAccount, type MockOrganization, type MockOrganizationSeed, type MockState, type MockSubscription, type TogglMock } from '../../src/mock/index.ts'
import { createWebhookHandler } from '../../src/receiver/index.ts'

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
  { name: 'Acme Studio', workspaceName: 'Studio', memberIds: [DEMO_ACCOUNT.id], pricingPlanName: 'Starter' },
  { name: 'Globex Research', workspaceName: 'Lab', memberIds: [DEMO_ACCOUNT.id], pricingPlanName: 'Premium' },
  { name: 'Initech', workspaceName: 'TPS Reports', memberIds: [DEMO_ACCOUNT.id] },
  { name: 'Umbrella Corp', workspaceName: 'Research', memberIds: [NOOR] },
  // Alex's: the demo account is a member only, so it may leave.
  { name: 'Hooli', workspaceName: 'Middle-Out', memberIds: [ALEX, DEMO_ACCOUNT.id] },
]

/** Where the seeded webhook subscription delivers, answered in-process with 200 (so it stays unvalidated). */
export const DEMO_HOOK_URL = 'https://hooks.example.com/unvalidated'
/** A URL whose receiver checks signatures with {@link DEMO_HOOK_SECRET} and validates a new subscription. */
export const DEMO_VALIDATING_HOOK_URL = 'https://hooks.example.com/playground'
export const DEMO_HOOK_SECRET = 'playground-hook-secret'

/** Ids and codes a freshly seeded demo fake has, for the explorer's example arguments. */
export interface DemoIds {
  /** Acme Studio, the demo account's first organization, and its workspace (the default one). */
  organization: number
  workspace: number
  /** Globex Research, on a plan that allows more workspaces. */
  premiumOrganization: number
  /** The workspace-user id Alex has in Acme's workspace, and Alex's organization-user id in Acme. */
  workspaceUser: number
  organizationUser: number
  /** Acme Studio's "Designers" group, and the account id of a member of Acme Studio not in it (Noor). */
  group: number
  teammate: number
  /** Acme Studio's pending invitation of a new hire. */
  invitation: number
  /** Initech: the organization with an ownership transfer under way, and that transfer. */
  transferOrganization: number
  transfer: number
  /** Hooli, Alex's, where the demo account is a member (not the owner). */
  memberOrganization: number
  /** Codes of Umbrella Corp's invitations of the demo account: one to accept, one to reject. */
  invitationToAccept: string
  invitationToReject: string
  /** Acme's catalogue: a client, an archived one, a project of the first with a task, and a tag. */
  client: number
  archivedClient: number
  project: number
  task: number
  tag: number
  /** The demo account's latest finished time entry. */
  timeEntry: number
  /** The webhook subscription in Acme's workspace, not validated yet, and its validation code. */
  subscription: number
  validationCode: string
}

/**
 * The playground's fake Toggl API, on the dev server and in the page alike: the demo organizations
 * with teammates, groups, invitations and a transfer, Acme's catalogue and a believable week of
 * the demo account's time entries up to `now`, and a webhook subscription. The rate limit stays
 * off so clicking quickly never trips it; the fault buttons show a 429 on demand instead.
 */
export function createDemoFake(now: () => number = Date.now): TogglMock {
  const mock = createTogglMock({
    accounts: [DEMO_ACCOUNT, ...DEMO_TEAMMATES],
    organizations: [...DEMO_ORGANIZATIONS],
    quotaPerHour: DEMO_QUOTA_PER_HOUR,
    now,
  })
  furnish(mock)
  return mock
}

/** The ids a fresh demo fake (the dev server's after a reset, or the page's own) hands out. */
export function demoIds(): DemoIds {
  return furnish(createTogglMock({ accounts: [DEMO_ACCOUNT, ...DEMO_TEAMMATES], organizations: [...DEMO_ORGANIZATIONS] }))
}

/**
 * Everything beyond the organizations. Every id is handed out here, memberships included (the
 * fake makes an owner's lazily), so a fresh fake always has the same ones and the explorer's
 * examples name things that exist.
 */
function furnish(mock: TogglMock): DemoIds {
  const { state } = mock
  const [acme, globex, initech, umbrella, hooli] = [...state.organizations.values()] as [MockOrganization, MockOrganization, MockOrganization, MockOrganization, MockOrganization]
  const now = state.now()
  const studio = acme.workspaces[0]
  if (!studio) throw new Error('the demo organizations lack their first workspace')

  const firstWorkspace = (organization: MockOrganization) => organization.workspaces.slice(0, 1).map(({ id }) => id)
  for (const accountId of [ALEX, SAM, NOOR]) state.addMember(acme, accountId, firstWorkspace(acme))
  acme.adminIds.push(SAM)
  for (const accountId of [ALEX, JO]) state.addMember(globex, accountId, firstWorkspace(globex))
  // Premium, so a second workspace is allowed (Free organizations have one).
  globex.workspaces.push(state.createWorkspace('Field Station', [DEMO_ACCOUNT.id, JO], [DEMO_ACCOUNT.id]))
  state.addMember(initech, JO, firstWorkspace(initech))
  for (const organization of [acme, globex, initech, umbrella, hooli]) {
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

  const catalogue = furnishCatalogue(state, studio.id)
  const timeEntry = furnishWeek(state, studio.id, catalogue, now)
  const { subscription, validationCode } = furnishWebhooks(mock, studio.id, now)

  const alexInAcme = state.membershipOf(acme, ALEX)
  const alexInWorkspace = studio.users.find(({ accountId }) => accountId === ALEX)
  if (!alexInAcme || !alexInWorkspace) throw new Error('the demo fake lost Alex')
  return {
    organization: acme.id,
    workspace: studio.id,
    premiumOrganization: globex.id,
    workspaceUser: alexInWorkspace.id,
    organizationUser: alexInAcme.id,
    group: designers,
    teammate: NOOR,
    invitation,
    transferOrganization: initech.id,
    transfer,
    memberOrganization: hooli.id,
    invitationToAccept: 'umbrella-welcome',
    invitationToReject: 'umbrella-second-thoughts',
    client: catalogue.clients.northwind,
    archivedClient: catalogue.clients.archived,
    project: catalogue.projects.website,
    task: catalogue.task,
    tag: catalogue.tags.focus,
    timeEntry,
    subscription,
    validationCode,
  }
}

interface Catalogue {
  clients: { northwind: number; contoso: number; archived: number }
  projects: { website: number; app: number; brand: number; internal: number }
  task: number
  tags: { focus: number; meeting: number; review: number; admin: number }
}

/** Acme's clients, projects, a task and tags, as a small design studio has them. */
function furnishCatalogue(state: MockState, workspaceId: number): Catalogue {
  const northwind = state.addClient({ workspaceId, name: 'Northwind Traders' }).id
  const contoso = state.addClient({ workspaceId, name: 'Contoso' }).id
  const archived = state.addClient({ workspaceId, name: 'Initrode (former client)', archived: true }).id
  const project = (name: string, clientId: number | null, color: string) => state.addProject({ workspaceId, name, clientId, color }).id
  const projects = {
    website: project('Website redesign', northwind, '#0b83d9'),
    app: project('Mobile app', contoso, '#9e5bd9'),
    brand: project('Brand guidelines', northwind, '#e36a00'),
    internal: project('Internal', null, '#525266'),
  }
  const task = state.addTask({ projectId: projects.website, name: 'Homepage' }).id
  const tag = (name: string) => state.addTag({ workspaceId, name }).id
  return { clients: { northwind, contoso, archived }, projects, task, tags: { focus: tag('focus'), meeting: tag('meeting'), review: tag('review'), admin: tag('admin') } }
}

/**
 * The demo account's working week: on each of the last seven days but weekends, a day of entries
 * between 09:00 and 17:30 (local time), each one finished before `now`. Answers the latest entry's id.
 */
function furnishWeek(state: MockState, workspaceId: number, { projects, tags, task }: Catalogue, now: number): number {
  type Slot = [start: string, end: string, description: string, projectId: number, tagIds: number[], taskId?: number]
  const days: Slot[][] = [
    [
      ['09:00', '10:30', 'Homepage layout', projects.website, [tags.focus], task],
      ['10:30', '10:45', 'Stand-up', projects.internal, [tags.meeting]],
      ['11:00', '12:30', 'Checkout flow', projects.app, [tags.focus]],
      ['13:30', '15:00', 'Logo variants', projects.brand, [tags.focus]],
      ['15:15', '16:00', 'Client call', projects.website, [tags.meeting]],
      ['16:00', '17:15', 'Design review', projects.app, [tags.review]],
    ],
    [
      ['09:15', '10:30', 'Onboarding screens', projects.app, [tags.focus]],
      ['10:30', '10:45', 'Stand-up', projects.internal, [tags.meeting]],
      ['11:00', '12:45', 'Type scale', projects.brand, [tags.focus]],
      ['13:45', '15:30', 'Navigation prototype', projects.website, [tags.focus], task],
      ['15:30', '16:30', 'Invoices', projects.internal, [tags.admin]],
    ],
    [
      ['09:00', '10:15', 'Accessibility audit', projects.website, [tags.review]],
      ['10:30', '10:45', 'Stand-up', projects.internal, [tags.meeting]],
      ['11:00', '12:30', 'Push notifications', projects.app, [tags.focus]],
      ['13:30', '14:30', 'Colour palette', projects.brand, [tags.focus]],
      ['14:30', '17:30', 'Homepage build', projects.website, [tags.focus], task],
    ],
  ]
  let latest: { id: number; start: number } | undefined
  const midnight = new Date(now)
  midnight.setHours(0, 0, 0, 0)
  for (let back = 6; back >= 0; back--) {
    const day = new Date(midnight)
    day.setDate(day.getDate() - back)
    if (day.getDay() === 0 || day.getDay() === 6) continue
    for (const [from, to, description, projectId, tagIds, taskId] of days[day.getDate() % days.length]!) {
      const start = at(day, from)
      const stop = at(day, to)
      if (stop > now) continue
      const entry = state.addTimeEntry({ workspaceId, userId: DEMO_ACCOUNT.id, start, stop, description, projectId, tagIds, taskId: taskId ?? null, createdWith: 'togglkit playground' })
      if (!latest || start > latest.start) latest = { id: entry.id, start }
    }
  }
  // Seven days hold five weekdays, and the ones before today are over: never thrown.
  if (!latest) throw new Error('the demo week has no time entry')
  return latest.id
}

function at(day: Date, time: string): number {
  const [hours, minutes] = time.split(':').map(Number) as [number, number]
  const moment = new Date(day)
  moment.setHours(hours, minutes, 0, 0)
  return moment.getTime()
}

/**
 * A subscription in Acme's workspace that is not validated yet (so `validate` and `ping` have
 * something to act on), and receivers, in-process, for it and for the URL the explorer's `add`
 * example subscribes (which validates, as a handler from `togglkit/webhooks` does).
 */
function furnishWebhooks(mock: TogglMock, workspaceId: number, now: number): { subscription: number; validationCode: string } {
  mock.webhooks.receive(DEMO_HOOK_URL, () => new Response(null, { status: 200 }))
  mock.webhooks.receive(DEMO_VALIDATING_HOOK_URL, createWebhookHandler({ secret: DEMO_HOOK_SECRET, onEvent: () => {} }))
  const subscription: MockSubscription = {
    id: mock.state.nextId(),
    workspaceId,
    userId: DEMO_ACCOUNT.id,
    description: 'Time entries to the studio dashboard',
    urlCallback: DEMO_HOOK_URL,
    eventFilters: [{ entity: 'time_entry', action: '*' }],
    enabled: true,
    secret: 'seeded-subscription-secret',
    validationCode: 'playground-validation-code',
    validatedAt: null,
    createdAt: now,
    updatedAt: null,
  }
  // The fake has no seed helper for subscriptions; its map is the state `mock.webhooks` reads.
  ;(mock.webhooks.subscriptions as Map<number, MockSubscription>).set(subscription.id, subscription)
  return { subscription: subscription.id, validationCode: subscription.validationCode }
}
