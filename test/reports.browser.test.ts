import { afterEach, describe, expect, it, vi } from 'vitest'
import { BasicAuth, DetailedReportEndpoint } from '../src/index.ts'
import { createTogglMock, DEMO_ACCOUNT } from '../src/mock/index.ts'

// Reports in real Chromium, with the fake served in-page: exports arrive as Blobs that a page can
// save the way the README's "Saving an export" shows.

afterEach(() => {
  vi.restoreAllMocks()
})

function setup() {
  const mock = createTogglMock({ organizations: [{ name: 'Acme', memberIds: [DEMO_ACCOUNT.id], pricingPlanName: 'Premium' }] })
  const workspaceId = [...mock.state.organizations.values()][0]!.workspaces[0]!.id
  mock.state.addTimeEntry({ workspaceId, start: '2024-12-02T09:00:00Z', duration: 5400, description: 'Planning' })
  const baseURL = `http://fake-${crypto.randomUUID()}.test/api/v9`
  const detailed = new DetailedReportEndpoint(BasicAuth.fromApiToken(DEMO_ACCOUNT.apiToken), null, { baseURL, fetch: mock.fetch })
  return { mock, workspaceId, detailed }
}

describe('report exports in Chromium', () => {
  it('save through a download link, as the README shows', async () => {
    const { workspaceId, detailed } = setup()
    const december = { start_date: '2024-12-01', end_date: '2024-12-31' }
    const clicked: { href: string; download: string; bytes: Promise<string> }[] = []
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      // The link's blob URL is read at once: the README revokes it on the next task.
      clicked.push({ href: this.href, download: this.download, bytes: fetch(this.href).then((response) => response.text()) })
    })

    // The README's lines:
    const file = await detailed.export(workspaceId, december, 'pdf')
    const url = URL.createObjectURL(file)
    Object.assign(document.createElement('a'), { href: url, download: 'december.pdf' }).click()
    setTimeout(() => URL.revokeObjectURL(url))

    expect(file.type).toBe('application/pdf')
    expect(clicked).toHaveLength(1)
    expect(clicked[0]).toMatchObject({ href: expect.stringMatching(/^blob:/), download: 'december.pdf' })
    const text = await clicked[0]!.bytes
    expect(text.startsWith('%PDF-1.4')).toBe(true)
    expect(text).toContain('Planning')
  })

  it('an XLSX export is a Blob typed for spreadsheets, its bytes a ZIP archive', async () => {
    const { workspaceId, detailed } = setup()
    const file = await detailed.export(workspaceId, { start_date: '2024-12-01', end_date: '2024-12-31' }, 'xlsx')
    expect(file.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    expect([...new Uint8Array(await file.arrayBuffer()).slice(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04])
  })
})
