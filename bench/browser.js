// `npm run bench:browser`: items 3, 7k and 9c in real Chromium (Debian's /usr/bin/chromium, driven by
// Playwright; no browser is ever downloaded). Builds dist/, bundles bench/browser/page.js from it
// with Vite as an app would be bundled, serves it on loopback (IndexedDB needs a real origin) and
// writes bench/RESULTS-browser.md.
import { createServer } from 'node:http'
import { once } from 'node:events'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright'
import { build } from 'vite'
import { chromiumArgs, chromiumPath } from '../scripts/chromium.js'
import { buildPackage } from './lib/build.js'
import { COMPARISON_NOTE, comparisonRow } from './lib/indexeddb-comparison.js'
import { report } from './lib/report.js'
import { LEAVE } from './lib/leaving.js'
import { formatCount, formatMs, formatRatio } from './lib/stats.js'

// Seeding 2 × 10 000 entries and timing them takes seconds; Playwright's 30 s default is too tight on 2 busy cores.
const PAGE_TIMEOUT_MS = 120_000

const started = performance.now()
buildPackage()
const files = await bundlePage()
const server = createServer((request, response) => {
  const path = new URL(request.url ?? '/', 'http://localhost').pathname.slice(1)
  const file = files.get(path === '' ? 'index.html' : path)
  if (file === undefined) response.writeHead(404).end()
  else response.writeHead(200, { 'content-type': file.type }).end(file.body)
})
server.listen(0, '127.0.0.1')
await once(server, 'listening')
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs })
try {
  const page = await browser.newPage()
  page.setDefaultTimeout(PAGE_TIMEOUT_MS)
  await page.goto(`http://127.0.0.1:${server.address().port}/`)
  await page.waitForFunction(() => 'runBenchmark' in window)
  const comparison = await page.evaluate(() => window.runBenchmark())
  const [query10k, query100k] = await page.evaluate(() => window.runQueryBenchmark())
  const growth = query100k / query10k
  const leaving = await page.evaluate(() => window.runLeavingBenchmark())
  await report({
    title: 'togglkit benchmarks in Chromium',
    file: fileURLToPath(new URL('RESULTS-browser.md', import.meta.url)),
    environment: [`Chromium ${browser.version()} (headless, ${chromiumPath})`],
    results: [
      {
        rows: [
          comparisonRow('3', 'in Chromium (real IndexedDB)', comparison),
          {
            id: '7k',
            benchmark: `IndexedDbCache in Chromium: collect({ refresh: true }) after leaving ${formatCount(LEAVE.left)} of ${formatCount(LEAVE.of)}`,
            result: formatMs(leaving),
            target: `< ${LEAVE.maxMs} ms`,
            met: leaving < LEAVE.maxMs,
          },
          {
            id: '9c',
            benchmark: 'query() of 100 entries in a date range among 10,000 / 100,000 time entries (IndexedDB)',
            result: `${formatMs(query10k)} / ${formatMs(query100k)}; growth ${formatRatio(growth)}`,
            target: `≤ 5 ms; growth ≤ 1.50×`,
            met: query100k <= 5 && growth <= 1.5,
          },
        ],
        notes: [
          `IndexedDB in Chromium (3): ${COMPARISON_NOTE} The page is a Vite production bundle of dist/.`,
          'Leaving (7k): as 7e and 7j in Node: one collect() of 10,000 organizations from the in-process fake (in the page), the account ' +
            'leaves 1,000 of them, then one collect({ refresh: true }) is timed: it drops the 1,000 and stores only the list, its index ' +
            'and its freshness mark (none of the 9,000 unchanged organizations is written again).',
          'Query (9c): entries filed as sync() files them (one model per entry, by start), 28 days of them; the median of 30 ' +
            'query({ start_date, end_date }) calls over a span holding 100, read from the index by start (no scan).',
        ],
      },
    ],
    runtimeMs: performance.now() - started,
  })
} finally {
  await browser.close()
  server.close()
}

/**
 * The page and its chunks, bundled in memory from dist/ (minified, browser conditions) the way a
 * user's Vite app would bundle togglkit; `togglkit` resolves to dist/ as it would when installed.
 */
async function bundlePage() {
  const dist = (path) => fileURLToPath(new URL(`../dist/${path}`, import.meta.url))
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    resolve: {
      alias: [
        { find: /^togglkit$/, replacement: dist('index.js') },
        { find: /^togglkit\/mock$/, replacement: dist('mock/index.js') },
      ],
    },
    build: { write: false, rolldownOptions: { input: fileURLToPath(new URL('browser/page.js', import.meta.url)) } },
  })
  const { output } = Array.isArray(result) ? result[0] : result
  const files = new Map(output.filter((file) => file.type === 'chunk').map((chunk) => [chunk.fileName, { type: 'text/javascript', body: chunk.code }]))
  const entry = output.find((file) => file.type === 'chunk' && file.isEntry)
  files.set('index.html', { type: 'text/html', body: `<!doctype html><script type="module" src="/${entry.fileName}"></script>` })
  return files
}
