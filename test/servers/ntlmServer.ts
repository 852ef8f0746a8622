import { randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { Socket } from 'node:net'
import { listen, type RunningServer } from './listen'
import {
  challengeMessage,
  messageType,
  parseAuthenticate,
  targetInfo,
  verifyNtlmv2,
  type Authenticate,
} from './ntlmVerify'

/** What happened on the server, in order, with the client port of the connection. */
export interface NtlmEvent {
  kind: 'type1' | 'type3' | 'authenticated' | 'refused' | 'unauthenticated'
  port: number
  /** For type3 events: who signed in, as `DOMAIN\user`. */
  who?: string
  /** Why a Type 3 was refused. */
  reason?: string
}

export interface NtlmServer extends RunningServer {
  events: NtlmEvent[]
}

export interface NtlmServerOptions {
  /** Accounts by `DOMAIN\user` (case-insensitive): their passwords. */
  users: Record<string, string>
  /** The NetBIOS domain the challenge names. Default COURIER. */
  domain?: string
  /** Offer only Basic, as a server without NTLM does. */
  basicOnly?: boolean
}

/**
 * An NTLM server on loopback, like IIS with Windows authentication: a request without
 * credentials gets 401 `WWW-Authenticate: NTLM`; a Type 1 message gets a Type 2 challenge
 * (NTLMv2 target info, a fresh server challenge kept for that connection); a Type 3 is
 * verified independently (ntlmVerify.ts) and must come on the same connection as its
 * Type 1, else it is refused. A signed-in connection serves further requests without
 * credentials; `/redirect` then answers 302 to `/after`. 200 answers JSON `{ authenticated, user, domain, workstation, path }`.
 */
export async function startNtlmServer(options: NtlmServerOptions): Promise<NtlmServer> {
  const domain = options.domain ?? 'COURIER'
  const info = targetInfo(domain, 'LOOPBACK')
  const users = new Map(Object.entries(options.users).map(([k, v]) => [k.toUpperCase(), v]))
  const challenges = new WeakMap<Socket, Buffer>()
  const signedIn = new WeakMap<Socket, Authenticate>()
  const events: NtlmEvent[] = []

  const server = createServer((req, res) => {
    req.resume()
    req.on('end', () => answer(req, res))
  })

  function answer(req: IncomingMessage, res: ServerResponse) {
    const socket = req.socket
    const port = socket.remotePort ?? 0
    const path = req.url ?? '/'
    if (options.basicOnly) {
      return res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="loopback"' }).end('Basic only')
    }
    const header = req.headers.authorization ?? ''
    const token = /^NTLM\s+(\S+)$/i.exec(header)?.[1]
    const message = token ? Buffer.from(token, 'base64') : null
    const type = message ? messageType(message) : null
    if (type === 1) {
      events.push({ kind: 'type1', port })
      const challenge = randomBytes(8)
      challenges.set(socket, challenge)
      const type2 = challengeMessage(challenge, domain, info).toString('base64')
      return res.writeHead(401, { 'WWW-Authenticate': `NTLM ${type2}` }).end('Challenge')
    }
    if (type === 3) {
      const challenge = challenges.get(socket)
      challenges.delete(socket)
      const auth = parseAuthenticate(message!)
      const who = `${auth.domain}\\${auth.user}`
      const password = users.get(who.toUpperCase())
      const reason = !challenge
        ? 'Type 3 on a connection that sent no Type 1'
        : password === undefined
          ? `unknown account ${who}`
          : verifyNtlmv2(auth, password, challenge, info)
      if (reason !== null) {
        events.push({ kind: 'refused', port, who, reason })
        return res.writeHead(401, { 'WWW-Authenticate': 'NTLM' }).end(reason)
      }
      events.push({ kind: 'type3', port, who })
      signedIn.set(socket, auth)
      return served(res, auth, path)
    }
    const known = signedIn.get(socket)
    if (known) {
      events.push({ kind: 'authenticated', port })
      return served(res, known, path)
    }
    events.push({ kind: 'unauthenticated', port })
    res.writeHead(401, { 'WWW-Authenticate': 'NTLM' }).end('Sign in with NTLM')
  }

  /** `/redirect` answers 302 to `/after` (same origin), anything else 200. */
  function served(res: ServerResponse, auth: Authenticate, path: string) {
    if (path.startsWith('/redirect')) return res.writeHead(302, { Location: '/after' }).end()
    res.writeHead(200, { 'Content-Type': 'application/json' })
    res.end(
      JSON.stringify({
        authenticated: true,
        user: auth.user,
        domain: auth.domain,
        workstation: auth.workstation,
        path,
      }),
    )
  }

  return { ...(await listen(server)), events }
}
