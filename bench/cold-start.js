import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { BasicAuth } from 'togglkit'
import { DEMO_ACCOUNT } from 'togglkit/mock'
import { startFakeServer } from './lib/fake-server.js'
import { formatMs, formatRatio, median } from './lib/stats.js'

const run = promisify(execFile)
const repoRoot = fileURLToPath(new URL('..', import.meta.url))
// A process start is ~100 ms and noisy; 20 of each keeps the medians steady in about 20 s.
const SAMPLES = 20
const ORGANIZATION_ID = 9_000_001

/** Each program gets the fake's URL and the credentials in its environment. */
const PROGRAMS = {
  'togglkit, import': "await import('togglkit')",
  'ofetch, import': "await import('ofetch')",
  'togglkit, import + first call':
    "const { BasicAuth, OrganizationEndpoint } = await import('togglkit');" +
    'await new OrganizationEndpoint(BasicAuth.fromApiToken(process.env.TOKEN), null, { baseURL: process.env.BASE }).get(Number(process.env.ID))',
  'ofetch, import + first call':
    "const { ofetch } = await import('ofetch');" +
    "await ofetch(`${process.env.BASE}/organizations/${process.env.ID}`, { headers: { Authorization: process.env.AUTHORIZATION, Accept: 'application/json' } })",
  node: '',
}

/**
 * Item 6: whole Node processes timed from spawn to exit, alternating: importing togglkit, and
 * importing it and making its first call (`OrganizationEndpoint.get` against the fake on loopback,
 * no cache), each beside ofetch alone doing the same (the import, then one GET of the same URL
 * with the same headers). togglkit resolves to dist/ through the package's own exports; a bare
 * `node -e ""` shows how much of each is Node's own start-up.
 */
export async function measureColdStart() {
  const server = await startFakeServer({
    organizations: [{ id: ORGANIZATION_ID, name: 'Acme', memberIds: [DEMO_ACCOUNT.id] }],
    quotaPerHour: Number.MAX_SAFE_INTEGER,
  })
  const env = {
    ...process.env,
    BASE: server.baseURL,
    ID: String(ORGANIZATION_ID),
    TOKEN: DEMO_ACCOUNT.apiToken,
    AUTHORIZATION: BasicAuth.fromApiToken(DEMO_ACCOUNT.apiToken).header(),
  }
  const times = Object.fromEntries(Object.keys(PROGRAMS).map((name) => [name, []]))
  try {
    for (let sample = 0; sample < SAMPLES; sample++) {
      for (const [name, program] of Object.entries(PROGRAMS)) {
        const started = performance.now()
        await run(process.execPath, ['--input-type=module', '-e', program], { cwd: repoRoot, env })
        times[name].push(performance.now() - started)
      }
    }
  } finally {
    await server.close()
  }
  const m = Object.fromEntries(Object.entries(times).map(([name, samples]) => [name, median(samples)]))
  const compare = (togglkit, ofetch) =>
    `${formatMs(m[togglkit])} vs ${formatMs(m[ofetch])}: ${formatRatio(m[togglkit] / m[ofetch])}; without Node's own start ` +
    `(${formatMs(m.node)}): ${formatMs(m[togglkit] - m.node)} vs ${formatMs(m[ofetch] - m.node)}, ${formatRatio((m[togglkit] - m.node) / (m[ofetch] - m.node))}`
  return {
    rows: [
      {
        id: '6',
        benchmark: 'Cold start: a Node process that imports togglkit and makes its first call vs ofetch alone doing the same',
        result: compare('togglkit, import + first call', 'ofetch, import + first call'),
      },
      {
        id: '6b',
        benchmark: "Cold start, the import alone: node -e \"import('togglkit')\" vs importing ofetch",
        result: compare('togglkit, import', 'ofetch, import'),
      },
    ],
    notes: [
      `Cold start (6): ${SAMPLES} process starts of each, alternating, from spawn to exit; medians. The first call is a GET of ` +
        'one organization from the fake on a loopback server (in a worker thread of the benchmark), without a cache.',
    ],
  }
}
