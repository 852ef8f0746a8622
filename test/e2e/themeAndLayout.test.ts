import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startJsonServer, type RunningServer } from '../servers'
import { screenshot, startWorkbench, type Workbench } from './harness'
import { WorkbenchPage } from './workbenchPage'

let api: RunningServer
let bench: Workbench
let ui: WorkbenchPage

beforeAll(async () => {
  ;[api, bench] = await Promise.all([startJsonServer(), startWorkbench()])
  ui = new WorkbenchPage(bench.page)
})
afterAll(async () => {
  await bench?.close()
  await api?.close()
})

const theme = () => bench.page.evaluate(() => document.documentElement.dataset.theme)

describe('theme and layout', () => {
  it('follows the OS theme until one is chosen', async () => {
    await bench.page.emulateMedia({ colorScheme: 'dark' })
    await expect.poll(theme).toBe('dark')
    await bench.page.emulateMedia({ colorScheme: 'light' })
    await expect.poll(theme).toBe('light')
  })

  it('switches to dark and the response below, and keeps both after a reload', async () => {
    await bench.page.getByRole('combobox', { name: 'Theme' }).selectOption({ label: 'Dark' })
    await bench.page
      .getByRole('combobox', { name: 'Response position' })
      .selectOption({ label: 'Below the request' })
    await ui.setUrl(`${api.url}/users`)
    expect(await ui.send()).toBe('200 OK')
    await expect.poll(theme).toBe('dark')
    const request = await ui.request.boundingBox()
    const response = await ui.response.boundingBox()
    expect(response!.y).toBeGreaterThanOrEqual(request!.y + request!.height - 1)
    await screenshot(bench.page, 'dark-stacked')

    await bench.page.reload()
    await bench.page.getByRole('button', { name: 'Send' }).waitFor()
    await expect.poll(theme).toBe('dark')
    expect(await bench.page.getByRole('combobox', { name: 'Response position' }).inputValue()).toBe(
      'stacked',
    )
    expect(bench.errors).toEqual([])
  })
})
