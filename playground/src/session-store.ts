/**
 * sessionStorage for this tab, under one prefix. Reads and writes never throw: where storage is
 * refused (some private modes) the playground simply forgets across reloads.
 */
const PREFIX = 'togglkit-playground:'

export function readSession(key: string): string | undefined {
  try {
    return sessionStorage.getItem(PREFIX + key) ?? undefined
  } catch {
    return undefined
  }
}

export function writeSession(key: string, value: string | undefined): void {
  try {
    if (value === undefined) sessionStorage.removeItem(PREFIX + key)
    else sessionStorage.setItem(PREFIX + key, value)
  } catch {
    // Not remembered; everything still works for this page load.
  }
}
