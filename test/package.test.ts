// The built package as a user gets it after `npm install togglkit`: what the tarball holds, whether
// its .d.ts files type-check in a strict TypeScript project, and whether plain Node runs every entry
// point through the package's `exports` (togglkit/storage with unstorage installed beside it, the
// others without). The tarball is packed in a fresh clone's state, without dist/: `prepack` builds it.
import { spawnSync } from 'node:child_process'
import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createConsumerProject, manifest, repoRoot, type ConsumerProject } from '../scripts/packed-consumer.js'
import { codeBlocksOf } from './support/readme.ts'

const FIXTURES = ['node-consumer', 'organizations-app', 'name-check-app', 'webhook-node', 'webhook-worker']
const TSC = join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc')

/**
 * As strict as a careful user's project, and checking the .d.ts files of togglkit and its
 * dependencies too (no skipLibCheck); only TypeScript's own lib files are taken as checked.
 */
const strictCompilerOptions = {
  target: 'ES2022',
  lib: ['ES2022', 'DOM', 'DOM.Iterable'],
  types: ['node'],
  strict: true,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  skipLibCheck: false,
  skipDefaultLibCheck: true,
}

let project: ConsumerProject
/** A second project, where the user also installed unstorage (an optional peer) for togglkit/storage. */
let storageProject: ConsumerProject

beforeAll(() => {
  project = createConsumerProject(['@types/node'], { freshClone: true })
  for (const fixture of FIXTURES) project.addFixture(fixture)
  storageProject = createConsumerProject(['@types/node', 'unstorage'], { freshClone: true })
  storageProject.addFixture('storage-consumer')
}, 120_000)

afterAll(() => {
  project?.remove()
  storageProject?.remove()
})

function run(command: string, args: string[], dir = project.dir) {
  const { status, stdout, stderr } = spawnSync(command, args, { cwd: dir, encoding: 'utf8', timeout: 60_000 })
  return { status, stdout, stderr }
}

/** Writes a tsconfig for the fixtures into the project and runs the repository's tsc on it. */
function compileFixtures(name: string, compilerOptions: Record<string, unknown>, where = project, fixtures = FIXTURES) {
  const config = join(where.dir, `tsconfig.${name}.json`)
  const include = fixtures.map((fixture) => `${fixture}/**/*.ts`)
  writeFileSync(config, JSON.stringify({ compilerOptions: { ...strictCompilerOptions, ...compilerOptions }, include }))
  return run(process.execPath, [TSC, '-p', config], where.dir)
}

describe('the npm tarball', () => {
  it('is built by prepack: packed in a fresh clone (no dist/), it holds the build of every entry', () => {
    expect(manifest.scripts.prepack).toBe('npm run build')
    for (const entry of ['dist/index.js', 'dist/index.d.ts', 'dist/mock/index.js', 'dist/storage/index.js']) expect(project.packedFiles).toContain(entry)
  })

  it('holds only the build, package.json, the README and the licence: no sources, tests, maps or playground', () => {
    const outsideDist = project.packedFiles.filter((path) => !path.startsWith('dist/'))
    expect(outsideDist.sort()).toEqual(['LICENSE', 'README.md', 'package.json'])
    const built = project.packedFiles.filter((path) => path.startsWith('dist/'))
    expect(built.filter((path) => !/\.(js|d\.ts)$/.test(path))).toEqual([])
  })

  it('holds every file the exports point to', () => {
    const targets = Object.values(manifest.exports).flatMap(({ types, import: code }) => [types, code])
    expect(targets).not.toEqual([])
    for (const target of targets) expect(project.packedFiles).toContain(target.replace(/^\.\//, ''))
  })
})

describe('TypeScript against the installed .d.ts files', () => {
  it.each([
    ['nodenext', { module: 'nodenext', moduleResolution: 'nodenext', noEmit: true }],
    ['bundler', { module: 'preserve', moduleResolution: 'bundler', noEmit: true }],
  ])('type-checks the fixtures with moduleResolution %s', (name, options) => {
    expect(compileFixtures(name, options)).toEqual({ status: 0, stdout: '', stderr: '' })
  }, 60_000)
})

describe('plain Node, ESM, through the package exports', () => {
  // Types were checked above; here TypeScript only strips them.
  const emitOptions = { module: 'nodenext', moduleResolution: 'nodenext', noCheck: true, outDir: 'out', rootDir: '.' }
  let emitted: ReturnType<typeof compileFixtures>
  beforeAll(() => {
    emitted = compileFixtures('emit', emitOptions)
  }, 60_000)

  /** Runs a compiled fixture with plain node; answers the JSON it printed. */
  function runFixture(fixture: string): unknown {
    expect(emitted).toEqual({ status: 0, stdout: '', stderr: '' })
    const { status, stdout, stderr } = run(process.execPath, [join('out', fixture, 'main.js')])
    expect(stderr).toBe('')
    expect(status).toBe(0)
    return JSON.parse(stdout)
  }

  it('runs togglkit, togglkit/mock and togglkit/mock/node, with no unstorage installed', () => {
    expect(existsSync(join(project.dir, 'node_modules', 'unstorage'))).toBe(false)
    const printed = runFixture('node-consumer') as { createdId: number }
    const inGlobex = (request: string) => request.replace('{id}', String(printed.createdId))
    expect(printed).toEqual({
      cache: 'MemoryCache',
      created: 'Globex',
      createdId: expect.any(Number),
      listed: ['Acme', 'Globex'],
      refusedWithInputError: true,
      group: 'Design',
      pages: 1,
      everyone: ['demo@example.com'],
      requests: [
        'POST /organizations',
        'GET /me/organizations',
        'POST /organizations/{id}/groups',
        'GET /organizations/{id}/users',
        'GET /organizations/{id}/users',
      ].map(inGlobex),
    })
  }, 60_000)

  it('runs the README’s quick start verbatim, as plain JavaScript in a new ES-module project', () => {
    const [quickStart] = codeBlocksOf(repoRoot, 'README.md').filter(({ marker }) => marker?.name === 'quick-start')
    expect(quickStart?.language).toBe('js')
    writeFileSync(join(project.dir, 'quick-start.js'), quickStart!.code)
    const { status, stdout, stderr } = run(process.execPath, ['quick-start.js'])
    expect(stderr).toBe('')
    expect(status).toBe(0)
    expect(stdout).toContain('running: Trying togglkit')
    expect(stdout).toContain('1 request to sync; today: Trying togglkit')
    expect(stdout).toContain("[ 'Acme' ]")
  }, 60_000)

  it('runs togglkit/webhooks behind node:http through togglkit/webhooks/node', () => {
    expect(runFixture('webhook-node')).toEqual({
      answers: [
        [200, '{"validation_code":"abc123"}'],
        [200, ''],
        [200, ''],
        [401, 'signature mismatch'],
      ],
      events: [
        { id: '9007199254740993', model: 'tag', duplicate: false },
        { id: '9007199254740993', model: 'tag', duplicate: true },
      ],
      refusedWithInputError: true,
    })
  }, 60_000)
})

describe('togglkit/storage, with unstorage installed beside it', () => {
  // unstorage's own .d.ts files import the types of every driver's optional peer (Azure, MongoDB…),
  // which a user installs only for the driver they use; those files are unstorage's to check.
  const withoutLibCheck = { skipLibCheck: true }

  it.each([
    ['nodenext', { module: 'nodenext', moduleResolution: 'nodenext', noEmit: true }],
    ['bundler', { module: 'preserve', moduleResolution: 'bundler', noEmit: true }],
  ])('type-checks the storage fixture with moduleResolution %s', (name, options) => {
    expect(compileFixtures(name, { ...options, ...withoutLibCheck }, storageProject, ['storage-consumer'])).toEqual({ status: 0, stdout: '', stderr: '' })
  }, 60_000)

  it('runs two caches on one store: what one endpoint stored, the other serves; errors are togglkit’s own classes', () => {
    const emitOptions = { module: 'nodenext', moduleResolution: 'nodenext', noCheck: true, outDir: 'out', rootDir: '.', ...withoutLibCheck }
    expect(compileFixtures('emit', emitOptions, storageProject, ['storage-consumer'])).toEqual({ status: 0, stdout: '', stderr: '' })
    const { status, stdout, stderr } = run(process.execPath, [join('out', 'storage-consumer', 'main.js')], storageProject.dir)
    expect(stderr).toBe('')
    expect(status).toBe(0)
    expect(JSON.parse(stdout)).toEqual({ cache: true, seen: 'Acme', refusedWithInputError: true, requests: ['GET /me/organizations'], stored: 5 })
  }, 60_000)
})
