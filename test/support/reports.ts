import { DEMO_ACCOUNT, type MockOrganization, type MockProject, type MockTag, type MockTask, type MockWorkspace } from '../../src/mock/index.ts'
import { startFake, type Fake } from './fake.ts'
import { OTHER } from './organizations.ts'

/** The week the reports in these tests cover: Monday 2024-12-16 to Sunday 2024-12-22. */
export const WEEK = { start_date: '2024-12-16', end_date: '2024-12-22' } as const

export interface ReportWorld {
  fake: Fake
  /** Acme (Premium): Demo owns it, Other is a plain member of its workspace. */
  acme: MockOrganization
  ws: MockWorkspace
  /** Solo (Free): Demo alone. */
  soloWs: MockWorkspace
  /** Acme's projects: Website (client Globex, billable at 100.00 an hour) and Internal (no client). */
  website: MockProject
  internal: MockProject
  design: MockTask
  urgent: MockTag
  /** The ids of the seeded entries, in the order they were tracked. */
  entries: number[]
}

/**
 * The loopback fake with Acme's week tracked (Demo and Other), as time-entry writes would leave it:
 * - Mon 09:00–10:30 Demo, Website/Design, "Homepage", billable, tagged urgent
 * - Mon 11:00–11:45 Other, Internal, "Standup"
 * - Tue 14:00–16:00 Demo, Website, "Homepage", billable
 * - Wed 08:00–08:20 Demo, no project, "Email"
 * - Sun 10:00–11:00 Other, Website, "Review", billable, tagged urgent
 * and one entry outside the week (the Monday after) and one running now.
 */
export async function reportWorld(): Promise<ReportWorld> {
  const fake = await startFake({
    accounts: [{ ...DEMO_ACCOUNT, apiToken: `reports-${Math.random().toString(36).slice(2)}` }, OTHER],
    organizations: [
      { name: 'Acme', memberIds: [DEMO_ACCOUNT.id, OTHER.id], pricingPlanName: 'Premium' },
      { name: 'Solo', memberIds: [DEMO_ACCOUNT.id] },
    ],
    quotaPerHour: Infinity,
  })
  const { state } = fake.mock
  const [acme, solo] = [...state.organizations.values()] as [MockOrganization, MockOrganization]
  const ws = acme.workspaces[0]!
  const globex = state.addClient({ workspaceId: ws.id, name: 'Globex' })
  const website = state.addProject({ workspaceId: ws.id, name: 'Website', clientId: globex.id, billable: true, rate: 100, currency: 'EUR' })
  const internal = state.addProject({ workspaceId: ws.id, name: 'Internal', billable: false })
  const design = state.addTask({ projectId: website.id, name: 'Design' })
  const urgent = state.addTag({ workspaceId: ws.id, name: 'urgent' })
  const at = (day: string, time: string) => `2024-12-${day}T${time}:00Z`
  const seeds = [
    { userId: DEMO_ACCOUNT.id, start: at('16', '09:00'), stop: at('16', '10:30'), taskId: design.id, description: 'Homepage', billable: true, tagIds: [urgent.id] },
    { userId: OTHER.id, start: at('16', '11:00'), stop: at('16', '11:45'), projectId: internal.id, description: 'Standup' },
    { userId: DEMO_ACCOUNT.id, start: at('17', '14:00'), stop: at('17', '16:00'), projectId: website.id, description: 'Homepage', billable: true },
    { userId: DEMO_ACCOUNT.id, start: at('18', '08:00'), stop: at('18', '08:20'), description: 'Email' },
    { userId: OTHER.id, start: at('22', '10:00'), stop: at('22', '11:00'), projectId: website.id, description: 'Review', billable: true, tagIds: [urgent.id] },
    { userId: DEMO_ACCOUNT.id, start: at('23', '09:00'), stop: at('23', '10:00'), projectId: website.id, description: 'Next week' },
    { userId: DEMO_ACCOUNT.id, start: at('20', '09:00'), stop: null, description: 'Running' },
  ]
  const entries = seeds.map((seed) => state.addTimeEntry({ workspaceId: ws.id, ...seed }).id)
  return { fake, acme, ws, soloWs: solo.workspaces[0]!, website, internal, design, urgent, entries }
}

/** `count` one-minute entries of Demo's, a minute apart from Monday 00:00 of {@link WEEK}. */
export function trackMany(world: ReportWorld, count: number): void {
  const monday = Date.parse(`${WEEK.start_date}T00:00:00Z`)
  for (let i = 0; i < count; i++) {
    world.fake.mock.state.addTimeEntry({ workspaceId: world.ws.id, start: monday + i * 60_000, duration: 60, description: `Entry ${i + 1}` })
  }
}
