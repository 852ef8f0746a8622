import { describe, expect, it } from 'vitest'
import { startHangingServer, startHtmlServer } from '../servers'
import { freePort } from '../servers/freePort'
import { screenshot } from './harness'
import { useWorkbench } from './setup'

const ctx = useWorkbench(async () => {
  const [hanging, html] = await Promise.all([startHangingServer(), startHtmlServer()])
  return { hanging, html }
})

const alert = () => ctx.ui.response.getByRole('alert')

describe('errors a tester can read', () => {
  it('Send becomes Cancel while running, and cancelling says so', async () => {
    await ctx.ui.newTab()
    await ctx.ui.setUrl(`${ctx.server.hanging.url}/no-response`)
    await ctx.ui.request.getByRole('button', { name: 'Send' }).click()
    const cancel = ctx.ui.request.getByRole('button', { name: 'Cancel' })
    await cancel.waitFor({ state: 'visible' })
    await screenshot(ctx.bench.page, 'running')
    await cancel.click()
    await expect.poll(() => alert().textContent()).toMatch(/cancelled/i)
    await ctx.ui.request.getByRole('button', { name: 'Send' }).waitFor({ state: 'visible' })
  })

  it('a timeout names the limit and offers a retry', async () => {
    await ctx.ui.newTab()
    await ctx.ui.setUrl(`${ctx.server.hanging.url}/no-response`)
    await ctx.ui.requestTab('Settings')
    await ctx.ui.request.getByRole('textbox', { name: 'Timeout (ms)' }).fill('500')
    await ctx.ui.request.getByRole('button', { name: 'Send' }).click()
    await expect.poll(() => alert().textContent()).toMatch(/500 ms/)
    expect(await alert().getByRole('button', { name: 'Retry' }).isVisible()).toBe(true)
    await screenshot(ctx.bench.page, 'error-timeout')
  })

  it('a refused connection names host and port, with a hint', async () => {
    const port = await freePort('127.0.0.1')
    await ctx.ui.newTab()
    await ctx.ui.setUrl(`http://127.0.0.1:${port}/users`)
    await ctx.ui.request.getByRole('button', { name: 'Send' }).click()
    await expect.poll(() => alert().textContent()).toContain(`127.0.0.1:${port}`)
    expect(await alert().textContent()).toMatch(/Is the server running/)
    expect(await alert().textContent()).not.toMatch(/Network Error|ECONNREFUSED at|\.js:\d+/)
    await screenshot(ctx.bench.page, 'error-refused')
  })

  it('invalid JSON is shown with line and column while typing, and refused on send', async () => {
    await ctx.ui.newTab()
    await ctx.ui.setMethod('POST')
    await ctx.ui.setUrl(`${ctx.server.html.url}/anything`)
    await ctx.ui.setBodyType('JSON')
    await ctx.ui.typeInEditor('Request body', '{\n  "a": 1,\n}')
    const status = ctx.ui.request.getByText(/Invalid JSON at line 3, column 1/)
    await status.waitFor({ state: 'visible' })
    await screenshot(ctx.bench.page, 'error-invalid-json')
    await ctx.ui.request.getByRole('button', { name: 'Send' }).click()
    await expect.poll(() => alert().textContent()).toMatch(/line 3, column 1/)
  })
})

describe('HTML preview', () => {
  it('renders the page in a sandbox where its scripts do not run', async () => {
    await ctx.ui.newTab()
    await ctx.ui.setUrl(`${ctx.server.html.url}/page`)
    expect(await ctx.ui.send()).toBe('200 OK')
    const body = ctx.ui.response.getByRole('group', { name: 'Response body' })
    await body.getByText('Preview', { exact: true }).click()
    const frame = ctx.bench.page.frameLocator('iframe[title="Response preview"]')
    await expect.poll(() => frame.locator('#greeting').textContent()).toBe('Hello from the server')
    expect(await ctx.bench.page.title()).not.toBe('HIJACKED')
    await screenshot(ctx.bench.page, 'preview-html')
  })
})
