import { expect } from 'vitest'
import type { TogglCache } from '../../src/cache/types.ts'
import { CACHE_SECRETS, REPLY_SECRETS } from '../../src/core/secrets.ts'
import {
  ClientEndpoint,
  ProjectEndpoint,
  TagEndpoint,
  TaskEndpoint,
  UserEndpoint,
  WorkspaceEndpoint,
  type EndpointOptions,
} from '../../src/index.ts'
import { startCatalogue } from './catalogue.ts'

/** Every secret field either list names. */
export const SECRET_FIELDS: readonly string[] = [...REPLY_SECRETS, ...CACHE_SECRETS]

/** The values of the secret fields found anywhere in `value`, by field. */
export function collectSecrets(value: unknown, found: Map<string, Set<string>>): void {
  if (value === null || typeof value !== 'object') return
  for (const [key, item] of Object.entries(value)) {
    if (SECRET_FIELDS.includes(key) && typeof item === 'string' && item !== '') {
      if (!found.has(key)) found.set(key, new Set())
      found.get(key)!.add(item)
    } else collectSecrets(item, found)
  }
}

/** A fetch over the fake that notes every secret value its replies carried. */
export function recordingFetch(inner: typeof fetch, found: Map<string, Set<string>>): typeof fetch {
  return async (input, init) => {
    const response = await inner(input, init)
    try {
      collectSecrets(JSON.parse(await response.clone().text()), found)
    } catch {
      // not JSON: nothing to note
    }
    return response
  }
}

/** Asserts that no secret value (nor a secret field's name) occurs in `text`. */
export function expectNoSecret(text: string, secrets: Map<string, Set<string>>, where: string): void {
  for (const [field, values] of secrets) {
    for (const value of values) expect(text.includes(value), `${where} holds the ${field} ${value}`).toBe(false)
  }
  for (const field of REPLY_SECRETS) expect(text.includes(`"${field}"`), `${where} names ${field}`).toBe(false)
}

/**
 * Runs every catalogue read and write that meets a secret through `cache`, on the fake reached
 * in-process, then checks that the fake did send each of Toggl's secrets (so the check below can
 * fail) and that neither the cache's stored records nor anything returned holds one. A cache
 * adapter's own test passes its cache here.
 */
export async function expectNoSecretsStored(cache: TogglCache): Promise<void> {
  const { fake, ws } = await startCatalogue()
  const secrets = new Map<string, Set<string>>()
  const options: EndpointOptions = { baseURL: 'http://toggl.test/api/v9', fetch: recordingFetch(fake.mock.fetch, secrets) }
  const endpoint = <E>(Endpoint: new (...args: ConstructorParameters<typeof UserEndpoint>) => E) => fake.endpoint(Endpoint, cache, options)
  const project = fake.mock.state.addProject({ workspaceId: ws.id, name: 'Site' })
  fake.mock.state.addTask({ projectId: project.id, name: 'Design' })
  const user = endpoint(UserEndpoint)
  const workspaces = endpoint(WorkspaceEndpoint)
  const projects = endpoint(ProjectEndpoint)
  const results: unknown[] = [
    await user.get(),
    await user.get({ with_related_data: true }),
    await user.edit({ fullname: 'Dee Mo' }),
    await user.preferences(),
    await workspaces.collect(),
    await workspaces.get(ws.id, { refresh: true }),
    await workspaces.edit(ws.id, { name: 'Acme HQ' }),
    await workspaces.statistics(ws.id),
    await workspaces.trackerConstraints(ws.id),
    await workspaces.users(ws.id),
    await projects.collect(ws.id),
    await projects.add(ws.id, { name: 'Website' }),
    await projects.collectMine(),
    await endpoint(ClientEndpoint).add(ws.id, { name: 'Globex' }),
    await endpoint(ClientEndpoint).collect(ws.id),
    await endpoint(TagEndpoint).add(ws.id, 'billed'),
    await endpoint(TaskEndpoint).collect(ws.id),
  ]
  for (const field of REPLY_SECRETS) expect(secrets.get(field)?.size ?? 0, `the fake sent no ${field}`).toBeGreaterThan(0)
  // The user's token and at least one workspace's.
  expect(secrets.get('api_token')?.size).toBeGreaterThanOrEqual(2)
  const stored = await cache.entries()
  expect(stored.length).toBeGreaterThan(10)
  expectNoSecret(JSON.stringify(stored), secrets, 'the cache')
  expectNoSecret(JSON.stringify(results), secrets, 'a returned value')
}
