import { fileURLToPath } from 'node:url'
import { defineConfig, type ProxyOptions } from 'vite'
import { fakeTogglApi } from './server/fake-plugin.ts'
import { REAL_API_ORIGIN, REAL_API_PREFIX } from './common/routes.ts'

/** The real Toggl API through the dev server: same origin for the browser, so no CORS wall. */
const realApiProxy: ProxyOptions = {
  target: REAL_API_ORIGIN,
  changeOrigin: true,
  rewrite: (path) => path.slice(REAL_API_PREFIX.length),
  configure(proxy) {
    // Toggl needs only the Authorization header; localhost's cookies and origin are none of its business.
    proxy.on('proxyReq', (request) => {
      for (const header of ['cookie', 'origin', 'referer']) request.removeHeader(header)
    })
    proxy.on('proxyRes', (response) => {
      delete response.headers['set-cookie']
    })
  },
}

export default defineConfig(({ command }) => ({
  root: fileURLToPath(new URL('.', import.meta.url)),
  // Relative asset URLs, so the static build works from any folder it is served from.
  base: './',
  clearScreen: false,
  plugins: [fakeTogglApi()],
  // Told by the command, not by NODE_ENV (which a test runner may set): only `vite` serves the fake and proxy.
  define: { 'import.meta.env.PLAYGROUND_ON_DEV_SERVER': JSON.stringify(command === 'serve') },
  server: {
    host: 'localhost',
    proxy: { [`^${REAL_API_PREFIX}/`]: realApiProxy },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
  },
}))
