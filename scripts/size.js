// `npm run size`: bundles each app that package.json's "sizeBudget" names (test/fixtures/<app>)
// for browsers from the packed package, as a user's Vite build would, and fails when one weighs more,
// gzipped, than its budget: in all (every chunk), and up front (the entry chunk, what the page waits
// for) where the budget says. test/bundle.test.ts checks the same budgets within `npm test`.
import { bundleForBrowser, createConsumerProject, describeBundle, manifest, totalGzipBytes } from './packed-consumer.js'

const project = createConsumerProject()
try {
  for (const [app, { maxGzipBytes, maxEntryGzipBytes }] of Object.entries(manifest.sizeBudget)) {
    const chunks = await bundleForBrowser(project.addFixture(app))
    console.log(describeBundle(app, chunks))
    const budgets = [
      ['in all', totalGzipBytes(chunks), maxGzipBytes],
      ['up front', totalGzipBytes(chunks.filter((chunk) => chunk.isEntry)), maxEntryGzipBytes],
    ]
    for (const [what, bytes, budget] of budgets) {
      if (budget === undefined) continue
      if (bytes <= budget) {
        console.log(`  ${what}: ${bytes} B, within the budget of ${budget} B (${budget - bytes} B to spare)`)
      } else {
        console.error(`  ${what}: ${bytes} B, OVER the budget of ${budget} B by ${bytes - budget} B`)
        process.exitCode = 1
      }
    }
    console.log('')
  }
} finally {
  project.remove()
}
