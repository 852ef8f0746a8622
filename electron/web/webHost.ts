import { mkdirSync, readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { CourierService } from '../../shared/ipc'
import { createCourierService } from '../core/courierService'
import { HttpEngine } from '../core/http/engine'
import { SettingsService } from '../core/settings/settingsService'
import { openConfStore, type StorageNotice } from '../core/storage/openConfStore'
import { createBridge } from './bridgeSocket'
import { createToken, isAllowedHost } from './loopbackGuard'
import { securityHeaders } from './securityHeaders'
import { createStaticHandler, sendStatus } from './staticFiles'

export interface WebHostOptions {
  /** TCP port on 127.0.0.1; 0 picks a free one. */
  port?: number
  /** Where settings are kept (the app's data directory by default). */
  dataDir: string
  /** The built renderer (`out/renderer`). */
  rendererDir: string
}

export interface WebHost {
  /** The address to open: `http://127.0.0.1:PORT/#token=…` (the token never leaves the browser). */
  url: string
  token: string
  port: number
  close(): Promise<void>
}

/**
 * Browser mode's composition root: the same core services as the Electron shell, the
 * built renderer over HTTP and the contract over a token-protected WebSocket, on
 * 127.0.0.1 only.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  mkdirSync(options.dataDir, { recursive: true })
  const notices: string[] = []
  const storageNotices: StorageNotice[] = []
  const store = openConfStore(options.dataDir, storageNotices)
  notices.push(...storageNotices.map((n) => n.message))
  const engine = new HttpEngine()
  const settings = new SettingsService(store, (m) => notices.push(m))
  const token = createToken()
  let port = 0
  const bridge = createBridge({ token, port: () => port, service: () => service })
  const service: CourierService = createCourierService({
    engine,
    settings,
    pickFile: async () => null,
    appInfo: {
      version: packageVersion(),
      shell: 'web',
      dataDir: options.dataDir,
      canPickFiles: false,
      notices,
    },
    emit: (event, payload) => bridge.broadcast(event, payload),
  })

  const serveStatic = createStaticHandler(options.rendererDir)
  const server = createServer((req, res) => {
    for (const [name, value] of Object.entries(securityHeaders(port))) res.setHeader(name, value)
    if (!isAllowedHost(req.headers.host, port)) {
      sendStatus(res, 403)
      return
    }
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
    engine.close()
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
      engine.close()
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
