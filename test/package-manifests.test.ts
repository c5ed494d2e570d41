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

  it('resolve each npm dependency, and only those, at the exact version package.json pins', () => {
    const pinned = Object.fromEntries(Object.entries(manifest.dependencies).map(([name, version]) => [name, `npm:${name}@${version}`]))
    expect(deno.imports).toEqual(pinned)
  })
})
