import { NetworkError, type RequestInfo, type TogglError } from './errors.ts'
import type { HttpMethod } from './spec.ts'

/** The statuses fetch would follow. */
const REDIRECT_STATUSES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308])
/** Fetch allows 20; a proxy that needs more than a few is a loop. */
const MAX_REDIRECTS = 5

/** Where a followed redirect goes, and how the request changes on the way (as fetch would). */
export interface Hop {
  url: string
  method: HttpMethod
  /** `false` when the redirect turns the request into a GET without its body (303; 301/302 after a POST). */
  keepsBody: boolean
}

/** Refusals that a retry would only meet again. */
const refused = new WeakSet<TogglError>()

/** Whether an error is a refused redirect, which is never retried. */
export function isRefusedRedirect(error: unknown): boolean {
  return error instanceof NetworkError && refused.has(error)
}

/**
 * Where a reply to `url` redirects to, or `undefined` when it is the answer itself. Toggl does not
 * redirect API calls, so togglkit (sending with `redirect: 'manual'`) follows a redirect only
 * within the origin it was sent to: one to another origin would take the request there (a 307
 * or 308 with its body) and its answer into the cache. Throws a `NetworkError` naming the target
 * for those, for a redirect the browser does not reveal (an opaque one), for a reply that a custom
 * `fetch` followed off the origin anyway, and past {@link MAX_REDIRECTS} hops.
 */
export function redirectOf(request: RequestInfo, response: Response, url: string, method: HttpMethod, hops: number): Hop | undefined {
  if (response.type === 'opaqueredirect') {
    throw refuse(request, 'redirected where the browser does not tell')
  }
  const redirects = REDIRECT_STATUSES.has(response.status)
  // The usual answer, from where it was sent: nothing to parse.
  if (!redirects && (response.url === '' || response.url === url)) return undefined
  const from = new URL(url).origin
  // A custom fetch may have followed it already: then its answer comes from wherever that led.
  if (response.url !== '' && originOf(response.url) !== from) throw refuse(request, offOrigin(originOf(response.url), from))
  const location = redirects ? response.headers.get('location') : null
  if (location === null) return undefined
  let target: URL
  try {
    target = new URL(location, url)
  } catch {
    throw refuse(request, 'redirected to no URL')
  }
  if (target.origin !== from) throw refuse(request, offOrigin(target.origin, from))
  if (hops >= MAX_REDIRECTS) throw refuse(request, `redirected more than ${MAX_REDIRECTS} times`)
  const becomesGet = response.status === 303 || ((response.status === 301 || response.status === 302) && method === 'POST')
  return { url: target.href, method: becomesGet ? 'GET' : method, keepsBody: !becomesGet }
}

function offOrigin(target: string, from: string): string {
  return `redirected off ${from} to ${target.slice(0, 200)}`
}

function originOf(url: string): string {
  try {
    return new URL(url).origin
  } catch {
    return url
  }
}

function refuse(request: RequestInfo, why: string): NetworkError {
  const error = new NetworkError(request, new Error(why))
  refused.add(error)
  return error
}
