import { build } from 'vite'
import { join } from 'node:path'
const root = '/work/size'
const appDir = join(root, 'test/fixtures', process.argv[2])
const result = await build({ root: appDir, configFile: false, logLevel: 'silent',
    resolve: { alias: { togglkit: join(root, 'src/index.ts') } },
    build: { write: false, minify: process.argv[3] !== 'plain', rolldownOptions: { input: join(appDir, 'main.ts') } } })
for (const c of result.output.filter(f => f.type === 'chunk')) { if (c.isEntry) process.stdout.write(c.code) }
