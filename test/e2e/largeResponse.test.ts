import { describe, expect, it } from 'vitest'
import { startBigJsonServer } from '../servers'
import { screenshot } from './harness'
import { useWorkbench } from './setup'

const ctx = useWorkbench(() => startBigJsonServer())

describe('a large response', () => {
  it('opens as received with a note, and Format shows it pretty (formatted in a worker)', async () => {
    await ctx.ui.newTab()
    await ctx.ui.setUrl(`${ctx.server.url}/big`)
    expect(await ctx.ui.send()).toBe('200 OK')
    const body = ctx.ui.response.getByRole('group', { name: 'Response body' })
    const text = body.getByRole('textbox', { name: 'Response body text' })
    await expect
      .poll(() => body.getByText(/Large response \(2\.86 MB\): shown as received\./).isVisible())
      .toBe(true)
    expect(await body.getByRole('radio', { name: 'Raw' }).isChecked()).toBe(true)
    const firstLine = () => text.locator('.cm-line').first().textContent()
    expect(await firstLine()).toMatch(/^\[\{"id":0,/)
    await screenshot(ctx.bench.page, 'large-response-raw')

    const workers: string[] = []
    ctx.bench.page.on('worker', (worker) => workers.push(worker.url()))
    await body.getByRole('button', { name: 'Format', exact: true }).click()
    await expect.poll(() => body.getByRole('radio', { name: 'Pretty' }).isChecked()).toBe(true)
    await expect.poll(firstLine).toBe('[')
    expect(await text.locator('.cm-line').nth(1).textContent()).toBe('  {')
    expect(await body.getByText(/Large response/).count()).toBe(0)
    expect(workers).toEqual([expect.stringMatching(/formatJson\.worker-.*\.js$/)])
    await screenshot(ctx.bench.page, 'large-response-pretty')
    expect(ctx.bench.errors).toEqual([])
  })
})
