import type { DBSchema, IDBPDatabase } from 'idb'
import type { CacheEntry } from './types.ts'

/**
 * The storage format, used as the database version. Bump it whenever the stored shape changes:
 * opening then discards the old stores instead of misreading them.
 */
export const FORMAT_VERSION = 1
export const ENTRY_STORE = 'entries'
export const PARTITION_INDEX = 'partition'

export interface CacheDatabase extends DBSchema {
  [ENTRY_STORE]: {
    key: [partition: string, key: string]
    value: CacheEntry
    indexes: { [PARTITION_INDEX]: string }
  }
}

export type CacheConnection = IDBPDatabase<CacheDatabase>

/** Builds the current format from scratch; whatever an older format left behind is dropped. */
export function createSchema(database: CacheConnection): void {
  const untyped = database as unknown as IDBPDatabase
  for (const store of Array.from(untyped.objectStoreNames)) untyped.deleteObjectStore(store)
  const entries = database.createObjectStore(ENTRY_STORE, { keyPath: ['partition', 'key'] })
  entries.createIndex(PARTITION_INDEX, 'partition')
}
