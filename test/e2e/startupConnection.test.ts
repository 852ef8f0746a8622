import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { startHtmlServer } from '../servers'
import { useWorkbench } from './setup'
import { WorkbenchPage } from './workbenchPage'

// Browser mode's connection starts before the app's modules: index.html runs a classic
// script (renderer/src/api/earlyBridge.ts, built by build/earlyBridgeScript.ts) that starts
// the bridge worker with the first screen's calls; the app takes that worker over
// (connectApi, adoptWebBridge). Without the script the app starts the worker itself.
const ctx = useWorkbench(startHtmlServer)

/** A fresh page (empty cache) on the host, the bridge workers it started, and its marks once it takes input. */
async function openFresh(prepare?: (page: Page) => Promise<unknown>) {
  const context = await ctx.bench.browser.newContext()
  const page = await context.newPage()
  const bridgeWorkers: string[] = []
  page.on('worker', (worker) => {
    if (worker.url().includes('bridgeSocket.worker')) bridgeWorkers.push(worker.url())
  })
  await prepare?.(page)
  await page.goto(ctx.bench.host.url)
  await page.getByRole('button', { name: 'Send' }).waitFor()
  const marks = await page.evaluate(() =>
    Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])),
  )
  return { context, page, bridgeWorkers, marks }
}

describe("browser mode's connection at start", () => {
  it('is started by the early script before the app has loaded, and the app takes it over', async () => {
    const { context, page, bridgeWorkers, marks } = await openFresh()
    try {
      expect(marks['courier:bridge-started']).toBeDefined()
      expect(marks['courier:bridge-started']!).toBeLessThan(marks['courier:app-loaded']!)
      // One worker: the app used the early one rather than starting its own.
      expect(bridgeWorkers).toHaveLength(1)
      // Later calls go over it too.
      const ui = new WorkbenchPage(page)
      await ui.setUrl(`${ctx.server.url}/page`)
      expect(await ui.send()).toBe('200 OK')
    } finally {
      await context.close()
    }
  })

  it('is started by the app when the early script did not run', async () => {
    const { context, page, bridgeWorkers, marks } = await openFresh((page) =>
      page.route(/\/assets\/earlyBridge-[\w-]+\.js$/, (route) => route.abort()),
    )
    try {
      expect(marks['courier:bridge-started']).toBeUndefined()
      expect(bridgeWorkers).toHaveLength(1)
      const ui = new WorkbenchPage(page)
      await ui.setUrl(`${ctx.server.url}/page`)
      expect(await ui.send()).toBe('200 OK')
    } finally {
      await context.close()
    }
  })
})
