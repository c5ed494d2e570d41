/** Whether this runtime offers IndexedDB (some sandboxes throw on merely looking). */
export function hasIndexedDB(): boolean {
  try {
    return globalThis.indexedDB != null
  } catch {
    return false
  }
}
