// The playground at a phone's width (390 px) and a laptop's (1280 px), with names as long as Toggl
// allows: nothing may make the page wider than the window; a long name wraps or is cut with its
// whole text in a title. Screenshots of each view go to .cache/playground-screenshots/; the
// `readme-*` ones are those in playground/README.md (copy them to playground/screenshots/).
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright'
import { repoRoot } from '../scripts/packed-consumer.js'
import { launchChromium, PlaygroundPage, startPlayground, type PlaygroundServer } from './support/playground.ts'

const SHOTS = join(repoRoot, '.cache', 'playground-screenshots')
/** 140 characters, the longest name Toggl takes for an organization or a workspace; a project's too here. */
const LONG = `Quarterly reporting for the north-eastern regional distribution network, including warehouses, ${'x'.repeat(45)}`.slice(0, 140)

let server: PlaygroundServer
let browser: Browser
beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true })
  ;[server, browser] = await Promise.all([startPlayground(), launchChromium()])
})
afterAll(async () => {
  await Promise.all([browser?.close(), server?.close()])
})

describe.each([
  ['a phone', 390, 844],
  ['a laptop', 1280, 900],
])('the playground on %s (%i px)', (_, width, height) => {
  it('holds its width with 140-character names in the timer, the explorer, the log and the cache', async () => {
    expect(LONG).toHaveLength(140)
    await server.resetFake()
    const playground = await PlaygroundPage.open(browser, server.url, { viewport: { width, height } })
    const { page, explorer, timer } = playground
    try {
      await explorer.open()
      await explorer.run('ProjectEndpoint.add', { 'input-name': LONG })
      const project = await explorer.result<{ id: number }>()
      await explorer.run('TagEndpoint.add', { name: LONG.slice(0, 60) })
      await explorer.run('OrganizationEndpoint.add', { name: LONG, workspaceName: LONG })
      expect((await explorer.shown()).outcome).toMatch(/^✓/)
      expect(await playground.scrollWidth()).toBeLessThanOrEqual(width)
      await page.screenshot({ path: join(SHOTS, `explorer-${width}.png`), fullPage: true })

      await page.getByTestId('nav-timer').click()
      // The catalogue is cached from the first load; a sync brings the new project and tag.
      await timer.act(() => page.getByTestId('timer-sync').click())
      await timer.start(LONG, { project: LONG, tags: [LONG.slice(0, 60)] })
      expect(await page.getByTestId('timer-project').count()).toBe(0)
      const row = timer.entry(LONG)
      expect(await row.locator('.description').getAttribute('title')).toBe(LONG)
      expect(await row.locator('.project').getAttribute('title')).toContain(LONG)
      expect(await playground.scrollWidth()).toBeLessThanOrEqual(width)
      await page.screenshot({ path: join(SHOTS, `timer-${width}.png`), fullPage: true })

      // The request log and the cache table cut long keys and paths, their titles holding them whole.
      const key = page.getByTestId('cache-entry').filter({ hasText: `project:${project.id}` }).locator('td.key code')
      expect(await key.getAttribute('title')).toBe(`project:${project.id}`)
      expect(await page.getByTestId('log-list').getByTestId('exchange').first().locator('.request').getAttribute('title')).toMatch(/^(GET|POST|PUT|PATCH|DELETE) http/)
      for (const card of await page.locator('.card:visible').all()) expect((await card.boundingBox())!.width).toBeLessThanOrEqual(width)
    } finally {
      await playground.close()
    }
  })
})

describe('the screenshots of playground/README.md', () => {
  it.each([
    [1280, 860],
    [390, 844],
  ])('takes the timer, the explorer and the side cards at %i px', async (width, height) => {
    await server.resetFake()
    const playground = await PlaygroundPage.open(browser, server.url, { viewport: { width, height } })
    const { page, explorer, timer } = playground
    try {
      await timer.start('Writing the report', { project: 'Website redesign', tags: ['focus'] })
      await page.mouse.move(0, 0)
      await page.screenshot({ path: join(SHOTS, `readme-timer-${width}.png`) })
      await explorer.open()
      await explorer.run('ProjectEndpoint.add')
      await explorer.details(0)
      await page.getByTestId('explorer-run').evaluate((run) => run.scrollIntoView({ block: 'start' }))
      await page.mouse.move(0, 0)
      await page.screenshot({ path: join(SHOTS, `readme-explorer-${width}.png`) })
      if (width > 1000) {
        await playground.clickFault('slow-reply')
        await playground.clickFault('quota-spent')
        await explorer.run('QuotaEndpoint.collect')
        await page.locator('.side').screenshot({ path: join(SHOTS, `readme-panels-${width}.png`) })
      }
      expect(await playground.scrollWidth()).toBeLessThanOrEqual(width)
    } finally {
      await playground.close()
    }
  })
})
