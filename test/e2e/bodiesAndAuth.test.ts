import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
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

type Echo = {
  json?: unknown
  form?: unknown
  files?: unknown
  data?: string
  headers: Record<string, string>
}

describe('bodies, as httpbin echoes them', () => {
  it('JSON body is sent with Content-Type application/json', async () => {
    await ui.newTab()
    await ui.setMethod('POST')
    await ui.setUrl(`${httpbin.url}/post`)
    await ui.setBodyType('JSON')
    await ui.typeInEditor('Request body', '{"name": "Jane", "tags": ["a", "b"]}')
    expect(await ui.send()).toBe('200 OK')
    const echo = (await ui.jsonBody()) as Echo
    expect(echo.json).toEqual({ name: 'Jane', tags: ['a', 'b'] })
    expect(echo.headers['Content-Type']).toBe('application/json')
    await ui.responseTab('Body')
    await ui.response.getByRole('group', { name: 'Response body' }).getByText('Pretty').click()
    await screenshot(bench.page, 'body-json')
  })

  it('form URL-encoded fields are sent like requests data=', async () => {
    await ui.newTab()
    await ui.setMethod('PUT')
    await ui.setUrl(`${httpbin.url}/put`)
    await ui.setBodyType('Form URL-encoded')
    await ui.request.getByRole('textbox', { name: 'Field name 1' }).fill('name')
    await ui.request.getByRole('textbox', { name: 'Field value 1' }).fill('Jane Roe')
    await ui.request.getByRole('textbox', { name: 'Field name 2' }).fill('tags')
    await ui.request.getByRole('textbox', { name: 'Field value 2' }).fill('a&b')
    expect(await ui.send()).toBe('200 OK')
    const echo = (await ui.jsonBody()) as Echo
    expect(echo.form).toEqual({ name: 'Jane Roe', tags: 'a&b' })
    expect(echo.headers['Content-Type']).toBe('application/x-www-form-urlencoded')
  })

  it('multipart sends text fields and a file read from disk', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'courier-e2e-upload-'))
    const file = join(dir, 'report.txt')
    writeFileSync(file, 'file contents here')
    await ui.newTab()
    await ui.setMethod('POST')
    await ui.setUrl(`${httpbin.url}/post`)
    await ui.setBodyType('Multipart form')
    await ui.request.getByRole('button', { name: 'Add text field' }).click()
    await ui.request.getByRole('textbox', { name: 'Field name 1' }).fill('title')
    await ui.request.getByRole('textbox', { name: 'Field value 1' }).fill('Quarterly')
    await ui.request.getByRole('button', { name: 'Add file field' }).click()
    await ui.request.getByRole('textbox', { name: 'Field name 2' }).fill('upload')
    await ui.request.getByRole('textbox', { name: 'File for field 2' }).fill(file)
    await screenshot(bench.page, 'body-multipart')
    expect(await ui.send()).toBe('200 OK')
    const echo = (await ui.jsonBody()) as Echo
    expect(echo.form).toEqual({ title: 'Quarterly' })
    expect(echo.files).toEqual({ upload: 'file contents here' })
    expect(echo.headers['Content-Type']).toMatch(/^multipart\/form-data; boundary=/)
  })

  it('raw XML is sent as written with its content type', async () => {
    await ui.newTab()
    await ui.setMethod('POST')
    await ui.setUrl(`${httpbin.url}/post`)
    await ui.setBodyType('Raw')
    await ui.request
      .getByRole('combobox', { name: 'Raw content type' })
      .selectOption('application/xml')
    await ui.typeInEditor('Request body', '<user><name>Jane</name></user>')
    expect(await ui.send()).toBe('200 OK')
    const echo = (await ui.jsonBody()) as Echo
    expect(echo.data).toBe('<user><name>Jane</name></user>')
    expect(echo.headers['Content-Type']).toBe('application/xml')
  })
})

describe('auth', () => {
  it('Basic auth passes httpbin /basic-auth', async () => {
    await ui.newTab()
    await ui.setUrl(`${httpbin.url}/basic-auth/tester/s3cret`)
    await ui.requestTab('Auth')
    await ui.request.getByRole('combobox', { name: 'Auth type' }).selectOption({ label: 'Basic' })
    await ui.request.getByRole('textbox', { name: 'Username' }).fill('tester')
    await ui.request.getByLabel('Password', { exact: true }).fill('s3cret')
    expect(await ui.send()).toBe('200 OK')
    expect(await ui.jsonBody()).toEqual({ authenticated: true, user: 'tester' })
    await screenshot(bench.page, 'auth-basic')
  })

  it('Bearer auth sends the token, and the Headers tab shows what Courier adds', async () => {
    await ui.newTab()
    await ui.setUrl(`${httpbin.url}/bearer`)
    await ui.requestTab('Auth')
    await ui.request.getByRole('combobox', { name: 'Auth type' }).selectOption({ label: 'Bearer' })
    await ui.request.getByRole('textbox', { name: 'Token' }).fill('tok-123')
    await ui.requestTab('Headers')
    const added = ui.request.getByRole('table', { name: /Added by Courier/ })
    await expect.poll(() => added.textContent()).toContain('Bearer tok-123')
    expect(await added.textContent()).toContain('Courier/0.1')
    await screenshot(bench.page, 'auth-bearer-headers')
    expect(await ui.send()).toBe('200 OK')
    expect(await ui.jsonBody()).toEqual({ authenticated: true, token: 'tok-123' })
  })
})
