import { describe, expect, it } from 'vitest'
import { startMtlsServer } from '../servers/mtlsServer'
import { makeTestPki, type TestPki } from '../servers/tlsPki'
import { seriousFindings } from './axe'
import { screenshot } from './harness'
import { useWorkbench } from './setup'

let pki: TestPki
const ctx = useWorkbench(async () => {
  pki = makeTestPki()
  return startMtlsServer(pki)
})

describe('Settings > TLS: Test TLS', () => {
  it('tries the settings as edited, before saving: the TLS error, then the handshake', async () => {
    const page = ctx.bench.page
    const server = ctx.server
    await page.getByRole('button', { name: 'TLS', exact: true }).click()
    const dialog = page.getByRole('dialog', { name: 'TLS' })
    await dialog.getByRole('textbox', { name: 'TLS test URL' }).fill(`${server.url}/`)
    await dialog.getByRole('button', { name: 'Test TLS' }).click()
    const status = dialog.getByRole('status')
    await expect.poll(() => status.textContent()).toContain('add its CA certificate')
    expect(await status.textContent()).toContain(`The TLS connection to 127.0.0.1:`)
    await screenshot(page, 'tls-test-untrusted')

    await dialog.getByRole('textbox', { name: 'CA file path' }).fill(pki.caCert)
    await dialog.getByRole('button', { name: 'Add CA file' }).click()
    await dialog.getByRole('button', { name: 'Test TLS' }).click()
    await expect.poll(() => status.textContent()).toContain('requires a client certificate')

    await dialog.getByRole('button', { name: 'Add client certificate' }).click()
    const cert = dialog.getByRole('group', { name: 'Client certificate 1' })
    await cert.getByRole('textbox', { name: 'Host pattern' }).fill('127.0.0.1')
    await cert.getByRole('textbox', { name: 'Certificate file' }).fill(pki.clientCert)
    await cert.getByRole('textbox', { name: 'Key file' }).fill(pki.clientKey)
    await dialog.getByRole('button', { name: 'Test TLS' }).click()
    const connection = dialog.getByRole('definition')
    await expect.poll(() => connection.count()).toBe(5)
    expect(await connection.allTextContents()).toEqual([
      'TLSv1.3',
      expect.stringMatching(/^TLS_/),
      'CN=localhost',
      'CN=Courier Test CA',
      'the one for 127.0.0.1',
    ])
    expect(await status.textContent()).toContain('It answered 200 OK.')
    await screenshot(page, 'tls-test-ok')
    expect(await seriousFindings(page), 'TLS dialog with a test result').toEqual([])

    // Nothing was saved: the dialog's Cancel leaves the settings as they were.
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    await dialog.waitFor({ state: 'detached' })
    await ctx.ui.setUrl(`${server.url}/unsaved`)
    await ctx.ui.request.getByRole('button', { name: 'Send' }).click()
    await expect
      .poll(() => ctx.ui.response.getByRole('alert').textContent())
      .toContain('Settings → TLS')
    expect(ctx.bench.errors).toEqual([])
  })
})
