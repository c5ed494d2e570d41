import { spawn } from 'node:child_process'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'

const HOOKS = new URL('typescript-hooks.js', import.meta.url).href

/** A Node process running a TypeScript script of the tests, driven by one JSON line per command. */
export interface ScriptProcess {
  /** Sends a command; resolves with the script's answer, rejects with its error message. */
  call<T>(command: Record<string, unknown>): Promise<T>
  /** Ends the process and waits for it to exit. */
  exit(): Promise<void>
}

/**
 * Starts `script` (a .ts file, run from the sources through typescript-hooks.js) in a new Node
 * process and waits for its `{ "ready": true }` line. Each command is a JSON line on its stdin;
 * each answer, `{ "result": … }` or `{ "error": "…" }`, a JSON line on its stdout, in order.
 */
export async function startScriptProcess(script: URL, args: string[]): Promise<ScriptProcess> {
  const register = `data:text/javascript,import { register } from 'node:module'; register(${JSON.stringify(HOOKS)})`
  const child = spawn(process.execPath, ['--import', register, fileURLToPath(script), ...args], { stdio: ['pipe', 'pipe', 'inherit'] })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const waiting: { resolve: (answer: Record<string, unknown>) => void; reject: (error: Error) => void }[] = []
  createInterface({ input: child.stdout }).on('line', (line) => waiting.shift()?.resolve(JSON.parse(line)))
  void exited.then(() => {
    for (const waiter of waiting.splice(0)) waiter.reject(new Error(`${fileURLToPath(script)} exited`))
  })
  const next = () => new Promise<Record<string, unknown>>((resolve, reject) => waiting.push({ resolve, reject }))
  const ready = await next()
  if (ready.ready !== true) throw new Error(`unexpected first line: ${JSON.stringify(ready)}`)
  return {
    async call<T>(command: Record<string, unknown>): Promise<T> {
      const answer = next()
      child.stdin.write(`${JSON.stringify(command)}\n`)
      const { result, error } = await answer
      if (typeof error === 'string') throw new Error(error)
      return result as T
    },
    async exit() {
      child.stdin.end()
      await exited
    },
  }
}
