import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { startWebHost } from '../electron/web/webHost'
import { median, ratio, round } from './large/numbers'

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
 * Also: the scripts the page fetched before it took input (the largest is the "main chunk")
 * and when each start-up phase ended (the renderer's performance marks).
 *
 * Targets (issue 19): interactive < 300 ms; the main chunk < 500 kB.
 */

const RENDERER_DIR = resolve('out/renderer')
const ROUNDS = 7

const FLOOR_HTML = `<!doctype html><html><head><meta charset="utf-8"><title>floor</title>
<script type="module" src="/floor.js"></script></head><body></body></html>`
const FLOOR_JS = `const url = document.createElement('input'); url.setAttribute('aria-label', 'URL')
const send = document.createElement('button'); send.textContent = 'Send'
document.body.append(url, send)`

/** The page's DOM, as far as the probe below reads it (the bench compiles without DOM types). */
interface ProbedDocument {
  querySelector(selector: string): { disabled: boolean } | null
  querySelectorAll(selector: string): ArrayLike<{ textContent: string | null; disabled: boolean }>
}

/** Runs in the page: performance.now() once the URL box and Send take input, else false. */
function workbenchTakesInput(): number | false {
  const doc = (globalThis as unknown as { document: ProbedDocument }).document
  const url = doc.querySelector('input[aria-label="URL"]')
  const send = Array.from(doc.querySelectorAll('button')).find(
    (b) => b.textContent?.trim() === 'Send',
  )
  return url && !url.disabled && send && !send.disabled ? performance.now() : false
}

/** Resolves with performance.now() at the first frame where the workbench takes input. */
function interactiveAt(page: Page): Promise<number> {
  return page
    .waitForFunction(workbenchTakesInput, null, { polling: 'raf', timeout: 30_000 })
    .then((handle) => handle.jsonValue() as Promise<number>)
}

/** One page load: when it took input, the app's own marks, the scripts it loaded first. */
interface Load {
  interactiveMs: number
  /** performance.mark()s the renderer sets (courier:connected, courier:ready, ...), in ms. */
  marks: Record<string, number>
  /** Each script (name, bytes) fetched before the workbench took input. */
  scripts: { name: string; bytes: number }[]
}

/** Runs in the page: its marks and the scripts fetched up to `until`. */
function pageFigures(until: number): Omit<Load, 'interactiveMs'> {
  const entries = performance.getEntries() as unknown as {
    entryType: string
    name: string
    startTime: number
    responseEnd?: number
    decodedBodySize?: number
  }[]
  const marks: Record<string, number> = {}
  const scripts: { name: string; bytes: number }[] = []
  for (const e of entries) {
    if (e.entryType === 'mark') marks[e.name] = e.startTime
    if (e.entryType === 'resource' && e.name.endsWith('.js') && (e.responseEnd ?? 0) <= until)
      scripts.push({ name: e.name.split('/').pop() ?? e.name, bytes: e.decodedBodySize ?? 0 })
  }
  return { marks, scripts }
}

async function timeLoads(browser: Browser, url: string): Promise<Load[]> {
  const loads: Load[] = []
  for (let i = 0; i < ROUNDS; i++) {
    const context = await browser.newContext()
    const page = await context.newPage()
    const ready = interactiveAt(page)
    await page.goto(url)
    const interactiveMs = await ready
    loads.push({ interactiveMs, ...(await page.evaluate(pageFigures, interactiveMs)) })
    await context.close()
  }
  return loads
}

/** The median of each mark over the loads that set it. */
function medianMarks(loads: Load[]): Record<string, number> {
  const names = [...new Set(loads.flatMap((l) => Object.keys(l.marks)))]
  const byName = names.map((name) => [
    name.replace(/^courier:/, ''),
    round(median(loads.flatMap((l) => (name in l.marks ? [l.marks[name]!] : [])))),
  ])
  return Object.fromEntries(byName.sort((x, y) => Number(x[1]) - Number(y[1])))
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
    const floor: Load[] = []
    const courier: Load[] = []
    for (let i = 0; i < 2; i++) {
      floor.push(...(await timeLoads(browser, floorUrl)))
      courier.push(...(await timeLoads(browser, host.url)))
    }
    const interactiveMs = median(courier.map((l) => l.interactiveMs))
    const floorMs = median(floor.map((l) => l.interactiveMs))
    console.log(
      JSON.stringify({
        bench: 'startup',
        rounds: courier.length,
        interactiveMs: round(interactiveMs),
        floorMs: round(floorMs),
        ratio: ratio(interactiveMs, floorMs),
        // When each phase ended (ms from navigation), medians: see main.ts and App.vue.
        phasesMs: medianMarks(courier),
        target: 'interactiveMs < 300',
        pass: interactiveMs < 300,
      }),
    )
    const scripts = courier.at(-1)!.scripts
    const largest = Math.max(...scripts.map((c) => c.bytes))
    console.log(
      JSON.stringify({
        bench: 'startup-bundle',
        jsBeforeInteractiveKB: round(scripts.reduce((sum, c) => sum + c.bytes, 0) / 1000),
        largestChunkKB: round(largest / 1000),
        scripts: scripts.map((c) => `${c.name} ${round(c.bytes / 1000)} kB`),
        target: 'largestChunkKB < 500',
        pass: largest < 500_000,
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
