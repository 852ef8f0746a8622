import { describe, expect, it } from 'vitest'
import { startJsonServer } from '../servers'
import { screenshot } from './harness'
import { useWorkbench } from './setup'

const ctx = useWorkbench(startJsonServer)

describe('the seed scenario in the UI: a user record on json-server', () => {
  it('PUT replaces the user, GET reads it back, PATCH changes one field', async () => {
    const user = { id: '1', name: 'John Doe Smith', email: 'john@example.com', age: 41 }
    await ctx.ui.newTab()
    await ctx.ui.setMethod('PUT')
    await ctx.ui.setUrl(`${ctx.server.url}/users/1`)
    await ctx.ui.setBodyType('JSON')
    await ctx.ui.typeInEditor('Request body', JSON.stringify(user, null, 2))
    expect(await ctx.ui.send()).toBe('200 OK')
    expect(await ctx.ui.jsonBody()).toEqual(user)
    await ctx.ui.response.getByRole('radio', { name: 'Pretty' }).click()
    await screenshot(ctx.bench.page, 'user-put')

    await ctx.ui.newTab()
    await ctx.ui.setUrl(`${ctx.server.url}/users/1`)
    expect(await ctx.ui.send()).toBe('200 OK')
    expect(await ctx.ui.jsonBody()).toEqual(user)

    await ctx.ui.newTab()
    await ctx.ui.setMethod('PATCH')
    await ctx.ui.setUrl(`${ctx.server.url}/users/1`)
    await ctx.ui.setBodyType('JSON')
    await ctx.ui.typeInEditor('Request body', '{"age": 42}')
    expect(await ctx.ui.send()).toBe('200 OK')
    expect(await ctx.ui.jsonBody()).toEqual({ ...user, age: 42 })
    await ctx.ui.responseTab('Body')
    await screenshot(ctx.bench.page, 'user-patch')

    await ctx.ui.newTab()
    await ctx.ui.setUrl(`${ctx.server.url}/users/999`)
    expect(await ctx.ui.send()).toBe('404 Not Found')
    expect(ctx.bench.errors).toEqual([])
  })

  it('keeps each tab its own edits and marks changed tabs', async () => {
    const tabs = ctx.bench.page.getByRole('tablist', { name: 'Open requests' }).getByRole('tab')
    expect(await tabs.count()).toBeGreaterThanOrEqual(4)
    await tabs.nth(1).click()
    await expect
      .poll(() => ctx.ui.request.getByRole('combobox', { name: 'Method' }).inputValue())
      .toBe('PUT')
    expect(await tabs.nth(1).textContent()).toContain('(changed)')
    await screenshot(ctx.bench.page, 'tabs')
  })
})
