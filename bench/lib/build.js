import { spawnSync } from 'node:child_process'

/**
 * Builds dist/ from the current sources: the benchmarks import the package as users do, so an old
 * build would time code that no longer exists.
 */
export function buildPackage() {
  const { status, stdout, stderr } = spawnSync('npm', ['run', 'build'], { encoding: 'utf8' })
  if (status !== 0) {
    process.stderr.write(stdout + stderr)
    throw new Error('npm run build failed')
  }
}
