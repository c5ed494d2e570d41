import { openDB } from 'idb'
import { createSchema, ENTRY_STORE, FORMAT_VERSION } from './idb-schema.ts'
import type { CacheConnection, CacheDatabase } from './idb-schema.ts'

/** Some WebKit versions never answer `indexedDB.open`; past this we cache in memory instead. */
const OPEN_TIMEOUT_MS = 10_000
/**
 * `blocked` fires only after every other connection was asked to close and one did not (a tab
 * running older code). It rarely gives way soon, so we wait briefly, then do without it.
 */
const BLOCKED_GRACE_MS = 1_000

/**
 * Opens (creating or upgrading) the cache database. The connection closes itself, and calls
 * `onClosed`, when another connection needs a new version or wants the database deleted, so other
 * tabs are never blocked.
 */
export async function openCacheDatabase(name: string, onClosed: () => void): Promise<CacheConnection> {
  const database = await new Promise<CacheConnection>((resolve, reject) => {
    let gaveUp = false
    let deadline: ReturnType<typeof setTimeout> | undefined
    const giveUpAfter = (ms: number, reason: string) => {
      clearTimeout(deadline)
      deadline = setTimeout(() => {
        gaveUp = true
        reject(new Error(reason))
      }, ms)
    }
    openDB<CacheDatabase>(name, FORMAT_VERSION, {
      upgrade: createSchema,
      blocked: () => giveUpAfter(BLOCKED_GRACE_MS, 'another tab keeps an older version of the database open'),
    }).then(
      (opened) => {
        clearTimeout(deadline)
        if (gaveUp) opened.close()
        else resolve(opened)
      },
      (error: unknown) => {
        clearTimeout(deadline)
        reject(error)
      },
    )
    giveUpAfter(OPEN_TIMEOUT_MS, `IndexedDB did not open within ${OPEN_TIMEOUT_MS} ms`)
  })
  if (!database.objectStoreNames.contains(ENTRY_STORE)) {
    database.close()
    throw new Error(`database "${name}" (version ${FORMAT_VERSION}) has no "${ENTRY_STORE}" store`)
  }
  database.addEventListener('versionchange', () => {
    database.close()
    onClosed()
  })
  return database
}
