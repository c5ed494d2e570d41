// Every JavaScript and TypeScript block of README.md and playground/README.md, as a reader would use
// it: run with plain Node against the fake Toggl API (the built package, imported by name), or, where
// it cannot run here (a browser page, Deno Deploy), type-checked. An example that drifts from the
// library fails here. Each block's marker says which (see test/support/readme.ts). Runs need a fresh
// `npm run build` (npm test builds first); the quick start also runs verbatim in a new project in
// test/package.test.ts.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { connect } from 'node:net'
import { join, relative } from 'node:path'
import ts from 'typescript'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { assertBuildIsFresh, manifest, repoRoot } from '../scripts/packed-consumer.js'
import { freePort, hasRedisServer, startRedisServer, type RedisServer } from '../scripts/redis.js'
import { resolveOptions } from '../src/core/options.ts'
import { examplesOf, moduleSource, slugOf, type CodeBlock } from './support/readme.ts'
import { sign } from './support/webhooks.ts'

const FILES = ['README.md', 'playground/README.md']
const WORK = join(repoRoot, '.cache', 'readme-examples')
const blocks = examplesOf(repoRoot, FILES)

/** What a `given:` name is: its declaration for the type check, and its value when the block runs. */
const GIVENS: Record<string, { declare: string; value?: string }> = {
  auth: { declare: "declare const auth: import('togglkit').BasicAuth", value: '__togglkit.BasicAuth.fromApiToken(__DEMO.apiToken)' },
  token: { declare: 'declare const token: string', value: '__DEMO.apiToken' },
  workspaceId: { declare: 'declare const workspaceId: number', value: '__workspaceId' },
  detailed: {
    declare: "declare const detailed: import('togglkit').DetailedReportEndpoint",
    value: 'new __togglkit.DetailedReportEndpoint(__togglkit.BasicAuth.fromApiToken(__DEMO.apiToken))',
  },
  december: { declare: 'declare const december: { start_date: string; end_date: string }', value: "{ start_date: '2024-12-01', end_date: '2024-12-31' }" },
  rawBody: { declare: 'declare const rawBody: Uint8Array', value: "new TextEncoder().encode('{}')" },
  request: {
    declare: 'declare const request: Request',
    value: `new Request('https://example.com/toggl', { method: 'POST', headers: { 'x-webhook-signature-256': 'sha256=${'0'.repeat(64)}' } })`,
  },
  queue: { declare: 'declare const queue: { push(event: unknown): Promise<void> }', value: '{ push: async () => {} }' },
  KVNamespace: { declare: 'declare global { interface KVNamespace<Key extends string = string> { get(key: Key): Promise<string | null> } }' },
}

const SECRET = 'a-readme-secret'
const PING =
  '{"event_id":0,"created_at":"2026-03-02T09:00:00Z","creator_id":1,"metadata":{"request_type":"POST","event_user_id":1},"payload":"ping","subscription_id":2,"validation_code":"abc123"}'

/** How a worker block is called: the request and `env` it gets (as code), and what its answer must be. */
const WORKERS: Record<string, { call: string; answers: [number, string | RegExp] }> = {
  'webhook-worker': {
    call: `worker.fetch(new Request('https://worker.example/toggl', { method: 'POST', body: ${JSON.stringify(PING)}, headers: { 'x-webhook-signature-256': '${sign(PING, SECRET)}' } }), { TOGGL_WEBHOOK_SECRET: '${SECRET}' })`,
    answers: [200, '{"validation_code":"abc123"}'],
  },
  'storage-worker': {
    call: `worker.fetch(new Request('https://worker.example/'), { TOGGL_API_TOKEN: __DEMO.apiToken, TOGGL_CACHE: __memoryKv() })`,
    answers: [200, /^\[\{"id":\d+,"name":"Acme"/],
  },
}

/** What is sent to a block that serves on its port, and the status it must answer. */
const PROBES: Record<string, { path: string; status: number }> = {
  'node-receiver': { path: '/toggl', status: 401 },
}

/** The origin of the default base URLs (Toggl's), which the examples use as a user would. */
const DEFAULT_ORIGIN = new URL(resolveOptions({}, 'readme-examples').baseURL).origin

/**
 * Runs before each block: the fake Toggl API answers every request to the default base URLs'
 * origin, requests to loopback go out as usual (to servers the example starts), any other is
 * refused (a test never leaves the machine), and the block's given names are defined.
 */
function preludeOf(block: CodeBlock): string {
  const given = (block.marker?.given ?? []).filter((name) => GIVENS[name]?.value !== undefined)
  return `import * as __togglkit from 'togglkit'
import { createTogglMock as __createTogglMock, DEMO_ACCOUNT as __DEMO } from 'togglkit/mock'
const __mock = __createTogglMock({ organizations: [{ name: 'Acme', memberIds: [__DEMO.id] }] })
const __workspaceId = __mock.state.workspacesOf(__DEMO.id)[0].workspace.id
const __networkFetch = globalThis.fetch
globalThis.fetch = async (input, init) => {
  const url = new URL(input instanceof Request ? input.url : String(input))
  if (url.origin === ${JSON.stringify(DEFAULT_ORIGIN)}) return __mock.fetch(input, init)
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) throw new TypeError(\`README example: \${url.origin} is neither the fake nor loopback\`)
  return __networkFetch(input, init)
}
/** A Cloudflare KV namespace in memory, as much of one as unstorage's binding driver uses. */
globalThis.__memoryKv = () => {
  const values = new Map()
  return {
    get: async (key) => values.get(key) ?? null,
    put: async (key, value) => void values.set(key, value),
    delete: async (key) => void values.delete(key),
    list: async ({ prefix = '' } = {}) => ({ keys: [...values.keys()].filter((key) => key.startsWith(prefix)).map((name) => ({ name })), list_complete: true }),
  }
}
globalThis.__DEMO = __DEMO
${given.map((name) => `globalThis.${name} = ${GIVENS[name]!.value}`).join('\n')}
`
}

function javascriptOf(source: string, language: string): string {
  if (language === 'js' || language === 'javascript') return source
  return ts.transpileModule(source, { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, verbatimModuleSyntax: false } }).outputText
}

interface Run {
  code: number | null
  stdout: string
  stderr: string
}

/**
 * Runs a module with plain Node in its own directory. With `until`, the run is over once it
 * resolves true (it is asked at the start and whenever the module prints; the process, a server,
 * is then ended); otherwise when the process exits.
 */
function runNode(file: string, cwd: string, env: Record<string, string>, until?: (output: { stdout: string }) => Promise<boolean>): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [file], { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
    const output = { stdout: '', stderr: '' }
    let done = false
    const finish = (code: number | null) => {
      if (done) return
      done = true
      clearTimeout(timer)
      child.kill('SIGKILL')
      resolve({ code, ...output })
    }
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`${file} did not finish within 60 s:\n${output.stdout}\n${output.stderr}`))
    }, 60_000)
    const check = () => {
      if (until && !done) void until(output).then((over) => over && finish(0), reject)
    }
    child.stdout.on('data', (chunk: Buffer) => {
      output.stdout += chunk
      check()
    })
    child.stderr.on('data', (chunk: Buffer) => (output.stderr += chunk))
    child.once('spawn', check)
    child.once('exit', (code) => finish(code))
    child.once('error', reject)
  })
}

/** Whether something accepts connections on the loopback port now. */
function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1')
    socket.once('connect', () => resolve(socket.end() && true))
    socket.once('error', () => resolve(false))
  })
}

interface DenoConfig {
  exports: Record<string, string>
  imports: Record<string, string>
  compilerOptions: Record<string, unknown>
  unstable: string[]
}

let redis: RedisServer | undefined

beforeAll(async () => {
  rmSync(WORK, { recursive: true, force: true })
  mkdirSync(WORK, { recursive: true })
  if (hasRedisServer()) redis = await startRedisServer()
})

afterAll(async () => {
  await redis?.stop()
})

describe('the README examples', () => {
  it('each block of code is marked with what is done with it, and names are unique', () => {
    expect(blocks.length).toBeGreaterThan(10)
    expect(blocks.filter(({ marker }) => marker === undefined).map(({ where }) => where)).toEqual([])
    const names = blocks.flatMap(({ marker }) => (marker?.name === undefined ? [] : [marker.name]))
    expect(new Set(names).size).toBe(names.length)
    for (const block of blocks) {
      for (const name of block.marker!.given) expect(GIVENS, `${block.where} is given ${name}`).toHaveProperty(name)
      if (block.marker!.kind === 'worker') expect(WORKERS, block.where).toHaveProperty(block.marker!.name!)
      if (block.marker!.port !== undefined && block.marker!.prints === undefined) expect(PROBES, block.where).toHaveProperty(block.marker!.name!)
    }
  })

  const runs = blocks.filter(({ marker }) => marker?.kind === 'run' || marker?.kind === 'worker')
  it.each(runs.map((block) => [block.where, block] as const))('%s runs against the fake Toggl API', async (_, block) => {
    assertBuildIsFresh()
    const marker = block.marker!
    const needsRedis = block.code.includes('REDIS_URL')
    if (needsRedis && !redis) {
      if (process.env['CI']) throw new Error('CI must run the Redis example: apt-get install -y redis-server')
      console.warn(`${block.where} needs redis-server: SKIPPED`)
      return
    }
    const dir = join(WORK, slugOf(block))
    mkdirSync(dir, { recursive: true })
    const port = marker.port === undefined ? undefined : await freePort()
    let source = javascriptOf(moduleSource(block, blocks), block.language)
    if (marker.port !== undefined) source = source.replaceAll(String(marker.port), String(port))
    writeFileSync(join(dir, 'prelude.mjs'), preludeOf(block))
    let main = 'example.mjs'
    if (marker.kind === 'worker') {
      writeFileSync(join(dir, 'worker.mjs'), source)
      const { call } = WORKERS[marker.name!]!
      writeFileSync(join(dir, 'main.mjs'), `import './prelude.mjs'\nimport worker from './worker.mjs'\nconst answer = await ${call}\nconsole.log(JSON.stringify([answer.status, await answer.text()]))\n`)
      main = 'main.mjs'
    } else {
      writeFileSync(join(dir, main), `import './prelude.mjs'\n${source}`)
    }
    const env = { TOGGL_API_TOKEN: 'demo-token', TOGGL_WEBHOOK_SECRET: SECRET, ...(redis ? { REDIS_URL: redis.url } : {}) }
    const probe = marker.name === undefined ? undefined : PROBES[marker.name]
    let probed: number | undefined
    const until =
      marker.prints !== undefined
        ? async ({ stdout }: { stdout: string }) => stdout.includes(marker.prints!)
        : probe && port !== undefined
          ? async () => {
              if (probed !== undefined) return false
              probed = 0
              while (!(await listening(port))) await new Promise((resolve) => setTimeout(resolve, 50))
              probed = (await fetch(`http://127.0.0.1:${port}${probe.path}`, { method: 'POST', body: '{}' })).status
              return true
            }
          : undefined
    const run = await runNode(join(dir, main), dir, env, until)
    expect(run.stderr, `${block.where} wrote to stderr`).toBe('')
    expect(run.code, `${block.where} exited with ${run.code}:\n${run.stdout}`).toBe(0)
    if (marker.prints !== undefined) expect(run.stdout).toContain(marker.prints)
    if (probe) expect(probed).toBe(probe.status)
    if (marker.kind === 'worker') {
      const [status, body] = JSON.parse(run.stdout.trim().split('\n').at(-1)!) as [number, string]
      const [expectedStatus, expectedBody] = WORKERS[marker.name!]!.answers
      expect(status).toBe(expectedStatus)
      if (typeof expectedBody === 'string') expect(body).toBe(expectedBody)
      else expect(body).toMatch(expectedBody)
    }
  }, 90_000)

  it('type-checks every TypeScript block that runs under Node or in a browser', () => {
    const checked = blocks.filter(({ language, marker }) => (language === 'ts' || language === 'typescript') && marker?.kind !== 'deno')
    expect(checked.length).toBeGreaterThan(5)
    const dir = join(WORK, 'typescript')
    mkdirSync(dir, { recursive: true })
    for (const block of checked) {
      const declarations = Object.entries(GIVENS)
        .filter(([name]) => block.marker!.given.includes(name))
        .map(([, given]) => given.declare)
      writeFileSync(join(dir, `${slugOf(block)}.ts`), `${declarations.join('\n')}\n${moduleSource(block, blocks)}\nexport {}\n`)
    }
    const paths = Object.fromEntries(
      Object.entries(manifest.exports).map(([entry, { import: built }]) => [
        `togglkit${entry.slice(1)}`,
        [join(repoRoot, built.replace(/^\.\/dist\//, 'src/').replace(/\.js$/, '.ts'))],
      ]),
    )
    const config = {
      compilerOptions: {
        target: 'ES2022',
        module: 'ESNext',
        moduleResolution: 'bundler',
        lib: ['ES2022', 'DOM', 'DOM.Iterable'],
        types: ['node'],
        strict: true,
        noUncheckedIndexedAccess: true,
        exactOptionalPropertyTypes: true,
        allowImportingTsExtensions: true,
        skipLibCheck: true,
        noEmit: true,
        paths,
      },
      include: ['*.ts'],
    }
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(config))
    const tsc = spawnSync(process.execPath, [join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(dir, 'tsconfig.json')], { encoding: 'utf8' })
    expect(tsc.stdout + tsc.stderr).toBe('')
    expect(tsc.status).toBe(0)
  }, 90_000)

  it('checks the Deno blocks with deno check, through deno.json as a Deno user imports the package', () => {
    const checked = blocks.filter(({ marker }) => marker?.kind === 'deno')
    expect(checked.length).toBeGreaterThan(0)
    const dir = join(WORK, 'deno')
    mkdirSync(dir, { recursive: true })
    const files = checked.map((block) => {
      const file = join(dir, `${slugOf(block)}.ts`)
      // The package from JSR is this repository's (deno.json's name and exports); npm packages come from node_modules.
      const source = moduleSource(block, blocks)
        .replaceAll('jsr:@togglkit/togglkit', '@togglkit/togglkit')
        .replace(/npm:unstorage@[\d.]+/g, `npm:unstorage@${manifest.devDependencies['unstorage']}`)
      writeFileSync(file, `/// <reference lib="deno.unstable" />\n${source}\nexport {}\n`)
      return relative(repoRoot, file)
    })
    // deno.json's own imports and options, without its unused-name checks (a list of imports is an example too).
    const repoConfig = JSON.parse(readFileSync(join(repoRoot, 'deno.json'), 'utf8')) as DenoConfig
    const imports = { ...repoConfig.imports }
    for (const [entry, target] of Object.entries(repoConfig.exports)) imports[`@togglkit/togglkit${entry.slice(1)}`] = join(repoRoot, target)
    const { noUnusedLocals: _, noUnusedParameters: __, ...compilerOptions } = repoConfig.compilerOptions
    writeFileSync(join(dir, 'deno.json'), JSON.stringify({ imports, compilerOptions, nodeModulesDir: 'manual', unstable: repoConfig.unstable }))
    if (!existsSync(join(dir, 'node_modules'))) symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'), 'dir')
    const deno = spawnSync('npx', ['deno', 'check', '--quiet', '--config', join(dir, 'deno.json'), ...files], { cwd: repoRoot, encoding: 'utf8' })
    expect(deno.stdout + deno.stderr).toBe('')
    expect(deno.status).toBe(0)
  }, 120_000)
})
