/**
 * The number token of a top-level `key` exactly as the JSON `text` writes it (the last one, as
 * `JSON.parse` keeps the last of repeated keys), or `undefined`. Toggl's event ids are about 8e15,
 * close to `Number.MAX_SAFE_INTEGER` (≈ 9.007e15), past which `JSON.parse` rounds them; reading the
 * digits from the text keeps every one. `text` must be JSON that `JSON.parse` accepted.
 */
export function rawTopLevelNumber(text: string, key: string): string | undefined {
  let depth = 0
  let found: string | undefined
  for (let i = 0; i < text.length; i++) {
    const char = text[i]
    if (char === '{' || char === '[') depth++
    else if (char === '}' || char === ']') depth--
    else if (char === '"') {
      const end = endOfString(text, i)
      if (depth === 1 && keyAt(text, i, end) === key) {
        NUMBER_AFTER_COLON.lastIndex = end + 1
        const number = NUMBER_AFTER_COLON.exec(text)
        found = number ? number[1] : undefined
      }
      i = end
    }
  }
  return found
}

const NUMBER_AFTER_COLON = /\s*:\s*(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/y
const COLON = /\s*:/y

/** The index of the quote that closes the string opening at `start`. */
function endOfString(text: string, start: number): number {
  let i = start + 1
  while (text[i] !== '"') i += text[i] === '\\' ? 2 : 1
  return i
}

/** The decoded string at `start…end` when it is an object key (a colon follows), else `undefined`. */
function keyAt(text: string, start: number, end: number): string | undefined {
  COLON.lastIndex = end + 1
  if (!COLON.test(text)) return undefined
  const raw = text.slice(start, end + 1)
  return raw.includes('\\') ? (JSON.parse(raw) as string) : raw.slice(1, -1)
}
