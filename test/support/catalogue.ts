import { DEMO_ACCOUNT, type MockAccount, type MockOrganization, type MockWorkspace, type TogglMockOptions } from '../../src/mock/index.ts'
import { startFake, type Fake } from './fake.ts'
import { acmeSoloInitech } from './organizations.ts'

export interface Catalogue {
  fake: Fake
  /** Demo, signed in by a token of this fake's own. */
  demo: MockAccount
  /** Acme (Premium): Demo owns it, Other is a plain member of its workspace. */
  acme: MockOrganization
  /** Acme's workspace. */
  ws: MockWorkspace
  /** Solo (Free): Demo's alone. */
  solo: MockOrganization
  soloWs: MockWorkspace
  /** Initech's workspace (Free): Third's; Demo is no member. */
  initechWs: MockWorkspace
}

let started = 0

/** The loopback fake with Acme, Solo and Initech; the endpoints sign in as Demo. */
export async function startCatalogue(options: TogglMockOptions = {}): Promise<Catalogue> {
  const demo = { ...DEMO_ACCOUNT, apiToken: `catalogue-demo-${++started}` }
  const fake = await startFake({ ...acmeSoloInitech(demo), ...options })
  const [acme, solo, initech] = [...fake.mock.state.organizations.values()] as [MockOrganization, MockOrganization, MockOrganization]
  return { fake, demo, acme, ws: acme.workspaces[0]!, solo, soloWs: solo.workspaces[0]!, initechWs: initech.workspaces[0]! }
}

/** The requests the fake received from index `from` on, as `METHOD path?query`. */
export function sentSince(fake: Fake, from = 0): string[] {
  return fake.mock.requests.slice(from).map(({ method, path, query }) => {
    const search = new URLSearchParams(query).toString()
    return `${method} ${path}${search === '' ? '' : `?${search}`}`
  })
}
