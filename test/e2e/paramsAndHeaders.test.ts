import { describe, expect, it } from 'vitest'
import { startHttpbin } from '../servers'
import { screenshot } from './harness'
import { useWorkbench } from './setup'

const ctx = useWorkbench(startHttpbin)

describe('params and the URL stay in sync', () => {
  it('typing a query fills the table, editing the table rewrites the URL', async () => {
    await ctx.ui.newTab()
    const url = ctx.ui.request.getByRole('textbox', { name: 'URL' })
    await ctx.ui.setUrl(`${ctx.server.url}/get?page=2&sort=name`)
    await ctx.ui.requestTab('Params')
    const name = (n: number) => ctx.ui.request.getByRole('textbox', { name: `Param name ${n}` })
    const value = (n: number) => ctx.ui.request.getByRole('textbox', { name: `Param value ${n}` })
    await expect.poll(() => name(1).inputValue()).toBe('page')
    expect(await value(2).inputValue()).toBe('name')

    await value(1).fill('3')
    await name(3).fill('q')
    await value(3).fill('a b')
    await expect.poll(() => url.inputValue()).toBe(`${ctx.server.url}/get?page=3&sort=name&q=a b`)

    await ctx.ui.request.getByRole('checkbox', { name: 'Enable param 2' }).uncheck()
    await expect.poll(() => url.inputValue()).toBe(`${ctx.server.url}/get?page=3&q=a b`)
    await screenshot(ctx.bench.page, 'params-sync')

    expect(await ctx.ui.send()).toBe('200 OK')
    const echo = (await ctx.ui.jsonBody()) as { args: Record<string, string> }
    expect(echo.args).toEqual({ page: '3', q: 'a b' })
  })
})

describe("Postman's dynamic variables in the URL", () => {
  it('are offered as {{$ is typed, explained, and get a value when sent', async () => {
    await ctx.ui.newTab()
    const url = ctx.ui.request.getByRole('textbox', { name: 'URL' })
    await url.fill(`${ctx.server.url}/anything?id={{$guid}}&email={{$randomE`)
    const offered = ctx.bench.page.getByRole('listbox').getByRole('option')
    await expect.poll(() => offered.allInnerTexts()).toHaveLength(2)
    const texts = await offered.allInnerTexts()
    expect(texts.map((t) => t.split('\n')[0])).toEqual(['$randomEmail', '$randomExampleEmail'])
    expect(texts[0]).toContain(
      "A random email address · Postman's dynamic variable, made at each send",
    )
    await screenshot(ctx.bench.page, 'dynamic-variables-offered')
    await url.press('Enter')
    await expect
      .poll(() => url.inputValue())
      .toBe(`${ctx.server.url}/anything?id={{$guid}}&email={{$randomEmail}}`)
    expect(await ctx.ui.send()).toBe('200 OK')
    const echo = (await ctx.ui.jsonBody()) as { args: Record<string, string> }
    expect(echo.args.id).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    )
    expect(echo.args.email).toMatch(/^[^@\s]+@[^@\s]+$/)
  })
})

describe('headers bulk edit', () => {
  it('key: value lines become header rows that are sent', async () => {
    await ctx.ui.newTab()
    await ctx.ui.setUrl(`${ctx.server.url}/headers`)
    await ctx.ui.requestTab('Headers')
    await ctx.ui.request.getByRole('button', { name: 'Bulk edit' }).click()
    await ctx.ui.request
      .getByRole('textbox', { name: 'Headers bulk edit' })
      .fill('X-Trace-Id: abc-123\nAccept: application/json\n// X-Disabled: no')
    await screenshot(ctx.bench.page, 'headers-bulk')
    await ctx.ui.request.getByRole('button', { name: 'Bulk edit' }).click()
    expect(await ctx.ui.request.getByRole('textbox', { name: 'Header name 2' }).inputValue()).toBe(
      'Accept',
    )
    expect(await ctx.ui.send()).toBe('200 OK')
    const echo = (await ctx.ui.jsonBody()) as { headers: Record<string, string> }
    expect(echo.headers['X-Trace-Id']).toBe('abc-123')
    expect(echo.headers.Accept).toBe('application/json')
    expect(echo.headers['X-Disabled']).toBeUndefined()
  })

  it('shows the response headers, repeated ones each on a row, and the timeline', async () => {
    await ctx.ui.newTab()
    await ctx.ui.setUrl(`${ctx.server.url}/response-headers?Set-Cookie=a%3D1&Set-Cookie=b%3D2`)
    expect(await ctx.ui.send()).toBe('200 OK')
    await ctx.ui.responseTab('Headers')
    const rows = ctx.ui.response.getByRole('row').filter({ hasText: 'Set-Cookie' })
    await expect.poll(() => rows.count()).toBe(2)
    await screenshot(ctx.bench.page, 'response-headers')
    await ctx.ui.responseTab('Timeline')
    await expect.poll(() => ctx.ui.response.textContent()).toMatch(/First byte/)
    await screenshot(ctx.bench.page, 'response-timeline')
  })
})
