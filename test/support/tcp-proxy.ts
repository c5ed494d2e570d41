import { createConnection, createServer, type AddressInfo, type Socket } from 'node:net'

/** A loopback TCP proxy whose link a test can slow down or cut, with the server behind it untouched. */
export interface TcpProxy {
  port: number
  /** Delays every chunk, both ways, by `ms` from now on (order kept). */
  slowDown(ms: number): void
  /** Drops every connection and refuses new ones until {@link restore}. */
  cut(): void
  /** Lets connections through again, without delay. */
  restore(): void
  close(): Promise<void>
}

export async function startTcpProxy(targetPort: number): Promise<TcpProxy> {
  let delay = 0
  let open = true
  const sockets = new Set<Socket>()
  const track = (socket: Socket) => {
    sockets.add(socket)
    socket.once('close', () => sockets.delete(socket))
    socket.on('error', () => socket.destroy())
  }
  /** Copies `from` to `to`, each chunk after the current delay, one chunk after the other. */
  const relay = (from: Socket, to: Socket) => {
    let queue = Promise.resolve()
    from.on('data', (chunk) => {
      const wait = delay
      queue = queue.then(() => (wait > 0 ? new Promise((resolve) => setTimeout(resolve, wait)) : undefined)).then(() => {
        if (!to.destroyed) to.write(chunk)
      })
    })
    from.once('close', () => void queue.then(() => to.destroy()))
  }
  const server = createServer((client) => {
    track(client)
    if (!open) return client.destroy()
    const upstream = createConnection({ host: '127.0.0.1', port: targetPort })
    track(upstream)
    relay(client, upstream)
    relay(upstream, client)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    port: (server.address() as AddressInfo).port,
    slowDown: (ms) => (delay = ms),
    cut() {
      open = false
      for (const socket of sockets) socket.destroy()
    },
    restore() {
      open = true
      delay = 0
    },
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      }),
  }
}
