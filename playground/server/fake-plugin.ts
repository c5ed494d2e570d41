import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Plugin } from 'vite'
import type { TogglMock } from '../../src/mock/index.ts'
import { toNodeListener } from '../../src/mock/node.ts'
import { createDemoFake } from '../common/demo-fake.ts'
import { cancelFault, faultIdOf, isFaultId, MAX_FAULT_REPEATS, PLAYGROUND_FAULTS, type FaultId } from '../common/faults.ts'
import { CONTROL_PATH, FAKE_API_PATHS, REAL_API_PREFIX, type FakeStatus } from '../common/routes.ts'

/**
 * Mounts the fake Toggl API on the dev server, at the same origin as the page, plus its control
 * route (see `common/routes.ts`). Only `vite` (serve) gets it: a build runs the fake in the page.
 */
export function fakeTogglApi(): Plugin {
  let mock = createDemoFake()
  // Reads `mock` per request, so a reset takes effect at once.
  const answerFake = toNodeListener((webRequest) => mock.handle(webRequest))

  function control(request: IncomingMessage, url: URL, response: ServerResponse): void {
    const route = `${request.method ?? 'GET'} ${url.pathname.slice(CONTROL_PATH.length)}`
    if (route === 'GET /status') return sendJson(response, 200, statusOf(mock))
    if (!fromOwnPage(request)) return sendJson(response, 403, 'the fake takes control requests from the playground’s own page only')
    if (route === 'POST /reset') {
      mock = createDemoFake()
      return void response.writeHead(204).end()
    }
    const faultId = /^POST \/faults\/([\w-]+)$/.exec(route)?.[1]
    if (faultId !== undefined) return injectFault(mock, faultId, url.searchParams, response)
    const position = /^DELETE \/faults\/(\d+)$/.exec(route)?.[1]
    if (position !== undefined) {
      if (!cancelFault(mock, Number(position))) return sendJson(response, 404, `no fault queued at position ${position}`)
      return void response.writeHead(204).end()
    }
    sendJson(response, 404, `no control route ${route}`)
  }

  return {
    name: 'togglkit-playground-fake',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        const url = new URL(request.url ?? '/', 'http://playground.localhost')
        if (FAKE_API_PATHS.some((path) => isUnder(url.pathname, path))) {
          answerFake(request, response)
        } else if (isUnder(url.pathname, CONTROL_PATH)) {
          control(request, url, response)
        } else {
          next()
        }
      })
      const printUrls = server.printUrls.bind(server)
      server.printUrls = () => {
        printUrls()
        server.config.logger.info(
          `  fake Toggl API at ${FAKE_API_PATHS.join(", ")} (token "demo-token"); the real one through ${REAL_API_PREFIX}/`,
        )
      }
    },
  }
}

/**
 * Whether a request that changes the fake comes from the dev server's own page, or from no page at
 * all (a test, curl). A browser names the page's origin on every cross-site POST: another site's
 * page could otherwise reset the fake or queue faults (a form needs no CORS permission).
 */
function fromOwnPage(request: IncomingMessage): boolean {
  const { origin, host } = request.headers
  if (origin === undefined) return true
  try {
    return new URL(origin).host === host
  } catch {
    return false
  }
}

function injectFault(mock: TogglMock, id: string, query: URLSearchParams, response: ServerResponse): void {
  const times = Number(query.get('times') ?? '1')
  if (!isFaultId(id)) return sendJson(response, 404, `no fault "${id}"`)
  if (!Number.isInteger(times) || times < 1 || times > MAX_FAULT_REPEATS) {
    return sendJson(response, 400, `times must be a whole number from 1 to ${MAX_FAULT_REPEATS}`)
  }
  mock.inject(PLAYGROUND_FAULTS[id].fault, times)
  response.writeHead(204).end()
}

function statusOf(mock: TogglMock): FakeStatus {
  return {
    received: mock.received,
    requests: mock.requests.map(({ method, path, status }) => ({ method, path, status })),
    faults: mock.faults.map(faultIdOf).filter((id): id is FaultId => id !== undefined),
  }
}

function sendJson(response: ServerResponse, status: number, value: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
  response.end(JSON.stringify(value))
}

function isUnder(pathname: string, base: string): boolean {
  return pathname === base || pathname.startsWith(`${base}/`)
}
