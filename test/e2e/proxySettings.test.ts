import { describe, expect, it } from 'vitest'
import { startProxyServer, startRecordingServer } from '../servers'
import { seriousFindings } from './axe'
import { screenshot } from './harness'
import { useWorkbench } from './setup'

const ctx = useWorkbench(async () => {
  const [target, proxy] = await Promise.all([
    startRecordingServer(),
    startProxyServer({ credentials: 'e2e:pw' }),
  ])
  return { target, proxy }
})

describe('Settings > Proxy', () => {
  it('tests the proxy as edited, then saves it for every send', async () => {
    const page = ctx.bench.page
    const { target, proxy } = ctx.server
    await page.getByRole('button', { name: 'Proxy' }).click()
    const dialog = page.getByRole('dialog', { name: 'Proxy' })
    await dialog
      .getByRole('combobox', { name: 'Proxy mode' })
      .selectOption({ label: 'Manual proxy URL' })
    await dialog.getByRole('textbox', { name: 'Proxy URL' }).fill(proxy.url.replace('//', '//e2e@'))
    await dialog.getByRole('textbox', { name: 'Test URL' }).fill(`${target.url}/tested`)
    await dialog.getByRole('button', { name: 'Test proxy' }).click()
    const status = dialog.getByRole('status')
    await expect
      .poll(() => status.textContent())
      .toContain(`The proxy ${proxy.url} did not accept the user name and password`)

    await dialog.getByLabel('Proxy password').fill('pw')
    await dialog.getByRole('button', { name: 'Test proxy' }).click()
    await expect
      .poll(() => status.textContent())
      .toBe(`Reached ${target.url}/tested through the proxy ${proxy.url}: 200 OK.`)
    expect(proxy.requests.map((r) => r.line)).toEqual([
      `GET ${target.url}/tested`,
      `GET ${target.url}/tested`,
    ])
    await screenshot(page, 'proxy-settings')
    // The accessibility gate, in both themes (contrast differs).
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme })
      await expect
        .poll(() => page.evaluate(() => document.documentElement.dataset.theme))
        .toBe(colorScheme)
      expect(await seriousFindings(page), `proxy dialog, ${colorScheme}`).toEqual([])
    }

    await dialog.getByRole('button', { name: 'Save' }).click()
    await dialog.waitFor({ state: 'detached' })
    await ctx.ui.setUrl(`${target.url}/after-save`)
    expect(await ctx.ui.send()).toBe('200 OK')
    expect(proxy.requests.at(-1)?.line).toBe(`GET ${target.url}/after-save`)

    // Reopened: the password is not shown back, only that one is saved.
    await page.getByRole('button', { name: 'Proxy' }).click()
    const password = page.getByRole('dialog', { name: 'Proxy' }).getByLabel('Proxy password')
    expect(await password.inputValue()).toBe('')
    expect(await password.getAttribute('placeholder')).toContain('Saved in the secret store')
    expect(ctx.bench.errors).toEqual([])
  })
})
