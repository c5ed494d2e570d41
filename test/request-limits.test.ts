import { describe, expect, it, vi } from 'vitest'
import { InputError, TimeoutError } from '../src/index.ts'
import { startFake } from './support/fake.ts'

describe('a custom fetch that ignores its signal', () => {
  it('is timed out all the same, attempt after attempt', async () => {
    const fake = await startFake()
    let calls = 0
    const ignoring: typeof fetch = () => {
      calls++
      return new Promise(() => {})
    }
    const error = await fake.organizations(null, { fetch: ignoring, timeout: 50, retries: 1 }).collect().catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(TimeoutError)
    expect(calls).toBe(2)
  })

  it('is timed out while its body never ends', async () => {
    const fake = await startFake()
    const endless: typeof fetch = async () => new Response(new ReadableStream({ start() {} }), { headers: { 'content-type': 'application/json' } })
    await expect(fake.organizations(null, { fetch: endless, timeout: 50, retries: 0 }).collect()).rejects.toBeInstanceOf(TimeoutError)
  })

  it('lets the caller’s abort end the call at once', async () => {
    const fake = await startFake()
    const controller = new AbortController()
    const call = fake.organizations(null, { fetch: () => new Promise(() => {}), timeout: Infinity }).collect({ signal: controller.signal })
    controller.abort(new Error('navigated away'))
    await expect(call).rejects.toThrow('navigated away')
  })
})

describe('waits longer than a timer can hold (2^31 ms)', () => {
  it('are waited for, not cut to an instant retry', async () => {
    const fake = await startFake()
    fake.mock.inject({ type: 'status', status: 503, headers: { 'Retry-After': '2147484' } })
    const controller = new AbortController()
    const call = fake.organizations(null, { maxRetryDelay: 2 ** 32 }).collect({ signal: controller.signal })
    await vi.waitFor(() => expect(fake.sent()).toBe(1))
    // setTimeout fires at once for a delay past 2^31 - 1 ms: a retry would have been sent by now.
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(fake.sent()).toBe(1)
    controller.abort()
    await expect(call).rejects.toMatchObject({ name: 'AbortError' })
  })
})

describe('retries', () => {
  it.each([11, 1000, Number.MAX_SAFE_INTEGER])('refuses retries: %d (at most 10) with InputError', async (retries) => {
    const fake = await startFake()
    expect(() => fake.organizations(null, { retries })).toThrow(InputError)
    expect(() => fake.organizations(null, { retries })).toThrow('options.retries must be a whole number from 0 to 10')
  })

  it('takes retries: 10', async () => {
    const fake = await startFake()
    fake.mock.inject({ type: 'status', status: 500 }, 10)
    await expect(fake.organizations(null, { retries: 10, retryDelay: 0 }).collect()).resolves.toEqual([])
    expect(fake.sent()).toBe(11)
  })
})

describe('a base URL with credentials in it', () => {
  it.each([
    ['baseURL', 'https://jo:hunter2@toggl.example/api/v9'],
    ['baseURL', 'https://jo@toggl.example/api/v9'],
    ['reportsURL', 'https://:hunter2@toggl.example/reports/api/v3'],
    ['webhooksURL', 'ftp://jo:hunter2@example.com/'],
  ])('is refused (%s), and the error does not show it', async (option, url) => {
    const fake = await startFake()
    const error = (() => {
      try {
        fake.organizations(null, { [option]: url })
      } catch (thrown) {
        return thrown as Error
      }
      return undefined
    })()
    expect(error).toBeInstanceOf(InputError)
    expect(error?.message).toContain(`options.${option} must be an http(s) URL without credentials`)
    expect(error?.message).not.toContain('hunter2')
    expect(error?.message).not.toContain('jo@')
  })
})
