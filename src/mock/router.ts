import type { ApiFamily } from '../core/api.ts'
import {
  createOrganization,
  getOrganization,
  leaveOrganization,
  listOrganizations,
  updateOrganization,
} from './organizations/organizations.ts'
import type { ApiCall, Route } from './calls.ts'
import { ROLE_ROUTES } from './organizations/roles.ts'
import { WORKSPACE_ROUTES } from './organizations/organization-workspaces.ts'
import { INVITATION_ROUTES } from './organizations/invitations.ts'
import { USER_ROUTES } from './organizations/organization-users.ts'
import { GROUP_ROUTES } from './organizations/groups.ts'
import { OWNER_ROUTES } from './organizations/owner.ts'
import { SEGMENTATION_ROUTES } from './organizations/segmentation.ts'
import { ME_ROUTES } from './organizations/quota.ts'
import { DETAILED_ROUTES } from './reports/detailed.ts'
import { SUMMARY_ROUTES } from './reports/summary.ts'
import { WEEKLY_ROUTES } from './reports/weekly.ts'
import { emptyReply, textReply, type Reply } from './responses.ts'
import { CLIENT_ROUTES } from './tracking/clients.ts'
import { PROFILE_ROUTES } from './tracking/me.ts'
import { PROJECT_ROUTES } from './tracking/projects.ts'
import { TAG_ROUTES } from './tracking/tags.ts'
import { TASK_ROUTES } from './tracking/tasks.ts'
import { TIME_ENTRY_ROUTES } from './tracking/time-entries.ts'
import { TRACKING_WORKSPACE_ROUTES } from './tracking/workspaces.ts'
import { SUBSCRIPTION_ROUTES } from './webhooks/subscriptions.ts'

/**
 * Paths are relative to the base path; capture groups become `ApiCall.params`. The first pattern
 * that matches answers (405 for a method it lacks), so patterns must not overlap.
 */
const TRACK_ROUTES: Route[] = [
  { pattern: /^\/organizations$/, handlers: new Map([['POST', createOrganization]]) },
  {
    pattern: /^\/organizations\/([^/]+)$/,
    handlers: new Map([
      ['GET', getOrganization],
      ['PUT', updateOrganization],
    ]),
  },
  { pattern: /^\/organizations\/([^/]+)\/users\/leave$/, handlers: new Map([['DELETE', leaveOrganization]]) },
  { pattern: /^\/me\/organizations$/, handlers: new Map([['GET', listOrganizations]]) },
  ...ROLE_ROUTES,
  ...WORKSPACE_ROUTES,
  ...INVITATION_ROUTES,
  ...USER_ROUTES,
  ...GROUP_ROUTES,
  ...OWNER_ROUTES,
  ...SEGMENTATION_ROUTES,
  ...ME_ROUTES,
  ...PROFILE_ROUTES,
  ...TRACKING_WORKSPACE_ROUTES,
  ...PROJECT_ROUTES,
  ...CLIENT_ROUTES,
  ...TAG_ROUTES,
  ...TASK_ROUTES,
  ...TIME_ENTRY_ROUTES,
]

/** Reports paths whole, as the spec writes them (`/reports/api/v3/workspace/{wid}/…`). */
const REPORT_ROUTES: Route[] = [...SUMMARY_ROUTES, ...DETAILED_ROUTES, ...WEEKLY_ROUTES]

const ROUTES: Readonly<Record<ApiFamily, readonly Route[]>> = { track: TRACK_ROUTES, reports: REPORT_ROUTES, webhooks: SUBSCRIPTION_ROUTES }

/**
 * Answers an authenticated call. `path` is undefined outside the base path. Unknown paths get Go's
 * plain-text not-found page and known paths with another method an empty 405, as Toggl's router does.
 */
export function route(method: string, place: { api: ApiFamily; path: string } | undefined, call: Omit<ApiCall, 'params'>): Reply | Promise<Reply> {
  for (const { pattern, handlers } of place === undefined ? [] : ROUTES[place.api]) {
    const match = pattern.exec(place!.path)
    if (!match) continue
    const handler = handlers.get(method)
    return handler ? handler({ ...call, params: match.slice(1) }) : emptyReply(405)
  }
  return textReply(404, '404 page not found\n')
}
