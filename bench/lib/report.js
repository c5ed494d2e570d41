import { writeFile } from 'node:fs/promises'
import { availableParallelism, cpus, platform, release } from 'node:os'

/**
 * The one table every benchmark reports into, printed to the terminal and written as Markdown so
 * RESULTS.md reads well on GitHub and in a terminal alike.
 *
 * A benchmark returns `{ rows, notes }`: each row is `{ id, benchmark, result, target, met }` with
 * `met` true, false, or undefined when the issue sets no target; notes explain how it was measured.
 */
const HEADERS = ['#', 'Benchmark', 'Result', 'Target', 'Met']

function renderTable(headers, rows) {
  const widths = headers.map((header, column) => Math.max(header.length, ...rows.map((row) => row[column].length)))
  const line = (cells) => `| ${cells.map((cell, column) => cell.padEnd(widths[column])).join(' | ')} |`
  return [line(headers), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n')
}

function verdictOf(met) {
  if (met === undefined) return '–'
  return met ? 'yes' : '**NO**'
}

/** The date, runtime and machine, since every number here is relative to them. */
function environmentOf(extra) {
  const [cpu] = cpus()
  return [
    `- Date: ${new Date().toISOString().slice(0, 10)}`,
    `- Machine: ${availableParallelism()} cores (${cpu?.model.trim() ?? 'unknown CPU'}), ${platform()} ${release()}`,
    `- Node ${process.version}`,
    ...extra.map((line) => `- ${line}`),
  ]
}

/** Prints the results and writes them to `file`. */
export async function report({ title, file, results, runtimeMs, environment = [] }) {
  const rows = results.flatMap(({ rows }) => rows)
  const table = renderTable(
    HEADERS,
    rows.map(({ id, benchmark, result, target, met }) => [id, benchmark, result, target ?? '–', verdictOf(met)]),
  )
  const notes = results.flatMap(({ notes }) => notes).map((note) => `- ${note}`)
  const markdown = [
    `# ${title}`,
    '',
    ...environmentOf(environment),
    `- Runtime: ${(runtimeMs / 1000).toFixed(0)} s`,
    '',
    table,
    '',
    '## How each number was measured',
    '',
    ...notes,
    '',
  ].join('\n')
  console.log(`\n${markdown}`)
  await writeFile(file, markdown)
  console.log(`Written to ${file}`)
}
