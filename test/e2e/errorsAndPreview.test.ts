import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startHangingServer, startHtmlServer, type RunningServer } from '../servers'
import { freePort } from '../servers/freePort'
import { screenshot, startWorkbench, type Workbench } from './harness'
import { WorkbenchPage } from './workbenchPage'

let hanging: RunningServer
let html: RunningServer
let bench: Workbench
let ui: WorkbenchPage

beforeAll(async () => {
  ;[hanging, html, bench] = await Promise.all([
    startHangingServer(),
    startHtmlServer(),
    startWorkbench(),
  ])
  ui = new WorkbenchPage(bench.page)
})
afterAll(async () => {
  await bench?.close()
  await Promise.all([hanging?.close(), html?.close()])
})

const alert = () => ui.response.getByRole('alert')

describe('errors a tester can read', () => {
  it('Send becomes Cancel while running, and cancelling says so', async () => {
    await ui.newTab()
    await ui.setUrl(`${hanging.url}/no-response`)
    await ui.request.getByRole('button', { name: 'Send' }).click()
    const cancel = ui.request.getByRole('button', { name: 'Cancel' })
    await cancel.waitFor({ state: 'visible' })
    await screenshot(bench.page, 'running')
    await cancel.click()
    await expect.poll(() => alert().textContent()).toMatch(/cancelled/i)
    await ui.request.getByRole('button', { name: 'Send' }).waitFor({ state: 'visible' })
  })

  it('a timeout names the limit and offers a retry', async () => {
    await ui.newTab()
    await ui.setUrl(`${hanging.url}/no-response`)
    await ui.requestTab('Settings')
    await ui.request.getByRole('textbox', { name: 'Timeout (ms)' }).fill('500')
    await ui.request.getByRole('button', { name: 'Send' }).click()
    await expect.poll(() => alert().textContent()).toMatch(/500 ms/)
    expect(await alert().getByRole('button', { name: 'Retry' }).isVisible()).toBe(true)
    await screenshot(bench.page, 'error-timeout')
  })

  it('a refused connection names host and port, with a hint', async () => {
    const port = await freePort('127.0.0.1')
    await ui.newTab()
    await ui.setUrl(`http://127.0.0.1:${port}/users`)
    await ui.request.getByRole('button', { name: 'Send' }).click()
    await expect.poll(() => alert().textContent()).toContain(`127.0.0.1:${port}`)
    expect(await alert().textContent()).toMatch(/Is the server running/)
    expect(await alert().textContent()).not.toMatch(/Network Error|ECONNREFUSED at|\.js:\d+/)
    await screenshot(bench.page, 'error-refused')
  })

  it('invalid JSON is shown with line and column while typing, and refused on send', async () => {
    await ui.newTab()
    await ui.setMethod('POST')
    await ui.setUrl(`${html.url}/anything`)
    await ui.setBodyType('JSON')
    await ui.typeInEditor('Request body', '{\n  "a": 1,\n}')
    const status = ui.request.getByText(/Invalid JSON at line 3, column 1/)
    await status.waitFor({ state: 'visible' })
    await screenshot(bench.page, 'error-invalid-json')
    await ui.request.getByRole('button', { name: 'Send' }).click()
    await expect.poll(() => alert().textContent()).toMatch(/line 3, column 1/)
  })
})

describe('HTML preview', () => {
  it('renders the page in a sandbox where its scripts do not run', async () => {
    await ui.newTab()
    await ui.setUrl(`${html.url}/page`)
    expect(await ui.send()).toBe('200 OK')
    const body = ui.response.getByRole('group', { name: 'Response body' })
    await body.getByText('Preview', { exact: true }).click()
    const frame = bench.page.frameLocator('iframe[title="Response preview"]')
    await expect.poll(() => frame.locator('#greeting').textContent()).toBe('Hello from the server')
    expect(await bench.page.title()).not.toBe('HIJACKED')
    await screenshot(bench.page, 'preview-html')
  })
})
