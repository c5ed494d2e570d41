import { bundleForBrowser, createConsumerProject, manifest, totalGzipBytes } from '../scripts/packed-consumer.js'
import { formatCount } from './lib/stats.js'

// The fixture app that imports OrganizationEndpoint + createCache, as the item 5 asks.
const APP = 'organizations-app'

/**
 * Item 5: measured exactly as `npm run size` measures it, through the same scripts/packed-consumer.js:
 * the packed package installed into a throwaway project, test/fixtures/organizations-app bundled by
 * Vite for browsers, each chunk gzipped at level 9. The budget is the one `npm run size` enforces.
 */
export async function measureBundleSize() {
  const project = createConsumerProject()
  try {
    const chunks = await bundleForBrowser(project.addFixture(APP))
    const total = totalGzipBytes(chunks)
    const upFront = totalGzipBytes(chunks.filter((chunk) => chunk.isEntry))
    const budget = manifest.sizeBudget?.[APP]?.maxGzipBytes
    return {
      rows: [
        {
          id: '5',
          benchmark: 'Browser bundle of an app using OrganizationEndpoint + createCache (gzip)',
          result: `${formatCount(total)} B in ${chunks.length} chunks (${formatCount(upFront)} B up front, the rest when IndexedDB is used)`,
          ...(budget === undefined ? {} : { target: `≤ ${formatCount(budget)} B (sizeBudget)`, met: total <= budget }),
        },
      ],
      notes: [
        `Size (5): test/fixtures/${APP} bundled with Vite's defaults (minified) from the packed package, as ` +
          '`npm run size` does (scripts/packed-consumer.js); the app\'s own few lines are included.',
      ],
    }
  } finally {
    project.remove()
  }
}
