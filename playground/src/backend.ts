import type { EndpointOptions } from 'togglkit'
import { DEMO_ACCOUNT } from 'togglkit/mock'
import { DEMO_QUOTA_PER_HOUR } from '../common/demo-fake.ts'
import { FAKE_API_PATH, REAL_API_PREFIX } from '../common/routes.ts'
import { DevServerFake, type FakeControl } from './fake-control.ts'
import { InPageFake } from './in-page-fake.ts'
import type { TokenKeeper } from './token.ts'

export type BackendKind = 'fake' | 'real'

/** Where calls go and with which credentials. */
export interface Backend {
  kind: BackendKind
  /** The API token to sign in with; `undefined` when the user has not pasted one yet. */
  token(): string | undefined
  /** Options every endpoint gets; the page adds its recording `fetch`, `onAttempt` and `onQuota`. */
  endpointOptions: Pick<EndpointOptions, 'baseURL' | 'fetch' | 'retryDelay'>
  /** The hourly quota when it is known (the fake's); Toggl's depends on the plan. */
  quotaLimit: number | undefined
  /** Fault injection and request counts: present for the fake only. */
  fake: FakeControl | undefined
}

/**
 * The two backends this page can talk to. The fake is the dev server's when the page was served
 * by it, otherwise one inside the page; the real API needs the dev server's proxy, so a static
 * build has only the fake.
 */
export interface Backends {
  fake: Backend
  real: Backend | undefined
  /** Resolves once the fake is ready (the page's own replays what this tab did before a reload). */
  ready: Promise<void>
}

export function availableBackends(tokens: TokenKeeper): Backends {
  const onDevServer = import.meta.env.PLAYGROUND_ON_DEV_SERVER
  const origin = location.origin
  const inPage = onDevServer ? undefined : new InPageFake()
  const fake: Backend = {
    kind: 'fake',
    token: () => DEMO_ACCOUNT.apiToken,
    endpointOptions: {
      baseURL: origin + FAKE_API_PATH,
      // Fast retries, so a 500 fault shows its retries without a long wait.
      retryDelay: 200,
      ...(inPage ? { fetch: inPage.fetch } : {}),
    },
    quotaLimit: DEMO_QUOTA_PER_HOUR,
    fake: inPage ?? new DevServerFake(),
  }
  const real: Backend | undefined = onDevServer
    ? {
        kind: 'real',
        token: () => tokens.token,
        endpointOptions: { baseURL: `${origin}${REAL_API_PREFIX}/api/v9` },
        quotaLimit: undefined,
        fake: undefined,
      }
    : undefined
  return { fake, real, ready: inPage?.ready ?? Promise.resolve() }
}
