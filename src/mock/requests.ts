import type { ApiFamily } from '../core/api.ts'

/** One request as the fake received it. */
export interface RecordedRequest {
  method: string
  /** The pathname after the base path, e.g. `/organizations/5` (the whole pathname outside it). */
  path: string
  query: Record<string, string>
  /** Lower-case names. */
  headers: Record<string, string>
  /** Parsed JSON, else the text; `undefined` when empty. */
  body: unknown
  /** What the fake answered; 0 for a dropped connection or a request that never got an answer. */
  status: number
}

/** The record of a request before its body is read; `path` as the routes see it. */
export function recordOf(request: Request, path: string | undefined): RecordedRequest {
  const url = new URL(request.url)
  return {
    method: request.method,
    path: path ?? url.pathname,
    query: Object.fromEntries(url.searchParams),
    headers: Object.fromEntries(request.headers),
    body: undefined,
    status: 0,
  }
}

export function parseBody(text: string): unknown {
  if (text === '') return undefined
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

/**
 * Which of Toggl's APIs a pathname belongs to, and the path its routes match: v9 paths relative to
 * `basePath`; the Reports API's as its spec writes them (`/reports/api/v3/…`) and the Webhooks API's
 * relative to `/webhooks/api/v1`, both beside `basePath` (under the same prefix when it ends in `/api/v9`).
 * `undefined` outside all three.
 */
export function locate(basePath: string, pathname: string): { api: ApiFamily; path: string } | undefined {
  const track = pathAfter(basePath, pathname)
  if (track !== undefined) return { api: 'track', path: track }
  const webhooks = pathAfter(webhooksPathOf(basePath), pathname)
  if (webhooks !== undefined) return { api: 'webhooks', path: webhooks }
  const reports = pathAfter(rootOf(basePath), pathname)
  return reports?.startsWith('/reports/api/v3/') ? { api: 'reports', path: reports } : undefined
}

/** Where the fake serves the Webhooks API beside `basePath`, e.g. `/webhooks/api/v1`. */
export function webhooksPathOf(basePath: string): string {
  return `${rootOf(basePath)}/webhooks/api/v1`
}

/** The prefix the APIs share: what comes before `/api/v9` in `basePath`. */
function rootOf(basePath: string): string {
  return basePath.endsWith('/api/v9') ? basePath.slice(0, -'/api/v9'.length) : ''
}

/** The pathname relative to `basePath`, or undefined when it lies outside. */
function pathAfter(basePath: string, pathname: string): string | undefined {
  if (pathname === basePath) return ''
  return pathname.startsWith(`${basePath}/`) ? pathname.slice(basePath.length) : undefined
}
