import { parseId, type ApiCall } from './calls.ts'
import type { MockOrganization, MockStamped, MockWorkspace } from './model.ts'
import { errorReply, type Reply } from './responses.ts'

/** Toggl's 403 for a workspace the caller is not in (or that does not exist: it tells no difference). */
export const NO_ACCESS = 'User does not have access to this resource.'

/** What a check refuses a call with: its status and Toggl's message. */
export interface Refusal {
  status: number
  message: string
}

/** The workspace a `/workspaces/{id}/…` call names, with the caller's standing in it. */
export interface WorkspaceCall {
  organization: MockOrganization
  workspace: MockWorkspace
  /** A workspace admin, or an admin of its organization. */
  admin: boolean
}

/** The workspace of the first path segment when the caller may use it; else `refusal` (Toggl's 403). */
export function workspaceOf(call: ApiCall, refusal: Reply = errorReply(403, NO_ACCESS)): WorkspaceCall | Reply {
  const id = parseId(call.params[0])
  const found = id === undefined ? undefined : call.state.findWorkspace(id)
  const access = found && call.state.accessOf(found.organization, found.workspace, call.account.id)
  return found && access ? { ...found, admin: access === 'admin' } : refusal
}

/** A live (undeleted) entity of this workspace by the id in a path segment. */
export function entityIn<T extends MockStamped>(table: ReadonlyMap<number, T>, segment: string | undefined, workspace: MockWorkspace): T | undefined {
  const id = parseId(segment)
  const entity = id === undefined ? undefined : table.get(id)
  return entity && entity.deletedAt === null && entity.workspaceId === workspace.id ? entity : undefined
}

/** The `/me/…` listing's scope: the entities of every workspace the caller may use. */
export function myWorkspaceIds(call: ApiCall): Set<number> {
  return new Set(call.state.workspacesOf(call.account.id).map(({ workspace }) => workspace.id))
}
