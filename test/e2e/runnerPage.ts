import { readFileSync } from 'node:fs'
import type { Locator, Page } from 'playwright-core'
import { expect } from 'vitest'

/** The Runner as a tester sees it, found by role and accessible name only. */
export class RunnerPage {
  constructor(readonly page: Page) {}

  get view(): Locator {
    return this.page.getByRole('region', { name: 'Runner' })
  }
  get table(): Locator {
    return this.view.getByRole('table', { name: 'Run results' })
  }
  get progress(): Locator {
    return this.view.getByRole('progressbar', { name: 'Run progress' })
  }
  get details(): Locator {
    return this.view.getByRole('region', { name: 'Execution details' })
  }
  /** The line that says how the run ended. */
  get outcome(): Locator {
    return this.view.getByRole('status').filter({ hasText: /Completed|Stopped|Running|Starting/ })
  }
  /** The names of the requests in the setup, in order (each checkbox is "Run <name>"). */
  async requestOrder(): Promise<string[]> {
    const boxes = this.view.getByRole('list', { name: 'Requests to run' }).getByRole('checkbox')
    const names = await boxes.evaluateAll((all) => all.map((b) => b.getAttribute('aria-label')))
    return names.map((name) => (name ?? '').replace(/^Run /, ''))
  }

  /** Opens the Runner from a top-level folder's actions in the workspace tree. */
  async openFromFolder(name: string) {
    const item = this.page.getByRole('treeitem', { name, exact: true })
    await item.hover()
    await item.getByRole('button', { name: `Actions for ${name}` }).click()
    await this.page.getByRole('menuitem', { name: 'Run folder' }).click()
    await this.view.getByRole('heading', { name: `Run folder ${name}` }).waitFor()
  }

  async run() {
    await this.view.getByRole('button', { name: 'Run', exact: true }).click()
  }

  /** Waits until the run has ended and returns its outcome line. */
  async ended(): Promise<string> {
    await expect
      .poll(() => this.outcome.textContent(), { timeout: 30_000 })
      .toMatch(/^(Completed|Stopped)/)
    return (await this.outcome.textContent()) ?? ''
  }

  /** The table's rows as `iteration | request | method | status | tests` lines. */
  async rows(): Promise<string[]> {
    const rows = this.table.getByRole('row')
    const out: string[] = []
    for (const row of await rows.all()) {
      const cells = await row.getByRole('cell').allTextContents()
      if (cells.length === 0) continue
      const [iteration, request, method, status, , tests] = cells.map((c) => c.trim())
      out.push([iteration, request, method, status, tests].join(' | '))
    }
    return out
  }

  /** Exports the report in a format and returns the downloaded file's text. */
  async exportReport(label: 'HTML report' | 'JSON report' | 'JUnit XML report'): Promise<string> {
    await this.view.getByRole('button', { name: /^Export/ }).click()
    const download = this.page.waitForEvent('download')
    await this.page.getByRole('menuitem', { name: label }).click()
    const path = await (await download).path()
    return readFileSync(path, 'utf8')
  }
}
