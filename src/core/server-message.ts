import { REPLY_SECRETS, withoutFields } from './secrets.ts'

const MAX_LENGTH = 300

/**
 * The server's own words from an error reply, following Toggl's habits: usually a JSON-encoded
 * string, sometimes a JSON object, plain text, a proxy's HTML page, or nothing at all.
 */
export function serverMessageOf(body: string, contentType: string, statusText: string): string {
  const text = body.trim()
  if (text === '') return statusText || 'no message'
  if (/\bhtml\b/i.test(contentType) || /^<(!doctype|html)/i.test(text)) return fromHtml(text, statusText)
  try {
    const parsed: unknown = JSON.parse(text)
    if (typeof parsed === 'string') return shorten(parsed)
    if (parsed !== null && typeof parsed === 'object') {
      const { message, error } = parsed as { message?: unknown; error?: unknown }
      if (typeof message === 'string') return shorten(message)
      if (typeof error === 'string') return shorten(error)
      // An object quoted whole goes without the credentials Toggl's replies may hold.
      const kept = withoutFields(parsed, REPLY_SECRETS)
      if (kept !== parsed) return shorten(JSON.stringify(kept))
    }
    return shorten(text)
  } catch {
    return shorten(text)
  }
}

/** A proxy's error page says what went wrong in its title (or first heading); the rest is noise. */
function fromHtml(html: string, statusText: string): string {
  const heading = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html) ?? /<h1[^>]*>([\s\S]*?)<\/h1>/i.exec(html)
  const words = (heading?.[1] ?? html.replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ').trim()
  return shorten(`HTML error page: ${words || statusText}`)
}

function shorten(text: string): string {
  return text.length > MAX_LENGTH ? `${text.slice(0, MAX_LENGTH)}…` : text
}
