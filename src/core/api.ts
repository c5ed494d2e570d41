/**
 * Toggl's three APIs. Each lives under its own base URL option; an operation names its family and
 * writes its path as Toggl's spec does.
 */
export type ApiFamily = 'track' | 'reports' | 'webhooks'

/**
 * The part of a spec path that a family's base URL stands for. Toggl's Reports spec writes its paths
 * in full (`/reports/api/v3/workspace/…`) while `reportsURL` already ends in `/reports/api/v3`, so that
 * prefix is dropped when the two are joined; the v9 and Webhooks specs write paths relative to theirs.
 */
const SPEC_PREFIX: Readonly<Record<ApiFamily, string>> = { track: '', reports: '/reports/api/v3', webhooks: '' }

/** The path to append to the family's base URL. */
export function pathUnderBase(api: ApiFamily, path: string): string {
  const prefix = SPEC_PREFIX[api]
  return prefix !== '' && path.startsWith(prefix) ? path.slice(prefix.length) : path
}

/**
 * What a request is about, as Toggl counts its quota and as the cache groups what it knows: an
 * organization, a workspace, both (`/organizations/{id}/workspaces/{wid}/…`), or neither (the user's
 * own calls, `/me/…`).
 */
export interface RequestScope {
  organizationId: number | null
  workspaceId: number | null
}

const ORGANIZATION_PATH = /^\/organizations\/(\d+)(?:\/workspaces\/(\d+))?(?:\/|$)/
const WORKSPACE_PATHS: Readonly<Record<ApiFamily, RegExp>> = {
  track: /^\/workspaces\/(\d+)(?:\/|$)/,
  reports: /^\/reports\/api\/v3\/workspace\/(\d+)(?:\/|$)/,
  // Toggl does not say which window webhook calls draw on; those naming a workspace are taken as its.
  webhooks: /^\/(?:subscriptions|ping|validate|limits)\/(\d+)(?:\/|$)/,
}

/** The scope of a request path of `api` (ids of the path, never guessed). */
export function scopeOfPath(api: ApiFamily, path: string): RequestScope {
  if (api === 'track') {
    const organization = ORGANIZATION_PATH.exec(path)
    if (organization) return { organizationId: Number(organization[1]), workspaceId: idOrNull(organization[2]) }
  }
  return { organizationId: null, workspaceId: idOrNull(WORKSPACE_PATHS[api].exec(path)?.[1]) }
}

function idOrNull(digits: string | undefined): number | null {
  return digits === undefined ? null : Number(digits)
}
