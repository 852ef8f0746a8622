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

describe('the seed scenario in the UI: a user record on json-server', () => {
  it('PUT replaces the user, GET reads it back, PATCH changes one field', async () => {
    const user = { id: '1', name: 'John Doe Smith', email: 'john@example.com', age: 41 }
    await ui.newTab()
    await ui.setMethod('PUT')
    await ui.setUrl(`${api.url}/users/1`)
    await ui.setBodyType('JSON')
    await ui.typeInEditor('Request body', JSON.stringify(user, null, 2))
    expect(await ui.send()).toBe('200 OK')
    expect(await ui.jsonBody()).toEqual(user)
    await ui.response.getByRole('radio', { name: 'Pretty' }).click()
    await screenshot(bench.page, 'user-put')

    await ui.newTab()
    await ui.setUrl(`${api.url}/users/1`)
    expect(await ui.send()).toBe('200 OK')
    expect(await ui.jsonBody()).toEqual(user)

    await ui.newTab()
    await ui.setMethod('PATCH')
    await ui.setUrl(`${api.url}/users/1`)
    await ui.setBodyType('JSON')
    await ui.typeInEditor('Request body', '{"age": 42}')
    expect(await ui.send()).toBe('200 OK')
    expect(await ui.jsonBody()).toEqual({ ...user, age: 42 })
    await ui.responseTab('Body')
    await screenshot(bench.page, 'user-patch')

    await ui.newTab()
    await ui.setUrl(`${api.url}/users/999`)
    expect(await ui.send()).toBe('404 Not Found')
    expect(bench.errors).toEqual([])
  })

  it('keeps each tab its own edits and marks changed tabs', async () => {
    const tabs = bench.page.getByRole('tablist', { name: 'Open requests' }).getByRole('tab')
    expect(await tabs.count()).toBeGreaterThanOrEqual(4)
    await tabs.nth(1).click()
    await expect
      .poll(() => ui.request.getByRole('combobox', { name: 'Method' }).inputValue())
      .toBe('PUT')
    expect(await tabs.nth(1).textContent()).toContain('(changed)')
    await screenshot(bench.page, 'tabs')
  })
})
