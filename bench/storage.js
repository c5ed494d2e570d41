import { spawn } from 'node:child_process'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { MemoryCache } from 'togglkit'
import { createTogglMock, DEMO_ACCOUNT } from 'togglkit/mock'
import { serveTogglMock } from 'togglkit/mock/node'
import { createStorageCache } from 'togglkit/storage'
import { createStorage } from 'unstorage'
import redisDriver from 'unstorage/drivers/redis'
import { hasRedisServer, redisServerPath, startRedisServer } from '../scripts/redis.js'
import { seededEndpoint, timeCachedGets } from './lib/cached-gets.js'
import { formatMs, formatRatio } from './lib/stats.js'

const SIZE = 1_000
const RUN = { rounds: 10, warmupRounds: 1, lookupsPerRound: 500 }
const PROCESSES = 4
const ORGANIZATIONS = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli']

/**
 * Item 8, the cache shared by many processes (togglkit/storage on a real redis-server on loopback):
 * (a) a cached get through Redis vs MemoryCache vs the network get of item 1; (b) the requests N
 * processes serving one account spend, with no cache, a MemoryCache each, and one shared Redis.
 *
 * @param networkMs the median network `get` of item 1
 */
export async function measureSharedCache(networkMs) {
  if (!hasRedisServer()) {
    const skipped = `skipped: ${redisServerPath} not found (apt-get install -y redis-server)`
    return { rows: [{ id: '11a', benchmark: 'Cached get through Redis (togglkit/storage)', result: skipped }], notes: [] }
  }
  const redis = await startRedisServer()
  try {
    return merge(await measureLookups(redis.url, networkMs), await measureProcesses(redis.url))
  } finally {
    await redis.stop()
  }
}

async function measureLookups(redisURL, networkMs) {
  const storage = createStorage({ driver: redisDriver({ url: redisURL }) })
  try {
    const [redis, memory] = await timeCachedGets(
      [await seededEndpoint(SIZE, createStorageCache(storage, { name: 'bench-lookups' })), await seededEndpoint(SIZE, new MemoryCache())],
      RUN,
    )
    return {
      rows: [
        {
          id: '11a',
          benchmark: `Cached get of ${SIZE.toLocaleString('en-US')} organizations: StorageCache on Redis (loopback) vs MemoryCache vs the network get of item 1`,
          result:
            `${formatMs(redis)} vs ${formatMs(memory)} vs ${formatMs(networkMs)}: Redis ${formatRatio(redis / memory)} MemoryCache, ` +
            `${formatRatio(networkMs / redis)} faster than the network`,
        },
      ],
      notes: [
        `Shared cache (11a): both caches filled by one collect() of ${SIZE} organizations from the in-process fake, then ${RUN.rounds} rounds ` +
          `of ${RUN.lookupsPerRound} get(id) each, interleaved, ids at random; medians per lookup. Through Redis a lookup is one GET on a ` +
          'loopback socket plus parsing the JSON record and checking it against the schema (a shared store is not trusted).',
      ],
    }
  } finally {
    await storage.dispose()
  }
}

/**
 * Each of N processes opens the account: collect(), then get() of every organization; then the
 * first renames one, and every process opens it again (and must see the new name).
 */
async function measureProcesses(redisURL) {
  const spent = {}
  const stale = {}
  for (const kind of ['none', 'memory', 'redis']) {
    const mock = createTogglMock({ organizations: ORGANIZATIONS.map((name) => ({ name, memberIds: [DEMO_ACCOUNT.id] })) })
    const server = await serveTogglMock(mock)
    const processes = await Promise.all(Array.from({ length: PROCESSES }, () => startProcess([kind, redisURL, server.baseURL, DEMO_ACCOUNT.apiToken])))
    try {
      let listed = []
      for (const child of processes) listed = await child.call({ op: 'collect' })
      for (const child of processes) for (const { id } of listed) await child.call({ op: 'get', id })
      await processes[0].call({ op: 'edit', id: listed[0].id, name: 'Acme Renamed' })
      stale[kind] = 0
      for (const child of processes) if ((await child.call({ op: 'get', id: listed[0].id })).name !== 'Acme Renamed') stale[kind]++
      spent[kind] = mock.requests.length
    } finally {
      await Promise.all(processes.map((child) => child.exit()))
      await server.close()
    }
  }
  const staleNote = (kind) => (stale[kind] === 0 ? '' : ` (${stale[kind]} of ${PROCESSES} then served the old name)`)
  return {
    rows: [
      {
        id: '11b',
        benchmark: `Requests for ${PROCESSES} processes on one account: each collect → open all ${ORGANIZATIONS.length}; one renames 1; each opens it`,
        result: `no cache ${spent.none}, a MemoryCache each ${spent.memory}${staleNote('memory')}, one Redis ${spent.redis}${staleNote('redis')}`,
        target: '= 2 with the shared cache, none stale',
        met: spent.redis === 2 && stale.redis === 0,
      },
    ],
    notes: [
      `Shared cache (11b): ${PROCESSES} Node processes (bench/lib/storage-process.js, the built package) on one fake on loopback, ` +
        'driven one step at a time, counted at the fake. The least is 2: the first collect() and the rename. A MemoryCache each pays ' +
        "the collect once per process and keeps serving the old name after another process's rename.",
    ],
  }
}

function merge(...results) {
  return { rows: results.flatMap(({ rows }) => rows), notes: results.flatMap(({ notes }) => notes) }
}

/** Starts bench/lib/storage-process.js and waits for its ready line; one JSON line per command. */
async function startProcess(args) {
  const script = fileURLToPath(new URL('lib/storage-process.js', import.meta.url))
  const child = spawn(process.execPath, [script, ...args], { stdio: ['pipe', 'pipe', 'inherit'] })
  const exited = new Promise((resolve) => child.once('exit', resolve))
  const waiting = []
  createInterface({ input: child.stdout }).on('line', (line) => waiting.shift()?.(JSON.parse(line)))
  const next = () => new Promise((resolve) => waiting.push(resolve))
  await next()
  return {
    async call(command) {
      const answer = next()
      child.stdin.write(`${JSON.stringify(command)}\n`)
      const { result, error } = await answer
      if (error) throw new Error(error)
      return result
    },
    async exit() {
      child.stdin.end()
      await exited
    },
  }
}
