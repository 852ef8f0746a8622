import { describe, expect, it } from 'vitest'
import { startMtlsServer } from '../servers/mtlsServer'
import { makeTestPki, type TestPki } from '../servers/tlsPki'
import { seriousFindings } from './axe'
import { screenshot } from './harness'
import { useWorkbench } from './setup'

let pki: TestPki
const ctx = useWorkbench(async () => {
  pki = makeTestPki()
  return startMtlsServer(pki, { requireClientCert: false })
})

describe('Settings > TLS', () => {
  it('saves a CA file, which the next send trusts, and shows it when reopened', async () => {
    const page = ctx.bench.page
    const server = ctx.server
    await ctx.ui.setUrl(`${server.url}/before`)
    await ctx.ui.request.getByRole('button', { name: 'Send' }).click()
    // Before the CA file is saved the server's private CA is not trusted.
    await expect
      .poll(() => ctx.ui.response.getByRole('alert').textContent())
      .toContain('Settings → TLS')

    await page.getByRole('button', { name: 'TLS', exact: true }).click()
    const dialog = page.getByRole('dialog', { name: 'TLS' })
    await dialog.getByRole('textbox', { name: 'CA file path' }).fill(pki.caCert)
    await dialog.getByRole('button', { name: 'Add CA file' }).click()
    await dialog.getByRole('button', { name: 'Add client certificate' }).click()
    const cert = dialog.getByRole('group', { name: 'Client certificate 1' })
    await cert.getByRole('textbox', { name: 'Host pattern' }).fill('*.corp.example')
    await cert.getByRole('textbox', { name: 'Certificate file' }).fill(pki.clientCert)
    await cert.getByRole('textbox', { name: 'Key file' }).fill(pki.clientKeyEncrypted)
    await cert.getByLabel('Passphrase', { exact: true }).fill(pki.passphrase)
    await dialog
      .getByRole('combobox', { name: 'Minimum TLS version' })
      .selectOption({ label: 'TLSv1.2' })
    await screenshot(page, 'tls-settings')
    expect(await seriousFindings(page), 'TLS dialog').toEqual([])

    await dialog.getByRole('button', { name: 'Save' }).click()
    await dialog.waitFor({ state: 'detached' })
    await ctx.ui.setUrl(`${server.url}/after-save`)
    expect(await ctx.ui.send()).toBe('200 OK')

    // Reopened: the CA file is listed; the passphrase is not shown back, only that one is saved.
    await page.getByRole('button', { name: 'TLS', exact: true }).click()
    const reopened = page.getByRole('dialog', { name: 'TLS' })
    await reopened.getByRole('button', { name: `Remove CA file ${pki.caCert}` }).waitFor()
    expect(await reopened.getByRole('list', { name: 'CA files' }).textContent()).toContain(
      pki.caCert,
    )
    const passphrase = reopened
      .getByRole('group', { name: 'Client certificate 1' })
      .getByLabel('Passphrase', { exact: true })
    expect(await passphrase.inputValue()).toBe('')
    expect(await passphrase.getAttribute('placeholder')).toContain('Saved in the secret store')
    expect(await page.content()).not.toContain(pki.passphrase)
    expect(ctx.bench.errors).toEqual([])
  })
})
