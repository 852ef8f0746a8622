import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { BodyStore } from '../../../electron/core/bodies/bodyStore'
import { MemorySource } from '../../../electron/core/bodies/byteSource'
import { withBodyForHistory } from '../../../electron/core/history/bodyForHistory'
import { response } from './helpers'

const root = mkdtempSync(join(tmpdir(), 'courier-body-history-'))
const bodies = new BodyStore({ dir: join(root, 'bodies') })
afterAll(async () => {
  await bodies.close()
  rmSync(root, { recursive: true, force: true })
})

describe('a big body in history', () => {
  it('is read back from the body store up to the per-entry limit, without the session id', async () => {
    const text = 'é'.repeat(600_000) // 1.2 MB of two-byte characters
    const bodyId = bodies.keep(new MemorySource(Buffer.from(text)), 'utf-8')
    const preview = response({ body: text.slice(0, 100), bodyComplete: false, bodyId })
    const kept = await withBodyForHistory({ ok: true, response: preview }, bodies, 1_000_000)
    if (!kept.ok) throw new Error('expected a response')
    // One byte past the limit so the entry is marked cut, and never half a character.
    expect(kept.response.body).toBe(text.slice(0, 500_000))
    expect(kept.response).toMatchObject({ bodyId: null, bodyComplete: false, overLimit: false })
  })

  it('leaves a complete body and an error as they are (the session id dropped)', async () => {
    const whole = await withBodyForHistory(
      { ok: true, response: response({ bodyId: 'x' }) },
      bodies,
      10,
    )
    expect(whole.ok && whole.response.bodyId).toBe(null)
    const error = {
      ok: false as const,
      error: { code: 'TIMEOUT' as const, message: 'm', hint: 'h' },
    }
    expect(await withBodyForHistory(error, bodies, 10)).toBe(error)
  })

  it('keeps the checks of the send', async () => {
    const checks = {
      tests: [{ name: 'status equals 200', passed: false, error: 'got 500', source: 'assertion' }],
      console: [{ level: 'log' as const, text: 'hi' }],
      scriptFailure: null,
    }
    const kept = await withBodyForHistory({ ok: true, response: response(), checks }, bodies, 10)
    expect(kept.checks).toEqual(checks)
  })
})
