import { bundleForBrowser, createConsumerProject, manifest, totalGzipBytes } from '../scripts/packed-consumer.js'
import { formatCount } from './lib/stats.js'

/** The size issue's targets for the organizations app (OrganizationEndpoint + createCache), gzip. */
const TARGETS = { 'organizations-app': { upFront: 10_240, inAll: 12_000 } }

const WHAT = {
  'organizations-app': 'OrganizationEndpoint + createCache',
  'admin-app': 'every organization endpoint + createCache',
  'timer-app': 'TimeEntryEndpoint + ProjectEndpoint + createCache',
  'webhook-worker': 'an edge worker receiving webhooks (togglkit/webhooks)',
}

/**
 * Item 5: measured exactly as `npm run size` measures it, through the same scripts/packed-consumer.js:
 * the packed package installed into a throwaway project, each test/fixtures app of package.json's
 * "sizeBudget" bundled by Vite for browsers, each chunk gzipped at level 9; the budgets are the ones
 * `npm run size` enforces, the organizations app also against the size issue's targets.
 */
export async function measureBundleSize() {
  const project = createConsumerProject()
  try {
    const rows = []
    for (const [app, budget] of Object.entries(manifest.sizeBudget)) {
      const chunks = await bundleForBrowser(project.addFixture(app))
      const inAll = totalGzipBytes(chunks)
      const upFront = totalGzipBytes(chunks.filter((chunk) => chunk.isEntry))
      const target = TARGETS[app]
      rows.push({
        id: `5${String.fromCharCode(97 + rows.length)}`,
        benchmark: `Browser bundle of ${app} (${WHAT[app] ?? app}), gzip`,
        result: `${formatCount(upFront)} B up front, ${formatCount(inAll)} B in all (${chunks.length} chunks; the rest loads with import())`,
        target: target
          ? `≤ ${formatCount(target.upFront)} B up front, ≤ ${formatCount(target.inAll)} B in all`
          : `≤ ${formatCount(budget.maxGzipBytes)} B in all (sizeBudget)`,
        met: target ? upFront <= target.upFront && inAll <= target.inAll : inAll <= budget.maxGzipBytes,
      })
    }
    return {
      rows,
      notes: [
        'Size (5): each fixture app in test/fixtures bundled with Vite\'s defaults (minified) from the packed package, as ' +
          '`npm run size` does (scripts/packed-consumer.js); the app\'s own few lines are included. "Up front" is the entry ' +
          'chunk a page waits for; the IndexedDB cache\'s database code (with idb) and the memory cache\'s store load with import(). ' +
          '`npm run size:modules` breaks each app down by module.',
      ],
    }
  } finally {
    project.remove()
  }
}
