import type { Redact } from './redaction.ts'
import { REPLY_SECRETS, withoutFields } from './secrets.ts'

const MAX_LENGTH = 300
/** Toggl's error bodies are a sentence; past this a body is read no further for its message. */
const MAX_BODY = 65_536

/**
 * The server's own words from an error reply, following Toggl's habits: usually a JSON-encoded
 * string, sometimes a JSON object, plain text, a proxy's HTML page, or nothing at all. `redact`
 * runs on the body as it came and again on the words found in it (JSON may escape a secret),
 * always before anything is cut.
 */
export function serverMessageOf(body: string, contentType: string, statusText: string, redact: Redact): string {
  const text = redact(body, MAX_BODY).trim()
  const words = (message: string) => redact(message, MAX_LENGTH)
  if (text === '') return statusText || 'no message'
  if (/\bhtml\b/i.test(contentType) || /^<(!doctype|html)/i.test(text)) return words(fromHtml(text, statusText))
  try {
    const parsed: unknown = JSON.parse(text)
    if (typeof parsed === 'string') return words(parsed)
    if (parsed !== null && typeof parsed === 'object') {
      const { message, error } = parsed as { message?: unknown; error?: unknown }
      if (typeof message === 'string') return words(message)
      if (typeof error === 'string') return words(error)
      // An object quoted whole goes without the credentials Toggl's replies may hold.
      const kept = withoutFields(parsed, REPLY_SECRETS)
      if (kept !== parsed) return words(JSON.stringify(kept))
    }
    return words(text)
  } catch {
    return words(text)
  }
}

/** A proxy's error page says what went wrong in its title (or first heading); the rest is noise. */
function fromHtml(html: string, statusText: string): string {
  const heading = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html) ?? /<h1[^>]*>([\s\S]*?)<\/h1>/i.exec(html)
  const words = (heading?.[1] ?? html.replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ').trim()
  return `HTML error page: ${words || statusText}`
}
