import { describe, expect, it } from 'vitest'
import { startHttpbin } from '../servers'
import { screenshot } from './harness'
import { useWorkbench } from './setup'

const ctx = useWorkbench(startHttpbin)

// httpbin decodes /base64/<text>: the word is in the response body only, not in the URL.
const WORD = 'zebrafish'
const base64Url = () =>
  `${ctx.server.url}/base64/${Buffer.from(`a ${WORD} answer`).toString('base64')}`

describe('offline history', () => {
  it('finds a send by a word in its response body, reopens and resends it, and compares the two', async () => {
    for (const url of [`${ctx.server.url}/get`, base64Url(), `${ctx.server.url}/headers`]) {
      await ctx.ui.newTab()
      await ctx.ui.setUrl(url)
      expect(await ctx.ui.send()).toBe('200 OK')
    }

    await ctx.bench.page.getByRole('tab', { name: 'History' }).click()
    const pane = ctx.bench.page.getByRole('region', { name: 'History' })
    const list = pane.getByRole('list', { name: 'History entries' })
    await expect.poll(() => list.getByRole('listitem').count()).toBe(3)
    await pane.getByRole('searchbox', { name: 'Search history' }).fill(WORD)
    await expect.poll(() => list.getByRole('listitem').count()).toBe(1)
    const found = list.getByRole('listitem', { name: `GET ${base64Url()}` })
    await screenshot(ctx.bench.page, 'history-search')

    await found.getByRole('button').click()
    const entry = ctx.bench.page.getByRole('dialog', { name: `GET ${base64Url()}` })
    await expect.poll(() => entry.textContent()).toContain(WORD)
    await screenshot(ctx.bench.page, 'history-entry')
    await entry.getByRole('button', { name: 'Open as new request' }).click()
    await expect
      .poll(() => ctx.ui.request.getByRole('textbox', { name: 'URL' }).inputValue())
      .toBe(base64Url())
    expect(await ctx.ui.send()).toBe('200 OK')

    await expect.poll(() => list.getByRole('listitem').count()).toBe(2)
    for (const checkbox of await list.getByRole('checkbox').all()) await checkbox.check()
    await pane.getByRole('button', { name: 'Compare' }).click()
    const compare = ctx.bench.page.getByRole('dialog', { name: 'Compare responses' })
    await expect
      .poll(() => compare.getByRole('status').textContent())
      .toMatch(/0 body line difference/)
    await screenshot(ctx.bench.page, 'history-compare')
    await compare.getByRole('button', { name: 'Close dialog' }).click()

    await pane.getByRole('searchbox', { name: 'Search history' }).fill('')
    await expect.poll(() => list.getByRole('listitem').count()).toBe(4)
    await pane.getByRole('button', { name: 'Clear history' }).click()
    await ctx.bench.page
      .getByRole('dialog', { name: 'Clear history' })
      .getByRole('button', { name: 'Clear history' })
      .click()
    await expect.poll(() => list.getByRole('listitem').count()).toBe(0)
    expect(ctx.bench.errors).toEqual([])
  })
})
