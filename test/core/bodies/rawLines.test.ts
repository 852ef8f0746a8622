import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { FileSource, MemorySource } from '../../../electron/core/bodies/byteSource'
import { readLines } from '../../../electron/core/bodies/lineDocument'
import { indexRawLines } from '../../../electron/core/bodies/rawLines'
import { RAW_ROW_BYTES } from '../../../shared/model/body'

const utf8 = (b: Buffer) => b.toString('utf8')
const dir = mkdtempSync(join(tmpdir(), 'courier-raw-lines-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

async function allLines(text: string | Buffer) {
  const doc = await indexRawLines(new MemorySource(Buffer.from(text)), utf8)
  return readLines(doc, 0, doc.lineCount)
}

describe('the raw view of a body', () => {
  it('has a line per line break, an empty last line after a final break, CR dropped', async () => {
    expect(await allLines('a\nb\n')).toEqual(['a', 'b', ''])
    expect(await allLines('one\r\ntwo')).toEqual(['one', 'two'])
    expect(await allLines('')).toEqual([''])
  })

  it('cuts a long line into rows of at most RAW_ROW_BYTES', async () => {
    const rows = await allLines('x'.repeat(RAW_ROW_BYTES * 2 + 10) + '\nend')
    expect(rows.map((r) => r.length)).toEqual([RAW_ROW_BYTES, RAW_ROW_BYTES, 10, 3])
  })

  it('never cuts a character in two', async () => {
    // 3-byte characters: RAW_ROW_BYTES is not a multiple of 3, so a naive cut would split one.
    const text = '€'.repeat(RAW_ROW_BYTES)
    const rows = await allLines(text)
    expect(rows.join('')).toBe(text)
    expect(rows.every((r) => !r.includes('\uFFFD'))).toBe(true)
    expect(rows.every((r) => Buffer.byteLength(r) <= RAW_ROW_BYTES)).toBe(true)
  })

  it('indexes a file bigger than one read chunk, with lines across chunk boundaries', async () => {
    const lines = Array.from({ length: 300_000 }, (_, i) => `line ${i} ${'é'.repeat(i % 40)}`)
    const path = join(dir, 'big.txt')
    writeFileSync(path, lines.join('\n'))
    const source = new FileSource(path, Buffer.byteLength(lines.join('\n')))
    expect(source.size).toBeGreaterThan(8 * 1024 * 1024)
    const doc = await indexRawLines(source, utf8)
    expect(doc.lineCount).toBe(lines.length)
    expect(await readLines(doc, 0, 2)).toEqual(lines.slice(0, 2))
    expect(await readLines(doc, 150_000, 3)).toEqual(lines.slice(150_000, 150_003))
    expect(await readLines(doc, lines.length - 2, 10)).toEqual(lines.slice(-2))
  })
})
