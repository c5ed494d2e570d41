import { once } from 'node:events'
import { Worker } from 'node:worker_threads'

/**
 * The fake Toggl API on a loopback port, served from a worker thread: its work then runs on the
 * other core instead of sharing the event loop with the client being timed, so the client's own
 * overhead is not hidden behind the server's.
 *
 * @param mockOptions what `createTogglMock` takes (structured-cloned into the worker)
 * @param seed the URL of a module whose `seed(mock)` fills each fresh fake (e.g. with time entries)
 */
export async function startFakeServer(mockOptions, seed) {
  const worker = new Worker(new URL('./fake-server-worker.js', import.meta.url), { workerData: { mockOptions, seed: seed?.href } })
  const [baseURL] = await once(worker, 'message')
  const ask = async (command) => {
    worker.postMessage(command)
    const [answer] = await once(worker, 'message')
    return answer
  }
  return {
    baseURL,
    /**
     * Replaces the fake by a fresh one with the same seed. The fake scans its whole hourly quota
     * window on every request, so after thousands of requests it slows down; starting each round
     * fresh keeps the server's cost the same throughout the run.
     */
    reset: () => ask('reset'),
    close: async () => {
      await ask('close')
      await worker.terminate()
    },
  }
}
