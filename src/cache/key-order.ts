// String keys in code-unit order, and prefix matching over them: small enough for the IndexedDB
// chunk and the shared store to take without the memory store's sorted lists.

/** Code-unit order, as IndexedDB orders string keys. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/**
 * The prefixes in code-unit order, less those that extend another (what they name is under it
 * already): then the only one that can start a key is the greatest not above it.
 */
export function withoutExtensions(prefixes: readonly string[]): string[] {
  const kept: string[] = []
  for (const prefix of [...new Set(prefixes)].sort(compareStrings)) {
    if (kept.length === 0 || !prefix.startsWith(kept[kept.length - 1]!)) kept.push(prefix)
  }
  return kept
}

/**
 * Whether `key` starts with one of `kept` (as {@link withoutExtensions} answers them): only the
 * greatest not above it can, so one search and one comparison, however many prefixes there are.
 */
export function startsWithKept(kept: readonly string[], key: string): boolean {
  let low = 0
  let high = kept.length
  while (low < high) {
    const middle = (low + high) >> 1
    if (compareStrings(kept[middle]!, key) <= 0) low = middle + 1
    else high = middle
  }
  return low > 0 && key.startsWith(kept[low - 1]!)
}
