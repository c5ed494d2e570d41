// package.json (npm), deno.json (Deno, and `deno publish`) and jsr.json (JSR) describe one package;
// these checks keep a release from publishing different versions, entry points or dependencies.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { manifest, repoRoot } from '../scripts/packed-consumer.js'

interface JsrManifest {
  name: string
  version: string
  license: string
  exports: Record<string, string>
  publish: { include: string[] }
}

interface DenoConfig extends JsrManifest {
  imports: Record<string, string>
}

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(join(repoRoot, file), 'utf8')) as T
}

const deno = readJson<DenoConfig>('deno.json')
const jsr = readJson<JsrManifest>('jsr.json')

describe('deno.json and jsr.json', () => {
  it('publish the same package (deno publish reads deno.json when both exist)', () => {
    const { name, version, license, exports, publish } = deno
    expect({ name, version, license, exports, publish }).toEqual(jsr)
  })

  it('carry the version and license of package.json', () => {
    expect(jsr.version).toBe(manifest.version)
    expect(jsr.license).toBe(manifest.license)
  })

  it('export, as TypeScript sources, each entry point package.json exports as a build', () => {
    const built = Object.fromEntries(
      Object.entries(jsr.exports).map(([subpath, source]) => [
        subpath,
        source.replace(/^\.\/src\//, './dist/').replace(/\.ts$/, '.js'),
      ]),
    )
    const npmBuilt = Object.fromEntries(Object.entries(manifest.exports).map(([subpath, { import: code }]) => [subpath, code]))
    expect(built).toEqual(npmBuilt)
  })

  it('resolve each npm dependency and peer, and only those, at the exact version package.json pins', () => {
    // A peer is pinned where the repository installs it, in devDependencies.
    const peers = Object.keys(manifest.peerDependencies).map((name) => [name, manifest.devDependencies[name] ?? 'missing'] as const)
    expect(peers.every(([, version]) => /^\d+\.\d+\.\d+$/.test(version))).toBe(true)
    const pinned = Object.fromEntries([...Object.entries(manifest.dependencies), ...peers].map(([name, version]) => [name, `npm:${name}@${version}`]))
    expect(deno.imports).toEqual(pinned)
  })

  it('keep every peer dependency optional, within the range the repository tests', () => {
    for (const name of Object.keys(manifest.peerDependencies)) {
      expect(manifest.peerDependenciesMeta[name], name).toEqual({ optional: true })
      const [major, minor] = (manifest.devDependencies[name] ?? '').split('.')
      expect(manifest.peerDependencies[name], name).toBe(`^${major}.${minor}.0`)
    }
  })
})
