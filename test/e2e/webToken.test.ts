import { describe, expect, it } from 'vitest'
import { startHtmlServer } from '../servers'
import { screenshot } from './harness'
import { useWorkbench } from './setup'

// Browser mode opens on http://127.0.0.1:PORT/#token=…; the page takes the token out of the
// address once it has read it (renderer/src/api/webToken.ts).
const ctx = useWorkbench(startHtmlServer)

describe("browser mode's access token", () => {
  it('is gone from the address once read, and the app still sends', async () => {
    const { page, host } = ctx.bench
    const token = new URLSearchParams(new URL(host.url).hash.slice(1)).get('token')!
    expect(token.length).toBeGreaterThan(20)
    expect(page.url()).not.toContain(token)
    expect(new URL(page.url()).hash).toBe('')

    await ctx.ui.setUrl(`${ctx.server.url}/page`)
    expect(await ctx.ui.send()).toBe('200 OK')
    expect(ctx.bench.errors).toEqual([])
  })

  it('a reload of the same tab still connects, and the address stays clean', async () => {
    const { page } = ctx.bench
    await page.reload()
    await page.getByRole('button', { name: 'Send' }).waitFor()
    expect(new URL(page.url()).hash).toBe('')
    expect(await ctx.ui.send()).toBe('200 OK')
    await screenshot(page, 'web-token-removed')
    expect(ctx.bench.errors).toEqual([])
  })

  it('the clean address in a new tab gets no access, and says which address to open', async () => {
    const { page } = ctx.bench
    const fresh = await page.context().newPage()
    try {
      await fresh.goto(page.url())
      const alert = fresh.getByRole('alert')
      await expect.poll(() => alert.textContent()).toContain('without its access token')
      expect(await alert.textContent()).toContain('npm run web')
      expect(await fresh.getByRole('button', { name: 'Send' }).count()).toBe(0)
      await screenshot(fresh, 'web-token-missing')
    } finally {
      await fresh.close()
    }
  })

  it('a wrong token: no workbench, and why it could not connect', async () => {
    const { page, host } = ctx.bench
    const fresh = await page.context().newPage()
    const errors: string[] = []
    fresh.on('console', (message) => {
      // The browser's own note on the refused socket is not the page's error.
      if (message.type() === 'error' && !message.text().startsWith('WebSocket connection'))
        errors.push(message.text())
    })
    fresh.on('pageerror', (error) => errors.push(error.message))
    try {
      await fresh.goto(host.url.replace(/token=[^&]*/, 'token=not-the-token'))
      const alert = fresh.getByRole('alert')
      await expect.poll(() => alert.textContent()).toContain('Could not connect')
      expect(await fresh.getByRole('button', { name: 'Send' }).count()).toBe(0)
      expect(errors).toEqual([])
    } finally {
      await fresh.close()
    }
  })
})
