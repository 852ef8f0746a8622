import { describe, expect, it } from 'vitest'
import { startRecordingServer } from '../servers'
import { screenshot } from './harness'
import { useWorkbench } from './setup'

// Two loopback servers on different ports: a redirect from one to the other changes origin.
const ctx = useWorkbench(async () => {
  const [home, other] = await Promise.all([startRecordingServer(), startRecordingServer()])
  return { home, other }
})

const landedHeaderNames = () =>
  (ctx.server.other.requests.at(-1)?.headers ?? []).map(([name]) => name.toLowerCase())

describe('credentials and a redirect to another origin', () => {
  it('are held back and named in the timeline, unless the request keeps them', async () => {
    const { home, other } = ctx.server
    await ctx.ui.newTab()
    await ctx.ui.setUrl(`${home.url}/redirect?to=${encodeURIComponent(`${other.url}/landed`)}`)
    await ctx.ui.requestTab('Headers')
    await ctx.ui.request.getByRole('textbox', { name: 'Header name 1' }).fill('X-API-Key')
    await ctx.ui.request.getByRole('textbox', { name: 'Header value 1' }).fill('key-e2e-1')

    expect(await ctx.ui.send()).toBe('200 OK')
    await expect.poll(() => other.requests.length).toBe(1)
    expect(landedHeaderNames()).not.toContain('x-api-key')
    await ctx.ui.responseTab('Timeline')
    const chain = ctx.ui.response.getByRole('list', { name: 'Redirect chain' })
    await expect
      .poll(() => chain.textContent())
      .toContain('Not sent on to this other origin: X-API-Key')
    expect(await chain.textContent()).not.toContain('key-e2e-1')
    await screenshot(ctx.bench.page, 'redirect-credentials-held-back')

    await ctx.ui.requestTab('Settings')
    const keep = ctx.ui.request.getByRole('checkbox', {
      name: 'Keep credentials on redirects to another origin',
    })
    expect(await keep.isChecked()).toBe(false)
    await keep.check()
    await screenshot(ctx.bench.page, 'redirect-credentials-setting')
    await ctx.ui.request.getByRole('button', { name: 'Send' }).click()
    await expect.poll(() => other.requests.length).toBe(2)
    expect(landedHeaderNames()).toContain('x-api-key')
    await ctx.ui.responseTab('Timeline')
    await expect.poll(() => chain.textContent()).not.toContain('Not sent on')
  })
})
