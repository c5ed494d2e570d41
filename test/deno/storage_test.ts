/// <reference lib="deno.unstable" />
// togglkit/storage under Deno, imported through deno.json's exports as a Deno user imports it, over
// unstorage's memory driver and its Deno KV driver (an in-memory KV; `deno test --unstable-kv`):
// two caches on one store, as two isolates or processes would have them.
import assert from 'node:assert/strict'
import { BasicAuth, InputError, OrganizationEndpoint, type TogglCache } from '@togglkit/togglkit'
import { createTogglMock, DEMO_ACCOUNT } from '@togglkit/togglkit/mock'
import { createStorageCache } from '@togglkit/togglkit/storage'
import { createStorage } from 'unstorage'
import denoKvDriver from 'npm:unstorage@1.17.6/drivers/deno-kv'

Deno.test('two StorageCaches on one store: what one endpoint stored, the other serves without a request', async () => {
  const mock = createTogglMock({ organizations: [{ name: 'Acme', memberIds: [DEMO_ACCOUNT.id] }] })
  const storage = createStorage()
  const endpointOn = (cache: TogglCache) =>
    new OrganizationEndpoint(BasicAuth.fromApiToken(DEMO_ACCOUNT.apiToken), cache, { baseURL: 'http://toggl.test/api/v9', fetch: mock.fetch })
  const [acme] = await endpointOn(createStorageCache(storage)).collect()
  assert.deepEqual(await endpointOn(createStorageCache(storage)).get(acme!.id), acme)
  assert.deepEqual(mock.requests.map(({ method, path }) => `${method} ${path}`), ['GET /me/organizations'])
  assert.ok((await storage.getKeys('togglkit')).length > 0, 'entries live under the default name')
})

Deno.test('createStorageCache refuses what is not a Storage with togglkit’s InputError', () => {
  assert.throws(() => createStorageCache({} as never), InputError)
})

Deno.test('on Deno KV (the README’s sample, in memory): a write through one cache is read through another', async () => {
  const kv = await Deno.openKv(':memory:')
  try {
    const storage = createStorage({ driver: denoKvDriver({ openKv: () => Promise.resolve(kv) }) })
    const first = createStorageCache(storage, { ttl: 60_000 })
    const second = createStorageCache(storage, { ttl: 60_000 })
    await first.put('account', 'organization:1', { id: 1, name: 'Acme' }, { group: 'organizations', order: 1 })
    assert.deepEqual(await second.find('account', 'organization:1'), { id: 1, name: 'Acme' })
    assert.deepEqual((await second.range('account', 'organizations')).map(({ key }) => key), ['organization:1'])
    await second.delete('account', 'organization:1')
    assert.equal(await first.find('account', 'organization:1'), undefined)
  } finally {
    kv.close()
  }
})
