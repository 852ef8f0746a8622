import { resolve } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { startHttpbin } from '../servers'
import { screenshot } from './harness'
import { useWorkbench } from './setup'

const ctx = useWorkbench(startHttpbin)
beforeAll(async () => {
  await ctx.bench.page.context().grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: new URL(ctx.bench.host.url).origin,
  })
})

const collection = () =>
  JSON.stringify({
    info: {
      name: 'Shop API',
      schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json',
    },
    item: [
      {
        name: 'Users',
        item: [
          {
            name: 'Update user',
            request: {
              method: 'PUT',
              url: `${ctx.server.url}/put`,
              header: [{ key: 'X-Team', value: 'qa' }],
              body: { mode: 'raw', raw: '{"name":"Jane"}', options: { raw: { language: 'json' } } },
            },
          },
        ],
      },
    ],
  })

describe('interop with other tools', () => {
  it('imports a pasted Postman collection into the workspace and sends from it', async () => {
    await ctx.bench.page.getByRole('button', { name: 'Import' }).click()
    const dialog = ctx.bench.page.getByRole('dialog', { name: 'Import' })
    await dialog.getByRole('textbox', { name: 'Paste to import' }).fill(collection())
    await dialog.getByRole('button', { name: 'Import', exact: true }).click()
    await expect
      .poll(() => dialog.getByRole('region', { name: 'Import report' }).textContent())
      .toMatch(/Imported 1 request/)
    await screenshot(ctx.bench.page, 'import-report')
    await dialog.getByRole('button', { name: 'Done' }).click()

    const item = (name: string) => ctx.bench.page.getByRole('treeitem', { name, exact: true })
    await item('Shop API').click()
    await item('Users').click()
    await item('Update user').click()
    await expect
      .poll(() => ctx.ui.request.getByRole('textbox', { name: 'URL' }).inputValue())
      .toBe(`${ctx.server.url}/put`)
    expect(await ctx.ui.send()).toBe('200 OK')
    const echo = (await ctx.ui.jsonBody()) as { json: unknown; headers: Record<string, string> }
    expect(echo.json).toEqual({ name: 'Jane' })
    expect(echo.headers['X-Team']).toBe('qa')
  })

  it('imports an OpenAPI file chosen in the file input, with a report of what to check', async () => {
    await ctx.bench.page.getByRole('button', { name: 'Import', exact: true }).click()
    const dialog = ctx.bench.page.getByRole('dialog', { name: 'Import' })
    await dialog
      .getByRole('button', { name: 'Import file' })
      .setInputFiles(resolve('test/fixtures/interop/openapi-3.0.yaml'))
    await dialog.getByRole('button', { name: 'Import', exact: true }).click()
    const report = dialog.getByRole('region', { name: 'Import report' })
    await expect.poll(() => report.textContent()).toMatch(/from openapi 3\.0/i)
    await screenshot(ctx.bench.page, 'import-openapi')
    await dialog.getByRole('button', { name: 'Done' }).click()
    await expect.poll(() => ctx.bench.page.getByRole('treeitem').count()).toBeGreaterThan(1)
  })

  it('shows the request as Python requests code and copies it as cURL', async () => {
    await ctx.ui.requestTab('Code')
    await ctx.ui.request.getByRole('combobox', { name: 'Language' }).selectOption('python-requests')
    const code = ctx.ui.request.getByRole('textbox', { name: 'Generated code' })
    await expect.poll(() => code.textContent()).toContain('requests.put(')
    await screenshot(ctx.bench.page, 'code-python')
    await ctx.ui.request.getByRole('button', { name: 'Copy as cURL' }).click()
    await expect
      .poll(() => ctx.bench.page.evaluate(() => navigator.clipboard.readText()))
      .toMatch(new RegExp(`^curl .*${ctx.server.url.replace(/\./g, '\\.')}/put`, 's'))
  })

  it('turns a curl command pasted into the URL field into the request', async () => {
    await ctx.ui.newTab()
    const command = `curl -X PATCH '${ctx.server.url}/patch' -H 'X-Trace: t-1' --json '{"age": 42}'`
    await ctx.ui.request.getByRole('textbox', { name: 'URL' }).evaluate((input, text) => {
      const data = new DataTransfer()
      data.setData('text/plain', text)
      input.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
      )
    }, command)
    await expect
      .poll(() => ctx.ui.request.getByRole('textbox', { name: 'URL' }).inputValue())
      .toBe(`${ctx.server.url}/patch`)
    expect(await ctx.ui.request.getByRole('combobox', { name: 'Method' }).inputValue()).toBe(
      'PATCH',
    )
    expect(await ctx.ui.send()).toBe('200 OK')
    const echo = (await ctx.ui.jsonBody()) as { json: unknown; headers: Record<string, string> }
    expect(echo.json).toEqual({ age: 42 })
    expect(echo.headers['X-Trace']).toBe('t-1')
    expect(ctx.bench.errors).toEqual([])
  })
})
