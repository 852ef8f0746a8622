import { connect, createServer, type Socket } from 'node:net'
import { listen, type RunningServer } from './listen'

export interface RunningSocksServer extends RunningServer {
  /** `host:port` of every CONNECT the server was asked for, in order. */
  connects: string[]
  /** TCP connections clients opened to the server. */
  connections(): number
}

/**
 * A small SOCKS5 server (RFC 1928, CONNECT only, RFC 1929 user/password when
 * `credentials` is given) on 127.0.0.1, recording what it connects to. Written here
 * because the npm SOCKS servers are unmaintained.
 */
export async function startSocksServer(credentials?: string): Promise<RunningSocksServer> {
  const connects: string[] = []
  let connections = 0
  const server = createServer((client) => {
    connections++
    client.on('error', () => client.destroy())
    void handshake(client, credentials, connects).catch(() => client.destroy())
  })
  const running = await listen(server, '127.0.0.1', 'socks5')
  return { ...running, connects, connections: () => connections }
}

async function handshake(client: Socket, credentials: string | undefined, connects: string[]) {
  const read = reader(client)
  const [version, methodCount] = await read(2)
  if (version !== 5) return client.destroy()
  const methods = [...(await read(methodCount!))]
  const wanted = credentials ? 2 : 0
  if (!methods.includes(wanted)) return client.end(Buffer.from([5, 0xff]))
  client.write(Buffer.from([5, wanted]))
  if (credentials) {
    const [, userLength] = await read(2)
    const user = (await read(userLength!)).toString()
    const [passLength] = await read(1)
    const pass = (await read(passLength!)).toString()
    const ok = `${user}:${pass}` === credentials
    client.write(Buffer.from([1, ok ? 0 : 1]))
    if (!ok) return client.end()
  }
  const [, command, , addressType] = await read(4)
  let host: string
  if (addressType === 1) host = [...(await read(4))].join('.')
  else if (addressType === 3) host = (await read((await read(1))[0]!)).toString()
  else return client.end(Buffer.from([5, 8, 0, 1, 0, 0, 0, 0, 0, 0]))
  const port = (await read(2)).readUInt16BE(0)
  connects.push(`${host}:${port}`)
  if (command !== 1) return client.end(Buffer.from([5, 7, 0, 1, 0, 0, 0, 0, 0, 0]))
  const upstream = connect(port, host)
  upstream.once('error', () => client.end(Buffer.from([5, 5, 0, 1, 0, 0, 0, 0, 0, 0])))
  upstream.once('connect', () => {
    client.write(Buffer.from([5, 0, 0, 1, 0, 0, 0, 0, 0, 0]))
    read.rest().forEach((chunk) => upstream.write(chunk))
    upstream.pipe(client)
    client.pipe(upstream)
    upstream.on('error', () => client.destroy())
  })
}

/** Reads exactly n bytes at a time from a socket; rest() hands back what came early. */
function reader(socket: Socket) {
  let buffered = Buffer.alloc(0)
  let waiting: (() => void) | null = null
  const onData = (chunk: Buffer) => {
    buffered = Buffer.concat([buffered, chunk])
    waiting?.()
  }
  socket.on('data', onData)
  const read = async (n: number): Promise<Buffer> => {
    while (buffered.length < n) {
      await new Promise<void>((resolve, reject) => {
        waiting = resolve
        socket.once('close', () => reject(new Error('closed')))
      })
    }
    const out = buffered.subarray(0, n)
    buffered = buffered.subarray(n)
    return out
  }
  read.rest = () => {
    socket.off('data', onData)
    socket.pause()
    const rest = buffered.length > 0 ? [buffered] : []
    buffered = Buffer.alloc(0)
    return rest
  }
  return read
}
