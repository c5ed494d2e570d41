import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { formatMs, formatRatio, median } from './lib/stats.js'

const run = promisify(execFile)
const repoRoot = fileURLToPath(new URL('..', import.meta.url))
// A process start is ~100 ms and noisy; 20 of each keeps the medians steady in about 10 s.
const SAMPLES = 20
const PROGRAMS = {
  togglkit: "import('togglkit')",
  ofetch: "import('ofetch')",
  node: '',
}

/**
 * Item 6: `node -e "import('togglkit')"` versus importing ofetch alone, whole processes timed
 * from spawn to exit, alternating. togglkit resolves to dist/ through the package's own exports;
 * a bare `node -e ""` shows how much of either is Node's own start-up.
 */
export async function measureColdStart() {
  const times = Object.fromEntries(Object.keys(PROGRAMS).map((name) => [name, []]))
  for (let sample = 0; sample < SAMPLES; sample++) {
    for (const [name, program] of Object.entries(PROGRAMS)) {
      const started = performance.now()
      await run(process.execPath, ['-e', program], { cwd: repoRoot })
      times[name].push(performance.now() - started)
    }
  }
  const [togglkit, ofetch, node] = Object.keys(PROGRAMS).map((name) => median(times[name]))
  return {
    rows: [
      {
        id: '6',
        benchmark: 'Cold start: node -e "import(\'togglkit\')" vs importing ofetch alone',
        result:
          `${formatMs(togglkit)} vs ${formatMs(ofetch)}: ${formatRatio(togglkit / ofetch)}; the imports alone ` +
          `(minus a bare node start of ${formatMs(node)}): ${formatRatio((togglkit - node) / (ofetch - node))}`,
      },
    ],
    notes: [`Cold start (6): ${SAMPLES} process starts of each, alternating, from spawn to exit; medians.`],
  }
}
