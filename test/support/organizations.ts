import { DEMO_ACCOUNT, type MockAccount, type MockOrganization, type TogglMockOptions } from '../../src/mock/index.ts'
import { startFake, type Fake } from './fake.ts'

export const OTHER: MockAccount = { id: 2, email: 'other@example.com', password: 'other-password', apiToken: 'other-token', fullname: 'Other Person' }
export const THIRD: MockAccount = { id: 3, email: 'third@example.com', password: 'third-password', apiToken: 'third-token', fullname: 'Third' }

/**
 * The accounts and organizations of the catalogue, tracking and webhooks tests, in this order: Acme
 * (Premium: `demo` owns it, Other is a plain member), Solo (Free: `demo`'s alone), Initech (Free: Third's).
 */
export function acmeSoloInitech(demo: MockAccount = DEMO_ACCOUNT): Required<Pick<TogglMockOptions, 'accounts' | 'organizations'>> {
  return {
    accounts: [demo, OTHER, THIRD],
    organizations: [
      { name: 'Acme', memberIds: [demo.id, OTHER.id], pricingPlanName: 'Premium' },
      { name: 'Solo', memberIds: [demo.id] },
      { name: 'Initech', memberIds: [THIRD.id] },
    ],
  }
}

export interface ThreeOrganizations {
  fake: Fake
  acme: MockOrganization
  initech: MockOrganization
  solo: MockOrganization
}

/** The fake where Demo owns Acme (Premium, Other a plain member) and Solo (Free), and Other owns Initech. */
export async function startAcmeInitechSolo(): Promise<ThreeOrganizations> {
  const fake = await startFake({
    accounts: [DEMO_ACCOUNT, OTHER, THIRD],
    organizations: [
      { name: 'Acme', memberIds: [1, 2], pricingPlanName: 'Premium' },
      { name: 'Initech', memberIds: [2] },
      { name: 'Solo', memberIds: [1] },
    ],
  })
  const [acme, initech, solo] = [...fake.mock.state.organizations.values()] as [MockOrganization, MockOrganization, MockOrganization]
  return { fake, acme, initech, solo }
}

/** The fake where Demo owns Acme and Other owns Initech, a stranger to Demo; answers their ids. */
export async function startAcmeAndInitech(): Promise<{ fake: Fake; acme: number; initech: number }> {
  const fake = await startFake({
    accounts: [DEMO_ACCOUNT, OTHER],
    organizations: [
      { name: 'Acme', memberIds: [DEMO_ACCOUNT.id] },
      { name: 'Initech', memberIds: [OTHER.id] },
    ],
  })
  const [acme, initech] = [...fake.mock.state.organizations.keys()] as [number, number]
  return { fake, acme, initech }
}
