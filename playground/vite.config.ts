import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'
import { fakeTogglApi } from './server/fake-plugin.ts'
import { realApiProxy } from './server/real-api-proxy.ts'
import { REAL_API_PREFIX } from './common/routes.ts'
import { togglkitAliases } from './aliases.ts'

export default defineConfig(({ command }) => ({
  root: fileURLToPath(new URL('.', import.meta.url)),
  // Relative asset URLs, so the static build works from any folder it is served from.
  base: './',
  clearScreen: false,
  plugins: [fakeTogglApi()],
  resolve: { alias: togglkitAliases },
  // Told by the command, not by NODE_ENV (which a test runner may set): only `vite` serves the fake and proxy.
  define: { 'import.meta.env.PLAYGROUND_ON_DEV_SERVER': JSON.stringify(command === 'serve') },
  server: {
    host: 'localhost',
    proxy: { [`^${REAL_API_PREFIX}/`]: realApiProxy() },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
  },
}))
