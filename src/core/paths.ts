/**
 * The organization a request path is about (`/organizations/{id}…`), or `null`. Toggl counts the
 * quota per organization by it, and the cache groups what it knows about an organization by it.
 */
export function organizationIdOfPath(path: string): number | null {
  const id = /^\/organizations\/(\d+)(?:\/|$)/.exec(path)?.[1]
  return id === undefined ? null : Number(id)
}
