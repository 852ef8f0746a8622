import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FileSource, MemorySource, type ByteSource } from '../../../electron/core/bodies/byteSource'
import { readLines, type LineDocument } from '../../../electron/core/bodies/lineDocument'
import {
  PrettyJsonStream,
  prettyPrintJson,
  syntaxErrorOf,
} from '../../../electron/core/bodies/prettyJson'
import { SpoolWriter } from '../../../electron/core/bodies/spoolWriter'
import { findJsonProblem, formatJson } from '../../../shared/logic/json'

const decoder = (bytes: Buffer) => bytes.toString('utf8')
let dir = ''
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'courier-pretty-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function pretty(input: string | Buffer | ByteSource, chunkBytes?: number, memory = 1 << 20) {
  const source =
    typeof input === 'string' || Buffer.isBuffer(input)
      ? new MemorySource(Buffer.from(input))
      : input
  const out = new SpoolWriter(dir, memory)
  const result = await prettyPrintJson(source, { out, decoder, chunkBytes })
  if (!result.ok) return { ...result, out }
  const text = decoder(await result.doc.text.read(0, result.doc.text.size))
  return { ...result, text, out }
}

/** The index as a plain reading of the pretty lines gives it. */
function referenceIndex(text: string) {
  const lines = text.split('\n')
  const lineStarts: number[] = []
  const foldEnds = lines.map(() => -1)
  const parents: number[] = []
  const open: number[] = []
  let at = 0
  lines.forEach((line, i) => {
    lineStarts.push(at)
    at += Buffer.byteLength(line) + 1
    const t = line.trim()
    parents.push(open.at(-1) ?? -1)
    if (t.startsWith('}') || t.startsWith(']')) foldEnds[open.pop()!] = i
    if (t.endsWith('{') || t.endsWith('[')) open.push(i)
  })
  lineStarts.push(at) // = size + 1: the text has no final line break
  return { lineCount: lines.length, lineStarts, foldEnds, parents }
}

function indexOf(doc: LineDocument) {
  return {
    lineCount: doc.lineCount,
    lineStarts: [...doc.lineStarts],
    foldEnds: [...doc.foldEnds!],
    parents: [...doc.parents!],
  }
}

// Full unicode (no lone surrogates: those have no UTF-8 form to compare).
const json = fc.jsonValue({ stringUnit: 'grapheme' })
const spacing = fc.constantFrom<number | string | undefined>(undefined, 2, '\t')

describe('prettyPrintJson on valid JSON', () => {
  it('writes what formatJson writes and indexes it, whatever the chunk size', async () => {
    await fc.assert(
      fc.asyncProperty(json, spacing, async (value, space) => {
        const input = JSON.stringify(value, null, space)
        const want = formatJson(input)!
        for (const chunkBytes of [1, 7, undefined]) {
          const result = await pretty(input, chunkBytes)
          expect(result.ok && result.text).toBe(want)
          if (result.ok) expect(indexOf(result.doc)).toEqual(referenceIndex(want))
        }
      }),
      { numRuns: 120 },
    )
  })

  it('keeps numbers, escapes and key order as written; empty blocks stay on one line', async () => {
    const input = '{"b":1.50e+3,"a":[ ],"c":{ },"d":"\\u00e9\\"\\n","e":[[]],"f":-0}'
    const result = await pretty(input, 3)
    expect(result.ok && result.text).toBe(
      '{\n  "b": 1.50e+3,\n  "a": [],\n  "c": {},\n  "d": "\\u00e9\\"\\n",\n' +
        '  "e": [\n    []\n  ],\n  "f": -0\n}',
    )
  })

  it('skips a UTF-8 byte order mark', async () => {
    const bom = Buffer.from([0xef, 0xbb, 0xbf])
    const result = await pretty(Buffer.concat([bom, Buffer.from('{"a":[1]}')]), 1)
    expect(result.ok && result.text).toBe('{\n  "a": [\n    1\n  ]\n}')
    const bad = await pretty(Buffer.concat([bom, Buffer.from('[1,]')]))
    expect(!bad.ok && bad.error).toEqual({ line: 1, column: 4, reason: 'expected a value' })
  })

  it('handles a 5 MB body in a file, spooling its output, and reports progress', async () => {
    const value = Array.from({ length: 40_000 }, (_, i) => ({
      id: i,
      name: `item ${i} — ünïcödé 😀`,
      tags: ['a', 'b\\"c', [i, i / 3, null, true]],
      nested: { empty: {}, list: [], deep: { x: -i * 1e-7 } },
    }))
    const input = JSON.stringify(value)
    expect(input.length).toBeGreaterThan(5_000_000)
    const path = join(dir, 'big.json')
    await writeFile(path, input)
    const progress: number[] = []
    const out = new SpoolWriter(dir, 1 << 20)
    const source = new FileSource(path, Buffer.byteLength(input))
    const result = await prettyPrintJson(source, {
      out,
      decoder,
      onProgress: (done) => progress.push(done),
    })
    if (!result.ok) throw new Error(result.error.reason)
    expect(out.spooled).toBe(true)
    expect(result.doc.text).toBeInstanceOf(FileSource)
    expect(progress.at(-1)).toBe(1)
    const want = formatJson(input)!.split('\n')
    expect(result.doc.lineCount).toBe(want.length)
    for (const from of [0, 1234, 500_000, want.length - 30]) {
      expect(await readLines(result.doc, from, 30)).toEqual(want.slice(from, from + 30))
    }
    expect(result.doc.foldEnds![0]).toBe(want.length - 1)
    await result.doc.text.dispose()
  })
})

describe('prettyPrintJson on invalid JSON', () => {
  const cases: Array<[string, number, number, string]> = [
    ['', 1, 1, 'the body is empty'],
    [' \n\t', 1, 1, 'the body is empty'],
    ['[1,]', 1, 4, 'expected a value'],
    ['{"a":1,}', 1, 8, 'expected a property name in double quotes'],
    ['[1 2]', 1, 4, 'expected a comma'],
    ['{"a":1\n "b":2}', 2, 2, 'expected a comma'],
    ['{"a" 1}', 1, 6, 'expected a colon'],
    ['["abc', 1, 2, 'unterminated string'],
    ['["ab\ncd"]', 1, 2, 'unterminated string'],
    ['tru', 1, 1, 'unexpected character'],
    ['[true, fals]', 1, 8, 'unexpected character'],
    ['nullx', 1, 1, 'unexpected character'],
    ['01', 1, 2, 'unexpected text after the end of the JSON'],
    ['[01]', 1, 3, 'expected a comma'],
    ['1.', 1, 1, 'unterminated number'],
    ['[1.e5]', 1, 2, 'unterminated number'],
    ['[-]', 1, 2, 'unexpected character'],
    ['"a\u0001b"', 1, 1, 'invalid character in string (control characters must be escaped)'],
    ['["\\x"]', 1, 2, 'invalid escape character'],
    ['"\\u12G4"', 1, 1, 'invalid \\u escape'],
    ['[1] ]', 1, 5, 'unexpected text after the end of the JSON'],
    ['{} x', 1, 4, 'unexpected character'],
    ['{"a":1}// note', 1, 8, 'comments are not allowed in JSON'],
    ['[', 1, 2, 'expected a closing ]'],
    ['{"a":[1,\n2', 2, 2, 'expected a closing ]'],
    ['{"a":{}', 1, 8, 'expected a closing }'],
    ['[\n  "é😀", 1 2]', 2, 12, 'expected a comma'],
  ]

  it.each(cases)('%j → line %i, column %i: %s', async (input, line, column, reason) => {
    expect(findJsonProblem(input)).toEqual({ line, column, reason })
    for (const chunkBytes of [1, 2, undefined]) {
      const result = await pretty(input, chunkBytes)
      expect(!result.ok && result.error).toEqual({ line, column, reason })
    }
  })

  it('reports the first error where findJsonProblem does, on broken JSON of any shape', async () => {
    const edit = fc.tuple(fc.nat(), fc.constantFrom(...' \n,:{}[]"\\-+.eE01tfnx/*\u0001é😀'))
    await fc.assert(
      fc.asyncProperty(
        json,
        spacing,
        fc.array(edit, { minLength: 1, maxLength: 3 }),
        async (value, space, edits) => {
          let input = JSON.stringify(value, null, space)
          for (const [at, ch] of edits) {
            const i = at % (input.length + 1)
            input =
              ch === 'x'
                ? input.slice(0, i) + input.slice(i + 1)
                : input.slice(0, i) + ch + input.slice(i)
          }
          input = decoder(Buffer.from(input))
          const want = formatJson(input)
          const result = await pretty(input, 3)
          if (want !== null) expect(result.ok && result.text).toBe(want)
          else expect(!result.ok && result.error).toEqual(findJsonProblem(input))
        },
      ),
      { numRuns: 300 },
    )
  })

  it('gives the same text, index and errors fed in chunks of any sizes as the body arrives', async () => {
    const bom = Buffer.from([0xef, 0xbb, 0xbf])
    const broken = fc.tuple(fc.nat(), fc.constantFrom(...',:{}[]"\\x'))
    await fc.assert(
      fc.asyncProperty(
        json,
        fc.boolean(),
        fc.option(broken, { nil: undefined }),
        fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 8 }),
        async (value, withBom, edit, sizes) => {
          let input = JSON.stringify(value)
          if (edit) {
            const i = edit[0] % (input.length + 1)
            input = input.slice(0, i) + edit[1] + input.slice(i)
          }
          const bytes = Buffer.concat([withBom ? bom : Buffer.alloc(0), Buffer.from(input)])
          const stream = new PrettyJsonStream(new SpoolWriter(dir, 1 << 20))
          // Chunks of the given sizes in turn: a BOM, a token or a character split anywhere.
          for (let at = 0, k = 0; at < bytes.length; k++) {
            const size = sizes[k % sizes.length]!
            await stream.write(bytes.subarray(at, at + size))
            at += size
          }
          const end = await stream.end()
          const whole = await pretty(bytes)
          if (whole.ok) {
            expect(end.ok).toBe(true)
            if (!end.ok) return
            const text = decoder(await end.doc.text.read(0, end.doc.text.size))
            expect(text).toBe(whole.text)
            expect(indexOf({ ...end.doc, decoder })).toEqual(indexOf(whole.doc))
          } else {
            expect(end.ok).toBe(false)
            if (end.ok) return
            expect(await syntaxErrorOf(new MemorySource(bytes), end.failure)).toEqual(whole.error)
          }
        },
      ),
      { numRuns: 200 },
    )
  })

  it('aborts the output: a spooled temp file is removed', async () => {
    const spool = await mkdtemp(join(dir, 'spool-'))
    const out = new SpoolWriter(spool, 16)
    // More than the 1 MB output buffer, so that some of it reached the file before the error.
    const input = '[' + '"a long enough string value",'.repeat(50_000) + ' nope]'
    const result = await prettyPrintJson(new MemorySource(Buffer.from(input)), {
      out,
      decoder,
      chunkBytes: 64 * 1024,
    })
    expect(!result.ok && result.error).toEqual({
      line: 1,
      column: input.length - 4,
      reason: 'unexpected character',
    })
    expect(out.spooled).toBe(true)
    expect(await readdir(spool)).toEqual([])
  })

  it('stops on a cancel with an AbortError and leaves no file', async () => {
    const spool = await mkdtemp(join(dir, 'cancel-'))
    const out = new SpoolWriter(spool, 16)
    const controller = new AbortController()
    const input = Buffer.from(JSON.stringify(Array.from({ length: 5000 }, (_, i) => ({ i }))))
    const running = prettyPrintJson(new MemorySource(input), {
      out,
      decoder,
      signal: controller.signal,
      chunkBytes: 64,
    })
    setImmediate(() => controller.abort())
    await expect(running).rejects.toMatchObject({ name: 'AbortError' })
    expect(await readdir(spool)).toEqual([])
  })
})
