import { describe, expect, it } from 'vitest'
import { startNtlmServer } from '../servers'
import { screenshot } from './harness'
import { useWorkbench } from './setup'

// NTLM in the Auth tab against the loopback NTLM server (it verifies the NTLMv2 Type 3 and
// accepts it only on the connection that sent the Type 1).
const ctx = useWorkbench(() => startNtlmServer({ users: { 'CORP\\carol': 'e2e-ntlm-pw' } }))

async function fillNtlm(username: string, password: string, domain: string) {
  await ctx.ui.requestTab('Auth')
  await ctx.ui.request.getByRole('combobox', { name: 'Auth type' }).selectOption({ label: 'NTLM' })
  await ctx.ui.request.getByRole('textbox', { name: 'Username' }).fill(username)
  await ctx.ui.request.getByLabel('Password', { exact: true }).fill(password)
  await ctx.ui.request.getByRole('textbox', { name: 'Domain' }).fill(domain)
  await ctx.ui.request.getByRole('textbox', { name: 'Workstation' }).fill('E2E-PC')
}

describe('NTLM in the Auth tab', () => {
  it('signs in (200), the timeline shows the 401 challenge answered first', async () => {
    await ctx.ui.newTab()
    await ctx.ui.setUrl(`${ctx.server.url}/whoami`)
    await fillNtlm('carol', 'e2e-ntlm-pw', 'CORP')
    const password = ctx.ui.request.getByLabel('Password', { exact: true })
    expect(await password.getAttribute('type')).toBe('password')
    await screenshot(ctx.bench.page, 'auth-ntlm')
    expect(await ctx.ui.send()).toBe('200 OK')
    expect(await ctx.ui.jsonBody()).toMatchObject({
      authenticated: true,
      user: 'carol',
      domain: 'CORP',
      workstation: 'E2E-PC',
    })
    await ctx.ui.responseTab('Timeline')
    const chain = ctx.ui.response.getByRole('list', { name: 'Redirect chain' })
    await expect.poll(() => chain.textContent()).toContain('asked for NTLM credentials')
    expect(await chain.textContent()).toMatch(/^401/)
    await screenshot(ctx.bench.page, 'auth-ntlm-timeline')
  })

  it('a wrong password shows an error naming what to check', async () => {
    await ctx.ui.newTab()
    await ctx.ui.setUrl(`${ctx.server.url}/whoami`)
    await fillNtlm('CORP\\carol', 'not-it', '')
    await ctx.ui.request.getByRole('button', { name: 'Send' }).click()
    const alert = ctx.ui.response.getByRole('alert')
    await expect
      .poll(() => alert.textContent())
      .toContain('refused the NTLM sign-in as "CORP\\carol"')
    expect(await alert.textContent()).toMatch(/username, password and domain/)
    await screenshot(ctx.bench.page, 'auth-ntlm-refused')
  })
})
