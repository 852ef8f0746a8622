import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { startWebHost } from '../electron/web/webHost'
import { median, ratio, round } from './large/numbers'
import { entrySize } from './startup/entrySize'

/**
 * `npm run bench -- startup`: time to an interactive workbench in Chromium (browser mode,
 * the built renderer), against a floor measured in the same run.
 *
 * Each round opens a fresh browser context (empty cache) on the page and reads, in the
 * page, performance.now() at the first animation frame where the URL box and the Send
 * button are on screen and enabled: time from navigation start to a workbench that takes
 * input. The floor is the same measurement of a minimal page (one module script that
 * draws a URL box and a Send button) served from a loopback server in this process.
 *
 * Then the first use of what loads on demand: the code editor (the Body tab's JSON editor),
 * from the click to the editor's text box.
 *
 * Targets (issue 19): interactive < 300 ms; the entry chunk < 500 kB.
 */

const RENDERER_DIR = resolve('out/renderer')
const ROUNDS = 7

const FLOOR_HTML = `<!doctype html><html><head><meta charset="utf-8"><title>floor</title>
<script type="module" src="/floor.js"></script></head><body></body></html>`
const FLOOR_JS = `const url = document.createElement('input'); url.setAttribute('aria-label', 'URL')
const send = document.createElement('button'); send.textContent = 'Send'
document.body.append(url, send)`

/** Resolves with performance.now() at the first frame where the workbench takes input. */
function interactiveAt(page: Page): Promise<number> {
  return page
    .waitForFunction(
      // A string: the bench is compiled without the DOM's types.
      `(() => {
        const url = document.querySelector('input[aria-label="URL"]')
        const send = [...document.querySelectorAll('button')].find(
          (b) => b.textContent.trim() === 'Send')
        return url && !url.disabled && send && !send.disabled ? performance.now() : false
      })()`,
      null,
      { polling: 'raf', timeout: 30_000 },
    )
    .then((handle) => handle.jsonValue() as Promise<number>)
}

async function timeLoads(browser: Browser, url: string): Promise<number[]> {
  const times: number[] = []
  for (let i = 0; i < ROUNDS; i++) {
    const context = await browser.newContext()
    const page = await context.newPage()
    const ready = interactiveAt(page)
    await page.goto(url)
    times.push(await ready)
    await context.close()
  }
  return times
}

async function firstEditorMs(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext()
  const page = await context.newPage()
  await page.goto(url)
  await interactiveAt(page)
  await page.getByRole('tab', { name: /^Body/ }).click()
  const clicked = await page.evaluate(() => performance.now())
  await page.getByRole('combobox', { name: 'Body type' }).selectOption('json')
  await page.getByRole('textbox', { name: 'Request body' }).waitFor()
  const shown = await page.evaluate(() => performance.now())
  await context.close()
  return shown - clicked
}

function startFloorServer(): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const js = req.url === '/floor.js'
    res.writeHead(200, { 'content-type': js ? 'text/javascript' : 'text/html' })
    res.end(js ? FLOOR_JS : FLOOR_HTML)
  })
  return new Promise((ready) => server.listen(0, '127.0.0.1', () => ready(server)))
}

export async function benchStartup(): Promise<void> {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
    console.error('The startup bench needs the built renderer: run npm run build first.')
    process.exit(2)
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'courier-bench-startup-'))
  const host = await startWebHost({ port: 0, dataDir, rendererDir: RENDERER_DIR })
  const floorServer = await startFloorServer()
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  })
  try {
    const floorUrl = `http://127.0.0.1:${(floorServer.address() as AddressInfo).port}/`
    // Alternate, so a busy moment of the machine falls on both.
    const floor: number[] = []
    const courier: number[] = []
    for (let i = 0; i < 2; i++) {
      floor.push(...(await timeLoads(browser, floorUrl)))
      courier.push(...(await timeLoads(browser, host.url)))
    }
    const size = entrySize(RENDERER_DIR)
    const interactiveMs = median(courier)
    const floorMs = median(floor)
    console.log(
      JSON.stringify({
        bench: 'startup',
        rounds: courier.length,
        interactiveMs: round(interactiveMs),
        floorMs: round(floorMs),
        ratio: ratio(interactiveMs, floorMs),
        target: 'interactiveMs < 300',
        pass: interactiveMs < 300,
      }),
    )
    console.log(
      JSON.stringify({
        bench: 'startup-bundle',
        mainChunkKB: round(size.mainChunkBytes / 1000),
        initialJsKB: round(size.initialJsBytes / 1000),
        initialChunks: size.initialChunks,
        target: 'mainChunkKB < 500',
        pass: size.mainChunkBytes < 500_000,
      }),
    )
    const editorMs = await firstEditorMs(browser, host.url)
    console.log(JSON.stringify({ bench: 'startup-first-editor', firstEditorMs: round(editorMs) }))
  } finally {
    await browser.close()
    floorServer.close()
    await host.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}
