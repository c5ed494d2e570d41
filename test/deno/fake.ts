// What the Deno suites share: the fake Toggl API reached over loopback (Deno.serve) or in-process,
// and the requests it received as `METHOD path?query`.
import type { EndpointOptions } from '@togglkit/togglkit'
import type { TogglMock } from '@togglkit/togglkit/mock'

export type Transport = 'loopback' | 'in-process'

export interface ServedFake {
  /** Endpoint options that reach the fake over the transport. */
  options: EndpointOptions
  /** The requests sent since the last call, as `METHOD path?query`. */
  drain(): string[]
}

/** Runs `body` with `mock` served over `transport`, and stops the server afterwards. */
export async function withServed(mock: TogglMock, transport: Transport, body: (served: ServedFake) => Promise<void>): Promise<void> {
  const server = transport === 'loopback' ? Deno.serve({ hostname: '127.0.0.1', port: 0, onListen() {} }, mock.handle) : undefined
  const options: EndpointOptions = server
    ? { baseURL: `http://127.0.0.1:${server.addr.port}/api/v9`, retryDelay: 1 }
    : { baseURL: 'http://toggl.test/api/v9', fetch: mock.fetch, retryDelay: 1 }
  let seen = 0
  const drain = () => {
    const sent = mock.requests.slice(seen).map(({ method, path, query }) => {
      const search = new URLSearchParams(query).toString()
      return `${method} ${path}${search ? `?${search}` : ''}`
    })
    seen = mock.requests.length
    return sent
  }
  try {
    await body({ options, drain })
  } finally {
    await server?.shutdown()
  }
}
