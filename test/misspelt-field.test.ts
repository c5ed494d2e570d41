// A misspelt field alone, where a name is required: the error names the misspelt field (issue 20
// found "name must be given" instead), and nothing is sent. One create call of each kind that
// takes a required name.
import { describe, expect, it } from 'vitest'
import { ClientEndpoint, GroupEndpoint, InputError, OrganizationWorkspaceEndpoint, ProjectEndpoint, TaskEndpoint, WebhookEndpoint } from '../src/index.ts'
import { failureOf, startFake, type Fake } from './support/fake.ts'

const MISSPELT = { nmae: 'Design' } as never

const CALLS: [string, (fake: Fake, ids: { organization: number; workspace: number }) => Promise<unknown>][] = [
  ['GroupEndpoint.add', (f, { organization }) => f.endpoint(GroupEndpoint).add(organization, MISSPELT)],
  ['OrganizationWorkspaceEndpoint.add', (f, { organization }) => f.endpoint(OrganizationWorkspaceEndpoint).add(organization, MISSPELT)],
  ['ProjectEndpoint.add', (f, { workspace }) => f.endpoint(ProjectEndpoint).add(workspace, MISSPELT)],
  ['ClientEndpoint.add', (f, { workspace }) => f.endpoint(ClientEndpoint).add(workspace, MISSPELT)],
  ['TaskEndpoint.add', (f, { workspace }) => f.endpoint(TaskEndpoint).add(workspace, 5, MISSPELT)],
  ['WebhookEndpoint.add', (f, { workspace }) => f.endpoint(WebhookEndpoint).add(workspace, MISSPELT)],
]

describe.each(CALLS)('%s given only a misspelt field', (name, call) => {
  it('names the misspelt field, not the missing one, and sends nothing', async () => {
    const fake = await startFake({ organizations: [{ name: 'Acme', memberIds: [1] }] })
    const [organization] = [...fake.mock.state.organizations.values()]
    const error = await failureOf(call(fake, { organization: organization!.id, workspace: organization!.workspaces[0]!.id }))
    expect(error).toBeInstanceOf(InputError)
    expect(error.message).toBe(`${name}: nmae is not a field Toggl takes here`)
    expect(fake.sent()).toBe(0)
  })
})
