import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { startHttpbin } from '../servers'
import { screenshot } from './harness'
import { useWorkbench } from './setup'

const ctx = useWorkbench(startHttpbin)

type Echo = {
  json?: unknown
  form?: unknown
  files?: unknown
  data?: string
  headers: Record<string, string>
}

describe('bodies, as httpbin echoes them', () => {
  it('JSON body is sent with Content-Type application/json', async () => {
    await ctx.ui.newTab()
    await ctx.ui.setMethod('POST')
    await ctx.ui.setUrl(`${ctx.server.url}/post`)
    await ctx.ui.setBodyType('JSON')
    await ctx.ui.typeInEditor('Request body', '{"name": "Jane", "tags": ["a", "b"]}')
    expect(await ctx.ui.send()).toBe('200 OK')
    const echo = (await ctx.ui.jsonBody()) as Echo
    expect(echo.json).toEqual({ name: 'Jane', tags: ['a', 'b'] })
    expect(echo.headers['Content-Type']).toBe('application/json')
    await ctx.ui.responseTab('Body')
    await ctx.ui.response.getByRole('group', { name: 'Response body' }).getByText('Pretty').click()
    await screenshot(ctx.bench.page, 'body-json')
  })

  it('form URL-encoded fields are sent like requests data=', async () => {
    await ctx.ui.newTab()
    await ctx.ui.setMethod('PUT')
    await ctx.ui.setUrl(`${ctx.server.url}/put`)
    await ctx.ui.setBodyType('Form URL-encoded')
    await ctx.ui.request.getByRole('textbox', { name: 'Field name 1' }).fill('name')
    await ctx.ui.request.getByRole('textbox', { name: 'Field value 1' }).fill('Jane Roe')
    await ctx.ui.request.getByRole('textbox', { name: 'Field name 2' }).fill('tags')
    await ctx.ui.request.getByRole('textbox', { name: 'Field value 2' }).fill('a&b')
    expect(await ctx.ui.send()).toBe('200 OK')
    const echo = (await ctx.ui.jsonBody()) as Echo
    expect(echo.form).toEqual({ name: 'Jane Roe', tags: 'a&b' })
    expect(echo.headers['Content-Type']).toBe('application/x-www-form-urlencoded')
  })

  it('multipart sends text fields and a file read from disk', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'courier-e2e-upload-'))
    const file = join(dir, 'report.txt')
    writeFileSync(file, 'file contents here')
    await ctx.ui.newTab()
    await ctx.ui.setMethod('POST')
    await ctx.ui.setUrl(`${ctx.server.url}/post`)
    await ctx.ui.setBodyType('Multipart form')
    await ctx.ui.request.getByRole('button', { name: 'Add text field' }).click()
    await ctx.ui.request.getByRole('textbox', { name: 'Field name 1' }).fill('title')
    await ctx.ui.request.getByRole('textbox', { name: 'Field value 1' }).fill('Quarterly')
    await ctx.ui.request.getByRole('button', { name: 'Add file field' }).click()
    await ctx.ui.request.getByRole('textbox', { name: 'Field name 2' }).fill('upload')
    await ctx.ui.request.getByRole('textbox', { name: 'File for field 2' }).fill(file)
    await screenshot(ctx.bench.page, 'body-multipart')
    expect(await ctx.ui.send()).toBe('200 OK')
    const echo = (await ctx.ui.jsonBody()) as Echo
    expect(echo.form).toEqual({ title: 'Quarterly' })
    expect(echo.files).toEqual({ upload: 'file contents here' })
    expect(echo.headers['Content-Type']).toMatch(/^multipart\/form-data; boundary=/)
  })

  it('raw XML is sent as written with its content type', async () => {
    await ctx.ui.newTab()
    await ctx.ui.setMethod('POST')
    await ctx.ui.setUrl(`${ctx.server.url}/post`)
    await ctx.ui.setBodyType('Raw')
    await ctx.ui.request
      .getByRole('combobox', { name: 'Raw content type' })
      .selectOption('application/xml')
    await ctx.ui.typeInEditor('Request body', '<user><name>Jane</name></user>')
    expect(await ctx.ui.send()).toBe('200 OK')
    const echo = (await ctx.ui.jsonBody()) as Echo
    expect(echo.data).toBe('<user><name>Jane</name></user>')
    expect(echo.headers['Content-Type']).toBe('application/xml')
  })
})

describe('binary responses', () => {
  it('shows size, type and a hex preview, never mojibake', async () => {
    await ctx.ui.newTab()
    await ctx.ui.setUrl(`${ctx.server.url}/bytes/100?seed=7`)
    expect(await ctx.ui.send()).toBe('200 OK')
    const body = ctx.ui.response.getByRole('group', { name: 'Response body' })
    await expect
      .poll(() => body.textContent())
      .toContain('Binary body (100 bytes, application/octet-stream)')
    const hex = body.getByLabel('Hex preview')
    expect(await hex.textContent()).toMatch(/^00000000 {2}([0-9a-f]{2} ){15}[0-9a-f]{2} {2}\|/)
    expect(await body.getByRole('button', { name: 'Save to file' }).isEnabled()).toBe(true)
    await screenshot(ctx.bench.page, 'binary-response')
  })
})

describe('auth', () => {
  it('Basic auth passes httpbin /basic-auth', async () => {
    await ctx.ui.newTab()
    await ctx.ui.setUrl(`${ctx.server.url}/basic-auth/tester/s3cret`)
    await ctx.ui.requestTab('Auth')
    await ctx.ui.request
      .getByRole('combobox', { name: 'Auth type' })
      .selectOption({ label: 'Basic' })
    await ctx.ui.request.getByRole('textbox', { name: 'Username' }).fill('tester')
    await ctx.ui.request.getByLabel('Password', { exact: true }).fill('s3cret')
    expect(await ctx.ui.send()).toBe('200 OK')
    expect(await ctx.ui.jsonBody()).toEqual({ authenticated: true, user: 'tester' })
    await screenshot(ctx.bench.page, 'auth-basic')
  })

  it('Bearer auth sends the token, and the Headers tab shows what Courier adds', async () => {
    await ctx.ui.newTab()
    await ctx.ui.setUrl(`${ctx.server.url}/bearer`)
    await ctx.ui.requestTab('Auth')
    await ctx.ui.request
      .getByRole('combobox', { name: 'Auth type' })
      .selectOption({ label: 'Bearer' })
    await ctx.ui.request.getByRole('textbox', { name: 'Token' }).fill('tok-123')
    await ctx.ui.requestTab('Headers')
    const added = ctx.ui.request.getByRole('table', { name: /Added by Courier/ })
    await expect.poll(() => added.textContent()).toContain('Bearer tok-123')
    expect(await added.textContent()).toContain('Courier/0.1')
    await screenshot(ctx.bench.page, 'auth-bearer-headers')
    expect(await ctx.ui.send()).toBe('200 OK')
    expect(await ctx.ui.jsonBody()).toEqual({ authenticated: true, token: 'tok-123' })
  })
})
