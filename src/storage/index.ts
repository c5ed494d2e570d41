/**
 * `togglkit/storage`: a cache several processes or machines share, over an unstorage `Storage`
 * (Redis, Cloudflare KV, Deno KV, the file system…). Only this entry needs `unstorage`, an optional
 * peer dependency; the rest of togglkit never loads it.
 */
export { createStorageCache, StorageCache } from './cache.ts'
export type { StorageCacheOptions } from './options.ts'
