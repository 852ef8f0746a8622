import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startWebHost, type WebHost } from '../../electron/web/webHost'
import { rawGet } from './webClient'

// A page that names no icon makes the browser ask for /favicon.ico, which the app does not
// have: a 404 at every start in browser mode. Read from the build, as the browser loads it.
const RENDERER = resolve('out/renderer')
let host: WebHost

beforeAll(async () => {
  if (!existsSync(join(RENDERER, 'index.html')))
    throw new Error(`${RENDERER} is missing: run \`npm run build\` first.`)
  const dataDir = mkdtempSync(join(tmpdir(), 'courier-icon-'))
  host = await startWebHost({ port: 0, dataDir, rendererDir: RENDERER })
})
afterAll(() => host.close())

describe('the app icon', () => {
  it('the built page names its icon, and the web host serves it as SVG', async () => {
    const page = await rawGet(host.port, '/')
    const icon = /<link rel="icon" type="image\/svg\+xml" href="\.\/([^"]+)"/.exec(page.body)?.[1]
    expect(icon).toBe('favicon.svg')
    const served = await rawGet(host.port, `/${icon}`)
    expect(served.status).toBe(200)
    expect(served.headers['content-type']).toBe('image/svg+xml')
    expect(served.body).toMatch(/^<svg [^>]*viewBox="0 0 32 32"/)
  })
})
