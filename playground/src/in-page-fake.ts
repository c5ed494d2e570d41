import * as v from 'valibot'
import type { MockOrganizationSeed, TogglMock } from '../../src/mock/index.ts'
import { createDemoFake } from '../common/demo-fake.ts'
import { PLAYGROUND_FAULTS, type FaultId } from '../common/faults.ts'
import type { FakeControl } from './fake-control.ts'
import { readSession, writeSession } from './session-store.ts'

const STORAGE_KEY = 'in-page-fake'

const SavedOrganizationsSchema = v.array(
  v.object({
    id: v.number(),
    name: v.string(),
    workspaceName: v.string(),
    pricingPlanName: v.string(),
    memberIds: v.array(v.number()),
  }),
)

/**
 * The fake inside the page, for the static build where no dev server exists. Its organizations are
 * kept in sessionStorage, so after a reload the cache still describes the fake's state: a cached
 * organization is one the fake still has.
 */
export class InPageFake implements FakeControl {
  readonly where = 'in this page (static build)'
  #mock: TogglMock = createDemoFake(savedOrganizations())

  /** A fetch that answers from the fake and then saves what changed. */
  readonly fetch: typeof globalThis.fetch = async (input, init) => {
    try {
      return await this.#mock.fetch(input, init)
    } finally {
      this.#save()
    }
  }

  async inject(fault: FaultId, times: number): Promise<void> {
    this.#mock.inject(PLAYGROUND_FAULTS[fault].fault, times)
  }

  async received(): Promise<number> {
    return this.#mock.received
  }

  async reset(): Promise<void> {
    this.#mock = createDemoFake()
    this.#save()
  }

  #save(): void {
    const organizations = [...this.#mock.state.organizations.values()].map((organization) => ({
      id: organization.id,
      name: organization.name,
      workspaceName: organization.workspaces[0]?.name ?? 'Default-Workspace',
      pricingPlanName: organization.pricingPlanName,
      // The first member is the owner, in the state and in a seed alike.
      memberIds: [...organization.memberIds],
    }))
    writeSession(STORAGE_KEY, JSON.stringify(organizations))
  }
}

function savedOrganizations(): MockOrganizationSeed[] | undefined {
  const saved = readSession(STORAGE_KEY)
  if (saved === undefined) return undefined
  try {
    const parsed = v.safeParse(SavedOrganizationsSchema, JSON.parse(saved))
    return parsed.success ? parsed.output : undefined
  } catch {
    return undefined
  }
}
