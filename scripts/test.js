// The README's test command: type-check, build, every Vitest project, then the Deno suite. The
// Chromium project needs Debian's /usr/bin/chromium; without it a developer's run skips only that
// project (loudly), while CI (CI=true) fails, because a green run that never opened a browser would
// hide real breakage.
import { existsSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import { chromiumPath } from './chromium.js'

const hasChromium = existsSync(chromiumPath)

function run(command, args) {
  console.log(`\n$ ${command} ${args.join(' ')}`)
  const { status } = spawnSync(command, args, { stdio: 'inherit' })
  if (status !== 0) process.exit(status ?? 1)
}

if (!hasChromium) {
  const banner = '!'.repeat(78)
  console.error(`\n${banner}\n!! ${chromiumPath} not found: the real-browser (Chromium) suites are SKIPPED.`)
  console.error('!! Install it with: apt-get update && apt-get install -y chromium')
  console.error(`${banner}\n`)
  if (process.env.CI) {
    console.error('CI must run the browser suites: failing.')
    process.exit(1)
  }
}

run('npx', ['tsc', '-p', 'tsconfig.json'])
// The package and bundle tests install the packed build, so it must be fresh.
run('npm', ['run', 'build'])
const projects = ['node', 'happy-dom', ...(hasChromium ? ['chromium', 'e2e'] : [])]
run('npx', ['vitest', 'run', ...projects.flatMap((p) => ['--project', p])])
// Deno through the `deno` npm package: type-check, its own test suite, and a JSR publish dry run.
run('npm', ['run', 'test:deno'])
