// `npm run test:deno`, and the Deno step of `npm test`: through the `deno` npm package, type-check
// the entry points, run the Deno suite, and dry-run a JSR publish.
import { spawnSync } from 'node:child_process'
import { pathToFileURL } from 'node:url'

/**
 * Runs the Deno steps; returns the first failing exit code, or 0. With `junitPath`, `deno test`
 * also writes its results there (for `npm test`'s closing count).
 */
export function runDenoSuite({ junitPath } = {}) {
  const steps = [
    ['check', 'src/index.ts', 'src/mock/index.ts', 'src/mock/node.ts', 'src/receiver/index.ts', 'src/receiver/node.ts', 'src/storage/index.ts'],
    // --unstable-kv: the storage suite runs togglkit/storage on an in-memory Deno KV.
    ['test', '--allow-net=127.0.0.1', '--unstable-kv', ...(junitPath ? [`--junit-path=${junitPath}`] : []), 'test/deno/'],
    // Without --allow-slow-types: every exported value has an explicit type, so JSR documents them all.
    ['publish', '--dry-run', '--allow-dirty', '--quiet'],
  ]
  for (const args of steps) {
    console.log(`\n$ deno ${args.join(' ')}`)
    const { status } = spawnSync('npx', ['deno', ...args], { stdio: 'inherit' })
    if (status !== 0) return status ?? 1
  }
  return 0
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.exitCode = runDenoSuite()
