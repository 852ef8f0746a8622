import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fileRunner, logged, run } from './harness'

// Scripts that try to reach the host. Each must fail inside the sandbox: nothing of the
// host is readable or writable, no file appears, a limit is named when one is hit, and the
// next script runs normally.
const runner = fileRunner()
const CANARY = '__courierHostCanary'
const dir = mkdtempSync(join(tmpdir(), 'courier-escape-'))
const target = join(dir, 'escaped.txt')

beforeAll(() => {
  ;(globalThis as Record<string, unknown>)[CANARY] = 'host value'
})
afterAll(() => {
  delete (globalThis as Record<string, unknown>)[CANARY]
  rmSync(dir, { recursive: true, force: true })
})

/** After each attempt: the host is as it was, and a plain script still works. */
async function hostUntouched(): Promise<void> {
  expect((globalThis as Record<string, unknown>)[CANARY]).toBe('host value')
  expect(existsSync(target)).toBe(false)
  const after = await run(runner, `pm.test('still works', () => pm.response.to.have.status(200))`)
  expect(after.tests).toEqual([{ name: 'still works', passed: true }])
}

const write = JSON.stringify(target)

describe('escape corpus: reaching the host', () => {
  it.each([
    [
      'the Function constructor through this',
      `this.constructor.constructor('return process')().exit(1)`,
    ],
    [
      'the Function constructor of a literal',
      `({}).constructor.constructor('return process')().exit(1)`,
    ],
    [
      'the Function constructor of an API function',
      `pm.test.constructor('return process')().mainModule.require('fs')`,
    ],
    ['require', `require('fs').writeFileSync(${write}, 'x')`],
    ['process', `process.binding('fs')`],
    ['module and Buffer', `module.require('child_process'); Buffer.from('x')`],
    ['QuickJS std and os modules', `std.open(${write}, 'w')`],
    ['an async function constructor', `await (async () => {}).constructor('return process')()`],
    ['a generator constructor', `(function* () {}).constructor('yield process')().next()`],
    ['eval', `eval('process.exit(1)')`],
  ])('%s fails with a ReferenceError', async (_, source) => {
    const result = await run(runner, source)
    expect(result.error?.message).toMatch(
      /^ReferenceError: '(process|require|module|std)' is not defined$|^Error: require\("fs"\) is not supported/,
    )
    await hostUntouched()
  })

  it('import() cannot load anything', async () => {
    const result = await run(
      runner,
      `const fs = await import('fs'); fs.writeFileSync(${write}, 'x')`,
    )
    expect(result.error?.message).toBe(
      'Error: import("fs") is not supported by Courier: scripts cannot load modules',
    )
    await hostUntouched()
  })

  it('finds nothing of the host on the global object or its prototypes', async () => {
    const result = await run(
      runner,
      `const names = new Set()
       for (let o = globalThis; o; o = Object.getPrototypeOf(o)) Object.getOwnPropertyNames(o).forEach((n) => names.add(n))
       const wanted = ['process', 'module', 'exports', '__dirname', 'std', 'os', 'host', 'WebAssembly',
         'SharedArrayBuffer', 'Atomics', 'fetch', 'XMLHttpRequest', 'Worker', 'importScripts', '${CANARY}']
       console.log(wanted.filter((n) => names.has(n)).join() || 'none')
       console.log(typeof globalThis.${CANARY}, (globalThis.${CANARY} = 'changed'))`,
    )
    expect(logged(result)).toEqual(['none', 'undefined changed'])
    await hostUntouched()
  })

  it('walks the prototypes of every API function and only ever finds the sandbox', async () => {
    const result = await run(
      runner,
      `const seen = new Set(), found = []
       function walk(v, depth) {
         if (v === null || (typeof v !== 'object' && typeof v !== 'function') || seen.has(v) || depth > 6) return
         seen.add(v)
         if (typeof v === 'function') {
           try { found.push(v.constructor('return typeof process + typeof require + typeof std')()) } catch (e) { found.push(String(e)) }
         }
         for (const key of Object.getOwnPropertyNames(v)) {
           let next
           try { next = v[key] } catch (e) { continue }
           walk(next, depth + 1)
         }
         walk(Object.getPrototypeOf(v), depth + 1)
       }
       walk(pm, 0); walk(pm.response, 0); walk(pm.request, 0); walk(console, 0)
       walk(Buffer, 0); walk(require('util'), 0); walk(require('stream'), 0); walk(cheerio, 0)
       console.log(seen.size > 100, [...new Set(found)].join(' | '))`,
    )
    // (Reading stream's deprecated getters logs their warnings first.)
    expect(logged(result).at(-1)).toBe('true undefinedfunctionundefined')
    await hostUntouched()
  })

  it('cannot read the callers of API functions (the kernel is strict mode)', async () => {
    const result = await run(
      runner,
      `pm.test('probe', function probe() { return probe.caller })
       let caught = []
       try { pm.test.caller } catch (e) { caught.push(e.name) }
       try { pm.test.arguments } catch (e) { caught.push(e.name) }
       console.log(caught.join())`,
    )
    expect(logged(result)).toEqual(['TypeError,TypeError'])
    await hostUntouched()
  })
})

describe('escape corpus: WebAssembly and threads', () => {
  it('has no WebAssembly', async () => {
    const result = await run(
      runner,
      `new WebAssembly.Module(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]))`,
    )
    expect(result.error?.message).toBe("ReferenceError: 'WebAssembly' is not defined")
    await hostUntouched()
  })

  it('has no Atomics.wait or SharedArrayBuffer to block on', async () => {
    const direct = await run(runner, `Atomics.wait(new Int32Array(new SharedArrayBuffer(8)), 0, 0)`)
    expect(direct.error?.message).toBe("ReferenceError: 'Atomics' is not defined")
    const looping = await run(
      runner,
      `while (true) { try { Atomics.wait(new Int32Array(4), 0, 0) } catch (e) {} }`,
      { limits: { cpuMs: 300 } },
    )
    expect(looping.error).toMatchObject({ limit: 'cpu' })
    await hostUntouched()
  })
})

describe('escape corpus: limits', () => {
  const cpu = { limits: { cpuMs: 300 } }
  const cpuError = {
    limit: 'cpu',
    message:
      'Script exceeded its 300 ms CPU limit (settings: Script time limit). Look for a loop that never ends.',
  }

  it.each([
    ['while (true) {}', `while (true) {}`],
    ['a loop in a promise chain', `Promise.resolve().then(() => 1).then(() => { for (;;) {} })`],
    ['a loop in a pm.test callback', `pm.test('spins', () => { while (true) {} })`],
    [
      'a loop in an async test',
      `pm.test('spins later', async () => { await null; while (true) {} })`,
    ],
    ['a loop in a timer', `setTimeout(() => { while (true) {} }, 1)`],
    [
      'a loop that catches everything',
      `while (true) { try { while (true) {} } catch (e) {} finally { continue } }`,
    ],
    ['a regular expression that backtracks', `/(a+)+$/.test('a'.repeat(40) + 'b')`],
  ])('%s stops at the CPU limit', async (_, source) => {
    const result = await run(runner, source, cpu)
    expect(result.error).toMatchObject(cpuError)
    await hostUntouched()
  })

  it('deep recursion stops at the stack limit', async () => {
    const result = await run(runner, `function down(n) { return down(n + 1) + 1 }\ndown(0)`)
    expect(result.error).toMatchObject({
      limit: 'memory',
      message: 'Script exceeded its 512 KB stack limit: recursion or nesting too deep.',
    })
    await hostUntouched()
  })

  it('deep nesting in JSON stops at the stack limit', async () => {
    const result = await run(
      runner,
      `let o = {}; for (let i = 0; i < 200000; i++) o = { o }; JSON.stringify(o)`,
    )
    expect(result.error).toMatchObject({ limit: 'memory' })
    expect(result.error?.message).toMatch(/stack limit/)
    await hostUntouched()
  })

  const small = { limits: { memoryBytes: 16 * 1024 * 1024 } }
  const memoryError = {
    limit: 'memory',
    message:
      'Script exceeded its 16 MB memory limit. Keep less in memory (a huge string or array?).',
  }

  it.each([
    ['a huge string', `'x'.repeat(2 ** 27).length`],
    ['a string built up', `let s = ''; while (true) s += 'x'.repeat(1000) + Math.random()`],
    ['an array of arrays', `const a = []; while (true) a.push(new Array(10000).fill(a.length))`],
    ['many small strings', `const a = []; while (true) a.push('item ' + Math.random())`],
    ['typed arrays', `const a = []; while (true) a.push(new Uint8Array(1 << 20))`],
    ['an object that grows', `const o = {}; for (let i = 0; ; i++) o['k' + i] = i`],
  ])('%s stops at the memory limit', async (_, source) => {
    const result = await run(runner, source, small)
    expect(result.error).toMatchObject(memoryError)
    await hostUntouched()
  })

  it('a string doubled past the longest QuickJS allows is refused, saying so', async () => {
    const result = await run(runner, `let s = 'xy'; while (true) s = s + s`, small)
    expect(result.error?.message).toBe('InternalError: string too long')
    await hostUntouched()
  })

  it('memory caught and kept growing in a test still stops at the limit', async () => {
    const result = await run(
      runner,
      `const keep = []; pm.test('hog', () => { for (;;) { try { keep.push('y'.repeat(1 << 16) + Math.random()) } catch (e) {} } })`,
      { limits: { memoryBytes: 16 * 1024 * 1024, cpuMs: 2000 } },
    )
    expect(result.error?.limit).toMatch(/memory|cpu/)
    await hostUntouched()
  })

  it('a timer set far in the future ends at the time limit', async () => {
    const result = await run(runner, `setTimeout(() => {}, 3600 * 1000)`, {
      limits: { timeMs: 300, cpuMs: 100 },
    })
    expect(result.error).toMatchObject({ limit: 'time' })
    expect(result.error?.message).toMatch(/waiting for setTimeout/)
    await hostUntouched()
  })
})

describe('escape corpus: flooding the host through the API', () => {
  it('a scope holds at most 10,000 variables', async () => {
    const result = await run(
      runner,
      `for (let i = 0; i < 20000; i++) pm.environment.set('k' + i, i)`,
    )
    expect(result.error?.message).toBe(
      'Error: A variable scope holds at most 10,000 variables; "k10000" was not set.',
    )
    expect(Object.keys(result.variables.environment)).toHaveLength(10000)
    await hostUntouched()
  })

  it('many sets of big values keep only the last edit of each name', async () => {
    const result = await run(
      runner,
      `const big = 'v'.repeat(1 << 19); for (let i = 0; i < 100; i++) { pm.environment.set('same', big + i); pm.globals.set('g' + (i % 3), i) }`,
    )
    expect(result.error).toBeUndefined()
    expect(result.changes.environment.length).toBeLessThan(100)
    expect(result.changes.environment.at(-1)).toEqual({
      op: 'set',
      key: 'same',
      value: `${'v'.repeat(1 << 19)}99`,
    })
    expect(result.variables.globals).toEqual({ g0: '99', g1: '97', g2: '98' })
    await hostUntouched()
  })

  it('test names and console lines are cut to a bounded length', async () => {
    const result = await run(
      runner,
      `for (let i = 0; i < 200; i++) pm.test('t'.repeat(100000), () => { throw new Error('e'.repeat(100000)) })`,
    )
    expect(result.tests).toHaveLength(200)
    expect(result.tests[0]?.name).toBe(`${'t'.repeat(1000)}... (99000 more characters)`)
    expect(result.tests[0]?.error?.length).toBeLessThan(10_200)
    await hostUntouched()
  })
})
