import { existsSync, mkdirSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { startWebHost, type WebHost } from '../../electron/web/webHost'

const RENDERER_DIR = resolve('out/renderer')
const SCREENSHOT_DIR = resolve('test-results/screenshots')

/** A running Courier in Chromium over the real web bridge, with a fresh data directory. */
export interface Workbench {
  page: Page
  browser: Browser
  host: Pick<WebHost, 'url' | 'close'>
  dataDir: string
  /** Console errors and uncaught page errors seen so far; a healthy run leaves it empty. */
  errors: string[]
  close(): Promise<void>
}

/**
 * Starts the web host in-process on the built renderer, opens it in headless Chromium
 * (1400x900) and waits until the workbench is usable (the Send button is visible).
 */
export async function startWorkbench(options: { dataDir?: string } = {}): Promise<Workbench> {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
    throw new Error(`${RENDERER_DIR}/index.html is missing: run \`npm run build\` first.`)
  }
  // A given data dir is how a test restarts Courier on the same saved state.
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'courier-e2e-'))
  const host = await startWebHost({ port: 0, dataDir, rendererDir: RENDERER_DIR })
  let browser: Browser | undefined
  try {
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    })
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } })
    const page = await context.newPage()
    const errors: string[] = []
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`console: ${message.text()}`)
    })
    page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`))
    await page.goto(host.url)
    await page
      .getByRole('button', { name: 'Send' })
      .waitFor({ state: 'visible' })
      .catch((error: Error) => {
        const seen = errors.length > 0 ? errors.join('\n') : 'no console errors'
        throw new Error(`The workbench never showed its Send button (${error.message}).\n${seen}`)
      })
    const opened = browser
    return {
      page,
      browser: opened,
      host,
      dataDir,
      errors,
      async close() {
        await opened.close()
        await host.close()
      },
    }
  } catch (error) {
    await browser?.close()
    await host.close()
    throw error
  }
}

/** Saves a full-page screenshot as `test-results/screenshots/<name>.png`. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  const path = join(SCREENSHOT_DIR, `${name}.png`)
  await page.screenshot({ path, fullPage: true })
  return path
}
