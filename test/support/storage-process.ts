// One of several Node processes serving one Toggl account through a cache in a shared Redis, as a
// multi-process test drives it (see child-process.ts): `get`, `edit` and `collect` of
// OrganizationEndpoint (`refresh`: a get that asks Toggl), `sync` of TimeEntryEndpoint, and `warnings`
// (what the cache told onWarning so far).
// Arguments: the Redis URL, the fake's base URL, the API token, the cache's name.
import { createInterface } from 'node:readline'
import { createStorage } from 'unstorage'
import redisDriver from 'unstorage/drivers/redis'
import { BasicAuth } from '../../src/core/auth.ts'
import { OrganizationEndpoint } from '../../src/endpoints/organizations/organizations.ts'
import { TimeEntryEndpoint } from '../../src/endpoints/tracking/time-entries.ts'
import { createStorageCache } from '../../src/storage/index.ts'

const [redisURL, baseURL, token, name] = process.argv.slice(2) as [string, string, string, string]
const storage = createStorage({ driver: redisDriver({ url: redisURL }) })
const warnings: string[] = []
const cache = createStorageCache(storage, { name, onWarning: (message) => warnings.push(message) })
const auth = BasicAuth.fromApiToken(token)
const organizations = new OrganizationEndpoint(auth, cache, { baseURL })
const entries = new TimeEntryEndpoint(auth, cache, { baseURL })

const commands: Record<string, (command: { id?: number; name?: string }) => Promise<unknown>> = {
  get: ({ id }) => organizations.get(id!),
  refresh: ({ id }) => organizations.get(id!, { refresh: true }),
  sync: () => entries.sync(),
  edit: ({ id, name }) => organizations.edit(id!, name!),
  collect: () => organizations.collect(),
  warnings: async () => warnings,
}

process.stdout.write(`${JSON.stringify({ ready: true })}\n`)
const lines = createInterface({ input: process.stdin })
for await (const line of lines) {
  const command = JSON.parse(line) as { op: string; id?: number; name?: string }
  const answer = await commands[command.op]!(command).then(
    (result) => ({ result: result ?? null }),
    (error: unknown) => ({ error: String(error) }),
  )
  process.stdout.write(`${JSON.stringify(answer)}\n`)
}
await storage.dispose()
