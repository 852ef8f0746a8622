import { describe, expect, it } from 'vitest'
import { InstancePool } from '../../../electron/core/scripts/instancePool'
import type { SandboxInstance } from '../../../electron/core/scripts/sandboxInstance'
import { logged, runOn } from './harness'

const MEMORY = 64 * 1024 * 1024
const STACK = 512 * 1024

/** Evaluates `code` in the instance's context and returns its value (the handle disposed). */
function evaluate(instance: SandboxInstance, code: string): unknown {
  const handle = instance.ctx.evalCode(code).unwrap()
  const value: unknown = instance.ctx.dump(handle)
  handle.dispose()
  return value
}

/** One turn of the event loop's check phase: immediates queued before it have run. */
const nextTurn = () => new Promise<void>((done) => setImmediate(done))

// The pool writes an instance's pristine memory back while it waits (tidy), so a run's next
// script need not. These prove that neither path lets state through, and that the tidy
// never touches an instance that a script is using.
describe('the sandbox instance pool', () => {
  it('puts an instance back to pristine while it waits, and the next script sees nothing of the last', async () => {
    const pool = new InstancePool()
    const instance = await pool.take(MEMORY, STACK)
    instance.reset(STACK)
    evaluate(instance, `globalThis.leak = 1; var top = 'x'; Object.prototype.polluted = true`)
    pool.give(instance)
    expect(instance.pristine).toBe(false)
    await expect.poll(() => instance.pristine).toBe(true)
    const again = await pool.take(MEMORY, STACK)
    expect(again).toBe(instance)
    again.reset(STACK)
    expect(evaluate(again, `[typeof leak, typeof top, ({}).polluted === undefined]`)).toEqual([
      'undefined',
      'undefined',
      true,
    ])
    pool.give(again)
  })

  it('resets an instance taken back before its tidy ran', async () => {
    const pool = new InstancePool()
    const instance = await pool.take(MEMORY, STACK)
    instance.reset(STACK)
    evaluate(instance, `globalThis.leak = 1`)
    pool.give(instance)
    const again = await pool.take(MEMORY, STACK)
    expect(again.pristine).toBe(false)
    again.reset(STACK)
    expect(evaluate(again, `typeof leak`)).toBe('undefined')
    pool.give(again)
  })

  it('never tidies an instance a script is using, even when the tidy fires mid-script', async () => {
    const pool = new InstancePool()
    const instance = await pool.take(MEMORY, STACK)
    instance.reset(STACK)
    pool.give(instance)
    // Taken again before the tidy queued by give() has run: that tidy fires below, while
    // this "script" waits, as a real one waits for pm.sendRequest or setTimeout.
    const busy = await pool.take(MEMORY, STACK)
    busy.reset(STACK)
    evaluate(busy, `globalThis.mine = 2`)
    await nextTurn()
    await nextTurn()
    expect(evaluate(busy, `typeof mine`)).toBe('number')
    pool.give(busy)
    await expect.poll(() => busy.pristine).toBe(true)
    busy.reset(STACK)
    expect(evaluate(busy, `typeof mine`)).toBe('undefined')
    pool.give(busy)
  })

  it('adds chai before the first script that names pm.expect: pm.expect works, and nothing a script does to it lasts', async () => {
    const pool = new InstancePool()
    const first = await runOn(
      pool,
      `String.prototype.bad = 1; pm.expect.polluted = true; pm.test('first', () => pm.expect([1]).to.have.lengthOf(1))`,
    )
    expect(first.tests).toEqual([{ name: 'first', passed: true }])
    const instance = await pool.take(MEMORY, STACK)
    expect(instance.hasChai).toBe(true)
    pool.give(instance)
    const after = await runOn(
      pool,
      `console.log(typeof pm.expect.polluted, ''.bad); pm.test('after', () => pm.expect({ a: 1 }).to.deep.equal({ a: 1 })); pm.test('fails', () => pm.expect(1).to.equal(2))`,
    )
    expect(logged(after)).toEqual(['undefined undefined'])
    expect(after.tests).toMatchObject([
      { name: 'after', passed: true },
      { name: 'fails', passed: false, error: 'expected 1 to equal 2' },
    ])
  })

  it('leaves chai out while scripts do not name it, and adds it while the instance waits after a second script', async () => {
    const pool = new InstancePool()
    const status = `pm.test('status', () => pm.response.to.have.status(200))`
    expect((await runOn(pool, status)).tests).toEqual([{ name: 'status', passed: true }])
    const instance = await pool.take(MEMORY, STACK)
    expect(instance.hasChai).toBe(false)
    pool.give(instance)
    // Still there when a script reaches it without naming it.
    const hidden = await runOn(pool, `pm.test('hidden', () => pm['exp' + 'ect'](2).to.be.above(1))`)
    expect(hidden.tests).toEqual([{ name: 'hidden', passed: true }])
    await expect.poll(() => instance.hasChai).toBe(true)
    expect((await runOn(pool, status)).tests).toEqual([{ name: 'status', passed: true }])
  })

  it('never adds chai to an instance in use', async () => {
    const pool = new InstancePool()
    const instance = await pool.take(MEMORY, STACK)
    instance.reset(STACK)
    instance.addChai()
    expect(instance.hasChai).toBe(false)
    pool.give(instance)
  })
})
