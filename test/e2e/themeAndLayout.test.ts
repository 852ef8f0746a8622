import { describe, expect, it } from 'vitest'
import type { AppState } from '../../shared/model/appState'
import { startJsonServer } from '../servers'
import { bridgeClient, openBridge } from '../web/webClient'
import { screenshot } from './harness'
import { useWorkbench } from './setup'

const ctx = useWorkbench(startJsonServer)

const theme = () => ctx.bench.page.evaluate(() => document.documentElement.dataset.theme)

describe('theme and layout', () => {
  it('follows the OS theme until one is chosen', async () => {
    await ctx.bench.page.emulateMedia({ colorScheme: 'dark' })
    await expect.poll(theme).toBe('dark')
    await ctx.bench.page.emulateMedia({ colorScheme: 'light' })
    await expect.poll(theme).toBe('light')
  })

  it('switches to dark and the response below, and keeps both after a reload', async () => {
    await ctx.bench.page.getByRole('combobox', { name: 'Theme' }).selectOption({ label: 'Dark' })
    await ctx.bench.page
      .getByRole('combobox', { name: 'Response position' })
      .selectOption({ label: 'Below the request' })
    await ctx.ui.setUrl(`${ctx.server.url}/users`)
    expect(await ctx.ui.send()).toBe('200 OK')
    await expect.poll(theme).toBe('dark')
    const request = await ctx.ui.request.boundingBox()
    const response = await ctx.ui.response.boundingBox()
    expect(response!.y).toBeGreaterThanOrEqual(request!.y + request!.height - 1)
    await screenshot(ctx.bench.page, 'dark-stacked')

    await ctx.bench.page.reload()
    await ctx.bench.page.getByRole('button', { name: 'Send' }).waitFor()
    await expect.poll(theme).toBe('dark')
    expect(
      await ctx.bench.page.getByRole('combobox', { name: 'Response position' }).inputValue(),
    ).toBe('stacked')
    expect(ctx.bench.errors).toEqual([])
  })

  it('reopens the tabs and their unsaved edits after a reload', async () => {
    await ctx.ui.newTab()
    await ctx.ui.setMethod('PATCH')
    await ctx.ui.setUrl(`${ctx.server.url}/users/1?draft=yes`)
    const tabs = ctx.bench.page.getByRole('tablist', { name: 'Open requests' }).getByRole('tab')
    const before = await tabs.count()
    // The tabs are written once edits settle: wait for that write through the bridge itself.
    const url = new URL(ctx.bench.host.url)
    const token = new URLSearchParams(url.hash.slice(1)).get('token')!
    const socket = await openBridge(Number(url.port), { token, origin: url.origin })
    const bridge = bridgeClient(socket)
    await expect
      .poll(async () => {
        const answer = await bridge.call('state:get', {})
        const state = answer.ok ? (answer.result as AppState) : null
        return state?.tabs.map((t) => t.spec.url) ?? []
      })
      .toContain(`${ctx.server.url}/users/1?draft=yes`)
    socket.close()

    await ctx.bench.page.reload()
    await ctx.bench.page.getByRole('button', { name: 'Send' }).waitFor()
    await expect
      .poll(() => ctx.ui.request.getByRole('textbox', { name: 'URL' }).inputValue())
      .toBe(`${ctx.server.url}/users/1?draft=yes`)
    expect(await tabs.count()).toBe(before)
    expect(await ctx.ui.request.getByRole('combobox', { name: 'Method' }).inputValue()).toBe(
      'PATCH',
    )
    expect(await tabs.last().textContent()).toContain('(changed)')
  })
})
