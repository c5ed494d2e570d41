// The "Real Toggl API" backend, against the dev server's proxy pointed at a loopback stand-in that
// answers 403 (test/support/playground.ts): no test reaches Toggl.
import { describe, expect, it } from 'vitest'
import { usePlayground } from './support/playground.ts'

const suite = usePlayground()
const TOKEN = 'f0e1d2c3b4a5968778695a4b3c2d1e0f'

describe('the real API backend, in Chromium', () => {
  it('asks for a token before sending anything, then sends it through the proxy and shows Toggl’s refusal', async () => {
    const { page, timer } = suite.playground
    await page.getByTestId('backend-real').check()
    expect(await page.getByTestId('timer-app').textContent()).toMatch(/^BasicAuth\.fromApiToken: token must be a non-empty string — paste your API token/)
    expect(suite.server.realApiRequests).toEqual([])

    await page.getByTestId('token').fill(TOKEN)
    await page.getByTestId('token').press('Tab')
    await timer.idle()
    expect(await timer.text('timer-error')).toMatch(/^HTTPStatusError: GET .*\/toggl\/api\/v9\/me\?with_related_data=true failed with 403/)
    expect(suite.server.realApiRequests.map(({ method, path }) => `${method} ${path}`)).toEqual(['GET /api/v9/me?with_related_data=true'])
    expect(suite.server.realApiRequests[0]?.authorization).toBe(`Basic ${btoa(`${TOKEN}:api_token`)}`)
    // The page shows the request with the token redacted, never the token.
    const shown = await page.evaluate(() => document.body.textContent ?? '')
    for (const secret of [TOKEN, btoa(`${TOKEN}:api_token`)]) expect(shown).not.toContain(secret)
    expect(await page.getByTestId('fake-controls').getAttribute('disabled')).not.toBeNull()
    expect(await page.getByTestId('fake-reset').isDisabled()).toBe(true)
  })

  it('keeps the token in memory, or in sessionStorage only when asked', async () => {
    const { page } = suite.playground
    const stored = () =>
      page.evaluate(() => ({
        session: JSON.stringify({ ...sessionStorage }),
        local: JSON.stringify({ ...localStorage }),
        url: location.href,
      }))
    expect(await page.getByTestId('real-settings').isVisible()).toBe(false)

    await page.getByTestId('backend-real').check()
    await page.getByTestId('token').fill(TOKEN)
    expect(await stored()).toEqual({ session: expect.not.stringContaining(TOKEN), local: '{}', url: suite.server.url })

    await page.getByTestId('remember-token').check()
    expect((await stored()).session).toContain(TOKEN)
    await suite.playground.reload()
    expect(await page.getByTestId('backend-real').isChecked()).toBe(true)
    expect(await page.getByTestId('token').inputValue()).toBe(TOKEN)

    await page.getByTestId('forget-token').click()
    expect(await stored()).toEqual({ session: expect.not.stringContaining(TOKEN), local: '{}', url: suite.server.url })
    expect(suite.playground.console.filter((line) => line.includes(TOKEN))).toEqual([])
  })
})
