/**
 * `togglkit/mock`: a fake Toggl Track API v9 for tests and demos. It runs in-process (`mock.fetch`),
 * under `Deno.serve(mock.handle)`, as Vite middleware, or on loopback via `togglkit/mock/node`.
 */
export { createTogglMock } from './mock.ts'
export type { TogglMock, TogglMockOptions } from './mock.ts'
export { DEMO_ACCOUNT, MockState } from './state.ts'
export type {
  MockAccount,
  MockAction,
  MockChange,
  MockClient,
  MockGroup,
  MockInvitation,
  MockMembership,
  MockModel,
  MockOrganization,
  MockOrganizationSeed,
  MockOwnershipTransfer,
  MockProfile,
  MockProject,
  MockRecords,
  MockStamped,
  MockTag,
  MockTask,
  MockTimeEntry,
  MockTimeEntryConstraints,
  MockWorkspace,
  MockWorkspaceMember,
  MockWorkspaceSettings,
  MockWorkspaceUser,
} from './model.ts'
export type { MockClientSeed, MockProjectSeed, MockTagSeed, MockTaskSeed, MockTimeEntrySeed } from './seeds.ts'
export type { TrackedModel } from './state.ts'
export type { MockFault } from './faults.ts'
export type { RecordedRequest } from './requests.ts'
export type { MockDelivery, MockWebhooks } from './webhooks/delivery.ts'
export type { MockReceiver, MockWebhookOptions } from './webhooks/courier.ts'
export type { MockSubscription } from './webhooks/subscription.ts'
