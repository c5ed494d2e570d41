// What a user of togglkit gets: the tarball `npm pack` makes, installed into a throwaway project the
// way `npm install togglkit` lays it out, and browser bundles of small apps that import it. Shared by
// `npm run size` and the package and bundle tests, so the size a test prints is the size the budget
// checks.
import { execFileSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import { build } from 'vite'

export const repoRoot = resolve(import.meta.dirname, '..')
export const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'))

/**
 * Packs the repository and installs the tarball into a new temporary project. The package's
 * `dependencies` (and `extraPackages`, e.g. `@types/node` for a TypeScript consumer) are linked from
 * this repository's node_modules, where package-lock.json pinned them: no network is needed, and an
 * import of anything the package does not declare fails to resolve, as it would for a user.
 *
 * With `freshClone`, the tarball is what `npm pack` makes in a fresh clone (no dist/: `prepack`
 * must build it), made once per process; otherwise the repository's own dist/ is packed, which
 * must be newer than every source file (`npm test` and `npm run size` build first).
 */
export function createConsumerProject(extraPackages = [], { freshClone = false } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'togglkit-consumer-'))
  const tarball = freshClone ? packFreshClone() : packBuild(dir)
  const installed = join(dir, 'node_modules', 'togglkit')
  mkdirSync(installed, { recursive: true })
  execFileSync('tar', ['-xzf', tarball.path, '-C', installed, '--strip-components=1'])
  const installedManifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'))
  for (const name of [...Object.keys(installedManifest.dependencies ?? {}), ...extraPackages]) {
    const link = join(dir, 'node_modules', name)
    mkdirSync(dirname(link), { recursive: true })
    symlinkSync(join(repoRoot, 'node_modules', name), link, 'dir')
  }
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'togglkit-consumer', private: true, type: 'module' }))
  return {
    dir,
    packedFiles: tarball.files,
    /** Copies a fixture app from test/fixtures into the project; returns its directory there. */
    addFixture(name) {
      const target = join(dir, name)
      cpSync(join(repoRoot, 'test', 'fixtures', name), target, { recursive: true })
      return target
    },
    remove() {
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** `npm pack` of the repository's dist/ as it is (no lifecycle scripts: `prepack` would rebuild it under other tests' feet). */
function packBuild(destination) {
  assertBuildIsFresh()
  return npmPack(repoRoot, destination, ['--ignore-scripts'])
}

let freshTarball

/**
 * The tarball of a fresh clone: the files git tracks or would track (the working tree as it
 * stands, so uncommitted edits count) copied to a new directory without dist/, with the
 * repository's node_modules linked in for the build tools, then `npm pack` there, which runs
 * `prepack`. The clone is removed afterwards; the tarball stays for the process.
 */
function packFreshClone() {
  if (freshTarball) return freshTarball
  const clone = mkdtempSync(join(tmpdir(), 'togglkit-clone-'))
  const listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: repoRoot, encoding: 'utf8' })
  for (const path of listed.split('\0').filter(Boolean)) {
    const source = join(repoRoot, path)
    if (!existsSync(source)) continue // deleted in the working tree, not yet in git
    mkdirSync(dirname(join(clone, path)), { recursive: true })
    cpSync(source, join(clone, path))
  }
  symlinkSync(join(repoRoot, 'node_modules'), join(clone, 'node_modules'), 'dir')
  if (existsSync(join(clone, 'dist'))) throw new Error('a fresh clone holds no dist/: is it tracked by git?')
  try {
    freshTarball = npmPack(clone, mkdtempSync(join(tmpdir(), 'togglkit-tarball-')), [])
  } finally {
    rmSync(clone, { recursive: true, force: true })
  }
  return freshTarball
}

/** Runs `npm pack` in `cwd`; answers the tarball's path and the files it holds. */
function npmPack(cwd, destination, flags) {
  // Lifecycle scripts print to stdout too; the JSON report is the last thing npm writes there.
  const output = execFileSync('npm', ['pack', '--json', '--pack-destination', destination, ...flags], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const [report] = JSON.parse(output.slice(output.lastIndexOf('\n[\n') + 1))
  return { path: join(destination, report.filename), files: report.files.map((file) => file.path) }
}

/**
 * Bundles `main.ts` of an app in the consumer project for browsers with Vite's defaults (minified,
 * browser resolve conditions, code splitting), in memory. Each JS chunk comes with the modules it
 * holds, so tests can tell which package ended up where, and its gzip size (level 9, as a server
 * would send it precompressed).
 */
export async function bundleForBrowser(appDir) {
  const result = await build({
    root: appDir,
    configFile: false,
    logLevel: 'silent',
    build: { write: false, rolldownOptions: { input: join(appDir, 'main.ts') } },
  })
  const outputs = Array.isArray(result) ? result : [result]
  return outputs
    .flatMap((output) => output.output)
    .filter((file) => file.type === 'chunk')
    .map((chunk) => ({
      fileName: chunk.fileName,
      isEntry: chunk.isEntry,
      code: chunk.code,
      moduleIds: chunk.moduleIds,
      imports: chunk.imports,
      dynamicImports: chunk.dynamicImports,
      gzipBytes: gzipSync(chunk.code, { level: 9 }).byteLength,
    }))
}

/** Sums what a browser downloads for the app: every chunk, each compressed on its own. */
export const totalGzipBytes = (chunks) => chunks.reduce((sum, chunk) => sum + chunk.gzipBytes, 0)

/** One line per chunk and a total, e.g. for `npm run size` and the bundle test's output. */
export function describeBundle(app, chunks) {
  const lines = chunks.map((chunk) => {
    const role = chunk.isEntry ? 'entry' : 'loaded with import()'
    return `  ${chunk.fileName}  ${chunk.code.length} B minified, ${chunk.gzipBytes} B gzip  (${role})`
  })
  return [`${app}: ${totalGzipBytes(chunks)} B gzip in all`, ...lines].join('\n')
}

/**
 * Packing (or running) an old build would test code that no longer exists, so a dist/ older than
 * any source file is refused (`npm test` and `npm run size` build first).
 */
export function assertBuildIsFresh() {
  const built = join(repoRoot, 'dist', 'index.js')
  let builtAt
  try {
    builtAt = statSync(built).mtimeMs
  } catch {
    throw new Error('dist/ is missing: run `npm run build` first')
  }
  const newest = newestFile(join(repoRoot, 'src'))
  if (newest.mtimeMs > builtAt) {
    throw new Error(`dist/ is older than ${newest.path}: run \`npm run build\` first`)
  }
}

function newestFile(directory) {
  let newest = { path: directory, mtimeMs: 0 }
  for (const entry of readdirSync(directory, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue
    const path = join(entry.parentPath, entry.name)
    const { mtimeMs } = statSync(path)
    if (mtimeMs > newest.mtimeMs) newest = { path, mtimeMs }
  }
  return newest
}
