import { describe, expect, it } from 'vitest'
import { startHttpbin } from '../servers'
import { screenshot } from './harness'
import { useWorkbench } from './setup'

const ctx = useWorkbench(startHttpbin)

describe('assertions in the app', () => {
  it('are added in the Tests tab, checked on send, listed with why they failed, and kept in history', async () => {
    const { page } = ctx.bench
    await ctx.ui.newTab()
    await ctx.ui.setUrl(`${ctx.server.url}/get?who=ada`)
    await ctx.ui.request.getByRole('tab', { name: /^Tests/ }).click()
    const add = ctx.ui.request.getByRole('button', { name: 'Add assertion' })
    await add.click()
    await add.click()
    await ctx.ui.request
      .getByRole('combobox', { name: 'Assertion 2 target' })
      .selectOption({ label: 'JSONPath' })
    await ctx.ui.request.getByRole('textbox', { name: 'Assertion 2 JSONPath' }).fill('$.args.who')
    await ctx.ui.request.getByRole('textbox', { name: 'Assertion 2 expected value' }).fill('grace')
    await screenshot(page, 'assertions-editor')

    expect(await ctx.ui.send()).toBe('200 OK')
    const testsTab = ctx.ui.response.getByRole('tab', { name: /^Tests/ })
    await expect.poll(() => testsTab.textContent()).toMatch(/1\/2 passed/)
    await testsTab.click()
    const results = ctx.ui.response.getByRole('list', { name: 'Test results' })
    await expect.poll(() => results.getByRole('listitem').count()).toBe(2)
    expect(await results.getByRole('listitem').nth(0).textContent()).toMatch(
      /Passed:.*status equals 200/,
    )
    expect(await results.getByRole('listitem').nth(1).textContent()).toMatch(
      /Failed:.*jsonPath \$\.args\.who equals grace.*expected "grace", got "ada"/,
    )
    await screenshot(page, 'assertions-results')

    // History: the send is marked and found by "Failed tests only"; reopened, its tests show again.
    await page.getByRole('tab', { name: 'History' }).click()
    const pane = page.getByRole('region', { name: 'History' })
    await pane.getByRole('button', { name: /^Filters/ }).click()
    await pane.getByRole('checkbox', { name: 'Failed tests only' }).check()
    const list = pane.getByRole('list', { name: 'History entries' })
    await expect.poll(() => list.getByRole('listitem').count()).toBe(1)
    const entry = list.getByRole('listitem').first()
    expect(await entry.getAttribute('aria-label')).toMatch(/^GET .*\/get\?who=ada$/)
    expect(await entry.textContent()).toContain('1 failed')
    await screenshot(page, 'assertions-history')
    await entry.getByRole('button').click()
    const dialog = page.getByRole('dialog', { name: /^GET .*\/get\?who=ada$/ })
    await dialog.getByRole('tab', { name: /^Tests/ }).click()
    await expect
      .poll(() => dialog.getByRole('list', { name: 'Test results' }).getByRole('listitem').count())
      .toBe(2)
    expect(ctx.bench.errors).toEqual([])
  })
})
