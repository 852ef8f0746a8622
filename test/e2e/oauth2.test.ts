import { describe, expect, it } from 'vitest'
import { startOAuthServer } from '../servers'
import { seriousFindings } from './axe'
import { screenshot } from './harness'
import { useWorkbench } from './setup'

const ctx = useWorkbench(() =>
  startOAuthServer({ 'e2e-app': { secret: 'e2e-s3cret', method: 'body' } }),
)

describe('OAuth 2.0 in the Auth tab', () => {
  it('gets a client credentials token, shows it with its expiry, and sends it', async () => {
    const { ui, server } = ctx
    await ui.newTab()
    await ui.setUrl(`${server.url}/resource`)
    await ui.requestTab('Auth')
    await ui.request
      .getByRole('combobox', { name: 'Auth type' })
      .selectOption({ label: 'OAuth 2.0' })
    await ui.request.getByRole('textbox', { name: 'Token URL' }).fill(`${server.url}/token`)
    await ui.request.getByRole('textbox', { name: 'Client ID' }).fill('e2e-app')
    await ui.request.getByLabel('Client secret').fill('e2e-s3cret')
    await ui.request
      .getByRole('combobox', { name: 'Send client credentials' })
      .selectOption({ label: 'In the request body' })
    await ui.request.getByRole('textbox', { name: 'Scope' }).fill('read')
    const panel = ui.request.getByRole('region', { name: 'OAuth 2.0 token' })
    await expect.poll(() => panel.getByRole('status').textContent()).toContain('No token yet')

    await panel.getByRole('button', { name: 'Get new token' }).click()
    await expect
      .poll(() => panel.getByRole('status').textContent())
      .toMatch(/Token: bearer .+…, expires /)
    expect(await panel.getByRole('status').textContent()).toContain('scope read')
    expect(server.tokenRequests).toHaveLength(1)
    expect(server.tokenRequests[0]).toMatchObject({
      clientAuth: 'body',
      params: { grant_type: 'client_credentials', client_id: 'e2e-app', scope: 'read' },
    })
    await screenshot(ctx.bench.page, 'auth-oauth2-token')
    expect(await seriousFindings(ctx.bench.page)).toEqual([])

    // The send uses the kept token: the resource accepts it and no new token is asked for.
    expect(await ui.send()).toBe('200 OK')
    expect(await ui.jsonBody()).toMatchObject({ ok: true, clientId: 'e2e-app', scope: 'read' })
    expect(server.tokenRequests).toHaveLength(1)

    await panel.getByRole('button', { name: 'Clear token' }).click()
    await expect.poll(() => panel.getByRole('status').textContent()).toContain('No token yet')
  })

  it('a wrong client secret is shown as the server refused it', async () => {
    const { ui, server } = ctx
    await ui.newTab()
    await ui.setUrl(`${server.url}/resource`)
    await ui.requestTab('Auth')
    await ui.request
      .getByRole('combobox', { name: 'Auth type' })
      .selectOption({ label: 'OAuth 2.0' })
    await ui.request.getByRole('textbox', { name: 'Token URL' }).fill(`${server.url}/token`)
    await ui.request.getByRole('textbox', { name: 'Client ID' }).fill('e2e-app')
    await ui.request.getByLabel('Client secret').fill('wrong')
    const panel = ui.request.getByRole('region', { name: 'OAuth 2.0 token' })
    await panel.getByRole('button', { name: 'Get new token' }).click()
    const alert = panel.getByRole('alert')
    await expect.poll(() => alert.textContent()).toContain('invalid_client')
    expect(await alert.textContent()).toContain(`${server.url}/token`)
    await screenshot(ctx.bench.page, 'auth-oauth2-refused')
  })

  it('the wait for the browser sign-in can be cancelled: no token is asked for', async () => {
    const { ui, server } = ctx
    const before = server.tokenRequests.length
    await ui.newTab()
    await ui.setUrl(`${server.url}/resource`)
    await ui.requestTab('Auth')
    await ui.request
      .getByRole('combobox', { name: 'Auth type' })
      .selectOption({ label: 'OAuth 2.0' })
    await ui.request
      .getByRole('combobox', { name: 'Grant type' })
      .selectOption({ value: 'authorization_code' })
    await ui.request.getByRole('textbox', { name: 'Auth URL' }).fill(`${server.url}/authorize`)
    await ui.request.getByRole('textbox', { name: 'Token URL' }).fill(`${server.url}/token`)
    await ui.request.getByRole('textbox', { name: 'Client ID' }).fill('e2e-app')
    const panel = ui.request.getByRole('region', { name: 'OAuth 2.0 token' })
    await panel.getByRole('button', { name: 'Get new token' }).click()
    // Browser mode prints the sign-in URL (no browser to open) and waits for the redirect.
    const waiting = panel.getByRole('button', { name: 'Waiting for the browser sign-in…' })
    await expect.poll(() => waiting.isDisabled()).toBe(true)
    await screenshot(ctx.bench.page, 'auth-oauth2-waiting')
    expect(await seriousFindings(ctx.bench.page)).toEqual([])

    await panel.getByRole('button', { name: 'Cancel sign-in' }).click()
    const status = panel.getByRole('status').filter({ hasText: 'cancelled' })
    await expect
      .poll(async () => (await status.textContent())?.trim())
      .toBe('Sign-in cancelled: no new token was fetched.')
    expect(await panel.getByRole('button', { name: 'Cancel sign-in' }).count()).toBe(0)
    expect(await panel.getByRole('button', { name: 'Get new token' }).isEnabled()).toBe(true)
    expect(await panel.getByRole('alert').count()).toBe(0)
    expect(server.tokenRequests.length).toBe(before)
    await screenshot(ctx.bench.page, 'auth-oauth2-cancelled')
  })
})
