import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { RequestFailure } from '../requestFailure'
import type { ProxyResolver } from './proxyRouter'

type FindProxyForURL = (url: string) => Promise<string>

/** Bigger than any real PAC file; a bigger answer is not read. */
const MAX_PAC_BYTES = 1024 * 1024
/** A PAC file is read again after this long, so an edited one applies without a restart. */
const PAC_TTL_MS = 5 * 60_000

/**
 * PAC files by address: each one is read once (again after five minutes, or after it
 * failed) and compiled into FindProxyForURL by the maintained `pac-resolver`, which runs it
 * in QuickJS compiled to WebAssembly (`quickjs-wasi`), never in Node's own engine.
 * Both are loaded on first use.
 */
export class PacFiles {
  private readonly files = new Map<string, { at: number; find: Promise<FindProxyForURL> }>()

  resolverFor(pacUrl: string): ProxyResolver {
    return { resolveProxy: (url) => this.resolve(pacUrl, url) }
  }

  private async resolve(pacUrl: string, url: string): Promise<string> {
    let entry = this.files.get(pacUrl)
    if (!entry || performance.now() - entry.at > PAC_TTL_MS) {
      entry = { at: performance.now(), find: compilePac(pacUrl) }
      this.files.set(pacUrl, entry)
    }
    try {
      const find = await entry.find
      return await find(url)
    } catch (error) {
      this.files.delete(pacUrl)
      if (error instanceof RequestFailure) throw error
      throw new RequestFailure(
        'PROXY',
        `The PAC file at ${pacUrl} failed for ${url}: ${error instanceof Error ? error.message : String(error)}`,
        'Check the PAC file (its FindProxyForURL function), or choose another proxy mode in Settings > Proxy.',
        'PAC',
      )
    }
  }
}

async function compilePac(pacUrl: string): Promise<FindProxyForURL> {
  const text = await readPacFile(pacUrl)
  const [{ createPacResolver }, { QuickJS }] = await Promise.all([
    import('pac-resolver'),
    import('quickjs-wasi'),
  ])
  const wasm = await readFile(createRequire(import.meta.url).resolve('quickjs-wasi/quickjs.wasm'))
  const qjs = await QuickJS.create(wasm)
  const find = createPacResolver(qjs, text, { filename: pacUrl })
  return (url) => find(url)
}

/** The PAC file's text: http(s) straight to its server (never through a proxy), or a file. */
async function readPacFile(pacUrl: string): Promise<string> {
  const fail = (why: string) =>
    new RequestFailure(
      'PROXY',
      `Could not read the PAC file at ${pacUrl}: ${why}.`,
      'Check the PAC address in Settings > Proxy (http://, https:// or file://), or choose another proxy mode.',
      'PAC',
    )
  let url: URL
  try {
    url = new URL(pacUrl)
  } catch {
    throw fail('it is not a URL')
  }
  try {
    if (url.protocol === 'file:') return await readFile(fileURLToPath(url), 'utf8')
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw fail('use http, https or file')
    const response = await fetch(url, { signal: AbortSignal.timeout(10_000) })
    if (!response.ok) throw fail(`the server answered ${response.status}`)
    const text = await response.text()
    if (text.length > MAX_PAC_BYTES) throw fail('it is larger than 1 MB')
    return text
  } catch (error) {
    if (error instanceof RequestFailure) throw error
    const cause = (error as { cause?: { code?: string } }).cause?.code
    throw fail(cause ?? (error instanceof Error ? error.message : String(error)))
  }
}
