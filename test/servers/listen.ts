import type { AddressInfo, Server, Socket } from 'node:net'

/** A server a test started: its base URL and a way to stop it. */
export interface RunningServer {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:40123`. */
  url: string
  close(): Promise<void>
}

/**
 * Listens on a free port of `host` and returns the base URL. close() also destroys open
 * sockets, because the hanging and keep-alive fixtures would otherwise hold it open forever.
 */
export function listen(
  server: Server,
  host = '127.0.0.1',
  scheme = 'http',
): Promise<RunningServer> {
  const sockets = new Set<Socket>()
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, host, () => {
      const { port } = server.address() as AddressInfo
      resolve({
        url: `${scheme}://${host}:${port}`,
        close: () =>
          new Promise<void>((done) => {
            for (const socket of sockets) socket.destroy()
            server.close(() => done())
          }),
      })
    })
  })
}
