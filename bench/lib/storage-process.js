// One of N Node processes serving one Toggl account, as bench/storage.js drives them: each line on
// stdin is a command (`collect`, `get`, `edit`), each line on stdout its answer. The package is
// imported by name, as users do. Arguments: the cache ('none', 'memory' or 'redis'), the Redis URL,
// the fake's base URL, the API token.
import { createInterface } from 'node:readline'
import { BasicAuth, MemoryCache, OrganizationEndpoint } from 'togglkit'
import { createStorageCache } from 'togglkit/storage'
import { createStorage } from 'unstorage'
import redisDriver from 'unstorage/drivers/redis'

const [cacheKind, redisURL, baseURL, token] = process.argv.slice(2)
const storage = cacheKind === 'redis' ? createStorage({ driver: redisDriver({ url: redisURL }) }) : undefined
const cache = cacheKind === 'memory' ? new MemoryCache() : storage ? createStorageCache(storage, { name: 'bench-processes' }) : null
const organizations = new OrganizationEndpoint(BasicAuth.fromApiToken(token), cache, { baseURL })

const commands = {
  collect: () => organizations.collect(),
  get: ({ id }) => organizations.get(id),
  edit: ({ id, name }) => organizations.edit(id, name),
}

process.stdout.write(`${JSON.stringify({ ready: true })}\n`)
for await (const line of createInterface({ input: process.stdin })) {
  const command = JSON.parse(line)
  const answer = await commands[command.op](command).then(
    (result) => ({ result }),
    (error) => ({ error: String(error) }),
  )
  process.stdout.write(`${JSON.stringify(answer)}\n`)
}
await storage?.dispose()
