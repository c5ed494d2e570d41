// Web apps that bundle the installed togglkit with Vite for browsers (test/fixtures/*-app, and an edge
// worker in test/fixtures/webhook-worker): no Node built-in may reach a bundle, idb (with the
// IndexedDB cache's database code) must arrive only when createCache() asks for it, and an app that only checks names or receives webhooks must not
// pay for the HTTP client or the cache. Needs a fresh `npm run build`
// (npm test runs it); prints each bundle's gzip size and holds the app to package.json's budget.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  bundleForBrowser,
  createConsumerProject,
  describeBundle,
  manifest,
  totalGzipBytes,
  type BundledChunk,
  type ConsumerProject,
} from '../scripts/packed-consumer.js'

const holds = (chunk: BundledChunk, dependency: string) =>
  chunk.moduleIds.some((id) => id.includes(`/node_modules/${dependency}/`))

/** Each match with a little code around it: enough to find it, unlike a dump of the whole bundle. */
const mentionsOf = (code: string, pattern: RegExp) =>
  [...code.matchAll(pattern)].map(({ index }) => code.slice(Math.max(0, index - 40), index + 40))

function entryOf(chunks: BundledChunk[]): BundledChunk {
  const entries = chunks.filter((chunk) => chunk.isEntry)
  expect(entries).toHaveLength(1)
  return entries[0] as BundledChunk
}

let project: ConsumerProject
let organizationsApp: BundledChunk[]
let nameCheckApp: BundledChunk[]
let adminApp: BundledChunk[]
let timerApp: BundledChunk[]
let webhookWorker: BundledChunk[]

beforeAll(async () => {
  project = createConsumerProject()
  organizationsApp = await bundleForBrowser(project.addFixture('organizations-app'))
  nameCheckApp = await bundleForBrowser(project.addFixture('name-check-app'))
  adminApp = await bundleForBrowser(project.addFixture('admin-app'))
  timerApp = await bundleForBrowser(project.addFixture('timer-app'))
  webhookWorker = await bundleForBrowser(project.addFixture('webhook-worker'))
  console.log(
    [
      describeBundle('organizations-app', organizationsApp),
      describeBundle('name-check-app', nameCheckApp),
      describeBundle('admin-app', adminApp),
      describeBundle('timer-app', timerApp),
      describeBundle('webhook-worker', webhookWorker),
    ].join('\n'),
  )
}, 90_000)

const bundleOf = (app: string): BundledChunk[] =>
  ({ 'organizations-app': organizationsApp, 'name-check-app': nameCheckApp, 'admin-app': adminApp, 'timer-app': timerApp, 'webhook-worker': webhookWorker })[app] ?? []

afterAll(() => project?.remove())

describe('a browser bundle of togglkit', () => {
  it.each(['organizations-app', 'name-check-app', 'admin-app', 'timer-app', 'webhook-worker'])('%s holds no Node built-in', (app) => {
    for (const chunk of bundleOf(app)) {
      // Vite swaps a Node built-in that a browser build reaches for this empty stand-in.
      expect(chunk.moduleIds.filter((id) => id.startsWith('node:') || id.includes('__vite-browser-external'))).toEqual([])
      expect(mentionsOf(chunk.code, /["'`]node:|\bBuffer\b|\bprocess\b/g)).toEqual([])
    }
  })

  it('loads idb, with the IndexedDB cache’s database code, only through import()', () => {
    const entry = entryOf(organizationsApp)
    expect(holds(entry, 'togglkit') && holds(entry, 'ofetch') && holds(entry, 'valibot')).toBe(true)
    expect(holds(entry, 'idb')).toBe(false)
    // What IndexedDbCache does in the database (transactions, key ranges, cursors) comes with idb.
    expect(entry.code.includes('openCursor')).toBe(false)

    const idbChunks = organizationsApp.filter((chunk) => holds(chunk, 'idb'))
    expect(idbChunks).toHaveLength(1)
    const idbFile = idbChunks[0]?.fileName ?? ''
    expect(entry.dynamicImports).toContain(idbFile)
    expect(organizationsApp.filter((chunk) => chunk.imports.includes(idbFile))).toEqual([])
  })

  it('tree-shakes an app that only checks names down to the schema and valibot', () => {
    expect(nameCheckApp).toHaveLength(1)
    const [bundle] = nameCheckApp as [BundledChunk]
    expect(holds(bundle, 'togglkit') && holds(bundle, 'valibot')).toBe(true)
    for (const dependency of ['ofetch', 'ufo', 'destr', 'idb']) expect(holds(bundle, dependency), dependency).toBe(false)
    expect(bundle.dynamicImports).toEqual([])
  })

  it('leaves the rest of the organization API out of an app that only uses OrganizationEndpoint', () => {
    const code = organizationsApp.map((chunk) => chunk.code).join('\n')
    // One path of each other endpoint: none may ride along in an app that does not use it.
    for (const path of ['/users/detailed', '/groups', '/owner/transfer', '/segmentation', '/roles', '/workspace_users', '/invitations', '/me/quota']) {
      expect(code.includes(path), path).toBe(false)
    }
  })

  it('gives an edge worker that only receives webhooks the receiver and valibot, no endpoint, HTTP client or cache', () => {
    expect(webhookWorker).toHaveLength(1)
    const [bundle] = webhookWorker as [BundledChunk]
    expect(holds(bundle, 'togglkit') && holds(bundle, 'valibot')).toBe(true)
    for (const dependency of ['ofetch', 'ufo', 'destr', 'idb']) expect(holds(bundle, dependency), dependency).toBe(false)
    expect(bundle.dynamicImports).toEqual([])
    // The handler is there (the worker's default export kept it), the API client is not.
    expect(bundle.code).toContain('x-webhook-signature-256')
    for (const apiText of ['/api/v9', '/me/organizations', 'Authorization', 'indexedDB']) {
      expect(bundle.code.includes(apiText), apiText).toBe(false)
    }
  })

  it('gives every fixture app but the name check a size budget in package.json', () => {
    expect(Object.keys(manifest.sizeBudget).sort()).toEqual(['admin-app', 'organizations-app', 'timer-app', 'webhook-worker'])
  })

  it.each(Object.keys(manifest.sizeBudget))('keeps %s within its size budgets in package.json (in all, and up front)', (app) => {
    const { maxGzipBytes, maxEntryGzipBytes } = manifest.sizeBudget[app] ?? {}
    const chunks = bundleOf(app)
    expect(totalGzipBytes(chunks)).toBeLessThanOrEqual(maxGzipBytes ?? 0)
    if (maxEntryGzipBytes !== undefined) expect(totalGzipBytes(chunks.filter((chunk) => chunk.isEntry))).toBeLessThanOrEqual(maxEntryGzipBytes)
  })
})
