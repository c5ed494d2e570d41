import { afterEach, describe, expect, it, vi } from 'vitest'
import { BasicAuth, MemoryCache, OrganizationEndpoint, type TogglCache } from '../src/index.ts'
import { PASSWORD_KEY_ITERATIONS } from '../src/core/auth.ts'
import { startFake } from './support/fake.ts'

const JO = { id: 1, email: 'jo@example.com', password: 'hunter2', apiToken: 'jo-token', fullname: 'Jo' }
const hex = (bytes: ArrayBuffer) => Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('')

afterEach(() => {
  vi.restoreAllMocks()
})

async function withJo() {
  const fake = await startFake({ accounts: [JO], organizations: [{ name: 'Acme', memberIds: [1] }] })
  const [id] = [...fake.mock.state.organizations.keys()] as [number]
  const signIn = (cache: TogglCache, password = JO.password) =>
    new OrganizationEndpoint(new BasicAuth(JO.email, password), cache, { baseURL: fake.server.baseURL, retries: 0 })
  return { fake, id, signIn }
}

/** The partitions that hold an account's entries (not the cache's own salt). */
async function accountPartitions(cache: TogglCache): Promise<string[]> {
  return [...new Set((await cache.entries()).map(({ partition }) => partition).filter((partition) => partition !== 'togglkit'))]
}

describe('the cache partition of an email and password', () => {
  it('is PBKDF2 (≥ 100,000 iterations) over the credentials with a random salt kept in the cache', async () => {
    const { fake, id, signIn } = await withJo()
    const cache = new MemoryCache()
    await signIn(cache).get(id)
    const [partition] = await accountPartitions(cache)
    const salt = await cache.find<string>('togglkit', 'account-key-salt')
    expect(salt).toMatch(/^[0-9a-f]{32}$/)
    expect(PASSWORD_KEY_ITERATIONS).toBeGreaterThanOrEqual(100_000)

    const header = new BasicAuth(JO.email, JO.password).header()
    const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(header), 'PBKDF2', false, ['deriveBits'])
    const bits = await crypto.subtle.deriveBits(
      { name: 'PBKDF2', hash: 'SHA-256', salt: new TextEncoder().encode(`togglkit-account\n${salt}`), iterations: PASSWORD_KEY_ITERATIONS },
      key,
      256,
    )
    expect(partition).toBe(`${hex(bits)}@${fake.server.baseURL}`)
    // No fast hash of the credentials is anywhere in the cache.
    const fast = hex(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`togglkit-account\n${header}`)))
    expect(JSON.stringify(await cache.entries())).not.toContain(fast)
  })

  it('differs between two caches (databases) for the same account', async () => {
    const { id, signIn } = await withJo()
    const [first, second] = [new MemoryCache(), new MemoryCache()]
    await signIn(first).get(id)
    await signIn(second).get(id)
    const [a] = await accountPartitions(first)
    const [b] = await accountPartitions(second)
    expect(a).toBeDefined()
    expect(a).not.toBe(b)
  })

  it('keeps accounts apart: another password is never served the first one’s cache', async () => {
    const { fake, id, signIn } = await withJo()
    const cache = new MemoryCache()
    await signIn(cache).get(id)
    const sent = fake.sent()
    // A wrong password reaches Toggl (403 → null) instead of finding Jo's organization in the cache.
    await expect(signIn(cache, 'not-hunter2').get(id)).resolves.toBeNull()
    expect(fake.sent()).toBe(sent + 1)
  })

  it('is derived once per account and cache in a process, however many BasicAuth objects sign in', async () => {
    const { fake, id, signIn } = await withJo()
    const derive = vi.spyOn(crypto.subtle, 'deriveBits')
    const cache = new MemoryCache()
    await signIn(cache).get(id)
    await signIn(cache).get(id)
    await signIn(cache).collect()
    expect(derive).toHaveBeenCalledTimes(1)
    // One request: the second and third endpoints found the first one's entries.
    expect(fake.sent()).toBe(2)
  })

  it('stays a fast SHA-256 for an API token, with no salt stored', async () => {
    const fake = await startFake({ organizations: [{ name: 'Acme', memberIds: [1] }] })
    const derive = vi.spyOn(crypto.subtle, 'deriveBits')
    const cache = new MemoryCache()
    await fake.organizations(cache).collect()
    expect(derive).not.toHaveBeenCalled()
    expect(await cache.find('togglkit', 'account-key-salt')).toBeUndefined()
    const [partition] = await accountPartitions(cache)
    expect(partition).toBe(`${await fake.auth.accountKey()}@${fake.server.baseURL}`)
  })
})
