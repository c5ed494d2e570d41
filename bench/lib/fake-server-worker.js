// The worker side of fake-server.js: serves the fake and answers the main thread's commands.
import { parentPort, workerData } from 'node:worker_threads'
import { createTogglMock } from 'togglkit/mock'
import { serveTogglMock } from 'togglkit/mock/node'

const { mockOptions, seed } = workerData
const seeding = seed === undefined ? undefined : (await import(seed)).seed
const freshMock = () => {
  const fresh = createTogglMock(mockOptions)
  seeding?.(fresh)
  return fresh
}

let mock = freshMock()
// A handler, not the mock itself, so `reset` can swap the fake while the port (and the client's
// keep-alive connections) stay the same.
const server = await serveTogglMock((request) => mock.handle(request))
parentPort.postMessage(server.baseURL)

parentPort.on('message', async (command) => {
  if (command === 'reset') mock = freshMock()
  if (command === 'close') await server.close()
  parentPort.postMessage(command)
})
