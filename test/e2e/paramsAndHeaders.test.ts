import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startHttpbin, type RunningServer } from '../servers'
import { screenshot, startWorkbench, type Workbench } from './harness'
import { WorkbenchPage } from './workbenchPage'

let httpbin: RunningServer
let bench: Workbench
let ui: WorkbenchPage

beforeAll(async () => {
  ;[httpbin, bench] = await Promise.all([startHttpbin(), startWorkbench()])
  ui = new WorkbenchPage(bench.page)
})
afterAll(async () => {
  await bench?.close()
  await httpbin?.close()
})

describe('params and the URL stay in sync', () => {
  it('typing a query fills the table, editing the table rewrites the URL', async () => {
    await ui.newTab()
    const url = ui.request.getByRole('textbox', { name: 'URL' })
    await ui.setUrl(`${httpbin.url}/get?page=2&sort=name`)
    await ui.requestTab('Params')
    const name = (n: number) => ui.request.getByRole('textbox', { name: `Param name ${n}` })
    const value = (n: number) => ui.request.getByRole('textbox', { name: `Param value ${n}` })
    await expect.poll(() => name(1).inputValue()).toBe('page')
    expect(await value(2).inputValue()).toBe('name')

    await value(1).fill('3')
    await name(3).fill('q')
    await value(3).fill('a b')
    await expect.poll(() => url.inputValue()).toBe(`${httpbin.url}/get?page=3&sort=name&q=a b`)

    await ui.request.getByRole('checkbox', { name: 'Enable param 2' }).uncheck()
    await expect.poll(() => url.inputValue()).toBe(`${httpbin.url}/get?page=3&q=a b`)
    await screenshot(bench.page, 'params-sync')

    expect(await ui.send()).toBe('200 OK')
    const echo = (await ui.jsonBody()) as { args: Record<string, string> }
    expect(echo.args).toEqual({ page: '3', q: 'a b' })
  })
})

describe('headers bulk edit', () => {
  it('key: value lines become header rows that are sent', async () => {
    await ui.newTab()
    await ui.setUrl(`${httpbin.url}/headers`)
    await ui.requestTab('Headers')
    await ui.request.getByRole('button', { name: 'Bulk edit' }).click()
    await ui.request
      .getByRole('textbox', { name: 'Headers bulk edit' })
      .fill('X-Trace-Id: abc-123\nAccept: application/json\n// X-Disabled: no')
    await screenshot(bench.page, 'headers-bulk')
    await ui.request.getByRole('button', { name: 'Bulk edit' }).click()
    expect(await ui.request.getByRole('textbox', { name: 'Header name 2' }).inputValue()).toBe(
      'Accept',
    )
    expect(await ui.send()).toBe('200 OK')
    const echo = (await ui.jsonBody()) as { headers: Record<string, string> }
    expect(echo.headers['X-Trace-Id']).toBe('abc-123')
    expect(echo.headers.Accept).toBe('application/json')
    expect(echo.headers['X-Disabled']).toBeUndefined()
  })

  it('shows the response headers, repeated ones each on a row, and the timeline', async () => {
    await ui.newTab()
    await ui.setUrl(`${httpbin.url}/response-headers?Set-Cookie=a%3D1&Set-Cookie=b%3D2`)
    expect(await ui.send()).toBe('200 OK')
    await ui.responseTab('Headers')
    const rows = ui.response.getByRole('row').filter({ hasText: 'Set-Cookie' })
    await expect.poll(() => rows.count()).toBe(2)
    await screenshot(bench.page, 'response-headers')
    await ui.responseTab('Timeline')
    await expect.poll(() => ui.response.textContent()).toMatch(/First byte/)
    await screenshot(bench.page, 'response-timeline')
  })
})
