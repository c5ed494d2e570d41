import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { IndexedDbCache } from '../src/index.ts'
import { expectNoSecretsStored } from './support/secrets.ts'

describe('the secrets in Toggl’s replies, with IndexedDbCache (fake-indexeddb)', () => {
  it('reach no stored record and no returned value', async () => {
    const cache = new IndexedDbCache({ name: `togglkit-secrets-${Math.random().toString(36).slice(2)}`, onWarning: () => {} })
    // The records must really be in IndexedDB, not in a fallback to memory.
    expect(await cache.connect()).toBe(true)
    await expectNoSecretsStored(cache)
    await cache.close()
  })
})
