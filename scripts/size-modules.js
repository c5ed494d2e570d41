// `npm run size:modules [app…]`: where the bytes of a fixture app's bundle come from, module by
// module, so a cut is chosen by measurement. The app is bundled as `npm run size` bundles it (Vite's
// defaults, for browsers), but against src/ instead of the packed build, so togglkit's own modules
// keep their names. Each module's rendered code is minified on its own and gzipped alone; gzip finds
// more repeats across a whole chunk, so each module's share is its gzip alone scaled to the chunk's
// real gzip size (good for ranking, within ~10% for one module). Vite injects its preload helper
// (about 590 B gzip, there whenever an app has an `import()`) after rendering, so it shows as ~0 here.
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { minifySync } from 'rolldown/utils'
import { build } from 'vite'
import { manifest, repoRoot } from './packed-consumer.js'

const gzip = (code) => gzipSync(code, { level: 9 }).byteLength

/** The chunks of one app, bundled against the sources, minified or not. */
async function bundleFromSources(app, minify) {
  const appDir = join(repoRoot, 'test', 'fixtures', app)
  const result = await build({
    root: appDir,
    configFile: false,
    logLevel: 'silent',
    resolve: {
      alias: [
        { find: /^togglkit\/webhooks$/, replacement: join(repoRoot, 'src/receiver/index.ts') },
        { find: /^togglkit\/storage$/, replacement: join(repoRoot, 'src/storage/index.ts') },
        { find: /^togglkit$/, replacement: join(repoRoot, 'src/index.ts') },
      ],
    },
    build: { write: false, minify, rolldownOptions: { input: join(appDir, 'main.ts') } },
  })
  const outputs = Array.isArray(result) ? result : [result]
  return outputs.flatMap((output) => output.output).filter((file) => file.type === 'chunk')
}

const nameOf = (id) => (id.startsWith(repoRoot) ? id.slice(repoRoot.length + 1) : id.replace(/^.*node_modules\//, ''))

async function describeApp(app) {
  const minified = await bundleFromSources(app, true)
  const plain = await bundleFromSources(app, false)
  const lines = [`${app}: ${minified.reduce((sum, chunk) => sum + gzip(chunk.code), 0)} B gzip in all (from src/)`]
  for (const chunk of plain) {
    const real = minified.find((other) => other.isEntry === chunk.isEntry && other.moduleIds.join() === chunk.moduleIds.join())
    const chunkGzip = real ? gzip(real.code) : Number.NaN
    const rows = Object.entries(chunk.modules)
      .filter(([, module]) => module.code)
      .map(([id, module]) => {
        const code = minifySync('module.js', module.code, { compress: true, mangle: true }).code
        return { name: nameOf(id), minified: code.length, alone: gzip(code) }
      })
    const sumAlone = rows.reduce((sum, row) => sum + row.alone, 0)
    lines.push(`  ${chunk.isEntry ? 'entry' : 'loaded with import()'}: ${chunkGzip} B gzip`)
    lines.push('    share  alone  minified  module')
    for (const row of rows.sort((a, b) => b.alone - a.alone)) {
      const share = Math.round((row.alone * chunkGzip) / sumAlone)
      lines.push(`    ${String(share).padStart(5)}  ${String(row.alone).padStart(5)}  ${String(row.minified).padStart(8)}  ${row.name}`)
    }
  }
  return lines.join('\n')
}

const apps = process.argv.slice(2)
for (const app of apps.length > 0 ? apps : Object.keys(manifest.sizeBudget)) console.log(`${await describeApp(app)}\n`)
