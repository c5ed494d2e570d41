// Offline-first time entries: sync() brings the cache up to date with the fewest requests Toggl
// allows, query() answers from it with none, and writes through the client show in it at once.
import { describe, expect, it } from 'vitest'
import { InputError, MemoryCache, TimeEntryEndpoint, type TogglCache } from '../src/index.ts'
import { DEMO_ACCOUNT, type TogglMockOptions } from '../src/mock/index.ts'
import { failureOf, startFake, type Fake } from './support/fake.ts'

const HOUR = 3_600_000
const DAY = 24 * HOUR

async function synced(options: TogglMockOptions = {}, cache: TogglCache = new MemoryCache()) {
  const fake = await startFake({ organizations: [{ name: 'Acme', memberIds: [DEMO_ACCOUNT.id], pricingPlanName: 'Premium' }], quotaPerHour: Infinity, ...options })
  const ws = [...fake.mock.state.organizations.values()][0]!.workspaces[0]!.id
  const entries = fake.endpoint(TimeEntryEndpoint, cache)
  const add = (start: number, fields: { description?: string; projectId?: number | null; tagIds?: number[]; billable?: boolean } = {}) =>
    fake.mock.state.addTimeEntry({ workspaceId: ws, userId: DEMO_ACCOUNT.id, start, stop: start + 600_000, ...fields })
  return { fake, ws, entries, cache, add }
}

const requests = (fake: Fake, since: number) => fake.mock.requests.slice(since).map(({ method, path, query }) => `${method} ${path} ${new URLSearchParams(query)}`)

describe('TimeEntryEndpoint.sync', () => {
  it('fetches the last 30 days in full the first time, 1000 entries per request', async () => {
    const { fake, entries, add } = await synced()
    const now = Date.now()
    for (let i = 0; i < 2500; i++) add(now - 29 * DAY + i * 60_000)
    add(now - 31 * DAY) // outside the default window
    expect(await entries.sync()).toEqual({ changed: 2500, deleted: 0, requests: 3, full: true })
    expect(fake.mock.requests.every(({ path, query }) => path === '/me/time_entries' && query.start_date && query.end_date)).toBe(true)
    const cached = await entries.query()
    expect(cached).toHaveLength(2500)
    expect(cached.map(({ start }) => Date.parse(start))).toEqual([...cached.map(({ start }) => Date.parse(start))].sort((a, b) => a - b))
  })

  it('then sends one since request, applies changes and deletions, and moves the cursor', async () => {
    const { fake, entries, add } = await synced()
    const now = Date.now()
    const kept = add(now - 2 * DAY, { description: 'kept' })
    const edited = add(now - DAY, { description: 'old' })
    const deleted = add(now - HOUR)
    await entries.sync()
    let sent = fake.sent()
    expect(await entries.sync()).toEqual({ changed: 0, deleted: 0, requests: 1, full: false })
    expect(requests(fake, sent)).toEqual([expect.stringMatching(/^GET \/me\/time_entries since=\d+$/)])

    const state = fake.mock.state
    state.timeEntries.get(edited.id)!.description = 'new'
    state.commit('time_entry', 'updated', state.timeEntries.get(edited.id)!, DEMO_ACCOUNT.id)
    state.remove('time_entry', state.timeEntries.get(deleted.id)!, DEMO_ACCOUNT.id)
    const added = add(now - 3 * HOUR, { description: 'added' })
    sent = fake.sent()
    expect(await entries.sync()).toEqual({ changed: 2, deleted: 1, requests: 1, full: false })
    expect((await entries.query()).map(({ id, description }) => [id, description])).toEqual([
      [kept.id, 'kept'],
      [edited.id, 'new'],
      [added.id, 'added'],
    ])
    expect(fake.sent()).toBe(sent + 1)
  })

  it('keeps its cursor in the cache: a new endpoint on it (a reload) continues with one since request', async () => {
    const { fake, entries, cache, add } = await synced()
    add(Date.now() - DAY)
    await entries.sync()
    const reloaded = fake.endpoint(TimeEntryEndpoint, cache)
    const sent = fake.sent()
    expect(await reloaded.sync()).toMatchObject({ requests: 1, full: false })
    expect(requests(fake, sent)[0]).toMatch(/since=/)
  })

  it('takes its cursor from Toggl’s clock, so a client clock two hours ahead misses nothing', async () => {
    const behind = { now: Date.now() - 2 * HOUR }
    const { fake, entries, ws } = await synced({ now: () => behind.now })
    await entries.sync()
    behind.now += 60_000
    const later = fake.mock.state.addTimeEntry({ workspaceId: ws, userId: DEMO_ACCOUNT.id, start: behind.now - 600_000, stop: behind.now })
    expect(await entries.sync()).toMatchObject({ changed: 1, requests: 1 })
    expect((await entries.query()).map(({ id }) => id)).toEqual([later.id])
  })

  it('fetches in full again when its cursor is older than Toggl’s three months, dropping what Toggl no longer has', async () => {
    const { fake, entries, cache, add } = await synced()
    const old = add(Date.now() - 2 * DAY)
    await entries.sync()
    fake.mock.state.timeEntries.delete(old.id) // gone without a trace a since listing could show
    const partition = `${await fake.auth.accountKey()}@${fake.server.baseURL}`
    const state = (await cache.find<{ cursor: number }>(partition, 'sync:time_entry'))!
    await cache.put(partition, 'sync:time_entry', { ...state, cursor: Math.floor((Date.now() - 100 * DAY) / 1000) })
    expect(await entries.sync()).toEqual({ changed: 0, deleted: 1, requests: 1, full: true })
    expect(await entries.query()).toEqual([])
  })

  it('fetches in full from an earlier `from` when asked, and refuses one Toggl cannot list', async () => {
    const { fake, entries, add } = await synced()
    add(Date.now() - 45 * DAY)
    add(Date.now() - DAY)
    expect(await entries.sync()).toMatchObject({ changed: 1, full: true })
    // The entry of yesterday is cached as it is: only the older one is new.
    expect(await entries.sync({ from: new Date(Date.now() - 60 * DAY) })).toMatchObject({ changed: 1, full: true })
    expect(await entries.query()).toHaveLength(2)
    const sent = fake.sent()
    expect(await failureOf(entries.sync({ from: new Date(Date.now() - 120 * DAY) }))).toBeInstanceOf(InputError)
    expect(await failureOf(entries.sync({ from: 'last week' }))).toBeInstanceOf(InputError)
    expect(fake.sent()).toBe(sent)
  })

  it('a full fetch keeps every entry a whole ttl, also those cached before it, so none drops out of query()', async () => {
    const clock = { now: Date.now() }
    const cache = new MemoryCache({ ttl: HOUR, now: () => clock.now })
    const { entries, add } = await synced({ now: () => clock.now }, cache)
    const entry = add(clock.now - 2 * DAY)
    await entries.collect({ start_date: new Date(Date.now() - 7 * DAY), end_date: new Date(Date.now() + DAY) })
    clock.now += 30 * 60_000
    expect(await entries.sync()).toMatchObject({ changed: 0, full: true }) // listed as cached
    clock.now += 31 * 60_000 // past the collect's expiry, within the sync's
    expect(await entries.sync()).toMatchObject({ full: false })
    expect((await entries.query()).map(({ id }) => id)).toEqual([entry.id])
  })

  it('a sync state another process wrote with its clock minutes ahead does not stop this one from asking', async () => {
    const { fake, entries, cache, add } = await synced()
    await entries.sync()
    const partition = `${await fake.auth.accountKey()}@${fake.server.baseURL}`
    const state = (await cache.find<Record<string, unknown>>(partition, 'sync:time_entry'))!
    await cache.put(partition, 'sync:time_entry', { ...state, syncedAt: Date.now() + 5 * 60_000, realm: 'another process', written: 1 })
    const later = add(Date.now() - 600_000)
    expect(await entries.sync()).toMatchObject({ changed: 1, requests: 1 })
    expect((await entries.query()).map(({ id }) => id)).toEqual([later.id])
  })

  it('needs a cache', async () => {
    const { fake } = await synced()
    const error = await failureOf(fake.endpoint(TimeEntryEndpoint, null).sync())
    expect(error).toBeInstanceOf(InputError)
    expect(error.message).toMatch(/sync keeps the entries in a cache/)
  })

  it('concurrent syncs of one store send one request between them', async () => {
    const { fake, cache, add } = await synced()
    add(Date.now() - DAY)
    const [first, second] = [fake.endpoint(TimeEntryEndpoint, cache), fake.endpoint(TimeEntryEndpoint, cache)]
    const results = await Promise.all([first.sync(), second.sync(), first.sync()])
    expect(fake.sent()).toBe(1)
    expect(results.map(({ requests: sent }) => sent).sort()).toEqual([0, 0, 1])
  })

  it('a write racing a sync keeps the sync from storing what may predate it; the next sync repairs', async () => {
    const { fake, ws, entries, add } = await synced()
    const entry = add(Date.now() - DAY, { description: 'before' })
    fake.mock.inject({ type: 'delay', ms: 200 })
    const racing = entries.sync()
    await new Promise((resolve) => setTimeout(resolve, 50))
    await entries.edit(ws, entry.id, { description: 'after' })
    expect(await racing).toMatchObject({ changed: 0, requests: 1, full: true })
    expect(await entries.sync()).toMatchObject({ full: true })
    expect((await entries.query()).map(({ description }) => description)).toEqual(['after'])
  })

  it('learns the timer from what changed: started or stopped on another device', async () => {
    const { fake, ws, entries } = await synced()
    await entries.sync()
    const elsewhere = fake.mock.state.addTimeEntry({ workspaceId: ws, userId: DEMO_ACCOUNT.id, start: Date.now() - 60_000, stop: null })
    await entries.sync()
    const sent = fake.sent()
    expect(await entries.current({ maxAge: 60_000 })).toMatchObject({ id: elsewhere.id, stop: null })
    fake.mock.state.stopRunningEntry(DEMO_ACCOUNT.id, Date.now(), DEMO_ACCOUNT.id)
    await entries.sync()
    expect(await entries.current({ maxAge: 60_000 })).toBeNull()
    expect(fake.sent()).toBe(sent + 1)
  })
})

describe('TimeEntryEndpoint.query', () => {
  it('answers from the cache with 0 requests, ascending by start, filtered as asked', async () => {
    const { fake, ws, entries, cache, add } = await synced()
    const project = fake.mock.state.addProject({ workspaceId: ws, name: 'Apollo' })
    const other = fake.mock.state.addProject({ workspaceId: ws, name: 'Gemini' })
    const now = Date.now()
    const a = add(now - 3 * DAY, { description: 'Design review', projectId: project.id, tagIds: [], billable: true })
    const b = add(now - 2 * DAY, { description: 'Standup', projectId: other.id })
    const c = add(now - DAY, { description: 'design doc', projectId: project.id })
    await entries.sync()
    const partition = `${await fake.auth.accountKey()}@${fake.server.baseURL}`
    await cache.put(partition, `project:${project.id}`, { id: project.id, workspace_id: ws, client_id: 77 }, { group: 'project', order: ws })
    const sent = fake.sent()
    const ids = async (filter: Parameters<typeof entries.query>[0]) => (await entries.query(filter)).map(({ id }) => id)
    expect(await ids({})).toEqual([a.id, b.id, c.id])
    expect(await ids({ start_date: new Date(now - 2 * DAY - HOUR), end_date: new Date(now - HOUR) })).toEqual([b.id, c.id])
    expect(await ids({ project_id: project.id })).toEqual([a.id, c.id])
    expect(await ids({ client_id: 77 })).toEqual([a.id, c.id])
    expect(await ids({ description: 'DESIGN' })).toEqual([a.id, c.id])
    expect(await ids({ billable: true })).toEqual([a.id])
    expect(await ids({ workspace_id: ws, limit: 2 })).toEqual([a.id, b.id])
    expect(await ids({ limit: 1 })).toEqual([a.id])
    expect(await ids({ running: true })).toEqual([])
    expect(fake.sent()).toBe(sent)
  })

  it('shows writes through the client at once', async () => {
    const { fake, ws, entries } = await synced()
    await entries.sync()
    const running = await entries.start(ws, { description: 'now' })
    expect((await entries.query({ running: true })).map(({ id }) => id)).toEqual([running.id])
    await entries.stop(ws, running)
    expect(await entries.query({ running: true })).toEqual([])
    await entries.edit(ws, running, { description: 'renamed' })
    expect((await entries.query({ description: 'renamed' })).map(({ id }) => id)).toEqual([running.id])
    await entries.delete(ws, running)
    expect(await entries.query()).toEqual([])
    expect(fake.mock.requests.filter(({ path }) => path === '/me/time_entries')).toHaveLength(1)
  })

  it.each([
    [{ start_date: 'yesterday' }, /start_date must be a valid Date/],
    [{ limit: -1 }, /limit must be ≥ 0/],
    [{ tag_ids: 'x' }, /tag_ids must be an array of ids/],
    [{ projct_id: 1 }, /projct_id/],
  ])('refuses %j with InputError', async (filter, message) => {
    const { entries } = await synced()
    const error = await failureOf(entries.query(filter as never))
    expect(error).toBeInstanceOf(InputError)
    expect(error.message).toMatch(message)
  })
})
