import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  LAST_RECORD_NAME,
  hugeBodyChunk,
  startBigJsonServer,
  startHugeBodyServer,
} from '../servers'
import { screenshot } from './harness'
import { useWorkbench } from './setup'

const MB = 1024 * 1024
const ctx = useWorkbench(async () => {
  const [json, midJson, huge] = await Promise.all([
    startBigJsonServer(50 * MB),
    startBigJsonServer(5 * MB),
    startHugeBodyServer(),
  ])
  return { json, midJson, huge }
})

function sha256OfFile(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256')
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('end', () => resolve(hash.digest('hex')))
      .on('error', reject)
  })
}

describe('a large response', () => {
  it('shows 50 MB of JSON at once, scrolls to its end, searches, formats and filters it', async () => {
    await ctx.bench.page.context().grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: new URL(ctx.bench.host.url).origin,
    })
    await ctx.ui.newTab()
    await ctx.ui.setUrl(`${ctx.server.json.url}/big`)
    expect(await ctx.ui.send()).toBe('200 OK')
    const body = ctx.ui.response.getByRole('group', { name: 'Response body' })
    const lines = body.getByRole('region', { name: 'Response body lines' })
    await expect
      .poll(() => lines.locator('.row .text').first().textContent())
      .toMatch(/^\[\{"id":0,/)
    expect(
      await body.getByText(/Large response \(50(\.0)? MB\): shown as received\./).isVisible(),
    ).toBe(true)
    expect(await body.getByRole('radio', { name: 'Raw' }).isChecked()).toBe(true)

    // To the end with the keyboard: the last row holds the last record.
    await lines.focus()
    await ctx.bench.page.keyboard.press('End')
    await expect.poll(() => lines.getByText(LAST_RECORD_NAME).isVisible()).toBe(true)
    await ctx.bench.page.keyboard.press('Home')
    await expect.poll(() => lines.getByText(LAST_RECORD_NAME).count()).toBe(0)

    // Search finds the word near the end and scrolls to it.
    const search = body.getByRole('searchbox', { name: 'Search body' })
    await search.fill('ZEBRAFISH')
    await expect
      .poll(() => body.getByRole('search').getByRole('status').textContent())
      .toBe('1 of 1')
    await expect.poll(() => lines.locator('mark').first().textContent()).toBe('zebrafish')
    await screenshot(ctx.bench.page, 'large-response-raw-search')

    // Pretty, formatted on the Node side (from the top: no search running).
    await search.fill('')
    await body.getByRole('button', { name: 'Format', exact: true }).click()
    await expect
      .poll(() => body.getByRole('radio', { name: 'Pretty' }).isChecked(), { timeout: 30_000 })
      .toBe(true)
    await expect
      .poll(() => lines.locator('.row .text').first().textContent(), { timeout: 30_000 })
      .toBe('[')
    expect(await lines.locator('.row .text').nth(1).textContent()).toBe('  {')
    const fold = lines.getByRole('button', { name: /^Fold lines 2–10$/ })
    await fold.click()
    expect(await lines.getByRole('button', { name: /^Unfold lines 2–10$/ }).isVisible()).toBe(true)
    expect(await lines.locator('.row .text').nth(2).textContent()).toBe('  {')

    // The path of the line the search lands on, copied.
    await search.fill('zebrafish')
    await expect.poll(() => lines.locator('mark').first().isVisible()).toBe(true)
    await lines
      .locator('.row', { has: ctx.bench.page.locator('mark') })
      .first()
      .click()
    await body.getByRole('button', { name: 'Copy JSON path' }).click()
    await expect
      .poll(() => ctx.bench.page.evaluate(() => navigator.clipboard.readText()))
      .toMatch(/^\$\[\d+\]\.name$/)
    await screenshot(ctx.bench.page, 'large-response-pretty')

    // JSONPath filter on the Node side.
    await body.getByRole('textbox', { name: 'JSONPath filter' }).fill('$[?(@.id == -1)].name')
    await body.getByRole('button', { name: 'Apply', exact: true }).click()
    await expect.poll(() => body.getByText('1 match').isVisible(), { timeout: 30_000 }).toBe(true)
    await expect.poll(() => body.getByText(`"${LAST_RECORD_NAME}"`).isVisible()).toBe(true)

    expect(ctx.bench.errors).toEqual([])
  })

  it('opens 5 MB of JSON formatted, with folds', async () => {
    await ctx.ui.newTab()
    await ctx.ui.setUrl(`${ctx.server.midJson.url}/big`)
    expect(await ctx.ui.send()).toBe('200 OK')
    const body = ctx.ui.response.getByRole('group', { name: 'Response body' })
    const lines = body.getByRole('region', { name: 'Response body lines' })
    await expect.poll(() => lines.locator('.row .text').first().textContent()).toBe('[')
    expect(await lines.locator('.row .text').nth(1).textContent()).toBe('  {')
    expect(await body.getByRole('radio', { name: 'Pretty' }).isChecked()).toBe(true)
    // Formatted from the start: no "shown as received" note, no Format button.
    expect(await body.getByText(/shown as received/).count()).toBe(0)
    expect(await body.getByRole('button', { name: 'Format', exact: true }).count()).toBe(0)
    expect(await lines.getByRole('button', { name: /^Fold lines 2–10$/ }).isVisible()).toBe(true)
    await screenshot(ctx.bench.page, 'large-response-pretty-first')

    await body.getByRole('radio', { name: 'Raw' }).check()
    await expect
      .poll(() => lines.locator('.row .text').first().textContent())
      .toMatch(/^\[\{"id":0,/)
    expect(ctx.bench.errors).toEqual([])
  })

  it('saves a 200 MB binary body over the size limit to a file, byte for byte, and shows it as binary', async () => {
    const size = 200 * MB
    await ctx.ui.newTab()
    await ctx.ui.setUrl(`${ctx.server.huge.url}/bytes/${size}`)
    expect(await ctx.ui.send()).toBe('200 OK')
    const note = ctx.ui.response.getByRole('group', { name: 'Response over the size limit' })
    await expect.poll(() => note.getByText(/200(\.0)? MB/).isVisible()).toBe(true)
    const download = ctx.bench.page.waitForEvent('download')
    await note.getByRole('button', { name: 'Save to file' }).click()
    const saved = await (await download).path()
    const expected = createHash('sha256')
    for (let left = size; left > 0; left -= hugeBodyChunk.length)
      expected.update(hugeBodyChunk.subarray(0, Math.min(left, hugeBodyChunk.length)))
    expect(await sha256OfFile(saved)).toBe(expected.digest('hex'))

    await note.getByRole('button', { name: 'Show it' }).click()
    const body = ctx.ui.response.getByRole('group', { name: 'Response body' })
    await expect
      .poll(() =>
        body.getByText(/Binary body \(209,715,200 bytes, application\/octet-stream\)/).isVisible(),
      )
      .toBe(true)
    const hex = hugeBodyChunk.subarray(0, 16).toString('hex').match(/../g)!.join(' ')
    expect(await body.getByLabel('Hex preview').textContent()).toContain(hex)
    await screenshot(ctx.bench.page, 'large-response-binary')
    expect(ctx.bench.errors).toEqual([])
  })
})
