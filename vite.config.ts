import { defineConfig } from 'vitest/config'
import { playwright } from '@vitest/browser-playwright'
import { chromiumArgs, chromiumPath } from './scripts/chromium.js'
import { togglkitAliases } from './playground/aliases.ts'

export default defineConfig({
  // The playground imports the package by name, as an app would; tests of its modules resolve it to the sources.
  resolve: { alias: togglkitAliases },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    minify: false,
    lib: {
      entry: {
        index: 'src/index.ts',
        'mock/index': 'src/mock/index.ts',
        'mock/node': 'src/mock/node.ts',
        'receiver/index': 'src/receiver/index.ts',
        'receiver/node': 'src/receiver/node.ts',
        'storage/index': 'src/storage/index.ts',
      },
      formats: ['es'],
    },
    rollupOptions: {
      // unstorage (an optional peer) and its drivers are the app's: togglkit/storage only takes a Storage.
      external: [/^node:/, 'ofetch', 'idb', 'valibot', /^unstorage(\/|$)/],
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/**/*.test.ts'],
          // test/deno holds Deno's own suite, run by `deno test`.
          exclude: ['test/**/*.dom.test.ts', 'test/**/*.browser.test.ts', 'test/**/*.e2e.test.ts', 'test/deno/**'],
        },
      },
      {
        // Node tests that drive real Chromium through Playwright (the playground end to end).
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/**/*.e2e.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'happy-dom',
          environment: 'happy-dom',
          include: ['test/**/*.dom.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'chromium',
          include: ['test/**/*.browser.test.ts'],
          browser: {
            enabled: true,
            headless: true,
            screenshotFailures: false,
            provider: playwright({
              launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
            }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
    ],
  },
})
