import { WorkspaceSchema, type TogglWorkspace } from '../../schemas/organizations/organization-workspaces.ts'
import { ClientSchema, type TogglClient } from '../../schemas/tracking/clients.ts'
import { ProjectSchema, type TogglProject } from '../../schemas/tracking/projects.ts'
import { TagSchema, type TogglTag } from '../../schemas/tracking/tags.ts'
import { TaskSchema, type TogglTask } from '../../schemas/tracking/tasks.ts'
import { catalogueKind, type ModelKind } from '../models.ts'

/**
 * The workspace catalogue as the cache keeps it: one model per entity (`workspace:{id}`,
 * `project:{id}`, …), each kind ordered by the workspace it belongs to, and the request paths
 * whose cached reads show each kind, so a write can drop exactly what it made stale. In one file
 * because the endpoints' writes reach across kinds (a renamed client changes its projects).
 */

export const WORKSPACE_MODEL: ModelKind<TogglWorkspace> = catalogueKind('workspace', WorkspaceSchema, (workspace) => workspace.id)
export const PROJECT_MODEL: ModelKind<TogglProject> = catalogueKind('project', ProjectSchema, (project) => project.workspace_id)
export const CLIENT_MODEL: ModelKind<TogglClient> = catalogueKind('client', ClientSchema, (client) => client.wid)
export const TAG_MODEL: ModelKind<TogglTag> = catalogueKind('tag', TagSchema, (tag) => tag.workspace_id)
export const TASK_MODEL: ModelKind<TogglTask> = catalogueKind('task', TaskSchema, (task) => task.workspace_id)

/**
 * The cached reads that show each kind, as `invalidates` paths (a path drops every read under it;
 * `{workspace_id}` is the write's own workspace).
 */
const SHOWN_IN = {
  /** Project listings, and what is read under a project (its tasks). */
  projects: ['/workspaces/{workspace_id}/projects', '/me/projects'],
  clients: ['/workspaces/{workspace_id}/clients', '/me/clients'],
  tags: ['/workspaces/{workspace_id}/tags', '/me/tags'],
  tasks: ['/workspaces/{workspace_id}/tasks', '/me/tasks'],
  /** `/me/workspaces` counts each workspace's active projects. */
  workspaces: ['/me/workspaces'],
  /** `GET /me?with_related_data=true` holds every kind (`/me?` is every `/me` read with a query). */
  everything: ['/me?'],
  /** Time entries show the names of their project, client, task and tags (with `meta`). */
  timeEntries: ['/me/time_entries'],
} as const

/**
 * The `invalidates` paths of the reads that show these kinds, and `more`. A function, so bundlers
 * drop it with the operations of an endpoint an app does not use.
 */
/* @__NO_SIDE_EFFECTS__ */
export function shownIn(kinds: readonly (keyof typeof SHOWN_IN)[], ...more: string[]): string[] {
  return kinds.flatMap((kind): readonly string[] => SHOWN_IN[kind]).concat(more)
}
