import { describe, expect, it } from 'vitest'
import { setCookiePath, startCookieServer } from '../servers/cookieServer'
import { seriousFindings } from './axe'
import { screenshot } from './harness'
import { useWorkbench } from './setup'

const ctx = useWorkbench(async () => {
  const [here, elsewhere] = await Promise.all([
    startCookieServer('127.0.0.1'),
    startCookieServer('127.0.0.2'),
  ])
  return { here, elsewhere }
})

describe('the Cookies manager', () => {
  it('shows the cookies responses set, by domain, and deletes one, a domain, then all', async () => {
    const page = ctx.bench.page
    const { here, elsewhere } = ctx.server
    await ctx.ui.setUrl(
      `${here.url}${setCookiePath('/set', 'session=abc123', 'theme=dark; Path=/ui; HttpOnly')}`,
    )
    expect(await ctx.ui.send()).toBe('200 OK')
    await ctx.ui.setUrl(`${elsewhere.url}${setCookiePath('/set', 'visitor=v-42; Max-Age=3600')}`)
    expect(await ctx.ui.send()).toBe('200 OK')

    await page.getByRole('button', { name: 'Cookies' }).click()
    const dialog = page.getByRole('dialog', { name: 'Cookies' })
    const first = dialog.getByRole('region', { name: '127.0.0.1' })
    const second = dialog.getByRole('region', { name: '127.0.0.2' })
    await first.getByRole('rowheader', { name: 'session' }).waitFor()
    expect(await first.getByRole('row', { name: /theme/ }).textContent()).toContain('HttpOnly')
    expect(await first.getByRole('row', { name: /session/ }).textContent()).toContain('abc123')
    const visitor = await second.getByRole('row', { name: /visitor/ }).textContent()
    expect(visitor).toContain('v-42')
    // Max-Age gives it an expiry date; the others last until cleared.
    expect(visitor).not.toContain('Session')
    expect(await first.getByRole('row', { name: /session/ }).textContent()).toContain('Session')
    await screenshot(page, 'cookies-manager')
    expect(await seriousFindings(page), 'cookies dialog').toEqual([])

    await first.getByRole('button', { name: 'Edit cookie theme' }).click()
    const form = first.getByRole('form', { name: 'Edit cookie theme' })
    await form.getByRole('textbox', { name: 'Value' }).fill('light')
    await form.getByRole('checkbox', { name: 'Secure' }).check()
    await form.getByRole('button', { name: 'Save cookie' }).click()
    await form.waitFor({ state: 'detached' })
    const theme = await first.getByRole('row', { name: /theme/ }).textContent()
    expect(theme).toContain('light')
    expect(theme).toContain('Secure, HttpOnly')

    await first.getByRole('button', { name: 'Delete cookie session' }).click()
    await first.getByRole('rowheader', { name: 'session' }).waitFor({ state: 'detached' })
    await first.getByRole('rowheader', { name: 'theme' }).waitFor()

    await dialog.getByRole('button', { name: 'Delete the cookies of 127.0.0.1' }).click()
    await first.waitFor({ state: 'detached' })
    await second.getByRole('rowheader', { name: 'visitor' }).waitFor()

    await dialog.getByRole('button', { name: 'Clear all cookies' }).click()
    await dialog.getByText('No cookies yet.').waitFor()
    expect(await dialog.getByRole('region').count()).toBe(0)

    await dialog.getByRole('button', { name: 'Done' }).click()
    await dialog.waitFor({ state: 'detached' })
    expect(ctx.bench.errors).toEqual([])
  })

  it('adds a cookie by hand, refuses a URL for a domain, and sends the cookie', async () => {
    const page = ctx.bench.page
    const { here } = ctx.server
    await page.getByRole('button', { name: 'Cookies' }).click()
    const dialog = page.getByRole('dialog', { name: 'Cookies' })
    await dialog.getByRole('button', { name: 'Add cookie' }).click()
    const form = dialog.getByRole('form', { name: 'Add cookie' })
    await form.getByRole('textbox', { name: /Domain/ }).fill(here.url)
    await form.getByRole('textbox', { name: 'Name' }).fill('token')
    await form.getByRole('textbox', { name: 'Value' }).fill('by-hand')
    await form.getByRole('button', { name: 'Add cookie' }).click()
    // A URL is not a domain: said, and the form keeps what was typed.
    await expect
      .poll(() => dialog.getByRole('alert').textContent())
      .toContain('host name such as api.example.com')
    await form.getByRole('textbox', { name: /Domain/ }).fill('127.0.0.1')
    await form.getByRole('button', { name: 'Add cookie' }).click()
    await form.waitFor({ state: 'detached' })
    const host = dialog.getByRole('region', { name: '127.0.0.1' })
    expect(await host.getByRole('row', { name: /token/ }).textContent()).toContain('by-hand')
    await screenshot(page, 'cookies-added')
    await dialog.getByRole('button', { name: 'Done' }).click()

    await ctx.ui.setUrl(`${here.url}/echo`)
    expect(await ctx.ui.send()).toBe('200 OK')
    expect(await ctx.ui.jsonBody()).toEqual({ path: '/echo', cookie: 'token=by-hand' })
    expect(ctx.bench.errors).toEqual([])
  })
})
