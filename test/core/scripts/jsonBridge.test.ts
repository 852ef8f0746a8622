import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fileRunner, JSON_RESPONSE, logged, run } from './harness'

// Properties of the JSON bridge: what goes into the sandbox comes back out equal, whatever
// the text (any UTF-16 code unit, lone surrogates included), the names (`__proto__` too)
// or the JSON; what cannot be carried is refused with a message that says so.
const runner = fileRunner()

/** Any UTF-16 code unit, lone surrogates included. */
const anyText = fc.string({
  unit: fc.nat(0xffff).map((c) => String.fromCharCode(c)),
  maxLength: 40,
})
const names = fc.oneof(
  anyText,
  fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', ''),
)
const scope = fc.dictionary(names, anyText, { maxKeys: 8 })
/** JSON as it survives a round trip through JSON text (-0 becomes 0). */
const normal = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown

describe('the JSON bridge', () => {
  it('passes any variable names and values in and out unchanged', async () => {
    await fc.assert(
      fc.asyncProperty(scope, scope, async (environment, globals) => {
        const result = await run(
          runner,
          `for (const [k, v] of Object.entries(pm.environment.toObject())) pm.collectionVariables.set(k, v)`,
          { variables: { environment, globals } },
        )
        expect(result.error).toBeUndefined()
        expect(result.variables.environment).toStrictEqual(normal(environment))
        expect(result.variables.globals).toStrictEqual(normal(globals))
        expect(result.variables.collection).toStrictEqual(normal(environment))
        expect(Object.keys(result.variables.collection).sort()).toEqual(
          Object.keys(environment).sort(),
        )
      }),
      { numRuns: 60 },
    )
  })

  it('keeps JSON values set by one script, with their type, for the next; writes them out as JSON text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 4 }), async (value) => {
        const text = JSON.stringify(value)
        const result = await run(
          runner,
          [
            `pm.variables.set('v', JSON.parse(pm.environment.get('text'))); pm.globals.set('v', pm.variables.get('v'))`,
            `const v = pm.variables.get('v')
             pm.test('same value and type', () => pm.expect(v).to.deep.equal(JSON.parse(pm.environment.get('text'))))
             pm.environment.set('back', JSON.stringify(v))`,
          ],
          { variables: { environment: { text } } },
        )
        expect(result.tests).toEqual([{ name: 'same value and type', passed: true }])
        expect(JSON.parse(result.variables.environment.back!)).toStrictEqual(normal(value))
        const kept = typeof value === 'string' ? value : text
        expect(result.variables.globals.v).toBe(kept)
      }),
      { numRuns: 60 },
    )
  })

  it('gives a response body of any text to the script exactly', async () => {
    await fc.assert(
      fc.asyncProperty(anyText, async (body) => {
        const result = await run(
          runner,
          `pm.environment.set('body', pm.response.text()); console.log(pm.response.text())`,
          { response: { ...JSON_RESPONSE, body, size: body.length } },
        )
        expect(result.variables.environment.body).toBe(body)
        expect(logged(result)).toEqual([body])
      }),
      { numRuns: 60 },
    )
  })

  it('carries big and small numbers as JSON does', async () => {
    const numbers = [Number.MAX_SAFE_INTEGER + 2, 1e308, -1e-308, 5e-324, 0.1 + 0.2, -0]
    const result = await run(
      runner,
      `const list = ${JSON.stringify(numbers)}; list.forEach((n, i) => pm.environment.set('n' + i, n))`,
    )
    expect(numbers.map((_, i) => result.variables.environment[`n${i}`])).toEqual(
      numbers.map((n) => JSON.stringify(n)),
    )
  })

  it('refuses data that is not the documented shape, naming the field', async () => {
    const bad = (patch: object) =>
      runner.run({
        event: 'test',
        scripts: [{ name: 's', source: '' }],
        request: { name: 'r', url: 'u', method: 'GET', headers: [], body: null },
        response: JSON_RESPONSE,
        variables: { local: {}, iterationData: {}, environment: {}, collection: {}, globals: {} },
        info: { requestName: 'r', iteration: 0, eventName: 'test' },
        ...patch,
      } as never)
    await expect(
      bad({
        variables: {
          local: {},
          iterationData: {},
          environment: { n: 5 },
          collection: {},
          globals: {},
        },
      }),
    ).rejects.toThrow('input.variables.environment.n must be a string')
    await expect(bad({ scripts: [{ name: 's' }] })).rejects.toThrow(
      'input.scripts[0].source must be a string',
    )
    await expect(
      bad({
        request: { name: 'r', url: 'u', method: 'GET', headers: [['only name']], body: null },
      }),
    ).rejects.toThrow('input.request.headers[0] must be a [name, value] pair')
    await expect(bad({ limits: { cpuMs: -1 } })).rejects.toThrow(
      'input.limits.cpuMs must be a whole number from 1 to 86400000',
    )
    await expect(
      bad({ info: { requestName: 'r', iteration: 0, eventName: 'prerequest' } }),
    ).rejects.toThrow('input.info.eventName must match input.event ("test")')
  })
})
