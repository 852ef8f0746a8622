import { describe, expect, it } from 'vitest'
import { startJsonServer } from '../servers'
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
})
