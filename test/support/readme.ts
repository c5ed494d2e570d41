// The code blocks of the README files, as the README-example tests run or check them. Every block
// of JavaScript or TypeScript carries a marker on the line before it saying what is done with it:
//
//   <!-- example: run; name: quick-start -->        run in Node against the fake Toggl API
//   <!-- example: run; after: quick-start -->       run in the same module as the block named
//   <!-- example: run; given: auth, workspaceId --> run with those names defined (see GIVENS)
//   <!-- example: run; port: 8787; prints: text --> run with 8787 a free port, until it prints text
//   <!-- example: worker; name: … -->               a worker module: imported, its fetch called
//   <!-- example: check; why: … -->                 type-checked only, for the reason given
//   <!-- example: deno; why: … -->                  checked by `deno check` only, for the reason given
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

export const CODE_LANGUAGES: ReadonlySet<string> = new Set(['js', 'javascript', 'ts', 'typescript'])

export type ExampleKind = 'run' | 'worker' | 'check' | 'deno'

export interface ExampleMarker {
  kind: ExampleKind
  name?: string
  /** The block whose module this one continues. */
  after?: string
  /** Names the example uses without defining them. */
  given: string[]
  /** A port the example listens on, replaced by a free one when it runs. */
  port?: number
  /** Text the example prints; once it has, the run is done (a server may go on serving). */
  prints?: string
  /** Why a block is only checked. */
  why?: string
}

export interface CodeBlock {
  /** `README.md:44`: the file and the line of its opening fence. */
  where: string
  language: string
  code: string
  /** `undefined` when the line before the fence is no marker. */
  marker: ExampleMarker | undefined
}

const MARKER = /^<!-- example: (.*) -->$/

/** Every fenced block of a Markdown file of the repository, with the marker before it. */
export function codeBlocksOf(root: string, file: string): CodeBlock[] {
  const lines = readFileSync(join(root, file), 'utf8').split('\n')
  const blocks: CodeBlock[] = []
  for (let index = 0; index < lines.length; index++) {
    const fence = /^```(\S*)/.exec(lines[index]!)
    if (!fence) continue
    const opening = index
    const body: string[] = []
    while (++index < lines.length && lines[index] !== '```') body.push(lines[index]!)
    const before = lines[opening - 1] ?? ''
    const marked = MARKER.exec(before)
    blocks.push({
      where: `${file}:${opening + 1}`,
      language: fence[1] ?? '',
      code: `${body.join('\n')}\n`,
      marker: marked ? parseMarker(marked[1]!, `${file}:${opening}`) : undefined,
    })
  }
  return blocks
}

function parseMarker(text: string, where: string): ExampleMarker {
  const [kind = '', ...parts] = text.split(';').map((part) => part.trim())
  if (!['run', 'worker', 'check', 'deno'].includes(kind)) throw new Error(`${where}: an example marker starts with run, worker, check or deno, got "${kind}"`)
  const marker: ExampleMarker = { kind: kind as ExampleKind, given: [] }
  for (const part of parts) {
    const [, key, value = ''] = /^(\w+):\s*(.*)$/.exec(part) ?? []
    if (key === 'name' || key === 'after' || key === 'prints' || key === 'why') marker[key] = value
    else if (key === 'given') marker.given = value.split(',').map((name) => name.trim())
    else if (key === 'port') marker.port = Number(value)
    else throw new Error(`${where}: unknown part "${part}" in an example marker`)
  }
  if ((kind === 'check' || kind === 'deno') && !marker.why) throw new Error(`${where}: a block that is only checked says why`)
  return marker
}

/** The blocks of code and where they sit, for the files the tests cover. */
export function examplesOf(root: string, files: readonly string[]): CodeBlock[] {
  return files.flatMap((file) => codeBlocksOf(root, file)).filter(({ language }) => CODE_LANGUAGES.has(language))
}

/** A block's source with the block it continues in front: one module, as a reader reads them. */
export function moduleSource(block: CodeBlock, all: readonly CodeBlock[]): string {
  const after = block.marker?.after
  if (after === undefined) return block.code
  const base = all.find(({ marker }) => marker?.name === after)
  if (!base) throw new Error(`${block.where} continues "${after}", which no block is named`)
  return `${moduleSource(base, all)}\n${block.code}`
}

/** A file name for a block: its file and line. */
export function slugOf(block: CodeBlock): string {
  return block.where.replace(/[^\w]+/g, '-')
}
