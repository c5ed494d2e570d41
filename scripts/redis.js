// Debian's redis-server for the tests and benchmarks that need a real Redis: started on a free
// loopback port without persistence, stopped (or killed, to play a crash) by whoever started it.
// Plain JavaScript, so Node scripts, benchmarks and tests share it.
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { createConnection, createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** Where the server is; REDIS_SERVER_PATH overrides it. */
export const redisServerPath = process.env.REDIS_SERVER_PATH ?? '/usr/bin/redis-server'

export const hasRedisServer = () => existsSync(redisServerPath)

/** A free loopback port, as the system hands one out (taken back at once, so use it soon). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

/**
 * Starts redis-server on `port` (a free one by default) and resolves once it answers PING. Nothing
 * is written to disk: no snapshots, no append-only file, its working directory a temporary one.
 */
export async function startRedisServer(port) {
  const chosen = port ?? (await freePort())
  const dir = mkdtempSync(join(tmpdir(), 'togglkit-redis-'))
  const args = ['--port', String(chosen), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--loglevel', 'warning']
  const child = spawn(redisServerPath, args, { stdio: ['ignore', 'ignore', 'pipe'] })
  let stderr = ''
  child.stderr.on('data', (chunk) => (stderr += chunk))
  const exited = new Promise((resolve) => child.once('exit', resolve))
  const clean = () => rmSync(dir, { recursive: true, force: true })
  exited.then(clean, clean)
  try {
    await answersPing(chosen, exited)
  } catch (error) {
    child.kill('SIGKILL')
    throw new Error(`redis-server did not start on port ${chosen}: ${error.message}${stderr ? `\n${stderr}` : ''}`)
  }
  const stopWith = async (signal) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal)
    await exited
  }
  return {
    port: chosen,
    url: `redis://127.0.0.1:${chosen}`,
    /** Shuts the server down and waits for it to exit. */
    stop: () => stopWith('SIGTERM'),
    /** Kills it at once, as a crash would (its data is gone: nothing persists). */
    kill: () => stopWith('SIGKILL'),
  }
}

/** Resolves once a server on `port` answers PING; rejects when it exits first or after 10 s. */
async function answersPing(port, exited) {
  let gone = false
  exited.then(() => (gone = true))
  const deadline = Date.now() + 10_000
  while (Date.now() < deadline) {
    if (gone) throw new Error('it exited')
    if (await ping(port)) return
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  throw new Error('no PONG within 10 s')
}

function ping(port) {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port })
    let reply = ''
    socket.setTimeout(1000, () => socket.destroy())
    socket.on('connect', () => socket.write('PING\r\n'))
    socket.on('data', (chunk) => {
      reply += chunk
      if (reply.includes('\r\n')) socket.end()
    })
    socket.on('close', () => resolve(reply.startsWith('+PONG')))
    socket.on('error', () => {})
  })
}
