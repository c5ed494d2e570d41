import { organizationIdOfPath } from '../core/paths.ts'
import type { MockState } from './state.ts'

/**
 * The organization whose quota window a call draws on: `/organizations/{id}/…` that one,
 * `/workspaces/{id}/…` the workspace's organization, anything else (`/me/…`) none: the caller's own.
 * A workspace the fake does not know draws on the caller's own window too (Toggl answers it 403).
 */
export function quotaOrganizationOf(state: MockState, path: string): number | null {
  const organizationId = organizationIdOfPath(path)
  if (organizationId !== null) return organizationId
  const workspaceId = /^\/workspaces\/(\d+)(?:\/|$)/.exec(path)?.[1]
  return workspaceId === undefined ? null : (state.organizationOfWorkspace(Number(workspaceId))?.id ?? null)
}
