import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

/**
 * The other clients the overhead benchmark times beside togglkit, pinned. They are installed for
 * the benchmark only, into a scratch project under node_modules/.cache (npm's own client, from the
 * npm registry), and are never a dependency of togglkit.
 */
const PEERS = { ky: '2.1.0', 'toggl-client': '3.5.0' }

const scratch = fileURLToPath(new URL('../../node_modules/.cache/togglkit-bench-peers/', import.meta.url))

/**
 * `{ ky, togglClient }` as their packages export them by default, installed on first use (a few
 * seconds, once per checkout).
 */
export async function loadPeers() {
  const entry = join(scratch, 'peers.js')
  const installed = Object.keys(PEERS).every((name) => existsSync(join(scratch, 'node_modules', name, 'package.json')))
  if (!installed) {
    mkdirSync(scratch, { recursive: true })
    writeFileSync(join(scratch, 'package.json'), JSON.stringify({ private: true, type: 'module', dependencies: PEERS }))
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--no-package-lock', '--loglevel=error'], { cwd: scratch, stdio: 'inherit' })
  }
  // Bare specifiers resolve from the module that names them: this one lives beside the scratch node_modules.
  writeFileSync(entry, "export { default as ky } from 'ky'\nexport { default as togglClient } from 'toggl-client'\n")
  return import(pathToFileURL(entry).href)
}

export const PEER_VERSIONS = PEERS
