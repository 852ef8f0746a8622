import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core'
import type { WebHost } from '../../electron/web/webHost'
import { TIMEOUT_S } from './config'
import { round, toMB } from './numbers'
import { PROBE_SCRIPT } from './probe'
import { peakSampler, rendererPids, resetHwm, vmHwmBytes } from './processMemory'
import { Timeout, sleep, within } from './timing'

// One size: a fresh page of the app sends one body and we measure it (see bench/large.ts).

const MAX_RESPONSE_MB = 300

export interface SizeResult {
  bench: 'large'
  sizeMB: number
  bodyBytes: number
  prettyChars: number
  status: 'ok' | 'timeout' | 'error' | 'crash'
  note?: string
  firstScreenMs: number | null
  prettyDoneMs: number | null
  maxLongTaskMs: number | null
  longTasks: number
  longTaskTotalMs: number
  rendererPeakRssMB: number | null
  /** Before the click on Send, in the same page. */
  rendererRssBeforeMB: number | null
  rendererPeakJsHeapMB: number | null
  rendererJsHeapBeforeMB: number | null
  nodePeakRssMB: number | null
  nodeRssBeforeMB: number | null
  floorParseMs: number
  floorStringifyMs: number
  floorMs: number
  prettyOverFloor: number | null
  rendererRssOverBody: number | null
  rendererHeapOverBody: number | null
  /** (peak - before) / body: what the response itself costs. */
  rendererRssGrowthOverBody: number | null
  rendererHeapGrowthOverBody: number | null
  nodeRssGrowthOverBody: number | null
}

interface Probe {
  longtasks: { start: number; duration: number }[]
  clickAt: number | null
  firstAt: number | null
  doneAt: number | null
  /** When the probe clicked the large-body Format button (null: Pretty was the default). */
  formatClickAt: number | null
  error: string | null
  docLength: number | null
  observerError?: string
}

async function readProbe(page: Page, ms: number): Promise<Probe> {
  return within(page.evaluate('window.__bench') as Promise<Probe>, ms, 'reading the page state')
}

async function openApp(
  browser: Browser,
  host: WebHost,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } })
  await context.addInitScript({ content: PROBE_SCRIPT })
  const page = await context.newPage()
  await page.goto(host.url)
  await page
    .getByRole('button', { name: 'Send' })
    .first()
    .waitFor({ state: 'visible', timeout: 30_000 })
  // A clean GET whatever tabs the data dir restored.
  await page.getByRole('button', { name: 'New request tab' }).click()
  return { context, page }
}

export async function measure(
  browser: Browser,
  host: WebHost,
  url: string,
  expected: number,
): Promise<
  Pick<
    SizeResult,
    | 'status'
    | 'note'
    | 'firstScreenMs'
    | 'prettyDoneMs'
    | 'maxLongTaskMs'
    | 'longTasks'
    | 'longTaskTotalMs'
    | 'rendererPeakRssMB'
    | 'rendererPeakJsHeapMB'
    | 'nodePeakRssMB'
    | 'rendererRssBeforeMB'
    | 'rendererJsHeapBeforeMB'
    | 'nodeRssBeforeMB'
  > & { stuck: boolean }
> {
  const { context, page } = await openApp(browser, host)
  let crashed = false
  page.on('crash', () => (crashed = true))
  const pageErrors: string[] = []
  page.on('pageerror', (e) => pageErrors.push(e.message))
  let cdp: CDPSession | undefined
  try {
    const request = page.getByRole('region', { name: 'Request' })
    await request.getByRole('textbox', { name: 'URL' }).fill(url)
    await request.getByRole('tab', { name: 'Settings', exact: true }).click()
    await request
      .getByRole('textbox', { name: 'Max response size (MB)' })
      .fill(String(MAX_RESPONSE_MB))
    await page.evaluate(`window.__benchArm(${expected})`)

    cdp = await context.newCDPSession(page)
    await cdp.send('Performance.enable')
    const session = cdp
    const jsHeap = async () => {
      const { metrics } = await session.send('Performance.getMetrics')
      return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? null
    }
    const heapBefore = await jsHeap()
    const heap = peakSampler(jsHeap)
    const nodeBefore = process.memoryUsage().rss
    const nodeRss = peakSampler(() => process.memoryUsage().rss)
    const pids = rendererPids(process.pid)
    const rendererReset = pids.length > 0 && pids.every((pid) => resetHwm(pid))
    const nodeReset = resetHwm('self')
    const rendererBaseline =
      pids.length > 0 ? Math.max(...pids.map((p) => vmHwmBytes(p) ?? 0)) : null

    await request.getByRole('button', { name: 'Send' }).click()

    const deadline = Date.now() + TIMEOUT_S * 1000
    let probe: Probe | null = null
    let stuck = false
    let status: SizeResult['status'] = 'timeout'
    while (Date.now() < deadline && !crashed) {
      try {
        probe = await readProbe(page, Math.max(1, deadline - Date.now()))
      } catch (error) {
        if (error instanceof Timeout) {
          stuck = true
          break
        }
        if (crashed) break
        throw error
      }
      if (probe.doneAt !== null) {
        status = 'ok'
        break
      }
      if (probe.error !== null) {
        status = 'error'
        break
      }
      await sleep(200)
    }
    if (crashed) status = 'crash'
    if (status === 'ok' && !crashed) {
      // Let trailing work (highlighting, folding, history events) show up as long tasks.
      await sleep(1000)
      probe = await readProbe(page, 10_000).catch(() => probe)
    }

    const heapPeak = heap.stop()
    const nodeSampled = nodeRss.stop()
    const nodeHwm = nodeReset ? vmHwmBytes('self') : null
    const nodePeak = Math.max(nodeHwm ?? 0, nodeSampled ?? 0) || null
    const rendererPeak =
      rendererReset && !crashed
        ? Math.max(...rendererPids(process.pid).map((p) => vmHwmBytes(p) ?? 0))
        : null

    const clickAt = probe?.clickAt ?? null
    const since = (t: number | null | undefined) =>
      clickAt === null || t === null || t === undefined ? null : round(t - clickAt)
    const tasks = (probe?.longtasks ?? []).filter(
      (t) => clickAt !== null && t.start + t.duration >= clickAt,
    )
    const notes: string[] = []
    if (status === 'timeout') {
      notes.push(
        stuck
          ? `did not finish within ${TIMEOUT_S} s (the page stopped answering: UI thread busy)`
          : `did not finish within ${TIMEOUT_S} s (editor doc length ${probe?.docLength ?? 'n/a'} of ${expected})`,
      )
    }
    if (status === 'error') notes.push(`app error: ${probe?.error}`)
    if (status === 'crash') notes.push('the renderer crashed (page "crash" event)')
    if (probe?.observerError) notes.push(`longtask observer: ${probe.observerError}`)
    if (clickAt === null && probe) notes.push('the click on Send was not seen in the page')
    if (!rendererReset) notes.push('renderer VmHWM could not be reset: renderer RSS not measured')
    if (rendererBaseline !== null && rendererPeak !== null && rendererPeak < rendererBaseline) {
      notes.push('renderer RSS below baseline?')
    }
    if (pageErrors.length > 0) notes.push(`page errors: ${pageErrors.slice(0, 3).join(' | ')}`)

    return {
      status,
      note: notes.length > 0 ? notes.join('; ') : undefined,
      firstScreenMs: since(probe?.firstAt),
      prettyDoneMs: since(probe?.doneAt),
      maxLongTaskMs: tasks.length > 0 ? round(Math.max(...tasks.map((t) => t.duration))) : null,
      longTasks: tasks.length,
      longTaskTotalMs: round(tasks.reduce((s, t) => s + t.duration, 0))!,
      rendererPeakRssMB: toMB(rendererPeak),
      rendererPeakJsHeapMB: toMB(heapPeak),
      nodePeakRssMB: toMB(nodePeak),
      rendererRssBeforeMB: toMB(rendererBaseline),
      rendererJsHeapBeforeMB: toMB(heapBefore),
      nodeRssBeforeMB: toMB(nodeBefore),
      stuck: stuck || crashed,
    }
  } finally {
    await within(
      (async () => {
        await cdp?.detach().catch(() => {})
        await context.close()
      })(),
      15_000,
      'closing the page',
    ).catch(() => {})
  }
}
