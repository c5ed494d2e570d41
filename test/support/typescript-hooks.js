// Node 20 cannot run TypeScript, so the child processes of tests load togglkit's sources through
// these module hooks: TypeScript's own transpiler strips the types of each .ts file (nothing is
// checked here; tsc does that). Registered with `node --import` (see child-process.ts).
import { readFile } from 'node:fs/promises'
import ts from 'typescript'

export async function load(url, context, nextLoad) {
  if (!url.startsWith('file:') || !url.endsWith('.ts')) return nextLoad(url, context)
  const source = await readFile(new URL(url), 'utf8')
  const { outputText } = ts.transpileModule(source, {
    fileName: url,
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: true },
  })
  return { format: 'module', source: outputText, shortCircuit: true }
}
