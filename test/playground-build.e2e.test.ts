import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser } from 'playwright'
import { build, preview, type PreviewServer } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoIds } from '../playground/common/demo-fake.ts'
import { AdminCard, launchChromium, PLAYGROUND_CONFIG, PlaygroundPage } from './support/playground.ts'

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
  it('runs the fake in the page, and keeps its state and the cache across a reload', async () => {
    const playground = await PlaygroundPage.open(browser, previewUrl())
    const { page } = playground
    try {
      expect(await page.getByTestId('backend-description').textContent()).toContain('in this page (static build)')
      expect(await page.getByTestId('backend-real').isDisabled()).toBe(true)
      expect(await page.getByTestId('real-unavailable').isVisible()).toBe(true)

      await playground.run('collect')
      const listed = await playground.resultOf<{ id: number; name: string }[]>('collect')
      expect(listed.map(({ name }) => name)).toEqual(['Acme Studio', 'Globex Research', 'Initech'])
      await playground.run('add', { name: 'Made In Page' })
      const created = await playground.resultOf<{ id: number }>('add')
      expect(await page.getByTestId('fake-received').textContent()).toBe('The fake has received 2 requests.')

      await playground.reload()
      await playground.run('get', { id: String(listed[0]?.id) })
      expect((await playground.shown('get')).outcome).toMatch(/^✓ from the cache · 0 requests/)
      await playground.run('get', { id: String(created.id) })
      expect(await playground.resultOf('get')).toMatchObject({ id: created.id, name: 'Made In Page' })
      expect(await page.getByTestId('fake-received').textContent()).toBe('The fake has received 1 request.')
      expect(playground.dialogs).toEqual([])
    } finally {
      await playground.close()
    }
  })

  it('runs the admin card on the in-page fake; a reload keeps the members, not the groups', async () => {
    const playground = await PlaygroundPage.open(browser, previewUrl())
    const admin = new AdminCard(playground.page)
    const { organization } = demoIds()
    const names = async () => (await admin.result<{ name: string }[]>()).map(({ name }) => name)
    try {
      await admin.run('GroupEndpoint.collect')
      expect(await names()).toEqual(['Designers', 'Engineering'])
      await admin.run('OrganizationUserEndpoint.page', [organization])
      expect((await admin.result<{ records: number }>()).records).toBe(5)

      await playground.reload()
      await admin.run('GroupEndpoint.collect', [organization], true)
      expect(await names()).toEqual([])
      await admin.run('OrganizationUserEndpoint.page', [organization])
      const users = await admin.result<{ items: { email: string }[] }>()
      const emails = users.items.map(({ email }) => email).sort()
      expect(emails).toEqual(['alex@example.com', 'demo@example.com', 'noor@example.com', 'sam@example.com'])
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
