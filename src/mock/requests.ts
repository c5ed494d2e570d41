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

/** The pathname relative to `basePath`, or undefined when it lies outside. */
export function pathAfter(basePath: string, pathname: string): string | undefined {
  if (pathname === basePath) return ''
  return pathname.startsWith(`${basePath}/`) ? pathname.slice(basePath.length) : undefined
}
