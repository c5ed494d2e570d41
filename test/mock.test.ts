import { afterEach, describe, expect, it } from 'vitest'
import { createTogglMock, DEMO_ACCOUNT, type MockAccount, type TogglMockOptions } from '../src/mock/index.ts'
import { serveTogglMock, type MockServer } from '../src/mock/node.ts'

const OTHER: MockAccount = { id: 2, email: 'other@example.com', password: 'other-pw', apiToken: 'other-token', fullname: 'Other' }
const ZOE: MockAccount = { id: 3, email: 'zoë@exämple.com', password: 'pässwörd-日本-🔑', apiToken: 'zoe-token', fullname: 'Zoë' }
const ACCOUNTS = [DEMO_ACCOUNT, OTHER, ZOE]
const START = Date.parse('2025-01-02T03:04:05.000Z')
const JSON_TYPE = 'application/json; charset=utf-8'

const servers: MockServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()))
})

function basic(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`
}

const tokenOf = (account: MockAccount) => basic(account.apiToken, 'api_token')

interface Call {
  /** The raw request body; objects are sent as JSON. */
  body?: unknown
  /** The Authorization header; `null` sends none. @default the demo account's token */
  authorization?: string | null
}

/** The fake on loopback with a controllable clock; `call` sends one request to it. */
async function start(options: TogglMockOptions = {}) {
  const clock = { now: START }
  const mock = createTogglMock({ accounts: ACCOUNTS, now: () => clock.now, ...options })
  const server = await serveTogglMock(mock)
  servers.push(server)
  async function call(method: string, path: string, { body, authorization = tokenOf(DEMO_ACCOUNT) }: Call = {}) {
    const headers: Record<string, string> = authorization === null ? {} : { authorization }
    let payload: string | undefined
    if (body !== undefined) {
      headers['content-type'] = 'application/json'
      payload = typeof body === 'string' ? body : JSON.stringify(body)
    }
    const response = await fetch(server.origin + mock.basePath + path, { method, headers, ...(payload === undefined ? {} : { body: payload }) })
    return { response, status: response.status, headers: response.headers, text: await response.text() }
  }
  return { mock, server, clock, call }
}

async function seeded(options: TogglMockOptions = {}) {
  const fake = await start({
    organizations: [
      { name: 'Acme', memberIds: [1] },
      { name: 'Globex', memberIds: [2, 1], workspaceName: 'Globex HQ' },
      { name: 'Initech', memberIds: [2] },
    ],
    ...options,
  })
  const [acme, globex, initech] = [...fake.mock.state.organizations.keys()] as [number, number, number]
  return { ...fake, acme, globex, initech }
}

/** Asserts Toggl's usual error form: the message as a JSON string. */
function expectError(reply: { status: number; headers: Headers; text: string }, status: number, message: string) {
  expect({ status: reply.status, body: reply.text, type: reply.headers.get('content-type') }).toEqual({
    status,
    body: JSON.stringify(message),
    type: JSON_TYPE,
  })
}

describe('authentication', () => {
  it('answers 401 with an empty body and X-Authorization-Missing when no credentials come', async () => {
    const { call } = await start()
    const reply = await call('GET', '/me/organizations', { authorization: null })
    expect(reply.status).toBe(401)
    expect(reply.text).toBe('')
    expect(reply.headers.get('x-authorization-missing')).toBe('true')
    expect(reply.headers.has('x-toggl-quota-remaining')).toBe(false)
  })

  it.each([
    ['an unknown token', basic('nope', 'api_token')],
    ['a wrong password', basic(DEMO_ACCOUNT.email, 'wrong')],
    ['a token sent as a password', basic(DEMO_ACCOUNT.email, DEMO_ACCOUNT.apiToken)],
    ['another scheme', `Bearer ${DEMO_ACCOUNT.apiToken}`],
    ['broken base64', 'Basic !!!'],
  ])('answers 403 with an empty body for %s', async (_label, authorization) => {
    const { call } = await start()
    const reply = await call('GET', '/me/organizations', { authorization })
    expect(reply.status).toBe(403)
    expect(reply.text).toBe('')
    expect(reply.headers.has('x-authorization-missing')).toBe(false)
    expect(reply.headers.has('x-toggl-quota-remaining')).toBe(false)
  })

  it('accepts an API token and email with password, the email in any case', async () => {
    const { call } = await start()
    for (const authorization of [
      tokenOf(DEMO_ACCOUNT),
      basic(DEMO_ACCOUNT.email, DEMO_ACCOUNT.password),
      basic('Demo@Example.COM', DEMO_ACCOUNT.password),
    ]) {
      expect((await call('GET', '/me/organizations', { authorization })).status).toBe(200)
    }
  })

  it('decodes credentials as UTF-8, so non-ASCII emails and passwords sign in', async () => {
    const { mock, call } = await seeded({ organizations: [{ name: 'Zoë’s', memberIds: [3] }] })
    const reply = await call('GET', '/me/organizations', { authorization: basic(ZOE.email, ZOE.password) })
    expect(reply.status).toBe(200)
    expect(JSON.parse(reply.text)).toMatchObject([{ name: 'Zoë’s', owner: true }])
    // The same password as Latin-1 bytes is a different password.
    const latin1 = `Basic ${Buffer.from(`${ZOE.email}:${ZOE.password}`, 'latin1').toString('base64')}`
    expect((await call('GET', '/me/organizations', { authorization: latin1 })).status).toBe(403)
    expect(mock.requests.map((r) => r.status)).toEqual([200, 403])
  })
})

describe('GET /organizations/{id}', () => {
  it('answers the Organization object in snake_case, about the caller', async () => {
    const { call, acme } = await seeded()
    const reply = await call('GET', `/organizations/${acme}`)
    expect(reply.status).toBe(200)
    expect(reply.headers.get('content-type')).toBe(JSON_TYPE)
    expect(JSON.parse(reply.text)).toEqual({
      id: acme,
      name: 'Acme',
      created_at: '2025-01-02T03:04:05.000Z',
      at: '2025-01-02T03:04:05.000Z',
      server_deleted_at: null,
      suspended_at: null,
      permissions: null,
      admin: true,
      owner: true,
      user_count: 1,
      max_workspaces: expect.any(Number),
      is_multi_workspace_enabled: false,
      pricing_plan_id: expect.any(Number),
      pricing_plan_name: '',
      pricing_plan_enterprise: false,
      is_unified: expect.any(Boolean),
      trial_info: {
        trial: false,
        trial_available: expect.any(Boolean),
        can_have_trial: expect.any(Boolean),
        trial_end_date: null,
        next_payment_date: null,
        last_pricing_plan_id: null,
        trial_plan_id: null,
      },
      max_data_retention_days: expect.any(Number),
    })
  })

  it('tells a plain member that they are neither admin nor owner', async () => {
    const { call, globex } = await seeded()
    expect(JSON.parse((await call('GET', `/organizations/${globex}`)).text)).toMatchObject({
      id: globex,
      admin: false,
      owner: false,
      user_count: 2,
    })
  })

  it.each(['123456', '0', 'abc', '12abc'])('answers 404 "Invalid organization ID" for id %s', async (id) => {
    const { call } = await seeded()
    expectError(await call('GET', `/organizations/${id}`), 404, 'Invalid organization ID')
  })

  it('answers 404 "User not part of organization" to a non-member', async () => {
    const { call, initech } = await seeded()
    expectError(await call('GET', `/organizations/${initech}`), 404, 'User not part of organization')
  })
})

describe('GET /me/organizations', () => {
  it('answers [] for an account in no organization', async () => {
    const { call } = await seeded()
    const reply = await call('GET', '/me/organizations', { authorization: tokenOf(ZOE) })
    expect([reply.status, reply.text, reply.headers.get('content-type')]).toEqual([200, '[]', JSON_TYPE])
  })

  it("lists the caller's organizations by id", async () => {
    const { call, acme, globex, initech } = await seeded()
    const mine = JSON.parse((await call('GET', '/me/organizations')).text) as Array<{ id: number; owner: boolean }>
    expect(mine.map(({ id, owner }) => ({ id, owner }))).toEqual([
      { id: acme, owner: true },
      { id: globex, owner: false },
    ])
    const theirs = JSON.parse((await call('GET', '/me/organizations', { authorization: tokenOf(OTHER) })).text)
    expect(theirs.map((o: { id: number }) => o.id)).toEqual([globex, initech])
  })

  it('says "Free" for pricing_plan_name where GET one says "" (the real quirk), and nothing else differs', async () => {
    const { call, acme } = await seeded()
    const [listed] = JSON.parse((await call('GET', '/me/organizations')).text)
    const single = JSON.parse((await call('GET', `/organizations/${acme}`)).text)
    expect(listed.pricing_plan_name).toBe('Free')
    expect(single.pricing_plan_name).toBe('')
    expect({ ...listed, pricing_plan_name: '' }).toEqual(single)
  })

  it('reports a seeded plan in the list', async () => {
    const { call } = await start({ organizations: [{ name: 'Big', memberIds: [1], pricingPlanName: 'Enterprise' }] })
    expect(JSON.parse((await call('GET', '/me/organizations')).text)).toMatchObject([
      { pricing_plan_name: 'Enterprise', pricing_plan_enterprise: true, is_multi_workspace_enabled: true },
    ])
  })
})

describe('POST /organizations', () => {
  it('creates an organization with a workspace, the caller its owner and admin', async () => {
    const { mock, call, clock } = await start()
    clock.now += 60_000
    const reply = await call('POST', '/organizations', { body: { name: 'New Co', workspace_name: 'Your Workspace' } })
    expect(reply.status).toBe(200)
    expect(reply.headers.get('content-type')).toBe(JSON_TYPE)
    expect(JSON.parse(reply.text)).toEqual({ id: 9_000_001, name: 'New Co', workspace_id: 8_000_001, workspace_name: 'Your Workspace' })
    const created = JSON.parse((await call('GET', '/organizations/9000001')).text)
    expect(created).toMatchObject({ admin: true, owner: true, user_count: 1, created_at: '2025-01-02T03:05:05.000Z' })
    expect(mock.state.organizations.get(9_000_001)).toMatchObject({ memberIds: [1], workspaces: [{ id: 8_000_001, name: 'Your Workspace' }] })
  })

  it('counts name lengths in code points: 140 emoji pass', async () => {
    const { call } = await start()
    const name = '🚀'.repeat(140)
    const reply = await call('POST', '/organizations', { body: { name, workspace_name: name } })
    expect(reply.status).toBe(200)
    expect(JSON.parse(reply.text)).toMatchObject({ name, workspace_name: name })
  })

  it.each([
    ['malformed JSON', '{"name": ', 'Invalid JSON input'],
    ['an empty body', '', 'Invalid JSON input'],
    ['an array', '[]', 'Invalid JSON input'],
    ['a number for the name', { name: 5, workspace_name: 'W' }, 'Invalid JSON input'],
    ['no name', { workspace_name: 'W' }, "Field 'name' cannot be empty."],
    ['an empty name', { name: '', workspace_name: 'W' }, "Field 'name' cannot be empty."],
    ['a name of 141 code points', { name: '🚀'.repeat(141), workspace_name: 'W' }, 'organization name too long, maximum length is 140'],
    ['no workspace name', { name: 'A' }, 'workspace name must be provided'],
    ['a number for the workspace name', { name: 'A', workspace_name: 7 }, 'workspace name must be provided'],
    ['an empty workspace name', { name: 'A', workspace_name: '' }, 'workspace name must contain non-space characters'],
    ['a blank workspace name', { name: 'A', workspace_name: ' \t ' }, 'workspace name must contain non-space characters'],
    ['a workspace name of 141 code points', { name: 'A', workspace_name: 'é'.repeat(141) }, 'workspace name must not be longer than 140'],
  ])('answers 400 for %s', async (_label, body, message) => {
    const { mock, call } = await start()
    expectError(await call('POST', '/organizations', { body }), 400, message)
    expect(mock.state.organizations.size).toBe(0)
  })

  it('never reuses an id, even after the organization is gone', async () => {
    const { call } = await start()
    const first = JSON.parse((await call('POST', '/organizations', { body: { name: 'A', workspace_name: 'W' } })).text)
    expect((await call('DELETE', `/organizations/${first.id}/users/leave`)).status).toBe(200)
    const second = JSON.parse((await call('POST', '/organizations', { body: { name: 'B', workspace_name: 'W' } })).text)
    expect([second.id, second.workspace_id]).toEqual([first.id + 1, first.workspace_id + 1])
  })

  it('continues the ids after a seeded id', async () => {
    const { mock, call } = await start({ organizations: [{ id: 9_500_000, name: 'Seeded', memberIds: [1] }] })
    expect(mock.state.organizationsOf(1).map((o) => o.id)).toEqual([9_500_000])
    const created = JSON.parse((await call('POST', '/organizations', { body: { name: 'A', workspace_name: 'W' } })).text)
    expect(created.id).toBe(9_500_001)
  })
})

describe('PUT /organizations/{id}', () => {
  it('renames, answers the JSON string "OK" and moves `at` only', async () => {
    const { call, clock, acme } = await seeded()
    clock.now += 5_000
    const reply = await call('PUT', `/organizations/${acme}`, { body: { name: 'Acme Corp' } })
    expect([reply.status, reply.text, reply.headers.get('content-type')]).toEqual([200, '"OK"', JSON_TYPE])
    expect(JSON.parse((await call('GET', `/organizations/${acme}`)).text)).toMatchObject({
      name: 'Acme Corp',
      created_at: '2025-01-02T03:04:05.000Z',
      at: '2025-01-02T03:04:10.000Z',
    })
  })

  it.each([
    ['malformed JSON', '{', 'Invalid JSON input'],
    ['a number for the name', { name: 1 }, 'Invalid JSON input'],
    ['no name', {}, 'At least one field is required'],
    ['only unknown fields', { title: 'x' }, 'At least one field is required'],
    ['an empty name', { name: '' }, "field 'name' cannot be empty"],
    ['a name of 141 code points', { name: 'x'.repeat(141) }, 'organization name too long, maximum length is 140'],
  ])('answers 400 for %s', async (_label, body, message) => {
    const { mock, call, acme } = await seeded()
    expectError(await call('PUT', `/organizations/${acme}`, { body }), 400, message)
    expect(mock.state.organizations.get(acme)?.name).toBe('Acme')
  })

  it.each(['123456', 'abc'])('answers 400 "Invalid organization ID" for id %s', async (id) => {
    const { call } = await seeded()
    expectError(await call('PUT', `/organizations/${id}`, { body: { name: 'X' } }), 400, 'Invalid organization ID')
  })

  it('answers 403 to a member who is not an admin, and to a stranger', async () => {
    const { mock, call, globex, initech } = await seeded()
    const message = 'User is not authorized to update the organization'
    expectError(await call('PUT', `/organizations/${globex}`, { body: { name: 'Mine now' } }), 403, message)
    expectError(await call('PUT', `/organizations/${initech}`, { body: { name: 'Mine now' } }), 403, message)
    expect(mock.state.organizations.get(globex)?.name).toBe('Globex')
  })
})

describe('DELETE /organizations/{id}/users/leave', () => {
  it('lets a member leave: 200 text/plain "OK", and the others stay', async () => {
    const { mock, call, globex } = await seeded()
    const reply = await call('DELETE', `/organizations/${globex}/users/leave`)
    expect([reply.status, reply.text, reply.headers.get('content-type')]).toEqual([200, 'OK', 'text/plain; charset=utf-8'])
    expect(mock.state.organizations.get(globex)?.memberIds).toEqual([2])
    const forOwner = JSON.parse((await call('GET', `/organizations/${globex}`, { authorization: tokenOf(OTHER) })).text)
    expect(forOwner.user_count).toBe(1)
  })

  it('deletes the organization when its last user leaves', async () => {
    const { mock, call, globex } = await seeded()
    const owner = { authorization: tokenOf(OTHER) }
    expectError(await call('DELETE', `/organizations/${globex}/users/leave`, owner), 400, 'Cannot remove the organization owner.')
    expect((await call('DELETE', `/organizations/${globex}/users/leave`)).status).toBe(200)
    expect((await call('DELETE', `/organizations/${globex}/users/leave`, owner)).status).toBe(200)
    expect(mock.state.organizations.has(globex)).toBe(false)
    expectError(await call('GET', `/organizations/${globex}`, owner), 404, 'Invalid organization ID')
  })

  it('answers 400 to a non-member and 404 for an unknown id', async () => {
    const { call, initech } = await seeded()
    expectError(await call('DELETE', `/organizations/${initech}/users/leave`), 400, 'The user does not belong to the organization.')
    expectError(await call('DELETE', '/organizations/123456/users/leave'), 404, 'Invalid organization ID')
    expectError(await call('DELETE', '/organizations/abc/users/leave'), 404, 'Invalid organization ID')
  })
})

describe('routing', () => {
  it.each(['/organizations/1/projects', '/me/nothing', '/workspaces', '/organizations/1/'])('answers 404 page not found for %s', async (path) => {
    const { call } = await start()
    const reply = await call('GET', path)
    expect([reply.status, reply.text.trim(), reply.headers.get('content-type')]).toEqual([404, '404 page not found', 'text/plain; charset=utf-8'])
  })

  it('answers 404 outside the base path', async () => {
    const { server } = await start()
    const response = await fetch(`${server.origin}/api/v8/me/organizations`, { headers: { authorization: tokenOf(DEMO_ACCOUNT) } })
    expect([response.status, (await response.text()).trim()]).toEqual([404, '404 page not found'])
  })

  it.each([
    ['DELETE', '/organizations/1'],
    ['PATCH', '/organizations/1'],
    ['GET', '/organizations'],
    ['POST', '/me/organizations'],
    ['GET', '/organizations/1/users/leave'],
  ])('answers 405 with an empty body to %s %s', async (method, path) => {
    const { call } = await start()
    const reply = await call(method, path)
    expect([reply.status, reply.text]).toEqual([405, ''])
  })

  it('serves under a custom base path', async () => {
    const { server, call } = await start({ basePath: '/toggl/' })
    expect(server.baseURL).toBe(`${server.origin}/toggl`)
    expect((await call('GET', '/me/organizations')).status).toBe(200)
  })
})

describe('quota', () => {
  it('sends X-Toggl-Quota-* on successes and errors alike', async () => {
    const { call, clock, acme } = await seeded({ quotaPerHour: 30 })
    const first = await call('GET', '/me/organizations')
    expect([first.headers.get('x-toggl-quota-remaining'), first.headers.get('x-toggl-quota-resets-in')]).toEqual(['29', '3600'])
    clock.now += 100_000
    for (const [method, path, remaining] of [
      ['GET', '/organizations/123', '29'], // its own scope: organization 123
      ['GET', '/nowhere', '28'],
      ['POST', '/me/organizations', '27'],
      ['POST', '/organizations', '26'],
    ] as const) {
      const reply = await call(method, path)
      expect(reply.status).toBeGreaterThanOrEqual(400)
      expect(reply.headers.get('x-toggl-quota-remaining')).toBe(remaining)
    }
    const inOrganization = await call('GET', `/organizations/${acme}`)
    expect(inOrganization.headers.get('x-toggl-quota-remaining')).toBe('29')
    expect(inOrganization.headers.get('x-toggl-quota-resets-in')).toBe('3600')
    const user = await call('GET', '/me/organizations')
    expect(user.headers.get('x-toggl-quota-resets-in')).toBe('3500')
  })

  it('answers 402 with the reset time once the quota is spent, and frees up as the window slides', async () => {
    const { mock, call, clock } = await start({ quotaPerHour: 2 })
    await call('GET', '/me/organizations')
    clock.now += 600_000
    await call('GET', '/me/organizations')
    clock.now += 1_000
    const spent = await call('GET', '/me/organizations')
    expectError(spent, 402, 'You have hit your hourly limit for API calls. Your quota will reset in 2999 seconds.')
    expect(spent.headers.get('x-toggl-quota-remaining')).toBe('0')
    expect(spent.headers.get('x-toggl-quota-resets-in')).toBe('2999')
    // A 402 costs nothing: once the first request leaves the window, exactly one more fits.
    clock.now = START + 3_600_000
    const freed = await call('GET', '/me/organizations')
    expect([freed.status, freed.headers.get('x-toggl-quota-remaining'), freed.headers.get('x-toggl-quota-resets-in')]).toEqual([200, '0', '600'])
    expect((await call('GET', '/me/organizations')).status).toBe(402)
    expect(mock.requests.map((r) => r.status)).toEqual([200, 200, 402, 200, 402])
  })

  it('keeps accounts and organizations apart, and does not count auth failures', async () => {
    const { call, acme } = await seeded({ quotaPerHour: 1 })
    await call('GET', '/me/organizations', { authorization: null })
    await call('GET', '/me/organizations', { authorization: basic('x', 'y') })
    expect((await call('GET', '/me/organizations')).status).toBe(200)
    expect((await call('GET', '/me/organizations')).status).toBe(402)
    expect((await call('GET', `/organizations/${acme}`)).status).toBe(200)
    expect((await call('PUT', `/organizations/${acme}`, { body: { name: 'X' } })).status).toBe(402)
    expect((await call('GET', '/me/organizations', { authorization: tokenOf(OTHER) })).status).toBe(200)
  })
})

describe('unlimited quota', () => {
  it('with quotaPerHour: Infinity never answers 402 and sends no quota headers', async () => {
    const { call } = await start({ quotaPerHour: Infinity })
    for (let i = 0; i < 5; i++) {
      const reply = await call('GET', '/me/organizations')
      expect(reply.status).toBe(200)
      expect(reply.headers.has('x-toggl-quota-remaining')).toBe(false)
    }
  })
})

describe('rate limit', () => {
  it('answers 429 "Too Many Requests" over the leaky bucket, per token, without Retry-After', async () => {
    const { call, clock } = await start({ rateLimit: { perSecond: 1, burst: 2 }, quotaPerHour: 30 })
    expect((await call('GET', '/me/organizations')).status).toBe(200)
    expect((await call('GET', '/me/organizations')).status).toBe(200)
    const limited = await call('GET', '/me/organizations')
    expectError(limited, 429, 'Too Many Requests')
    expect(limited.headers.has('retry-after')).toBe(false)
    // Turned away before the API: it shows the quota but does not spend it.
    expect(limited.headers.get('x-toggl-quota-remaining')).toBe('28')
    expect((await call('GET', '/me/organizations', { authorization: tokenOf(OTHER) })).status).toBe(200)
    clock.now += 1_000
    const drained = await call('GET', '/me/organizations')
    expect([drained.status, drained.headers.get('x-toggl-quota-remaining')]).toEqual([200, '27'])
    expect((await call('GET', '/me/organizations')).status).toBe(429)
  })

  it('is off by default', async () => {
    const { call } = await start()
    const statuses = await Promise.all(Array.from({ length: 20 }, () => call('GET', '/me/organizations').then((r) => r.status)))
    expect(new Set(statuses)).toEqual(new Set([200]))
  })
})

describe('recorded requests', () => {
  it('keeps method, path after the base path, query, lower-case headers, parsed body and status', async () => {
    const { mock, server } = await start()
    await fetch(`${server.baseURL}/organizations?page=2&x=y`, {
      method: 'POST',
      headers: { Authorization: tokenOf(DEMO_ACCOUNT), 'Content-Type': 'application/json', 'X-Trace': 'abc' },
      body: JSON.stringify({ name: 'A', workspace_name: 'W' }),
    })
    await fetch(`${server.baseURL}/organizations/1`, { method: 'PUT', headers: { authorization: tokenOf(DEMO_ACCOUNT) }, body: 'not json' })
    await fetch(`${server.baseURL}/me/organizations`)
    expect(mock.requests).toHaveLength(3)
    const [post, put, get] = mock.requests
    expect(post).toMatchObject({
      method: 'POST',
      path: '/organizations',
      query: { page: '2', x: 'y' },
      headers: { 'content-type': 'application/json', 'x-trace': 'abc', authorization: tokenOf(DEMO_ACCOUNT) },
      body: { name: 'A', workspace_name: 'W' },
      status: 200,
    })
    expect(put).toMatchObject({ method: 'PUT', path: '/organizations/1', body: 'not json', status: 400 })
    expect(get).toMatchObject({ method: 'GET', path: '/me/organizations', query: {}, body: undefined, status: 401 })
  })
})

describe('state', () => {
  it('refuses seeds that name unknown accounts or repeat an id', () => {
    expect(() => createTogglMock({ organizations: [{ name: 'A', memberIds: [99] }] })).toThrow(/no account 99/)
    expect(() => createTogglMock({ organizations: [{ name: 'A', memberIds: [] }] })).toThrow(/at least one member/)
    expect(() =>
      createTogglMock({
        organizations: [
          { id: 5, name: 'A', memberIds: [1] },
          { id: 5, name: 'B', memberIds: [1] },
        ],
      }),
    ).toThrow(/exists already/)
    expect(() => createTogglMock({ accounts: [DEMO_ACCOUNT, { ...OTHER, apiToken: DEMO_ACCOUNT.apiToken }] })).toThrow(/repeats/)
  })

  it('lets tests change memberships directly', async () => {
    const { mock, call, globex } = await seeded()
    mock.state.organizations.get(globex)?.memberIds.splice(1)
    expectError(await call('GET', `/organizations/${globex}`), 404, 'User not part of organization')
    const id = mock.state.addOrganization({ name: 'Later', memberIds: [1] })
    expect(JSON.parse((await call('GET', `/organizations/${id}`)).text)).toMatchObject({ name: 'Later', owner: true })
  })
})
