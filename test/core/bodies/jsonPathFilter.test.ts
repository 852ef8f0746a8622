import { existsSync, readdirSync } from 'node:fs'
import { JSONPath } from 'jsonpath-plus'
import { afterAll, describe, expect, it } from 'vitest'
import { FileSource, MemorySource, type ByteSource } from '../../../electron/core/bodies/byteSource'
import { filterJson, JsonPathError } from '../../../electron/core/bodies/jsonPathFilter'
import { SpoolWriter } from '../../../electron/core/bodies/spoolWriter'
import { fileDocument, readAllText, tempDir } from './documentHelpers'

const temp = tempDir('courier-filter-')
afterAll(() => temp.remove())

const shop = {
  name: 'shop',
  items: [
    { name: 'pen', price: 2, tags: ['office'] },
    { name: 'lamp', price: 25, size: { name: 'large', cm: 40 } },
    { name: 'desk', price: 180 },
  ],
}

const source = (json: unknown) => new MemorySource(Buffer.from(JSON.stringify(json)))
const writer = (memoryLimit = 1024 * 1024) => new SpoolWriter(temp.dir, memoryLimit)

/** Filters and checks the output is exactly JSON.stringify(expected, null, 2). */
async function expectFilter(body: ByteSource, expression: string, expected: unknown[]) {
  const { count, text } = await filterJson(body, expression, writer())
  const output = await readAllText(text)
  expect(output).toBe(JSON.stringify(expected, null, 2))
  expect(JSON.parse(output)).toEqual(expected)
  expect(count).toBe(expected.length)
  return output
}

describe('filterJson', () => {
  it('applies JSONPath filters, recursive descent, indexes and slices', async () => {
    await expectFilter(source(shop), '$.items[?(@.price > 10)].name', ['lamp', 'desk'])
    await expectFilter(source(shop), '$..name', ['shop', 'pen', 'lamp', 'large', 'desk'])
    await expectFilter(source(shop), '$.items[0]', [shop.items[0]])
    await expectFilter(source(shop), '$.items[-1:]', [shop.items[2]])
    await expectFilter(source(shop), '  $.items[1].size  ', [shop.items[1]!.size])
  })

  it('reads .length as jsonpath-plus does: the length of the array or string', async () => {
    await expectFilter(source(shop), '$.items.length', [3])
    await expectFilter(source(shop), '$.name.length', [4])
  })

  it('writes [] and counts 0 when nothing matches', async () => {
    const output = await expectFilter(source(shop), '$.items[?(@.price > 1000)]', [])
    expect(output).toBe('[]')
    await expectFilter(source(null), '$', [])
  })

  it('prints every match exactly as JSON.stringify(matches, null, 2) would', async () => {
    const raw =
      '{"a":{"__proto__":{"x":1},"empty":{},"none":[],"deep":{"b":[[1,[2,{"c":"line\\nbreak"}]]]}},' +
      '"uni":"äö€ \\u2028","n":null,"t":true,"10":"ten","2":"two"}'
    const tricky = JSON.parse(raw)
    const body = new MemorySource(Buffer.from(raw))
    for (const expression of ['$', '$.a', '$..deep', '$.*', '$..*', '$..b[0]']) {
      // The reference: jsonpath-plus itself, printed by one JSON.stringify call.
      const expected = JSONPath({ path: expression, json: tricky, wrap: true }) as unknown[]
      const { text, count } = await filterJson(body, expression, writer())
      expect(await readAllText(text)).toBe(JSON.stringify(expected, null, 2))
      expect(count).toBe(expected.length)
    }
    await expectFilter(body, '$.a.deep', [tricky.a.deep])
  })

  it('holds numbers as doubles: digits beyond their precision are lost, overflow is null', async () => {
    const body = new MemorySource(Buffer.from('{"id":12345678901234567891,"big":1e400,"x":1.50}'))
    const { text } = await filterJson(body, '$.*', writer())
    expect(await readAllText(text)).toBe('[\n  12345678901234567000,\n  null,\n  1.5\n]')
  })

  it('reads a body kept in a file and spools a large result to a file', async () => {
    const big = { items: Array.from({ length: 3000 }, (_, i) => ({ id: i, name: `item ${i}` })) }
    const body = fileDocument(JSON.stringify(big), temp.dir).text
    const out = writer(1000)
    const { count, text } = await filterJson(body, '$.items[?(@.id % 2 == 0)]', out)
    expect(out.spooled).toBe(true)
    expect(text).toBeInstanceOf(FileSource)
    expect(count).toBe(1500)
    const expected = big.items.filter((item) => item.id % 2 === 0)
    expect(await readAllText(text)).toBe(JSON.stringify(expected, null, 2))
    await text.dispose()
  })

  it('writes a match longer than one write in slices, never splitting a character', async () => {
    // Odd offsets put surrogate pairs across every 64 KiB boundary at some point.
    const long = { a: `x${'😀é'.repeat(50_000)}`, b: ['y'.repeat(70_000), '€'.repeat(30_001)] }
    const out = writer(10_000)
    const { text } = await filterJson(source(long), '$', out)
    expect(await readAllText(text)).toBe(JSON.stringify([long], null, 2))
    await text.dispose()
  })

  it('decodes the body with the decoder it is given and skips a byte order mark', async () => {
    const latin1 = new MemorySource(Buffer.from('{"name":"Bär"}', 'latin1'))
    const { text } = await filterJson(latin1, '$.name', writer(), (b) => b.toString('latin1'))
    expect(JSON.parse(await readAllText(text))).toEqual(['Bär'])
    await expectFilter(new MemorySource(Buffer.from('\ufeff{"a":1}')), '$.a', [1])
  })

  it('explains a body that is not JSON', async () => {
    const body = new MemorySource(Buffer.from('{"a": 1,}'))
    const failure = filterJson(body, '$.a', writer())
    await expect(failure).rejects.toBeInstanceOf(JsonPathError)
    await expect(filterJson(body, '$.a', writer())).rejects.toThrow(
      /^The body is not valid JSON, so it cannot be filtered: .+\.$/,
    )
  })

  it('explains an expression that is not valid JSONPath', async () => {
    for (const expression of ['items[0]', '', '$.items[?(@.price >)]', '$.items[?(@.nope())]']) {
      const failure = filterJson(source(shop), expression, writer())
      await expect(failure).rejects.toBeInstanceOf(JsonPathError)
      await expect(filterJson(source(shop), expression, writer())).rejects.toThrow(
        /Check the expression, e\.g\. \$\.items\[\?\(@\.price > 10\)\]\.name$/,
      )
    }
    await expect(filterJson(source(shop), '$.items[?(@.price >)]', writer())).rejects.toThrow(
      '"$.items[?(@.price >)]" is not valid',
    )
  })

  it('keeps quoted jsonpath-plus messages short even when they dump a large value', async () => {
    const big = { items: Array.from({ length: 10_000 }, (_, i) => ({ i })) }
    const error = await filterJson(source(big), '$[?(@.constructor)]', writer()).catch((e) => e)
    expect(error).toBeInstanceOf(JsonPathError)
    expect((error as Error).message.length).toBeLessThan(500)
  })

  it('never runs code written into an expression', async () => {
    const g = globalThis as { __courierPwned?: boolean }
    const payload = "'globalThis.__courierPwned = true'"
    const hostile = [
      "$..[?(@.constructor.constructor('return process')())]",
      `$..[?(@.constructor.constructor(${payload})())]`,
      `$..[?(@.name.constructor.constructor(${payload})())]`,
      `$..[?(@.name['constructor']['constructor'](${payload})())]`,
      `$..[?(@.name.__proto__.constructor.constructor(${payload})())]`,
      `$[(@.name.toString.constructor(${payload})())]`,
      `$..[?(Function(${payload})())]`,
      `$..[?(eval(${payload}))]`,
      '$..[?(process.exit(1))]',
    ]
    for (const expression of hostile) {
      const outcome = await filterJson(source(shop), expression, writer()).then(
        async (r) => ({ values: JSON.parse(await readAllText(r.text)) as unknown[] }),
        (error: unknown) => ({ error }),
      )
      // Refused, or at most an empty result; never a side effect.
      if ('error' in outcome) expect(outcome.error).toBeInstanceOf(JsonPathError)
      else expect(outcome.values).toEqual([])
      expect(g.__courierPwned).toBeUndefined()
    }
  })

  it('leaves no spool file behind when the filter fails', async () => {
    const { dir, remove } = tempDir('courier-filter-abort-')
    try {
      const out = new SpoolWriter(dir, 1)
      await out.write(Buffer.from('stale'))
      expect(readdirSync(dir)).toHaveLength(1)
      await expect(filterJson(source(shop), 'nope', out)).rejects.toBeInstanceOf(JsonPathError)
      expect(readdirSync(dir)).toHaveLength(0)
    } finally {
      remove()
    }
    expect(existsSync(dir)).toBe(false)
  })
})
