import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb'
import type { CacheEntry } from './types.ts'

/**
 * The storage format, used as the database version. Bump it whenever the stored shape changes:
 * opening then discards the old stores instead of misreading them, and closes older tabs' connections
 * (they cache in memory from then on). 2: ordered groups. 3: organization lists kept as copies that
 * outlive the list (a tab running older code would not drop them when the account leaves one).
 */
export const FORMAT_VERSION = 3
export const ENTRY_STORE = 'entries'
/** Entries filed in an ordered group, by `[partition, group, order]`; others are not in it. */
export const ORDER_INDEX = 'order'

export interface CacheDatabase extends DBSchema {
  [ENTRY_STORE]: {
    key: [partition: string, key: string]
    value: CacheEntry
    indexes: { [ORDER_INDEX]: [partition: string, group: string, order: number] }
  }
}

export type CacheConnection = IDBPDatabase<CacheDatabase>

/**
 * Builds the current format from scratch; whatever an older format left behind is dropped. A
 * database of that name holding stores of someone else's is left as it was: the upgrade is aborted,
 * so opening fails and the cache does without IndexedDB.
 */
export function createSchema(
  database: CacheConnection,
  _oldVersion: number,
  _newVersion: number | null,
  upgrade: IDBPTransaction<CacheDatabase, StoreNames<CacheDatabase>[], 'versionchange'>,
): void {
  const untyped = database as unknown as IDBPDatabase
  const stores = Array.from(untyped.objectStoreNames)
  if (stores.some((store) => store !== ENTRY_STORE)) {
    // Opening then fails with an AbortError, which the opener handles; `done` would reject unheard.
    upgrade.done.catch(() => {})
    return upgrade.abort()
  }
  for (const store of stores) untyped.deleteObjectStore(store)
  const entries = database.createObjectStore(ENTRY_STORE, { keyPath: ['partition', 'key'] })
  entries.createIndex(ORDER_INDEX, ['partition', 'group', 'order'])
}

/** Every `[partition, key]` of one partition: arrays sort after strings, so `[partition, []]` bounds them. */
export function partitionRange(partition: string): IDBKeyRange {
  return IDBKeyRange.bound([partition], [partition, []])
}

/**
 * Every `[partition, key]` whose key starts with `prefix`, and no other. Past them comes the prefix
 * less its trailing U+FFFF code units (no key can go higher there), its last code unit one higher;
 * a prefix of nothing but U+FFFF runs to the partition's end.
 */
export function prefixRange(partition: string, prefix: string): IDBKeyRange {
  const stem = prefix.replace(/\uffff+$/, '')
  if (stem === '') return IDBKeyRange.bound([partition, prefix], [partition, []])
  const end = stem.slice(0, -1) + String.fromCharCode(stem.charCodeAt(stem.length - 1) + 1)
  return IDBKeyRange.bound([partition, prefix], [partition, end], false, true)
}
