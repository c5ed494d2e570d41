// The README's test command: type-check, build, every Vitest project, then the Deno suite, and one
// closing line with the counts of both. The Chromium project needs Debian's /usr/bin/chromium and
// the Redis suites Debian's redis-server; without one, a developer's run skips only what needs it
// (loudly), while CI (CI=true) fails, because a green run that never opened a browser or spoke to
// a real Redis would hide real breakage.
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { chromiumPath } from './chromium.js'
import { hasRedisServer, redisServerPath } from './redis.js'
import { runDenoSuite } from './test-deno.js'

const hasChromium = existsSync(chromiumPath)

/** Runs a step with its output shown live; a failing step ends the run with its exit code. */
function run(command, args) {
  console.log(`\n$ ${command} ${args.join(' ')}`)
  const { status } = spawnSync(command, args, { stdio: 'inherit' })
  if (status !== 0) process.exit(status ?? 1)
}

/** Says loudly what is skipped without `path`; in CI, ends the run instead. */
function requireTool(available, path, skipped, pkg) {
  if (available) return
  const banner = '!'.repeat(78)
  console.error(`\n${banner}\n!! ${path} not found: ${skipped} SKIPPED.`)
  console.error(`!! Install it with: apt-get update && apt-get install -y ${pkg}`)
  console.error(`${banner}\n`)
  if (process.env.CI) {
    console.error(`CI must run them (${pkg}): failing.`)
    process.exit(1)
  }
}

requireTool(hasChromium, chromiumPath, 'the real-browser (Chromium) suites are', 'chromium')
requireTool(hasRedisServer(), redisServerPath, 'the Redis suites of togglkit/storage are', 'redis-server')

run('npx', ['tsc', '-p', 'tsconfig.json'])
// The package and bundle tests install the packed build, so it must be fresh.
run('npm', ['run', 'build'])

// Reports for the closing count; node_modules is ignored by git and rebuilt by npm ci.
const reports = 'node_modules/.cache/togglkit-test'
mkdirSync(reports, { recursive: true })

const vitestReport = join(reports, 'vitest.json')
const projects = ['node', 'happy-dom', ...(hasChromium ? ['chromium', 'e2e'] : [])]
run('npx', [
  'vitest',
  'run',
  ...projects.flatMap((p) => ['--project', p]),
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestReport}`,
])
const vitest = JSON.parse(readFileSync(vitestReport, 'utf8'))

const denoReport = join(reports, 'deno.xml')
const denoStatus = runDenoSuite({ junitPath: denoReport })
if (denoStatus !== 0) process.exit(denoStatus)
const deno = readFileSync(denoReport, 'utf8')
const denoTests = deno.match(/<testcase\b/g)?.length ?? 0
const denoFailures = deno.match(/<failure\b/g)?.length ?? 0

const passed = vitest.numPassedTests + denoTests - denoFailures
const failed = vitest.numFailedTests + denoFailures
console.log(`\nnpm-test: ${passed} passed, ${failed} failed, ${vitest.numPendingTests} skipped`)
