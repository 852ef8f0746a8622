import { describe, expect, it } from 'vitest'
import { startHttpbin } from '../servers'
import { screenshot } from './harness'
import { useWorkbench } from './setup'

const ctx = useWorkbench(startHttpbin)

describe('Digest and AWS Signature in the Auth tab', () => {
  it('Digest answers httpbin SHA-256 challenge: 200, and the timeline shows the 401 first', async () => {
    await ctx.ui.newTab()
    await ctx.ui.setUrl(`${ctx.server.url}/digest-auth/auth/digester/d1g3st/SHA-256`)
    await ctx.ui.requestTab('Auth')
    await ctx.ui.request
      .getByRole('combobox', { name: 'Auth type' })
      .selectOption({ label: 'Digest' })
    await ctx.ui.request.getByRole('textbox', { name: 'Username' }).fill('digester')
    await ctx.ui.request.getByLabel('Password', { exact: true }).fill('d1g3st')
    await screenshot(ctx.bench.page, 'auth-digest')
    // The Headers tab says an Authorization header will be made when sent.
    await ctx.ui.requestTab('Headers')
    const added = ctx.ui.request.getByRole('table', { name: /Added by Courier/ })
    const row = added.getByRole('row', { name: /Authorization/ })
    await expect.poll(() => row.textContent()).toContain("Digest <answers the server's challenge>")
    expect(await row.textContent()).toContain('from Auth, made when sent')
    await screenshot(ctx.bench.page, 'auth-digest-headers')
    expect(await ctx.ui.send()).toBe('200 OK')
    expect(await ctx.ui.jsonBody()).toEqual({ authenticated: true, user: 'digester' })
    await ctx.ui.responseTab('Timeline')
    const chain = ctx.ui.response.getByRole('list', { name: 'Redirect chain' })
    await expect.poll(() => chain.textContent()).toContain('asked for Digest credentials')
    expect(await chain.textContent()).toMatch(/^401/)
    await screenshot(ctx.bench.page, 'auth-digest-timeline')
  })

  it('AWS Signature shows labelled key, region and service fields, the keys masked', async () => {
    await ctx.ui.newTab()
    await ctx.ui.requestTab('Auth')
    await ctx.ui.request
      .getByRole('combobox', { name: 'Auth type' })
      .selectOption({ label: 'AWS Signature' })
    await ctx.ui.request.getByRole('textbox', { name: 'Access key ID' }).fill('AKIDE2E')
    const secret = ctx.ui.request.getByLabel('Secret access key', { exact: true })
    await secret.fill('e2e-secret')
    expect(await secret.getAttribute('type')).toBe('password')
    await ctx.ui.request.getByRole('textbox', { name: 'AWS region' }).fill('eu-west-1')
    await ctx.ui.request.getByRole('textbox', { name: 'AWS service' }).fill('execute-api')
    await ctx.ui.request.getByRole('button', { name: 'Show keys' }).click()
    expect(await secret.getAttribute('type')).toBe('text')
    await screenshot(ctx.bench.page, 'auth-aws-sigv4')
  })
})
