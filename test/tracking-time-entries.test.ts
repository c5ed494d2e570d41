import { describe, expect, it } from 'vitest'
import {
  elapsedSeconds,
  HTTPStatusError,
  InputError,
  isRunning,
  MemoryCache,
  TimeEntryEndpoint,
  TrackerEndpoint,
  type TogglCache,
} from '../src/index.ts'
import { DEMO_ACCOUNT } from '../src/mock/index.ts'
import { expectStatus, failureOf, startFake, type Fake } from './support/fake.ts'

const UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/
const HOUR = 3_600_000

async function tracking(options: { cache?: TogglCache | null } = {}) {
  const fake = await startFake({ organizations: [{ name: 'Acme', memberIds: [DEMO_ACCOUNT.id], pricingPlanName: 'Premium' }] })
  const ws = [...fake.mock.state.organizations.values()][0]!.workspaces[0]!.id
  const entries = fake.endpoint(TimeEntryEndpoint, options.cache === undefined ? new MemoryCache() : options.cache)
  return { fake, ws, entries }
}

/** Requests the fake received since `before`, as method and path. */
const sentSince = (fake: Fake, before: number) => fake.mock.requests.slice(before).map(({ method, path }) => `${method} ${path}`)

describe('TimeEntryEndpoint.start', () => {
  it('posts a running entry with workspace_id, created_with, start now and duration -1', async () => {
    const { fake, ws, entries } = await tracking()
    const before = Date.now()
    const running = await entries.start(ws, { description: 'Writing', tags: ['deep'] })
    const { method, path, body } = fake.last()
    expect({ method, path }).toEqual({ method: 'POST', path: `/workspaces/${ws}/time_entries` })
    expect(body).toMatchObject({ description: 'Writing', tags: ['deep'], workspace_id: ws, created_with: 'togglkit', duration: -1 })
    const start = Date.parse((body as { start: string }).start)
    expect(start).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000)
    expect(running).toMatchObject({ description: 'Writing', workspace_id: ws, stop: null, duration: -1, tags: ['deep'] })
    expect(running.start).toMatch(UTC)
    expect(isRunning(running)).toBe(true)
  })

  it('sends a given start (Date or RFC 3339 with any offset) in UTC, and a given created_with', async () => {
    const { fake, ws, entries } = await tracking()
    await entries.start(ws, { start: '2026-03-02T10:00:00+01:00', created_with: 'my-app' })
    expect(fake.last().body).toMatchObject({ start: '2026-03-02T09:00:00Z', created_with: 'my-app' })
    const started = await entries.start(ws, { start: new Date(Date.UTC(2026, 2, 2, 11)) })
    expect(started.start).toBe('2026-03-02T11:00:00Z')
  })

  it('a second start stops the first: current is the new one, and the old one is no longer cached as running', async () => {
    const { fake, ws, entries } = await tracking()
    const first = await entries.start(ws, { description: 'first' })
    const second = await entries.start(ws, { description: 'second' })
    const sent = fake.sent()
    expect(await entries.current({ maxAge: 60_000 })).toEqual(second)
    expect(fake.sent()).toBe(sent)
    const old = await entries.get(first)
    expect(fake.sent()).toBe(sent + 1)
    expect(old).toMatchObject({ id: first.id })
    expect(old!.stop).not.toBeNull()
    expect(await entries.current()).toMatchObject({ id: second.id })
  })

  it.each([
    [{ start: '2005-12-31T23:00:00Z' }, /start must be in the years 2006 to 2030/],
    [{ start: '2026-03-02 10:00' }, /start must be a valid Date or an RFC 3339 date-time with an offset/],
    [{ start: new Date(Number.NaN) }, /start must be a Date or an RFC 3339 string/],
    [{ descripton: 'typo' }, /descripton is not a field Toggl takes here/],
    [{ project_id: 0 }, /project_id must be a positive whole number/],
    [{ tags: ['ok', ' '] }, /tags\[1\] must not be blank/],
    [{ duration: -1 }, /duration is not a field Toggl takes here/],
  ])('refuses %j with InputError, sending nothing', async (entry, message) => {
    const { fake, ws, entries } = await tracking()
    const error = await failureOf(entries.start(ws, entry as never))
    expect(error).toBeInstanceOf(InputError)
    expect(error.message).toMatch(message)
    expect(fake.sent()).toBe(0)
  })

  it('is never retried: a 503 costs one request', async () => {
    const { fake, ws, entries } = await tracking()
    fake.mock.inject({ type: 'status', status: 503 })
    expect(await failureOf(entries.start(ws))).toMatchObject({ status: 503 })
    expect(fake.sent()).toBe(1)
  })

  it('a workspace you are not in is Toggl’s 403', async () => {
    const { entries } = await tracking()
    await expectStatus(entries.start(123), 403, 'User does not have access to this resource.')
  })
})

describe('TimeEntryEndpoint.stop', () => {
  it('patches …/stop and answers the stopped entry; current then answers null from what it learnt', async () => {
    const { fake, ws, entries } = await tracking()
    const running = await entries.start(ws)
    const stopped = await entries.stop(ws, running)
    expect(fake.last()).toMatchObject({ method: 'PATCH', path: `/workspaces/${ws}/time_entries/${running.id}/stop` })
    expect(stopped).toMatchObject({ id: running.id })
    expect(stopped.duration).toBeGreaterThanOrEqual(0)
    expect(Date.parse(stopped.stop!)).toBe(Date.parse(stopped.start) + stopped.duration * 1000)
    const sent = fake.sent()
    expect(await entries.current({ maxAge: 60_000 })).toBeNull()
    expect(await entries.get(running)).toEqual(stopped)
    expect(fake.sent()).toBe(sent)
  })

  it('a double stop is no error: with a cache the second costs its one request', async () => {
    const { fake, ws, entries } = await tracking()
    const running = await entries.start(ws)
    const first = await entries.stop(ws, running)
    const sent = fake.sent()
    expect(await entries.stop(ws, running)).toEqual(first)
    expect(sentSince(fake, sent)).toEqual([`PATCH /workspaces/${ws}/time_entries/${running.id}/stop`])
  })

  it('a double stop without a cache costs at most 2 requests (the 409, then one GET), 1 when given the stopped model', async () => {
    const { fake, ws, entries } = await tracking({ cache: null })
    const running = await entries.start(ws)
    const stopped = await entries.stop(ws, running)
    let sent = fake.sent()
    expect(await entries.stop(ws, running.id)).toEqual(stopped)
    expect(sentSince(fake, sent)).toEqual([`PATCH /workspaces/${ws}/time_entries/${running.id}/stop`, `GET /me/time_entries/${running.id}`])
    sent = fake.sent()
    expect(await entries.stop(ws, stopped)).toEqual(stopped)
    expect(fake.sent()).toBe(sent + 1)
  })

  it('is retried after a 503 (stopping twice changes nothing)', async () => {
    const { fake, ws, entries } = await tracking()
    const running = await entries.start(ws)
    fake.mock.inject({ type: 'status', status: 503 })
    expect((await entries.stop(ws, running)).stop).not.toBeNull()
    expect(fake.sent()).toBe(3)
  })

  it('an entry Toggl does not know is its 404', async () => {
    const { ws, entries } = await tracking()
    await expectStatus(entries.stop(ws, 99_999_999), 404, 'Time entry not found')
  })
})

describe('TimeEntryEndpoint.add', () => {
  it.each([
    ['start + duration', { start: '2026-03-02T09:00:00Z', duration: 5400 }],
    ['start + stop', { start: '2026-03-02T09:00:00Z', stop: '2026-03-02T10:30:00Z' }],
    ['start + duration + stop that agree', { start: '2026-03-02T09:00:00Z', duration: 5400, stop: new Date('2026-03-02T10:30:00Z') }],
  ])('adds a finished entry from %s', async (_, entry) => {
    const { fake, ws, entries } = await tracking()
    const added = await entries.add(ws, { ...entry, description: 'Review' })
    expect(fake.last()).toMatchObject({
      method: 'POST',
      path: `/workspaces/${ws}/time_entries`,
      body: { start: '2026-03-02T09:00:00Z', duration: 5400, workspace_id: ws, created_with: 'togglkit', description: 'Review' },
    })
    expect(added).toMatchObject({ start: '2026-03-02T09:00:00Z', stop: '2026-03-02T10:30:00Z', duration: 5400, description: 'Review' })
    const sent = fake.sent()
    expect(await entries.get(added.id)).toEqual(added)
    expect(fake.sent()).toBe(sent)
  })

  it.each([
    [{ start: '2026-03-02T09:00:00Z' }, /a finished entry needs duration or stop/],
    [{ start: '2026-03-02T09:00:00Z', duration: -1 }, /duration must be ≥ 0 \(use start\(\) for a running entry\)/],
    [{ start: '2026-03-02T09:00:00Z', duration: 60, stop: '2026-03-02T10:00:00Z' }, /start \+ duration must equal stop/],
    [{ start: '2026-03-02T09:00:00Z', stop: '2026-03-02T08:00:00Z' }, /stop must not be before start/],
    [{ duration: 60 }, /start must be given/],
    [{ start: '2031-01-01T00:00:00Z', duration: 60 }, /start must be in the years 2006 to 2030/],
  ])('refuses %j with InputError, sending nothing', async (entry, message) => {
    const { fake, ws, entries } = await tracking()
    const error = await failureOf(entries.add(ws, entry as never))
    expect(error).toBeInstanceOf(InputError)
    expect(error.message).toMatch(message)
    expect(fake.sent()).toBe(0)
  })
})

describe('TimeEntryEndpoint.get', () => {
  it('asks Toggl when nothing is cached, then serves the model; refresh asks again', async () => {
    const { fake, ws, entries } = await tracking()
    const entry = fake.mock.state.addTimeEntry({ workspaceId: ws, userId: DEMO_ACCOUNT.id, start: '2026-03-02T09:00:00Z', stop: '2026-03-02T09:30:00Z' })
    const found = await entries.get(entry.id)
    expect(fake.last()).toMatchObject({ method: 'GET', path: `/me/time_entries/${entry.id}` })
    expect(found).toMatchObject({ id: entry.id, start: '2026-03-02T09:00:00Z', stop: '2026-03-02T09:30:00Z', duration: 1800, tags: [], tag_ids: [] })
    await entries.get(entry.id)
    expect(fake.sent()).toBe(1)
    await entries.get({ id: entry.id }, { refresh: true })
    expect(fake.sent()).toBe(2)
  })

  it('answers null for an entry Toggl does not know (and forgets it), or throws it with reRaise', async () => {
    const { fake, ws, entries } = await tracking()
    const added = await entries.add(ws, { start: '2026-03-02T09:00:00Z', duration: 60 })
    fake.mock.state.remove('time_entry', fake.mock.state.timeEntries.get(added.id)!, DEMO_ACCOUNT.id)
    expect(await entries.get(added, { refresh: true })).toBeNull()
    expect(await entries.get(added)).toBeNull()
    expect(fake.sent()).toBe(3)
    const strict = fake.endpoint(TimeEntryEndpoint, null, { reRaise: true })
    await expectStatus(strict.get(added), 404, 'Resource can not be found')
  })

  it('a running entry reads the same from get, current and collect: stop null, duration -1, start in UTC', async () => {
    const { fake, ws } = await tracking()
    const entry = fake.mock.state.addTimeEntry({ workspaceId: ws, userId: DEMO_ACCOUNT.id, start: Date.now() - 90_000, stop: null })
    const entries = fake.endpoint(TimeEntryEndpoint, null)
    const reads = [await entries.get(entry.id), await entries.current(), (await entries.collect()).find(({ id }) => id === entry.id)]
    for (const read of reads) expect(read).toMatchObject({ id: entry.id, stop: null, duration: -1 })
    expect(new Set(reads.map((read) => read!.start)).size).toBe(1)
    expect(reads[0]!.start).toMatch(UTC)
    expect(elapsedSeconds(reads[0]!)).toBeGreaterThanOrEqual(89)
  })
})

describe('TimeEntryEndpoint.current', () => {
  it('answers null (Toggl’s 200 with null) when nothing runs, asking every time unless maxAge allows', async () => {
    const { fake, entries } = await tracking()
    expect(await entries.current()).toBeNull()
    expect(fake.last()).toMatchObject({ method: 'GET', path: '/me/time_entries/current' })
    expect(await entries.current()).toBeNull()
    expect(fake.sent()).toBe(2)
    expect(await entries.current({ maxAge: 60_000 })).toBeNull()
    expect(fake.sent()).toBe(2)
  })

  it('asks again once what it learnt is older than maxAge, and sees a timer another device started', async () => {
    const { fake, ws, entries } = await tracking()
    expect(await entries.current()).toBeNull()
    const elsewhere = fake.mock.state.addTimeEntry({ workspaceId: ws, userId: DEMO_ACCOUNT.id, start: Date.now(), stop: null })
    await new Promise((resolve) => setTimeout(resolve, 30))
    expect(await entries.current({ maxAge: 10 })).toMatchObject({ id: elsewhere.id })
    expect(fake.sent()).toBe(2)
  })

  it('what it answers is all that runs: an entry cached as running that stopped on another device no longer is', async () => {
    const { fake, ws, entries } = await tracking()
    await entries.start(ws, { description: 'here' })
    const there = await fake.endpoint(TimeEntryEndpoint, null).start(ws, { description: 'phone' })
    expect(await entries.current()).toMatchObject({ id: there.id })
    expect((await entries.query({ running: true })).map(({ id }) => id)).toEqual([there.id])
    await fake.endpoint(TimeEntryEndpoint, null).stop(ws, there)
    expect(await entries.current()).toBeNull()
    expect(await entries.query({ running: true })).toEqual([])
  })

  it('without a cache, maxAge serves what its last current() said', async () => {
    const { fake, ws, entries } = await tracking({ cache: null })
    const running = await entries.start(ws)
    expect(await entries.current({ maxAge: 60_000 })).toMatchObject({ id: running.id })
    expect(await entries.current({ maxAge: 60_000 })).toMatchObject({ id: running.id })
    expect(fake.sent()).toBe(2)
  })

  it.each([-1, '5', Number.NaN])('refuses maxAge %j with InputError', async (maxAge) => {
    const { fake, entries } = await tracking()
    expect(await failureOf(entries.current({ maxAge } as never))).toBeInstanceOf(InputError)
    expect(fake.sent()).toBe(0)
  })
})

describe('TimeEntryEndpoint.collect', () => {
  it('sends each range form as Toggl takes it', async () => {
    const { fake, entries } = await tracking()
    const now = Date.now()
    await entries.collect()
    expect(fake.last().query).toEqual({})
    await entries.collect({ since: new Date(now - HOUR) })
    expect(fake.last().query).toEqual({ since: String(Math.floor((now - HOUR) / 1000)) })
    await entries.collect({ since: Math.floor(now / 1000) - 60 })
    expect(fake.last().query).toEqual({ since: String(Math.floor(now / 1000) - 60) })
    await entries.collect({ before: '2026-03-02' })
    expect(fake.last().query).toEqual({ before: '2026-03-02' })
    const day = new Date(now - 24 * HOUR).toISOString().slice(0, 10)
    await entries.collect({ start_date: day, end_date: new Date(now) })
    expect(fake.last()).toMatchObject({ method: 'GET', path: '/me/time_entries', query: { start_date: day, end_date: new Date(now).toISOString().replace('.000Z', 'Z') } })
  })

  it('with since, drops deleted entries from the cache and never returns them as live', async () => {
    const { fake, ws, entries } = await tracking()
    const kept = await entries.add(ws, { start: new Date(Date.now() - HOUR), duration: 60 })
    const gone = await entries.add(ws, { start: new Date(Date.now() - HOUR), duration: 120 })
    fake.mock.state.remove('time_entry', fake.mock.state.timeEntries.get(gone.id)!, DEMO_ACCOUNT.id)
    const changed = await entries.collect({ since: new Date(Date.now() - 2 * HOUR) })
    expect(changed.map(({ id }) => id)).toEqual([kept.id])
    const sent = fake.sent()
    expect(await entries.get(kept)).toMatchObject({ id: kept.id })
    expect(fake.sent()).toBe(sent)
    expect(await entries.get(gone)).toBeNull()
    expect(fake.sent()).toBe(sent + 1)
  })

  it('fills the cache: a listed entry is then read with no request', async () => {
    const { fake, ws, entries } = await tracking()
    const entry = fake.mock.state.addTimeEntry({ workspaceId: ws, userId: DEMO_ACCOUNT.id, start: Date.now() - HOUR, stop: Date.now() - HOUR / 2 })
    await entries.collect()
    expect(await entries.get(entry.id)).toMatchObject({ id: entry.id })
    expect(fake.sent()).toBe(1)
  })

  const threeMonthsAgo = () => {
    const day = new Date()
    day.setUTCMonth(day.getUTCMonth() - 3)
    day.setUTCDate(day.getUTCDate() - 1)
    return day
  }
  it.each<[string, () => unknown, RegExp]>([
    ['since with before', () => ({ since: new Date(), before: '2026-01-01' }), /since and before cannot be given together/],
    ['a date pair with since', () => ({ since: new Date(), start_date: '2026-01-01', end_date: '2026-01-02' }), /cannot be given with since or before/],
    ['one date alone', () => ({ start_date: '2026-01-01' }), /start_date and end_date must be given together/],
    ['a start after its end', () => ({ start_date: new Date(), end_date: new Date(Date.now() - HOUR) }), /start_date must come before end_date/],
    ['a start_date past three months', () => ({ start_date: threeMonthsAgo(), end_date: new Date() }), /start_date must not be earlier than \d{4}-\d{2}-\d{2}/],
    ['a since past three months', () => ({ since: threeMonthsAgo() }), /since must be within the last 3 months/],
    ['a misspelt field', () => ({ snce: 1 }), /snce is not a field Toggl takes here/],
    ['a bad date', () => ({ before: '2026-02-30' }), /before must be a valid Date/],
    ['a negative since', () => ({ since: -5 }), /since must be unix seconds ≥ 0/],
    ['an array', () => [], /range must be an object/],
  ])('refuses %s with InputError, sending nothing', async (_, range, message) => {
    const { fake, entries } = await tracking()
    const error = await failureOf(entries.collect(range() as never))
    expect(error).toBeInstanceOf(InputError)
    expect(error.message).toMatch(message)
    expect(fake.sent()).toBe(0)
  })
})

describe('TimeEntryEndpoint.edit', () => {
  it('puts the changed fields and keeps the cached model exact', async () => {
    const { fake, ws, entries } = await tracking()
    const added = await entries.add(ws, { start: '2026-03-02T09:00:00Z', duration: 600, tags: ['a'] })
    const edited = await entries.edit(ws, added, { description: 'Renamed', stop: '2026-03-02T09:20:00Z', tags: ['b'], tag_action: 'add' })
    expect(fake.last()).toMatchObject({
      method: 'PUT',
      path: `/workspaces/${ws}/time_entries/${added.id}`,
      body: { description: 'Renamed', stop: '2026-03-02T09:20:00Z', tags: ['b'], tag_action: 'add' },
    })
    expect(edited).toMatchObject({ description: 'Renamed', stop: '2026-03-02T09:20:00Z', duration: 1200 })
    expect(edited.tags.sort()).toEqual(['a', 'b'])
    const sent = fake.sent()
    expect(await entries.get(added)).toEqual(edited)
    expect(fake.sent()).toBe(sent)
  })

  it.each([
    [{}, /must change at least one field/],
    [{ tag_action: 'remove' }, /tag_action must be "add" or "delete"/],
    [{ descriptoin: 'x' }, /descriptoin is not a field Toggl takes here/],
  ])('refuses %j with InputError, sending nothing', async (changes, message) => {
    const { fake, ws, entries } = await tracking()
    const error = await failureOf(entries.edit(ws, 5, changes as never))
    expect(error).toBeInstanceOf(InputError)
    expect(error.message).toMatch(message)
    expect(fake.sent()).toBe(0)
  })
})

describe('TimeEntryEndpoint.patch', () => {
  it('patches 250 ids in 3 requests of 100, 100 and 50, and merges Toggl’s partial results', async () => {
    const { fake, ws, entries } = await tracking()
    const ids: number[] = []
    for (let i = 0; i < 248; i++) {
      ids.push(fake.mock.state.addTimeEntry({ workspaceId: ws, userId: DEMO_ACCOUNT.id, start: Date.now() - HOUR, stop: Date.now() - HOUR + 60_000 }).id)
    }
    const unknown = [99_000_001, 99_000_002]
    const result = await entries.patch(ws, [...ids, ...unknown], [{ op: 'replace', path: '/description', value: 'Bulk' }])
    const patches = fake.mock.requests.filter(({ method }) => method === 'PATCH')
    expect(patches.map(({ path }) => path.split('/').at(-1)!.split(',').length)).toEqual([100, 100, 50])
    expect(patches[0]!.body).toEqual([{ op: 'replace', path: '/description', value: 'Bulk' }])
    expect(result.success.sort()).toEqual([...ids].sort())
    expect(result.failure.map(({ id }) => id).sort()).toEqual(unknown)
    expect(result.failure[0]!.message).toEqual(expect.any(String))
    expect([...fake.mock.state.timeEntries.values()].every((entry) => entry.description === 'Bulk')).toBe(true)
  })

  it('applies what Toggl applied to the cached models where that is all it changed, so a read needs no request', async () => {
    const { fake, ws, entries } = await tracking()
    const added = await entries.add(ws, { start: '2026-03-02T09:00:00Z', duration: 600, tags: ['a'] })
    await entries.patch(ws, [added], [
      { op: 'replace', path: '/description', value: 'Patched' },
      { op: 'replace', path: '/billable', value: true },
    ])
    const sent = fake.sent()
    const cached = await entries.get(added)
    expect(fake.sent()).toBe(sent)
    expect(cached).toMatchObject({ description: 'Patched', billable: true, tags: ['a'] })
    expect(await entries.get(added, { refresh: true })).toMatchObject({ description: 'Patched', billable: true })
  })

  it('drops the cached model where Toggl changes more than the patch names: tags by name, a project', async () => {
    const { fake, ws, entries } = await tracking()
    const state = fake.mock.state
    const [apollo, gemini] = [state.addProject({ workspaceId: ws, name: 'Apollo' }), state.addProject({ workspaceId: ws, name: 'Gemini' })]
    const launch = state.addTask({ projectId: apollo.id, name: 'Launch' })
    const tagged = await entries.add(ws, { start: '2026-03-02T09:00:00Z', duration: 600 })
    const planned = await entries.add(ws, { start: '2026-03-02T10:00:00Z', duration: 600, project_id: apollo.id, task_id: launch.id })
    await entries.patch(ws, [tagged], [{ op: 'add', path: '/tags', value: ['deep'] }])
    await entries.patch(ws, [planned], [{ op: 'replace', path: '/project_id', value: gemini.id }])
    const deep = [...state.tags.values()].find(({ name }) => name === 'deep')!
    expect(await entries.get(tagged)).toMatchObject({ tags: ['deep'], tag_ids: [deep.id] })
    expect(await entries.get(planned)).toMatchObject({ project_id: gemini.id, task_id: null })
  })

  it.each([
    [[5], [{ op: 'replace', path: '/descripton', value: 'x' }], /path must be one of \/description/],
    [[5], [{ op: 'move', path: '/description', value: 'x' }], /op must be "add", "remove" or "replace"/],
    [[5], [{ op: 'replace', path: '/billable', value: 'yes' }], /value must be a boolean/],
    [[5], [{ op: 'replace', path: '/start', value: '2035-01-01T00:00:00Z' }], /start must be in the years 2006 to 2030/],
    [[5], [], /must hold at least one operation/],
    [[], [{ op: 'replace', path: '/billable', value: true }], /entries must be a non-empty array/],
    [[5, 0], [{ op: 'replace', path: '/billable', value: true }], /entries\[1\] must be a positive whole-number id/],
  ])('refuses entries %j with operations %j, sending nothing', async (ids, operations, message) => {
    const { fake, ws, entries } = await tracking()
    const error = await failureOf(entries.patch(ws, ids, operations as never))
    expect(error).toBeInstanceOf(InputError)
    expect(error.message).toMatch(message)
    expect(fake.sent()).toBe(0)
  })
})

describe('TimeEntryEndpoint.delete', () => {
  it('deletes, forgets the model, and takes the timer with it', async () => {
    const { fake, ws, entries } = await tracking()
    const running = await entries.start(ws)
    await entries.delete(ws, running)
    expect(fake.last()).toMatchObject({ method: 'DELETE', path: `/workspaces/${ws}/time_entries/${running.id}` })
    const sent = fake.sent()
    expect(await entries.current({ maxAge: 60_000 })).toBeNull()
    expect(fake.sent()).toBe(sent)
    expect(await entries.get(running)).toBeNull()
    expect(fake.sent()).toBe(sent + 1)
  })

  it('a delete that failed leaves the timer unknown: current() asks Toggl, where it still runs', async () => {
    const { fake, ws } = await tracking()
    const entries = fake.endpoint(TimeEntryEndpoint, new MemoryCache(), { retries: 0 })
    const running = await entries.start(ws)
    fake.mock.inject({ type: 'status', status: 500 })
    await failureOf(entries.delete(ws, running))
    const sent = fake.sent()
    expect(await entries.current({ maxAge: 60_000 })).toMatchObject({ id: running.id })
    expect(fake.sent()).toBe(sent + 1)
  })

  it('ignores a 404 (already gone) unless reRaise', async () => {
    const { fake, ws, entries } = await tracking()
    await entries.delete(ws, 99_999_999)
    const error = await failureOf(fake.endpoint(TimeEntryEndpoint, null, { reRaise: true }).delete(ws, 99_999_999))
    expect(error).toBeInstanceOf(HTTPStatusError)
    expect(error).toMatchObject({ status: 404 })
  })
})

describe('a cache that fails while a write settles', () => {
  it('does not make an applied write look failed (a retry would apply it twice); what it held of it goes', async () => {
    const { fake, ws } = await tracking()
    const memory = new MemoryCache()
    let failing = false
    const full = () => Promise.reject(new Error('disk full'))
    const failingWrites: TogglCache = {
      ttl: memory.ttl,
      find: (partition, key) => memory.find(partition, key),
      findMany: (partition, keys) => memory.findMany(partition, keys),
      put: (partition, key, value, placement) => (failing ? full() : memory.put(partition, key, value, placement)),
      putMany: (partition, writes) => (failing ? full() : memory.putMany(partition, writes)),
      delete: (partition, key) => memory.delete(partition, key),
      deleteMany: (partition, keys) => memory.deleteMany(partition, keys),
      deleteByPrefix: (partition, prefixes) => memory.deleteByPrefix(partition, prefixes),
      keys: (partition, prefix) => memory.keys(partition, prefix),
      range: (partition, group, range) => memory.range(partition, group, range),
      clear: (partition) => memory.clear(partition),
      entries: (partition) => memory.entries(partition),
      close: () => memory.close(),
    }
    const entries = fake.endpoint(TimeEntryEndpoint, failingWrites)
    const entry = await entries.add(ws, { start: '2026-03-02T09:00:00Z', duration: 600, description: 'before' })
    failing = true
    expect(await entries.edit(ws, entry, { description: 'after' })).toMatchObject({ description: 'after' })
    expect(fake.mock.state.timeEntries.get(entry.id)?.description).toBe('after')
    failing = false
    const sent = fake.sent()
    expect(await entries.get(entry)).toMatchObject({ description: 'after' }) // not the stale copy
    expect(fake.sent()).toBe(sent + 1)
  })
})

describe('TrackerEndpoint', () => {
  it('is the seed’s name for TimeEntryEndpoint', () => {
    expect(TrackerEndpoint).toBe(TimeEntryEndpoint)
  })
})
