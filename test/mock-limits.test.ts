import { describe, expect, it } from 'vitest'
import { createTogglMock, DEMO_ACCOUNT } from '../src/mock/index.ts'
import { startFake } from './support/fake.ts'

const authorization = `Basic ${btoa(`${DEMO_ACCOUNT.apiToken}:api_token`)}`

const get = (mock: ReturnType<typeof createTogglMock>) => mock.fetch('http://fake.test/api/v9/me/organizations', { headers: { authorization } })
const post = (url: string, body: BodyInit) =>
  fetch(url, { method: 'POST', headers: { authorization, 'content-type': 'application/json' }, body })

describe('the fake keeps a bounded record of requests (its own rule)', () => {
  it('keeps the newest 1,000 by default and counts every one', async () => {
    const mock = createTogglMock()
    for (let i = 0; i < 1010; i++) await get(mock)
    expect(mock.requests).toHaveLength(1000)
    expect(mock.received).toBe(1010)
  })

  it('keeps as many as maxRecordedRequests says, the newest last', async () => {
    const mock = createTogglMock({ maxRecordedRequests: 2 })
    await get(mock)
    await mock.fetch('http://fake.test/api/v9/organizations/1', { headers: { authorization } })
    await mock.fetch('http://fake.test/api/v9/organizations/2', { headers: { authorization } })
    expect(mock.requests.map(({ path }) => path)).toEqual(['/organizations/1', '/organizations/2'])
    expect(mock.received).toBe(3)
  })

  it.each([-1, 1.5, Number.NaN, '10'])('refuses maxRecordedRequests %s', (value) => {
    expect(() => createTogglMock({ maxRecordedRequests: value as number })).toThrow(RangeError)
  })
})

describe('the fake refuses a body over its limit with 413 (its own rule; Toggl documents none)', () => {
  it('in-process, without keeping the body', async () => {
    const mock = createTogglMock({ maxBodyBytes: 100 })
    const response = await mock.fetch('http://fake.test/api/v9/organizations', {
      method: 'POST',
      headers: { authorization, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'x'.repeat(200), workspace_name: 'W' }),
    })
    expect(response.status).toBe(413)
    expect(await response.json()).toBe('Request body too large')
    expect(mock.requests.at(-1)).toMatchObject({ status: 413, body: undefined })
    expect(mock.state.organizations.size).toBe(0)
  })

  it('on a loopback port, for a body of 5 MB against the default 1 MiB', async () => {
    const { mock, server } = await startFake({ accounts: [DEMO_ACCOUNT] })
    expect(mock.maxBodyBytes).toBe(1_048_576)
    const response = await post(`${server.baseURL}/organizations`, JSON.stringify({ name: 'x'.repeat(5_000_000), workspace_name: 'W' }))
    expect(response.status).toBe(413)
    expect(await response.json()).toBe('Request body too large')
    expect(mock.state.organizations.size).toBe(0)
    // The fake still answers afterwards.
    expect((await post(`${server.baseURL}/organizations`, JSON.stringify({ name: 'Acme', workspace_name: 'W' }))).status).toBe(200)
  })

  it('takes a body of exactly the limit', async () => {
    const body = JSON.stringify({ name: 'Acme', workspace_name: 'W' })
    const mock = createTogglMock({ maxBodyBytes: new TextEncoder().encode(body).byteLength })
    const response = await mock.fetch('http://fake.test/api/v9/organizations', { method: 'POST', headers: { authorization }, body })
    expect(response.status).toBe(200)
  })
})
