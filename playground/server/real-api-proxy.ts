import type { ProxyOptions } from 'vite'
import { REAL_API_ORIGIN, REAL_API_PREFIX } from '../common/routes.ts'

/**
 * Toggl needs only the Authorization header. Localhost's cookies and origin are none of its
 * business, a proxy's credentials are not for it to see, and who is behind the dev server
 * (`X-Forwarded-*`, `Forwarded`, `X-Real-IP`, as a client or an upstream proxy set them) neither.
 */
const DROPPED_HEADERS = [
  'cookie',
  'origin',
  'referer',
  'proxy-authorization',
  'forwarded',
  'x-forwarded-for',
  'x-forwarded-host',
  'x-forwarded-proto',
  'x-forwarded-port',
  'x-real-ip',
]

/** The real Toggl API through the dev server: same origin for the browser, so no CORS wall. */
export function realApiProxy(target: string = REAL_API_ORIGIN): ProxyOptions {
  return {
    target,
    changeOrigin: true,
    rewrite: (path) => path.slice(REAL_API_PREFIX.length),
    configure(proxy) {
      proxy.on('proxyReq', (request) => {
        for (const header of DROPPED_HEADERS) request.removeHeader(header)
      })
      proxy.on('proxyRes', (response) => {
        delete response.headers['set-cookie']
      })
    },
  }
}
