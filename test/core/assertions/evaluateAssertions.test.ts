import { describe, expect, it } from 'vitest'
import {
  evaluateAssertions,
  type AssertedResponse,
} from '../../../electron/core/assertions/evaluateAssertions'
import { SchemaCheck } from '../../../electron/core/assertions/schemaCheck'
import { AssertionSchema, type AssertionInput } from '../../../shared/model/assertion'

const response: AssertedResponse = {
  status: 201,
  headers: [
    ['Content-Type', 'application/json; charset=utf-8'],
    ['X-Count', '5'],
    ['Set-Cookie', 'a=1'],
    ['Set-Cookie', 'b=2'],
  ],
  bodyText: JSON.stringify({
    id: 7,
    name: 'Ada',
    email: 'ada@example.com',
    tags: ['admin', 'ops'],
    price: 12.5,
    nested: { ok: true, none: null },
  }),
  responseTimeMs: 42,
  bodyBytes: 120,
}

async function check(
  rows: AssertionInput[],
  on: AssertedResponse = response,
  files: Record<string, string> = {},
) {
  const schemas = new SchemaCheck(async (path) => {
    if (!(path in files)) throw new Error(`ENOENT: no such file ${path}`)
    return files[path]!
  })
  const vars: Record<string, string> = { expectedStatus: '201', field: 'name' }
  return evaluateAssertions(
    rows.map((r) => AssertionSchema.parse(r)),
    on,
    { resolve: (t) => t.replace(/\{\{(\w+)\}\}/g, (_m, n: string) => vars[n] ?? ''), schemas },
  )
}

const verdicts = async (rows: AssertionInput[]) => (await check(rows)).map((r) => r.passed)

describe('declarative assertions', () => {
  it('compare status, headers, JSONPath values, body, time and size', async () => {
    expect(
      await verdicts([
        { target: 'status', operator: 'equals', expected: '201' },
        { target: 'status', operator: 'equals', expected: '{{expectedStatus}}' },
        { target: 'status', operator: 'isOneOf', expected: '200, 201, 204' },
        { target: 'status', operator: 'lessThan', expected: '300' },
        { target: 'header', path: 'content-type', operator: 'contains', expected: 'json' },
        { target: 'header', path: 'X-Count', operator: 'equals', expected: '5' },
        { target: 'header', path: 'X-Count', operator: 'greaterOrEqual', expected: '5' },
        { target: 'header', path: 'Set-Cookie', operator: 'equals', expected: 'a=1, b=2' },
        { target: 'header', path: 'X-Missing', operator: 'exists' },
        { target: 'jsonPath', path: '$.{{field}}', operator: 'equals', expected: 'Ada' },
        { target: 'jsonPath', path: '$.name', operator: 'equals', expected: '"Ada"' },
        { target: 'jsonPath', path: '$.id', operator: 'equals', expected: '7' },
        { target: 'jsonPath', path: '$.id', operator: 'notEquals', expected: '8' },
        { target: 'jsonPath', path: '$.tags', operator: 'contains', expected: 'ops' },
        { target: 'jsonPath', path: '$.tags', operator: 'equals', expected: '["admin","ops"]' },
        { target: 'jsonPath', path: '$.nested', operator: 'contains', expected: 'ok' },
        { target: 'jsonPath', path: '$.nested.none', operator: 'isType', expected: 'null' },
        { target: 'jsonPath', path: '$.price', operator: 'isType', expected: 'number' },
        { target: 'jsonPath', path: '$.id', operator: 'isType', expected: 'integer' },
        {
          target: 'jsonPath',
          path: '$.email',
          operator: 'matches',
          expected: '/^[a-z]+@example\\.com$/',
        },
        { target: 'jsonPath', path: '$.nope', operator: 'exists' },
        { target: 'body', operator: 'contains', expected: '"Ada"' },
        { target: 'responseTime', operator: 'lessThan', expected: '500' },
        { target: 'bodySize', operator: 'greaterThan', expected: '100' },
      ]),
    ).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
      true,
      true,
      false,
      true,
      true,
      true,
      true,
      true,
      true,
      true,
      true,
      true,
      true,
      true,
      false,
      true,
      true,
      true,
    ])
  })

  it('explain a failure with what was expected and what came', async () => {
    const [status, header, path] = await check([
      { target: 'status', operator: 'equals', expected: '200' },
      { target: 'header', path: 'Content-Type', operator: 'matches', expected: 'xml' },
      { target: 'jsonPath', path: '$.tags[5]', operator: 'equals', expected: 'x' },
    ])
    expect(status).toEqual({
      name: 'status equals 200',
      passed: false,
      error: 'expected 200, got 201',
      source: 'assertion',
    })
    expect(header?.error).toBe('"application/json; charset=utf-8" does not match xml')
    expect(path?.error).toBe('expected "x", got nothing')
  })

  it('skip disabled rows and keep checking after a row that cannot be evaluated', async () => {
    const results = await check([
      { target: 'status', operator: 'equals', expected: '500', enabled: false },
      { target: 'jsonPath', path: 'name', operator: 'exists' },
      { target: 'jsonPath', path: '$.tags[?(@.length > ', operator: 'exists' },
      { target: 'jsonPath', path: '$.email', operator: 'matches', expected: '(unclosed' },
      { target: 'status', operator: 'greaterThan', expected: 'many' },
      { target: 'status', operator: 'equals', expected: '201' },
    ])
    expect(results.map((r) => r.passed)).toEqual([false, false, false, false, true])
    expect(results[0]?.error).toMatch(/Cannot check: the JSONPath "name" must start with \$/)
    expect(results[1]?.error).toMatch(/Cannot check: the JSONPath .* is invalid/)
    expect(results[2]?.error).toMatch(
      /Cannot check: the pattern "\(unclosed" is not a valid regular expression/,
    )
    expect(results[3]?.error).toMatch(/Cannot check: the expected value "many" is not a number/)
  })

  it('say so when the body is not JSON or not text', async () => {
    const html = { ...response, bodyText: '<html></html>' }
    const [notJson] = await check([{ target: 'jsonPath', path: '$.id', operator: 'exists' }], html)
    expect(notJson?.error).toMatch(/Cannot check: the body is not JSON/)
    const binary = { ...response, bodyText: null }
    const [noText] = await check([{ target: 'body', operator: 'contains', expected: 'x' }], binary)
    expect(noText?.error).toMatch(/the body is not text/)
  })

  it('validate against a JSON Schema given inline or as a workspace file', async () => {
    const schema = JSON.stringify({
      type: 'object',
      required: ['id', 'email'],
      properties: { id: { type: 'integer' }, email: { type: 'string', format: 'email' } },
    })
    const strict = JSON.stringify({ type: 'object', required: ['missing'] })
    const results = await check(
      [
        { target: 'body', operator: 'matchesSchema', expected: schema },
        {
          target: 'jsonPath',
          path: '$',
          operator: 'matchesSchema',
          expected: 'file:schemas/user.json',
        },
        { target: 'jsonPath', path: '$', operator: 'matchesSchema', expected: strict },
        {
          target: 'jsonPath',
          path: '$.tags',
          operator: 'matchesSchema',
          expected: '{"type": "array", "maxItems": 1}',
        },
        {
          target: 'jsonPath',
          path: '$',
          operator: 'matchesSchema',
          expected: 'file:schemas/gone.json',
        },
        { target: 'jsonPath', path: '$', operator: 'matchesSchema', expected: '{not json' },
      ],
      response,
      { 'schemas/user.json': schema },
    )
    expect(results.map((r) => r.passed)).toEqual([true, true, false, false, false, false])
    expect(results[2]?.error).toBe("value must have required property 'missing'")
    expect(results[3]?.error).toBe('value must NOT have more than 1 items')
    expect(results[4]?.error).toMatch(/schema file schemas\/gone.json could not be read: ENOENT/)
    expect(results[5]?.error).toMatch(/the schema is not JSON/)
  })
})
