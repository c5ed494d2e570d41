import {
  createOrganization,
  getOrganization,
  leaveOrganization,
  listOrganizations,
  updateOrganization,
  type ApiCall,
} from './organizations.ts'
import { emptyReply, textReply, type Reply } from './responses.ts'

type Handler = (call: ApiCall) => Reply

/** Paths are relative to the base path; capture groups become `ApiCall.params`. */
const ROUTES: { pattern: RegExp; handlers: Map<string, Handler> }[] = [
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
]

/**
 * Answers an authenticated call. `path` is undefined outside the base path. Unknown paths get Go's
 * plain-text not-found page and known paths with another method an empty 405, as Toggl's router does.
 */
export function route(method: string, path: string | undefined, call: Omit<ApiCall, 'params'>): Reply {
  for (const { pattern, handlers } of ROUTES) {
    const match = path === undefined ? null : pattern.exec(path)
    if (!match) continue
    const handler = handlers.get(method)
    return handler ? handler({ ...call, params: match.slice(1) }) : emptyReply(405)
  }
  return textReply(404, '404 page not found\n')
}

/** The quota a path draws on: its organization for `/organizations/{id}/…`, else the user's own. */
export function quotaScopeOf(path: string | undefined): string {
  return /^\/organizations\/(\d+)(?:\/|$)/.exec(path ?? '')?.[1] ?? 'user'
}
