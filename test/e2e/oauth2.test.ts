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
})
