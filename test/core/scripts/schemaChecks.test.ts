import { describe, expect, it } from 'vitest'
import { librariesNamed } from '../../../electron/core/scripts/libraryHint'
import { fileRunner, logged, run } from './harness'

const runner = fileRunner()

// The response the harness gives: {"value":100,"token":"tok-1","user":{"id":7,"name":"Jane"},"items":[1,2,3]}
const SCHEMA = `const schema = {
  type: 'object',
  required: ['user', 'items'],
  properties: {
    user: { type: 'object', required: ['id', 'name'], properties: { id: { type: 'integer' }, name: { type: 'string' } } },
    items: { type: 'array', items: { type: 'number' } },
  },
}`

// Postman collections check response shapes with pm.response.to.have.jsonSchema (ajv) and,
// in older ones, tv4.validate. Both run inside QuickJS, as ajv and tv4's own code.
describe('JSON Schema checks in scripts', () => {
  it("pm.response.to.have.jsonSchema passes a matching body and fails with ajv's errors", async () => {
    const result = await run(
      runner,
      `${SCHEMA}
pm.test('matches', () => pm.response.to.have.jsonSchema(schema))
pm.test('wrong types', () => pm.response.to.have.jsonSchema({
  type: 'object', properties: { value: { type: 'string' }, user: { type: 'object', required: ['email'] } },
}))
pm.test('negated', () => pm.response.to.not.have.jsonSchema(schema))`,
    )
    expect(result.error).toBeUndefined()
    expect(result.tests).toEqual([
      { name: 'matches', passed: true },
      {
        name: 'wrong types',
        passed: false,
        // allErrors, as Postman's: every mismatch, not only the first.
        error:
          "expected data to satisfy schema but found following errors: \ndata/value must be string, data/user must have required property 'email'",
      },
      { name: 'negated', passed: false, error: 'expected data to not satisfy schema' },
    ])
  })

  it('pm.expect(value).to.have.jsonSchema checks the value itself, and of a response its JSON', async () => {
    const result = await run(
      runner,
      `${SCHEMA}
pm.test('value', () => pm.expect(pm.response.json().user).to.have.jsonSchema(schema.properties.user))
pm.test('response', () => pm.expect(pm.response).to.have.jsonSchema(schema))
pm.test('not an object', () => pm.expect([1]).to.have.jsonSchema('{"type":"array"}'))`,
    )
    expect(result.tests).toEqual([
      { name: 'value', passed: true },
      { name: 'response', passed: true },
      {
        name: 'not an object',
        passed: false,
        error: 'expected a JSON Schema (an object) but found string',
      },
    ])
  })

  it("is lenient as Postman's ajv 6 was: unknown keywords pass, formats are checked", async () => {
    const result = await run(
      runner,
      `pm.test('example and id pass', () => pm.expect({ a: 1 }).to.have.jsonSchema({ id: 'x', type: 'object', example: { a: 2 } }))
pm.test('email', () => pm.expect({ email: 'not-an-email' }).to.have.jsonSchema({ properties: { email: { type: 'string', format: 'email' } } }))
pm.test('date-time', () => pm.expect('2024-02-29T10:00:00Z').to.have.jsonSchema({ format: 'date-time' }))`,
    )
    expect(result.tests).toEqual([
      { name: 'example and id pass', passed: true },
      {
        name: 'email',
        passed: false,
        error:
          'expected data to satisfy schema but found following errors: \ndata/email must match format "email"',
      },
      { name: 'date-time', passed: true },
    ])
  })

  it("require('ajv') is ajv, and a script's own options win", async () => {
    const result = await run(
      runner,
      `const Ajv = require('ajv')
const ajv = new Ajv()
const check = ajv.compile({ type: 'object', properties: { id: { type: 'integer' } } })
console.log(check({ id: 1 }), check({ id: 'x' }), ajv.errorsText(check.errors))
let threw = false
try { new Ajv({ strict: true }).compile({ type: 'object', example: 1 }) } catch (e) { threw = /unknown keyword/.test(e.message) }
console.log(threw)`,
    )
    expect(result.error).toBeUndefined()
    expect(logged(result)).toEqual(['true false data/id must be integer', 'true'])
  })

  it('tv4, the global and by require, validates and reports its first error', async () => {
    const result = await run(
      runner,
      `const schema = { type: 'object', required: ['user'], properties: { value: { type: 'string' } } }
const data = pm.response.json()
tests['tv4 rejects a number for a string'] = !tv4.validate(data, schema)
console.log(tv4.error.message, tv4.error.dataPath, require('tv4') === tv4)
console.log(tv4.validate({ value: 'x', user: {} }, schema), tv4.validateMultiple({ value: 1 }, schema).errors.length)`,
    )
    expect(result.error).toBeUndefined()
    expect(logged(result)).toEqual(['Invalid type: number (expected string) /value true', 'true 2'])
    expect(result.tests).toEqual([{ name: 'tv4 rejects a number for a string', passed: true }])
  })

  it('a pattern in a schema stops at the script CPU limit, as any script code does', async () => {
    const result = await run(
      runner,
      `pm.test('backtracks', () => pm.expect('a'.repeat(40) + 'b').to.have.jsonSchema({ pattern: '^(a+)+$' }))`,
      { limits: { cpuMs: 300 } },
    )
    expect(result.error).toMatchObject({ limit: 'cpu' })
  })

  it('reads which scripts need ajv or tv4', () => {
    expect(librariesNamed(`pm.response.to.have.jsonSchema(s)`)).toEqual(['ajv'])
    expect(librariesNamed(`tests['ok'] = tv4.validate(d, s)`)).toEqual(['tv4'])
  })
})
