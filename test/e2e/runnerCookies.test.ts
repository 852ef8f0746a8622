import { describe, expect, it } from 'vitest'
import { setCookiePath, startCookieServer } from '../servers/cookieServer'
import { screenshot } from './harness'
import { RunnerPage } from './runnerPage'
import { useWorkbench } from './setup'

const ctx = useWorkbench(() => startCookieServer())

/** A Postman collection pasted into Import, as a user would. */
function collection(items: { name: string; path: string; test: string }[]) {
  return JSON.stringify({
    info: {
      name: 'Shop',
      schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json',
    },
    item: items.map((i) => ({
      name: i.name,
      request: { method: 'GET', url: `${ctx.server.url}${i.path}` },
      event: [{ listen: 'test', script: { exec: [i.test] } }],
    })),
  })
}

describe("the Runner and the workspace's cookies", () => {
  it("sends the workspace's cookies and, when asked, saves what the run was set", async () => {
    const page = ctx.bench.page
    // A cookie the user's own send left in the workspace's jar.
    await ctx.ui.setUrl(`${ctx.server.url}${setCookiePath('/login', 'session=s-1')}`)
    expect(await ctx.ui.send()).toBe('200 OK')

    await page.getByRole('button', { name: 'Import', exact: true }).click()
    const dialog = page.getByRole('dialog', { name: 'Import' })
    await dialog.getByRole('textbox', { name: 'Paste to import' }).fill(
      collection([
        {
          name: '1 Echo',
          path: '/echo',
          test: "pm.test('sends the session', () => pm.expect(pm.response.json().cookie).to.eql('session=s-1'))",
        },
        {
          name: '2 Cart',
          path: setCookiePath('/cart', 'cart=c-7'),
          test: "pm.test('ok', () => pm.response.to.have.status(200))",
        },
      ]),
    )
    await dialog.getByRole('button', { name: 'Import', exact: true }).click()
    await dialog.getByRole('region', { name: 'Import report' }).waitFor()
    await dialog.getByRole('button', { name: 'Done' }).click()

    const ui = new RunnerPage(page)
    await ui.openFromFolder('Shop')
    const save = ui.view.getByRole('checkbox', {
      name: 'Save cookies to the workspace after the run',
    })
    // Saving needs cookies kept during the run.
    await ui.view.getByRole('checkbox', { name: 'Keep cookies between requests' }).uncheck()
    expect(await save.isDisabled()).toBe(true)
    await ui.view.getByRole('checkbox', { name: 'Keep cookies between requests' }).check()
    await save.check()
    await screenshot(page, 'runner-cookies')
    await ui.run()
    expect(await ui.ended()).toMatch(/^Completed · 1 iteration · 2 requests · 2 tests, 0 failed/)

    await page.getByRole('button', { name: 'Cookies' }).click()
    const cookies = page.getByRole('dialog', { name: 'Cookies' })
    const host = cookies.getByRole('region', { name: '127.0.0.1' })
    await host.getByRole('rowheader', { name: 'cart' }).waitFor()
    await host.getByRole('rowheader', { name: 'session' }).waitFor()
    expect(ctx.bench.errors).toEqual([])
  })
})
