// The playground's dev server, without a browser: its control routes refuse other sites, and its
// proxy to the real API passes on only what Toggl needs.
import { createServer as createHttpServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createServer, type ViteDevServer } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CONTROL_PATH, REAL_API_PREFIX } from '../playground/common/routes.ts'
import { realApiProxy } from '../playground/server/real-api-proxy.ts'
import { startPlayground, type PlaygroundServer } from './support/playground.ts'

describe('the control routes of the dev server’s fake', () => {
  let playground: PlaygroundServer
  beforeAll(async () => {
    playground = await startPlayground()
  })
  afterAll(() => playground.close())

  const post = (path: string, headers: Record<string, string> = {}, method = 'POST') => fetch(new URL(CONTROL_PATH + path, playground.url), { method, headers })

  it.each(['/reset', '/faults/server-error?times=1'])('refuse POST %s from another site’s page (Origin) with 403', async (path) => {
    for (const origin of ['https://evil.example', 'null', 'http://localhost.evil.example']) {
      const response = await post(path, { origin })
      expect(response.status, origin).toBe(403)
    }
    // No fault was queued: the next request to the fake is answered as usual.
    const answer = await fetch(new URL('/api/v9/me/organizations', playground.url), { headers: { authorization: `Basic ${btoa('demo-token:api_token')}` } })
    expect(answer.status).toBe(200)
  })

  it('list the queued faults, next first, until requests meet them, and cancel one by its position', async () => {
    await post('/reset')
    for (const fault of ['server-error', 'slow-reply', 'rate-limit']) expect((await post(`/faults/${fault}?times=1`)).status).toBe(204)
    expect((await playground.fakeStatus()).faults).toEqual(['server-error', 'slow-reply', 'rate-limit'])
    expect((await post('/faults/1', { origin: 'https://evil.example' }, 'DELETE')).status).toBe(403)
    expect((await post('/faults/1', {}, 'DELETE')).status).toBe(204)
    expect((await playground.fakeStatus()).faults).toEqual(['server-error', 'rate-limit'])
    expect((await post('/faults/7', {}, 'DELETE')).status).toBe(404)
    await fetch(new URL('/api/v9/me', playground.url))
    expect((await playground.fakeStatus()).faults).toEqual(['rate-limit'])
    expect(await (await post('/faults/server-error?times=6')).json()).toBe('times must be a whole number from 1 to 5')
    await post('/reset')
    expect((await playground.fakeStatus()).faults).toEqual([])
  })

  it('serve the Reports and Webhooks APIs beside Track v9, as Toggl does', async () => {
    const auth = { authorization: `Basic ${btoa('demo-token:api_token')}` }
    expect((await fetch(new URL('/webhooks/api/v1/status', playground.url), { headers: auth })).status).toBe(200)
    const report = await fetch(new URL('/reports/api/v3/workspace/1/summary/time_entries', playground.url), { method: 'POST', headers: auth, body: '{}' })
    expect(report.headers.get('content-type')).toMatch(/json/)
  })

  it('take POSTs from the playground’s own page and from tools that send no Origin', async () => {
    expect((await post('/reset', { origin: new URL(playground.url).origin })).status).toBe(204)
    expect((await post('/reset')).status).toBe(204)
  })
})

describe('the dev server’s proxy to the real API', () => {
  let seen: IncomingHttpHeaders | undefined
  const upstream = createHttpServer((request, response) => {
    seen = request.headers
    response.writeHead(200, { 'content-type': 'application/json', 'set-cookie': 'tracking=1' }).end('[]')
  })
  let vite: ViteDevServer
  let url: string
  beforeAll(async () => {
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve))
    const { port } = upstream.address() as AddressInfo
    vite = await createServer({
      configFile: false,
      logLevel: 'silent',
      server: { port: 0, host: '127.0.0.1', hmr: false, watch: null, proxy: { [`^${REAL_API_PREFIX}/`]: realApiProxy(`http://127.0.0.1:${port}`) } },
    })
    await vite.listen()
    url = vite.resolvedUrls!.local[0]!
  })
  afterAll(async () => {
    await vite.close()
    await new Promise((resolve) => upstream.close(resolve))
  })

  it('passes Authorization on, and drops Proxy-Authorization, X-Forwarded-*, cookies and the page’s origin', async () => {
    const response = await fetch(new URL(`${REAL_API_PREFIX}/api/v9/me/organizations`, url), {
      headers: {
        authorization: 'Basic dG9rZW46YXBpX3Rva2Vu',
        'proxy-authorization': 'Basic c2VjcmV0OnByb3h5',
        'x-forwarded-for': '10.1.2.3',
        'x-forwarded-host': 'intranet.example',
        forwarded: 'for=10.1.2.3',
        'x-real-ip': '10.1.2.3',
        cookie: 'session=1',
        origin: 'http://localhost:5173',
        referer: 'http://localhost:5173/',
      },
    })
    expect(response.status).toBe(200)
    expect(response.headers.get('set-cookie')).toBeNull()
    expect(seen?.authorization).toBe('Basic dG9rZW46YXBpX3Rva2Vu')
    for (const header of ['proxy-authorization', 'x-forwarded-for', 'x-forwarded-host', 'forwarded', 'x-real-ip', 'cookie', 'origin', 'referer']) {
      expect(seen?.[header], header).toBeUndefined()
    }
    expect(seen?.host).toMatch(/^127\.0\.0\.1:\d+$/)
  })
})
