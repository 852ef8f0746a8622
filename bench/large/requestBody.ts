import { createHash } from 'node:crypto'
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { startWebHost } from '../../electron/web/webHost'
import { budget, LONGEST_TASK_MS, type BudgetLine } from './budgets'
import { sleep, within } from './timing'

/** Long tasks by phase, recorded in the page (a function handed over would carry bundler helpers). */
const LONG_TASKS = `(() => {
  window.__phase = 'idle';
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push({ phase: window.__phase, ms: Math.round(e.duration) });
  }).observe({ type: 'longtask' });
})()`

const SLOW = { timeout: 60_000 }
/** Each phase of the edit, as its budget is named. */
const PHASES = {
  load: 'loading',
  scroll: 'scrolling',
  type: 'typing',
  settle: 'typing paused',
  send: 'sending',
} as const

/** ~`bytes` of pretty-printed JSON, full of quotes and line breaks. */
function bigJson(bytes: number): string {
  const items: string[] = []
  for (let size = 0, id = 0; size < bytes; id++) {
    const item = {
      id,
      name: `item ${id}`,
      tags: ['a', 'b', 'c'],
      nested: { ok: true, n: id * 1.5 },
    }
    items.push(JSON.stringify(item, null, 2).replace(/^/gm, '  '))
    size += items.at(-1)!.length + 2
  }
  return `[\n${items.join(',\n')}\n]`
}

const sha256 = (text: string | Buffer) => createHash('sha256').update(text).digest('hex')

/**
 * The big request body of the editor (50 MB by default): loaded from a file, scrolled, typed in, left to
 * settle and sent, with the longest UI task of each phase against LONGEST_TASK_MS. The
 * end-to-end test proves the same steps work; this says how smoothly.
 */
export async function benchRequestBody(
  browser: Browser,
  rendererDir: string,
  sizeMB = 50,
): Promise<BudgetLine[]> {
  const received: string[] = []
  const server = createServer((req, res) => {
    const hash = createHash('sha256')
    req.on('data', (chunk: Buffer) => hash.update(chunk))
    req.on('end', () => {
      received.push(hash.digest('hex'))
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"ok":true}')
    })
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const dataDir = mkdtempSync(join(tmpdir(), 'courier-bench-request-body-'))
  const host = await startWebHost({ port: 0, dataDir, rendererDir })
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } })
  const caseName = `request-body-${sizeMB}MB`
  try {
    const page = await context.newPage()
    await page.goto(host.url)
    const request = page.getByRole('region', { name: 'Request' })
    await request.getByRole('button', { name: 'Send' }).waitFor()
    const original = bigJson(sizeMB * 1_000_000)
    const file = join(dataDir, 'big.json')
    writeFileSync(file, original)
    const lines = original.split('\n')
    lines[3] = lines[3]!.replace('"item 0"', '"item 0xyz"')
    const edited = lines.join('\n')

    await prepareJsonPost(page, `${origin}/upload`)
    await page.evaluate(LONG_TASKS)
    const phase = (name: string) => page.evaluate(`window.__phase = '${name}'`)
    const editor = request.getByRole('textbox', { name: 'Request body' })

    // Each phase ends when its work shows, as in the end-to-end test, so a task is counted
    // in the phase that caused it.
    const lineText = (which: 'first' | 'last' | number) => async () => {
      const shown = editor.locator('.cm-line')
      const line =
        which === 'first' ? shown.first() : which === 'last' ? shown.last() : shown.nth(which)
      return line.textContent()
    }
    const drafts = join(dataDir, 'drafts')

    await phase('load')
    await request.getByRole('button', { name: 'Load body from file' }).setInputFiles(file)
    await until(lineText('first'), '[', 'the loaded body to show')
    // Polled from here: the app's CSP forbids the string eval of page.waitForFunction.
    await until(() => editor.getAttribute('aria-busy'), null, 'the body editor no longer busy')
    await until(
      () => safeList(drafts).includes(`${sha256(original)}.txt`),
      true,
      'the loaded body written as a draft',
    )
    await phase('scroll')
    await editor.focus()
    await editor.hover()
    for (let i = 0; i < 20; i++) await page.mouse.wheel(0, 400)
    await page.keyboard.press('ControlOrMeta+End')
    await until(lineText('last'), ']', 'the last line shown')
    await page.keyboard.press('ControlOrMeta+Home')
    await until(lineText('first'), '[', 'the first line shown again')
    await phase('type')
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown')
    await page.keyboard.press('End')
    await page.keyboard.press('ArrowLeft')
    await page.keyboard.press('ArrowLeft')
    await page.keyboard.type('xyz')
    await until(lineText(3), lines[3], 'the typed text shown')
    await phase('settle')
    await until(
      () => safeList(drafts).includes(`${sha256(edited)}.txt`),
      true,
      'the edited body written as a draft',
    )
    await phase('send')
    await request.getByRole('button', { name: 'Send' }).click()
    await within(
      page.getByRole('region', { name: 'Response' }).getByLabel('Response status').waitFor(),
      SLOW.timeout,
      'sending the body',
    )
    await phase('idle')

    const tasks = (await page.evaluate('window.__longTasks')) as { phase: string; ms: number }[]
    const sentRight = received.at(-1) === sha256(edited)
    const byPhase: Record<string, number[]> = {}
    for (const { phase: p, ms } of tasks) (byPhase[p] ??= []).push(ms)
    console.log(
      JSON.stringify({
        bench: 'large',
        case: caseName,
        bodyBytes: Buffer.byteLength(edited),
        sentByteForByte: sentRight,
        longTasksMsByPhase: byPhase,
      }),
    )
    const results = Object.entries(PHASES).map(([p, words]) =>
      budget(
        caseName,
        `longest UI task while ${words}`,
        LONGEST_TASK_MS,
        Math.max(0, ...tasks.filter((t) => t.phase === p).map((t) => t.ms)),
        'ms',
      ),
    )
    // Not a speed budget, but a run that sent the wrong bytes measured nothing worth reading.
    if (!sentRight) results.push(budget(caseName, 'body sent byte for byte', 0, null, 'x'))
    return results
  } finally {
    await context.close()
    await host.close()
    server.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

/** Polls `read` every 100 ms until it gives `expected`; throws naming `what` after SLOW. */
async function until<T>(read: () => T | Promise<T>, expected: T, what: string): Promise<void> {
  for (let waited = 0; (await read()) !== expected; waited += 100) {
    if (waited > SLOW.timeout) throw new Error(`${what}: not seen within ${SLOW.timeout / 1000} s`)
    await sleep(100)
  }
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir)
  } catch {
    return []
  }
}

/** A POST with a JSON body to `url`, in the open tab. */
async function prepareJsonPost(page: Page, url: string): Promise<void> {
  const request = page.getByRole('region', { name: 'Request' })
  const method = request.getByRole('combobox', { name: 'Method' })
  await method.fill('POST')
  await method.press('Enter')
  await request.getByRole('textbox', { name: 'URL' }).fill(url)
  await request.getByRole('tab', { name: /^Body/ }).click()
  await request.getByRole('combobox', { name: 'Body type' }).selectOption({ label: 'JSON' })
}
