import { describe, expect, it } from 'vitest'
import { fileRunner, inputOf, logged, run } from './harness'

const runner = fileRunner()

describe('console', () => {
  it('keeps each line with its level, formatting values like Node', async () => {
    const result = await run(
      runner,
      `console.log('plain', 'text')
       console.info({ a: 1, b: 'two', c: [1, { d: { e: { f: 1 } } }] })
       console.warn('%s is %d years', 'Jane', 42.5, 'extra')
       console.error(new Error('boom'), null, undefined, -0, 10n, [], {}, function named() {})
       console.debug(new Map([['k', 1]]), new Set([1, 2]), { 'not-ident': true }, Symbol('s'))`,
    )
    expect(result.console).toEqual([
      { level: 'log', text: 'plain text' },
      { level: 'info', text: "{ a: 1, b: 'two', c: [ 1, { d: [Object] } ] }" },
      { level: 'warn', text: 'Jane is 42.5 years extra' },
      { level: 'error', text: 'Error: boom null undefined -0 10n [] {} [Function: named]' },
      { level: 'log', text: "Map(1) { 'k' => 1 } Set(2) { 1, 2 } { 'not-ident': true } Symbol(s)" },
    ])
  })

  it('marks circular references and breaks long objects over lines', async () => {
    const result = await run(
      runner,
      `const o = { name: 'loop' }; o.self = o; console.log(o)
       console.log({ alpha: 'aaaaaaaaaaaaaaaaaaaa', beta: 'bbbbbbbbbbbbbbbbbbbb', gamma: 'cccccccccccccccccccc' })`,
    )
    expect(logged(result)).toEqual([
      "{ name: 'loop', self: [Circular] }",
      "{\n  alpha: 'aaaaaaaaaaaaaaaaaaaa',\n  beta: 'bbbbbbbbbbbbbbbbbbbb',\n  gamma: 'cccccccccccccccccccc'\n}",
    ])
  })

  it('bounds what a script can print: line length and line count', async () => {
    const result = await run(
      runner,
      `console.log('x'.repeat(25000)); for (let i = 0; i < 1500; i++) console.log(i)`,
    )
    expect(result.console[0]?.text).toBe(`${'x'.repeat(10000)}... (15000 more characters)`)
    expect(result.console).toHaveLength(1001)
    expect(result.console.at(-1)).toEqual({
      level: 'warn',
      text: 'Console output stopped after 1,000 lines.',
    })
  })
})

describe('pm.info, courier.*, flow control', () => {
  it('tells the request, iteration, event and a request id', async () => {
    const result = await run(
      runner,
      `console.log(pm.info.requestName, pm.info.iteration, pm.info.iterationCount, pm.info.eventName, pm.info.requestId)`,
      { info: { iteration: 2, requestId: 'req-1', iterationCount: 5 } },
    )
    expect(logged(result)).toEqual(['Get user 2 5 test req-1'])
    const generated = await run(runner, `console.log(pm.info.requestId)`)
    expect(logged(generated)[0]).toMatch(/^[0-9a-f-]{36}$/)
  })

  it("gives pm.execution.location: the request's path, and whose script runs as current", async () => {
    const input = inputOf(
      [
        'console.log(JSON.stringify(pm.execution.location), pm.execution.location.current)',
        'console.log(pm.execution.location.current, Object.keys(pm.execution.location).length)',
      ],
      { info: { location: ['Shop', 'Orders', 'Get user'] } },
    )
    input.scripts[0]!.item = 'Orders'
    input.scripts[1]!.item = 'Get user'
    const result = await runner.run(input)
    expect(logged(result)).toEqual(['["Shop","Orders","Get user"] Orders', 'Get user 3'])
  })

  it('offers the same objects as courier.*', async () => {
    const result = await run(
      runner,
      `courier.test('via courier', () => courier.response.to.have.status(200))
       console.log(courier === pm, courier.environment === pm.environment)`,
    )
    expect(result.tests).toEqual([{ name: 'via courier', passed: true }])
    expect(logged(result)).toEqual(['true true'])
  })

  it('reports setNextRequest (the last call wins; null stops the run)', async () => {
    const named = await run(
      runner,
      `postman.setNextRequest('Login'); pm.execution.setNextRequest('Logout')`,
    )
    expect(named.nextRequest).toBe('Logout')
    const stop = await run(runner, `pm.execution.setNextRequest(null)`)
    expect(stop.nextRequest).toBeNull()
    const none = await run(runner, `pm.test('x', () => {})`)
    expect(none).not.toHaveProperty('nextRequest')
  })

  it('skips the request from a pre-request script, and the scripts after it do not run', async () => {
    const result = await run(
      runner,
      [
        `pm.execution.skipRequest(); console.log('rest of this script runs')`,
        `console.log('not run')`,
      ],
      { event: 'prerequest' },
    )
    expect(result.skipRequest).toBe(true)
    expect(logged(result)).toEqual(['rest of this script runs'])
    const afterResponse = await run(runner, `pm.execution.skipRequest()`)
    expect(afterResponse.error?.message).toBe(
      'Error: pm.execution.skipRequest() works only in a pre-request script',
    )
  })
})

describe('errors', () => {
  it("names the script and the line in the user's own source", async () => {
    const result = await run(runner, [
      `pm.test('first script is fine', () => {})`,
      `// a comment\nconst user = pm.response.json().user\n\nconsole.log(user.address.street)`,
      `console.log('never runs')`,
    ])
    expect(result.error).toEqual({
      script: 'script 2',
      message: "TypeError: cannot read property 'street' of undefined",
      line: 4,
      column: 25,
    })
    expect(result.tests).toEqual([{ name: 'first script is fine', passed: true }])
    expect(logged(result)).toEqual([])
  })

  it('names the line of a syntax error', async () => {
    const result = await run(runner, `const a = 1\nconst b = {\n`)
    expect(result.error?.message).toMatch(/^SyntaxError: /)
    expect(result.error?.line).toBe(3)
  })

  it('runs setInterval until cleared, and setImmediate, with their arguments', async () => {
    const result = await run(
      runner,
      `setImmediate((what) => console.log(what), 'soon')
       const never = setImmediate(() => console.log('cleared'))
       clearImmediate(never)
       let n = 0
       const id = setInterval((step) => {
         n += step
         console.log('tick', n)
         if (n === 3) clearInterval(id)
       }, 5, 1)`,
    )
    expect(result.error).toBeUndefined()
    expect(logged(result)).toEqual(['soon', 'tick 1', 'tick 2', 'tick 3'])
  })

  it('stops a script whose interval is never cleared at its time limit, as it waits for it', async () => {
    const result = await run(runner, `setInterval(() => {}, 5)`, { limits: { timeMs: 300 } })
    expect(result.error?.message).toMatch(
      /within its 300 ms time limit: it was still waiting for setTimeout/,
    )
  })

  it('names the line of an error thrown in a callback after the script body', async () => {
    const result = await run(runner, `setTimeout(() => {\n  throw new RangeError('late')\n}, 1)`)
    expect(result.error).toMatchObject({ message: 'RangeError: late', line: 2 })
  })

  it('reports a thrown value that is not an Error', async () => {
    const result = await run(runner, `throw 'just a string'`)
    expect(result.error?.message).toBe('just a string')
  })

  it('takes pm.visualizer calls as newman does, drawing nothing and saying so', async () => {
    const result = await run(
      runner,
      `pm.visualizer.set('<b>{{name}}</b>', { name: 'Jane' }, { key: 1 }); pm.visualizer.clear()
pm.test('after it', () => {})`,
    )
    expect(result.error).toBeUndefined()
    expect(result.console).toMatchObject([
      {
        level: 'info',
        text: 'pm.visualizer.set(): Courier does not draw visualizations; this one is not shown.',
      },
    ])
    expect(result.tests).toEqual([{ name: 'after it', passed: true }])
    // Postman's own checks of the arguments.
    const bad = await run(runner, `pm.visualizer.set(42)`)
    expect(bad.error?.message).toBe(
      'Error: Invalid template. Template must be of type string, found number',
    )
  })

  it('names the unsupported Postman APIs', async () => {
    const cases: [string, string][] = [
      ['pm.vault.get("k")', 'pm.vault is not supported by Courier'],
      ['pm.require("npm:lodash")', 'pm.require is not supported by Courier'],
      ['pm.execution.runRequest("x")', 'pm.execution.runRequest is not supported by Courier'],
      ['pm.somethingNew()', 'pm.somethingNew is not supported by Courier'],
      ['postman.setGlobal("x")', 'postman.setGlobal is not supported by Courier'],
      [
        'require("fs")',
        'require("fs") is not supported by Courier: scripts can require lodash, crypto-js, moment, uuid, chai, ajv, tv4, buffer, events, path, punycode, querystring, url, util, string_decoder, assert, stream, timers, xml2js, cheerio, csv-parse/lib/sync, atob, btoa only',
      ],
    ]
    for (const [source, message] of cases) {
      const result = await run(runner, source)
      expect(result.error?.message, source).toBe(`Error: ${message}`)
    }
  })

  it('runs top-level await and return', async () => {
    const result = await run(
      runner,
      `const v = await Promise.resolve(5)\nconsole.log(v)\nif (v === 5) return\nconsole.log('not here')`,
    )
    expect(logged(result)).toEqual(['5'])
    expect(result.error).toBeUndefined()
  })
})
