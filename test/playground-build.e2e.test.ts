import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser } from 'playwright'
import { build, preview, type PreviewServer } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoIds } from '../playground/common/demo-fake.ts'
import { launchChromium, PLAYGROUND_CONFIG, PlaygroundPage } from './support/playground.ts'

let outDir: string
let server: PreviewServer
let browser: Browser

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'togglkit-playground-'))
  await build({ configFile: PLAYGROUND_CONFIG, logLevel: 'warn', build: { outDir, emptyOutDir: true } })
  ;[server, browser] = await Promise.all([
    preview({ configFile: PLAYGROUND_CONFIG, logLevel: 'warn', build: { outDir }, preview: { port: 0, host: '127.0.0.1' } }),
    launchChromium(),
  ])
})

afterAll(async () => {
  await Promise.all([browser?.close(), server?.close()])
  if (outDir) await rm(outDir, { recursive: true, force: true })
})

describe('the static build under vite preview', () => {
  it('runs the timer on the fake in the page; a reload finds the entry still running, and stopped after a stop', async () => {
    const playground = await PlaygroundPage.open(browser, previewUrl())
    const { page, timer } = playground
    try {
      expect(await page.getByTestId('backend-description').textContent()).toContain('in this page (static build)')
      expect(await page.getByTestId('backend-real').isDisabled()).toBe(true)
      expect(await page.getByTestId('real-unavailable').isVisible()).toBe(true)
      expect(await timer.text('timer-sync-state')).toMatch(/^Synced at \d\d:\d\d \(1 request\)/)

      await timer.start('Made in the page', { project: 'Internal', tags: ['admin'] })
      expect(await timer.text('timer-running')).toBe('Made in the page')
      await playground.reload()
      // The tab's journal answered its requests again: the fake has the entry, with its id, running.
      expect(await timer.text('timer-running')).toBe('Made in the page')
      expect(await timer.text('timer-sync-state')).toMatch(/^Synced at \d\d:\d\d \(1 request\)/)
      // Since the reload: the profile (the start made the cached one stale) and one since request.
      await page.getByTestId('fake-received').filter({ hasText: /^The fake has received 2 requests\.$/ }).waitFor()

      await timer.stop()
      await playground.reload()
      expect(await page.getByTestId('timer-running').count()).toBe(0)
      expect(await timer.entry('Made in the page').getAttribute('data-running')).toBe('false')
      expect(playground.dialogs).toEqual([])
    } finally {
      await playground.close()
    }
  })

  it('runs the explorer on the in-page fake, which keeps what it did across a reload until “Reset the fake”', async () => {
    const playground = await PlaygroundPage.open(browser, previewUrl())
    const { page, explorer } = playground
    const { organization } = demoIds()
    const names = async () => (await explorer.result<{ name: string }[]>()).map(({ name }) => name)
    try {
      await explorer.open()
      await explorer.run('GroupEndpoint.add')
      await explorer.run('GroupEndpoint.collect')
      expect(await names()).toEqual(['Design', 'Designers', 'Engineering'])

      await playground.reload()
      await explorer.open()
      await explorer.run('GroupEndpoint.collect', { organization: String(organization), 'option-refresh': true })
      expect(await names()).toEqual(['Design', 'Designers', 'Engineering'])

      await page.getByTestId('fake-reset').click()
      await page.getByTestId('fault-status').filter({ hasText: 'back to the demo data' }).waitFor()
      await explorer.run('GroupEndpoint.collect', { 'option-refresh': true })
      expect(await names()).toEqual(['Designers', 'Engineering'])
    } finally {
      await playground.close()
    }
  })
})

function previewUrl(): string {
  const url = server.resolvedUrls?.local[0]
  if (url === undefined) throw new Error('vite preview reported no URL')
  return url
}
