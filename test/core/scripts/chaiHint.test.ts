import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SchemaCheck } from '../../../electron/core/assertions/schemaCheck'
import { HttpEngine } from '../../../electron/core/http/engine'
import { runCollection } from '../../../electron/core/runner/runCollection'
import { createInlineScriptRunner } from '../../../electron/core/scripts/inlineScriptRunner'
import { InstancePool } from '../../../electron/core/scripts/instancePool'
import { DEFAULT_SCRIPT_LIMITS } from '../../../electron/core/scripts/scriptTypes'
import type { RunEvent } from '../../../shared/model/run'
import { startHttpbin } from '../../servers'
import { collection, planOf } from '../runner/runHarness'
import { runOn } from './harness'

const MEMORY = DEFAULT_SCRIPT_LIMITS.memoryBytes
const STACK = DEFAULT_SCRIPT_LIMITS.stackBytes
const STATUS = `pm.test('status', () => pm.response.to.have.status(200))`
const EXPECT = `pm.test('expect', () => pm.expect(pm.response.code).to.equal(200))`

/** Whether the pool's kept instance has chai in its pristine state, once its tidy has run. */
async function chaiKept(pool: InstancePool): Promise<boolean> {
  const instance = await pool.take(MEMORY, STACK)
  pool.give(instance)
  // The tidy (and, where the pool wants it, chai) runs in the same turn after give().
  await expect.poll(() => instance.pristine).toBe(true)
  return instance.hasChai
}

// chai (pm.expect) costs ~8 ms to compile into an instance's pristine state, many times
// that in a cold process: a run that says what its scripts are pays for it only when one of
// them names pm.expect.
describe('chai in the sandbox, by what the run says of its scripts', () => {
  it('is never compiled for a run whose scripts do not name expect, however many run; pm.expect still works', async () => {
    const pool = new InstancePool()
    pool.expectScripts([STATUS, `console.log('hi')`])
    for (let i = 0; i < 4; i++) {
      expect((await runOn(pool, STATUS)).tests).toEqual([{ name: 'status', passed: true }])
    }
    expect(await chaiKept(pool)).toBe(false)
    // A script that reaches pm.expect without naming it loads chai into its own context.
    const hidden = await runOn(pool, `pm.test('hidden', () => pm['exp' + 'ect'](2).to.be.above(1))`)
    expect(hidden.tests).toEqual([{ name: 'hidden', passed: true }])
    expect(await chaiKept(pool)).toBe(false)
  })

  it('is in the pristine state before the first script that uses it, when one of the run names it', async () => {
    const pool = new InstancePool()
    pool.expectScripts([STATUS, EXPECT])
    expect((await runOn(pool, STATUS)).tests).toEqual([{ name: 'status', passed: true }])
    expect(await chaiKept(pool)).toBe(true)
    expect((await runOn(pool, EXPECT)).tests).toEqual([{ name: 'expect', passed: true }])
  })
})

describe('a collection run tells the sandbox its scripts, against httpbin', () => {
  let httpbin: { url: string; close(): Promise<void> }
  const engine = new HttpEngine()
  beforeAll(async () => {
    httpbin = await startHttpbin()
  })
  afterAll(async () => {
    engine.close()
    await httpbin.close()
  })

  async function runWith(pool: InstancePool, tests: string[], onExecution?: () => Promise<void>) {
    const scripts = createInlineScriptRunner({ pool })
    const plan = planOf(
      collection(tests.map((test, i) => ({ name: `r${i}`, url: `${httpbin.url}/get`, test }))),
    )
    const executions: Extract<RunEvent, { type: 'execution' }>['execution'][] = []
    await runCollection(
      { engine, scripts, schemas: new SchemaCheck() },
      plan,
      { iterations: 2 },
      async (event) => {
        if (event.type !== 'execution') return
        executions.push(event.execution)
        await onExecution?.()
      },
    )
    await scripts.close()
    return executions
  }

  it('runs without chai when no script names expect', async () => {
    const pool = new InstancePool()
    const executions = await runWith(pool, [STATUS, STATUS])
    expect(executions.flatMap((e) => e.checks.tests.map((t) => t.passed))).toEqual([
      true,
      true,
      true,
      true,
    ])
    expect(await chaiKept(pool)).toBe(false)
  })

  it('has chai from its first script when a later one names expect', async () => {
    const pool = new InstancePool()
    const seen: boolean[] = []
    const executions = await runWith(pool, [STATUS, EXPECT], async () => {
      seen.push(await chaiKept(pool))
    })
    expect(seen[0]).toBe(true)
    expect(executions.map((e) => e.checks.tests.map((t) => [t.name, t.passed]))).toEqual([
      [['status', true]],
      [['expect', true]],
      [['status', true]],
      [['expect', true]],
    ])
  })
})
