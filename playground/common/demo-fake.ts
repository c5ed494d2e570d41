import { createTogglMock, DEMO_ACCOUNT, type MockOrganizationSeed, type TogglMock } from '../../src/mock/index.ts'

/** Small enough that the quota meter visibly moves while you click around. */
export const DEMO_QUOTA_PER_HOUR = 120

/** Who the fake knows before the first click: the demo account in a few organizations. */
export const DEMO_ORGANIZATIONS: readonly MockOrganizationSeed[] = [
  { name: 'Acme Studio', memberIds: [DEMO_ACCOUNT.id] },
  { name: 'Globex Research', workspaceName: 'Lab', memberIds: [DEMO_ACCOUNT.id], pricingPlanName: 'Premium' },
  { name: 'Initech', workspaceName: 'TPS Reports', memberIds: [DEMO_ACCOUNT.id] },
]

/**
 * The playground's fake Toggl API, on the dev server and in the page alike. The rate limit stays
 * off so clicking quickly never trips it; the fault buttons show a 429 on demand instead.
 */
export function createDemoFake(organizations: readonly MockOrganizationSeed[] = DEMO_ORGANIZATIONS): TogglMock {
  return createTogglMock({
    accounts: [DEMO_ACCOUNT],
    organizations: [...organizations],
    quotaPerHour: DEMO_QUOTA_PER_HOUR,
  })
}
