// `npm run size`: bundles each app that package.json's "sizeBudget" names (test/fixtures/<app>)
// for browsers from the packed package, as a user's Vite build would, and fails when one weighs more,
// gzipped, than its budget. test/bundle.test.ts checks the same budget within `npm test`.
import { bundleForBrowser, createConsumerProject, describeBundle, manifest, totalGzipBytes } from './packed-consumer.js'

const project = createConsumerProject()
try {
  for (const [app, { maxGzipBytes }] of Object.entries(manifest.sizeBudget)) {
    const chunks = await bundleForBrowser(project.addFixture(app))
    const total = totalGzipBytes(chunks)
    console.log(describeBundle(app, chunks))
    if (total <= maxGzipBytes) {
      console.log(`  within the budget of ${maxGzipBytes} B (${maxGzipBytes - total} B to spare)\n`)
    } else {
      console.error(`  OVER the budget of ${maxGzipBytes} B by ${total - maxGzipBytes} B\n`)
      process.exitCode = 1
    }
  }
} finally {
  project.remove()
}
