import { describe, expect, it, vi } from 'vitest'
import { InstancePool } from '../../../electron/core/scripts/instancePool'
import { DEFAULT_SCRIPT_LIMITS } from '../../../electron/core/scripts/scriptTypes'
import { precompilable } from '../../../electron/core/scripts/scriptWrap'
import { runOn } from './harness'

const MEMORY = DEFAULT_SCRIPT_LIMITS.memoryBytes
const STACK = DEFAULT_SCRIPT_LIMITS.stackBytes

/** Runs `source` as a test script on `pool`'s instances, as `courier run` does. */
/** A pool told of a run's scripts, and its instance, which compiled them ahead (or not). */
async function poolExpecting(sources: string[], iterations = 2) {
  const pool = new InstancePool()
  pool.expectScripts(sources, iterations)
  const instance = await pool.take(MEMORY, STACK)
  pool.give(instance)
  return { pool, instance }
}

describe('which scripts of a run are compiled ahead', () => {
  it('takes each distinct, non-blank script that will run more than once, in the run’s order', () => {
    // Listed twice (a folder's script, once per request under it): runs twice.
    expect(precompilable(['a()', ' ', 'b()', 'a()', '', 'c()'])).toEqual(['a()'])
    expect(precompilable(['a()', ' ', 'b()', 'a()', '', 'c()'], 2)).toEqual(['a()', 'b()', 'c()'])
    // A single send: nothing to gain.
    expect(precompilable(['a()'])).toEqual([])
  })

  it('stops at 200 scripts or 128 KB of source; the rest compile as they run', () => {
    const many = Array.from({ length: 250 }, (_, i) => `t(${i})`)
    expect(precompilable(many, 3)).toEqual(many.slice(0, 200))
    const big = 'x'.repeat(100 * 1024)
    expect(precompilable([big, `${big}y`, 'small()'], 3)).toEqual([big])
  })
})

describe('a run’s scripts compiled into the sandbox’s pristine state', () => {
  const counting = `const self = arguments.callee
self.runs = (self.runs || 0) + 1
globalThis.seen = (globalThis.seen || 0) + 1
pm.test('runs ' + self.runs + ', seen ' + seen, () => pm.response.to.have.status(200))`
  const throwing = `pm.test('before', () => {})

throw new TypeError('on line 3')`
  const broken = `const a = 1\nconst b = {\n`

  it('compiles the scripts the run names, leaving out one that does not compile', async () => {
    const { instance } = await poolExpecting([counting, broken, throwing])
    expect(instance.compiledScript(counting)).toBeDefined()
    expect(instance.compiledScript(throwing)).toBeDefined()
    expect(instance.compiledScript(broken)).toBeUndefined()
    expect(instance.compiledScript('pm.test("not in the run", () => {})')).toBeUndefined()
  })

  it('runs a compiled script without compiling it again, afresh each time: nothing one run does to it or to the globals lasts', async () => {
    const { pool, instance } = await poolExpecting([counting])
    const evals = vi.spyOn(instance.ctx, 'evalCode')
    const scriptCompiles = () => evals.mock.calls.filter(([, file]) => file === 'script.js').length
    for (let i = 0; i < 3; i++) {
      const result = await runOn(pool, counting)
      expect(result.error).toBeUndefined()
      expect(result.tests).toEqual([{ name: 'runs 1, seen 1', passed: true }])
    }
    expect(scriptCompiles()).toBe(0)
    // A script the run did not name is compiled as it runs.
    await runOn(pool, `pm.test('other', () => {})`)
    expect(scriptCompiles()).toBe(1)
  })

  it('reports an error of a compiled script at its own line, and a script that does not compile as before', async () => {
    const pool = new InstancePool()
    pool.expectScripts([throwing, broken], 2)
    const thrown = await runOn(pool, throwing)
    expect(thrown.tests).toEqual([{ name: 'before', passed: true }])
    expect(thrown.error).toMatchObject({ message: 'TypeError: on line 3', line: 3 })
    const syntax = await runOn(pool, broken)
    expect(syntax.error?.message).toMatch(/^SyntaxError: /)
    expect(syntax.error?.line).toBe(3)
  })

  it('runs nothing of a script while compiling it ahead, even one written to break out of its function', async () => {
    // Compiled as `(async function () {\n<script>\n})`, this would create a function, run
    // the code between, and create another: while compiling, outside any script's limits.
    const breakingOut = `}, (globalThis.leaked = 'while compiling'), function () {`
    const { pool, instance } = await poolExpecting([breakingOut, counting])
    expect(instance.compiledScript(breakingOut)).toBeUndefined()
    expect(instance.compiledScript(counting)).toBeDefined()
    const other = await runOn(pool, `console.log(typeof leaked)`)
    expect(other.console.map((line) => line.text)).toEqual(['undefined'])
  })

  it('gives up compiling a crafted script ahead past its time limit, and the run goes on', async () => {
    // It passes the deeper compile, but compiling it would call the function with a
    // never-ending argument: stopped at the limit, and left to run within its own.
    const crafted = `}((() => { for (;;) {} })()), {`
    const { pool, instance } = await poolExpecting([counting, crafted])
    expect(instance.compiledScript(crafted)).toBeUndefined()
    expect(instance.compiledScript(counting)).toBeDefined()
    const result = await runOn(pool, counting)
    expect(result.tests).toEqual([{ name: 'runs 1, seen 1', passed: true }])
  })

  it('compiles nothing ahead for scripts that run once (a single send)', async () => {
    const { instance } = await poolExpecting([counting], 1)
    expect(instance.compiledScript(counting)).toBeUndefined()
  })

  it('compiles the scripts of the next run that says what it runs', async () => {
    const pool = new InstancePool()
    pool.expectScripts([counting], 2)
    pool.give(await pool.take(MEMORY, STACK))
    pool.expectScripts([throwing], 2)
    const instance = await pool.take(MEMORY, STACK)
    expect(instance.compiledScript(throwing)).toBeDefined()
    pool.give(instance)
  })
})
