import { mkdirSync, readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { sessionDir } from '../core/bodies/sessionBodiesDir'
import { composeCourier } from '../core/composeCourier'
import { readExternalOverrides } from '../core/secrets/externalSecrets'
import { MemorySecretStore } from '../core/secrets/memorySecretStore'
import { openConfStore, type StorageNotice } from '../core/storage/openConfStore'
import { createBodyDownloads } from './bodyDownloads'
import { createBridge } from './bridgeSocket'
import { createToken, isAllowedHost } from './loopbackGuard'
import { createReportDownloads } from './reportDownloads'
import { securityHeaders } from './securityHeaders'
import { createStaticHandler, sendStatus } from './staticFiles'

export interface WebHostOptions {
  /** TCP port on 127.0.0.1; 0 picks a free one. */
  port?: number
  /** Where settings are kept (the app's data directory by default). */
  dataDir: string
  /** The built renderer (`out/renderer`). */
  rendererDir: string
  /** A JSON file of variable values (`--secrets FILE`) that override the saved ones when sending. */
  secretsFile?: string | null
  /** Where `COURIER_VAR_<NAME>` overrides are read from (`process.env` by default). */
  env?: Record<string, string | undefined>
  /**
   * The formatting worker's entry, for a built host (the default loads it from source
   * beside prettyInWorker, which needs tsx).
   */
  prettyWorkerEntry?: string | URL
  /** Likewise for the script sandbox's worker. */
  scriptWorkerEntry?: string | URL
  /** Likewise for the history writer thread. */
  historyWorkerEntry?: string | URL
}

export interface WebHost {
  /** The address to open: `http://127.0.0.1:PORT/#token=…` (the token never leaves the browser). */
  url: string
  token: string
  port: number
  close(): Promise<void>
}

/**
 * Browser mode's shell: the core services from the shared composition root (composeCourier), the
 * built renderer over HTTP and the contract over a token-protected WebSocket, on
 * 127.0.0.1 only.
 *
 * @throws SecretsFileError when `secretsFile` is missing or invalid (before anything starts).
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const overrides = readExternalOverrides({
    secretsFile: options.secretsFile ?? null,
    env: options.env ?? process.env,
  })
  mkdirSync(options.dataDir, { recursive: true })
  const notices: string[] = []
  const storageNotices: StorageNotice[] = []
  const store = openConfStore(options.dataDir, storageNotices)
  notices.push(...storageNotices.map((n) => n.message))
  const token = createToken()
  let port = 0
  const bridge = createBridge({ token, port: () => port, service: () => courier.service })
  const reports = createReportDownloads(sessionDir(options.dataDir, 'run-reports'))
  const courier = composeCourier({
    dataDir: options.dataDir,
    store,
    secrets: new MemorySecretStore(),
    prettyWorkerEntry: options.prettyWorkerEntry,
    scriptWorkerEntry: options.scriptWorkerEntry,
    historyWorkerEntry: options.historyWorkerEntry,
    notices,
    appInfo: { version: packageVersion(), shell: 'web', canPickFiles: false },
    pickFile: async () => null,
    pickFolder: async () => null,
    // Called once the host is up, when `downloads` (made from the composed body store) exists.
    saveBody: async (_bodies, bodyId, fileName) => downloads.offer(bodyId, fileName),
    saveReport: reports.save,
    emit: (event, payload) => bridge.broadcast(event, payload),
    overrides,
  })
  const downloads = createBodyDownloads(courier.bodies)
  const stopCore = async () => {
    await courier.close()
    await reports.close()
  }

  const serveStatic = createStaticHandler(options.rendererDir)
  const server = createServer((req, res) => {
    for (const [name, value] of Object.entries(securityHeaders(port))) res.setHeader(name, value)
    if (!isAllowedHost(req.headers.host, port)) {
      sendStatus(res, 403)
      return
    }
    if (downloads.handle(req, res) || reports.handle(req, res)) return
    serveStatic(req, res).catch(() => {
      if (!res.headersSent) sendStatus(res, 500)
      else res.destroy()
    })
  })
  server.on('upgrade', bridge.handleUpgrade)

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(options.port ?? 0, '127.0.0.1', () => {
        server.off('error', reject)
        resolve()
      })
    })
  } catch (error) {
    await stopCore()
    throw error
  }
  port = (server.address() as AddressInfo).port

  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    token,
    port,
    async close() {
      await bridge.close()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await stopCore()
    },
  }
}

function packageVersion(): string {
  try {
    const text = readFileSync(new URL('../../package.json', import.meta.url), 'utf8')
    const { version } = JSON.parse(text) as { version?: unknown }
    return typeof version === 'string' ? version : '0.1.0'
  } catch {
    return '0.1.0'
  }
}
