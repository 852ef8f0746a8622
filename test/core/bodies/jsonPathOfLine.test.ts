import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MemorySource } from '../../../electron/core/bodies/byteSource'
import { jsonPathOfLine } from '../../../electron/core/bodies/jsonPathOfLine'
import { readLines, type LineDocument } from '../../../electron/core/bodies/lineDocument'
import { prettyPrintJson } from '../../../electron/core/bodies/prettyJson'
import { SpoolWriter } from '../../../electron/core/bodies/spoolWriter'

let dir = ''
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'courier-path-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

/** The pretty document of a JSON text; memoryLimit 64 spools all but tiny ones to a file. */
async function docOf(text: string, memoryLimit = 1 << 20): Promise<LineDocument> {
  const result = await prettyPrintJson(new MemorySource(Buffer.from(text)), {
    out: new SpoolWriter(dir, memoryLimit),
    decoder: (bytes) => bytes.toString('utf8'),
  })
  if (!result.ok) throw new Error(result.error.reason)
  return result.doc
}

async function allPaths(doc: LineDocument): Promise<string[]> {
  const paths: string[] = []
  for (let line = 0; line < doc.lineCount; line++) paths.push(await jsonPathOfLine(doc, line))
  return paths
}

type Step = string | number
const UNESCAPE: Record<string, string> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' }

/** Reads back a path this module writes: `.name`, `[3]`, `['quoted\'name']`. */
function parsePath(path: string): Step[] {
  expect(path[0]).toBe('$')
  const steps: Step[] = []
  let i = 1
  while (i < path.length) {
    const name = /^\.([A-Za-z_$][A-Za-z0-9_$]*)/.exec(path.slice(i))
    const index = /^\[(\d+)\]/.exec(path.slice(i))
    if (name || index) {
      steps.push(name ? name[1]! : Number(index![1]))
      i += (name ?? index)![0].length
      continue
    }
    expect(path.slice(i, i + 2)).toBe("['")
    let key = ''
    for (i += 2; path[i] !== "'"; i++) {
      if (path[i] !== '\\') key += path[i]
      else if (path[++i] === 'u') {
        key += String.fromCharCode(parseInt(path.slice(i + 1, i + 5), 16))
        i += 4
      } else key += UNESCAPE[path[i]!] ?? path[i]
    }
    expect(path[i + 1]).toBe(']')
    i += 2
    steps.push(key)
  }
  return steps
}

function evaluate(value: unknown, steps: Step[]): unknown {
  for (const step of steps) {
    expect(typeof value === 'object' && value !== null).toBe(true)
    expect(Array.isArray(value)).toBe(typeof step === 'number')
    expect(Object.hasOwn(value as object, step)).toBe(true)
    value = (value as Record<string, unknown>)[step]
  }
  return value
}

describe('jsonPathOfLine', () => {
  it('names every line of nested objects and arrays, closing lines as their block', async () => {
    const doc = await docOf(
      '{"items":[{"name":"a","tags":["x",[1,2]]},{}],"odd key":{"it\'s":[]},"":null,"n":1}',
    )
    expect(await allPaths(doc)).toEqual([
      '$',
      '$.items',
      '$.items[0]',
      '$.items[0].name',
      '$.items[0].tags',
      '$.items[0].tags[0]',
      '$.items[0].tags[1]',
      '$.items[0].tags[1][0]',
      '$.items[0].tags[1][1]',
      '$.items[0].tags[1]',
      '$.items[0].tags',
      '$.items[0]',
      '$.items[1]',
      '$.items',
      "$['odd key']",
      "$['odd key']['it\\'s']",
      "$['odd key']",
      "$['']",
      '$.n',
      '$',
    ])
  })

  it('counts array items over nested blocks (arrays of arrays), with the output in a file', async () => {
    const doc = await docOf('[[1,[2,3]],[],[[]],{"a":[4]},5]', 64)
    expect(await allPaths(doc)).toEqual([
      '$',
      '$[0]',
      '$[0][0]',
      '$[0][1]',
      '$[0][1][0]',
      '$[0][1][1]',
      '$[0][1]',
      '$[0]',
      '$[1]',
      '$[2]',
      '$[2][0]',
      '$[2]',
      '$[3]',
      '$[3].a',
      '$[3].a[0]',
      '$[3].a',
      '$[3]',
      '$[4]',
      '$',
    ])
  })

  it('quotes keys that are not identifiers, escaping what needs it', async () => {
    const doc = await docOf(
      JSON.stringify({ a_1: 1, $b: 2, '1a': 3, 'a\\b': 4, 'line\nbreak': 5, é: 6, '\u0001': 7 }),
    )
    expect(await allPaths(doc)).toEqual([
      '$',
      '$.a_1',
      '$.$b',
      "$['1a']",
      "$['a\\\\b']",
      "$['line\\nbreak']",
      "$['é']",
      "$['\\u0001']",
      '$',
    ])
  })

  it('gives $ for a top-level scalar or empty block', async () => {
    for (const text of ['42', '"text"', 'null', '{}', '[]']) {
      expect(await jsonPathOfLine(await docOf(text), 0)).toBe('$')
    }
  })

  it('rejects a line outside the document', async () => {
    const doc = await docOf('[1,2]')
    await expect(jsonPathOfLine(doc, 4)).rejects.toThrow(/outside the document/)
    await expect(jsonPathOfLine(doc, -1)).rejects.toThrow(/outside the document/)
  })

  it('leads, for any JSON and any line, to the value that line shows', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ stringUnit: 'grapheme' }), async (value) => {
        const doc = await docOf(JSON.stringify(value))
        const lines = await readLines(doc, 0, doc.lineCount)
        for (let line = 0; line < doc.lineCount; line++) {
          const steps = parsePath(await jsonPathOfLine(doc, line))
          const found = evaluate(value, steps)
          const text = lines[line]!.trim().replace(/,$/, '')
          if (/^[}\]]$/.test(text) || /[{[]$/.test(text)) {
            // A block's first or last line: the path leads to that block.
            const bracket = text.endsWith('[') || text === ']'
            expect(Array.isArray(found)).toBe(bracket)
            continue
          }
          const last = steps.at(-1)
          const member = typeof last === 'string' ? `${JSON.stringify(last)}: ` : ''
          expect(text).toBe(member + JSON.stringify(found))
        }
      }),
      { numRuns: 150 },
    )
  })
})
