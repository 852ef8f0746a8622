import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { HttpEngine } from '../../../electron/core/http/engine'
import { engineSendRequest } from '../../../electron/core/scripts/engineSendRequest'
import { createInlineScriptRunner } from '../../../electron/core/scripts/inlineScriptRunner'
import { startHttpbin } from '../../servers'
import { logged, run } from './harness'

let httpbin: { url: string; close(): Promise<void> }
const engine = new HttpEngine()
const runner = createInlineScriptRunner({ sendRequest: engineSendRequest(engine) })

beforeAll(async () => {
  httpbin = await startHttpbin()
})
afterAll(async () => {
  await runner.close()
  engine.close()
  await httpbin.close()
})

/** The command line's sandbox runs on its own thread: the same limits and API must hold there. */
describe('the in-thread script runner', () => {
  it('runs tests and keeps variables from one script to the next', async () => {
    const result = await run(runner, [
      `pm.environment.set('id', pm.response.json().user.id)`,
      `pm.test('sees id', () => pm.expect(pm.environment.get('id')).to.equal(7))`,
    ])
    expect(result.tests).toEqual([{ name: 'sees id', passed: true }])
    expect(result.variables.environment).toEqual({ id: '7' })
  })

  it('starts each script from a fresh context', async () => {
    const result = await run(runner, [`globalThis.leak = 1`, `console.log(typeof leak)`])
    expect(logged(result)).toEqual(['undefined'])
  })

  it('stops an endless loop at the CPU limit, naming it', async () => {
    const result = await run(runner, `while (true) {}`, { limits: { cpuMs: 200 } })
    expect(result.error).toMatchObject({ script: 'script 1', limit: 'cpu' })
  })

  it('stops a script past its memory cap, and runs the next run normally', async () => {
    const big = await run(runner, `const a = []; for (;;) a.push('x'.repeat(1e6))`, {
      limits: { memoryBytes: 16 * 1024 * 1024 },
    })
    expect(big.error?.limit).toBe('memory')
    const after = await run(runner, `pm.test('fine', () => {})`)
    expect(after.tests[0]).toMatchObject({ name: 'fine', passed: true })
  })

  it('reaches nothing of Node', async () => {
    const result = await run(
      runner,
      `console.log(typeof process, typeof globalThis.fetch)
try { require('fs'); console.log('fs loaded') } catch (e) { console.log('no fs') }`,
    )
    expect(logged(result)).toEqual(['undefined undefined', 'no fs'])
  })

  it('sends pm.sendRequest through the host, against httpbin', async () => {
    const real = await run(
      runner,
      `pm.sendRequest('${httpbin.url}/anything/inline', (err, res) => {
  pm.test('answered', () => pm.expect(res.json().url).to.include('/anything/inline'))
})`,
    )
    expect(real.tests).toEqual([{ name: 'answered', passed: true }])
  })
})
