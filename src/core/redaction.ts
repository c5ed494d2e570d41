/** Replaces the secrets in a text, then cuts it to `max` characters (`BasicAuth.redact`). */
export type Redact = (text: string, max?: number) => string

/** The most a cause's message or stack carries. */
const MAX_TEXT = 2000
/** Causes of causes kept; Node's fetch nests two (`fetch failed` → `ECONNRESET`). */
const MAX_CAUSES = 4

/**
 * What the cause of a failure may carry out of togglkit: for an error its name, message, stack and
 * `code`, redacted and cut, and its own cause likewise; for text, the text. Anything else (an
 * object a fetch rejected with, ofetch's wrapper with the request's headers) stays behind, since
 * what it holds is unknown.
 */
export function scrubbedCause(cause: unknown, redact: Redact, depth = 0): unknown {
  if (typeof cause === 'string' || typeof cause === 'number' || typeof cause === 'boolean') return redact(String(cause), MAX_TEXT)
  if (!(cause instanceof Error) || depth >= MAX_CAUSES) return undefined
  const inner = scrubbedCause(cause.cause, redact, depth + 1)
  const copy = new Error(redact(String(cause.message), MAX_TEXT), inner === undefined ? undefined : { cause: inner })
  copy.name = redact(String(cause.name), 100)
  copy.stack = redact(String(cause.stack ?? ''), MAX_TEXT)
  const { code } = cause as { code?: unknown }
  if (typeof code === 'string' || typeof code === 'number') Object.assign(copy, { code: typeof code === 'string' ? redact(code, 100) : code })
  return copy
}
