import { afterAll, describe, expect, it } from 'vitest'
import { readLines, type LineDocument } from '../../../electron/core/bodies/lineDocument'
import {
  DEFAULT_SEARCH_LIMITS,
  searchDocument,
  type SearchLimits,
} from '../../../electron/core/bodies/searchDocument'
import { MAX_SEARCH_MATCHES, type BodySearchMatch } from '../../../shared/model/body'
import { fileDocument, memoryDocument, tempDir } from './documentHelpers'

const temp = tempDir('courier-search-')
afterAll(() => temp.remove())

const find = (doc: LineDocument, query: string, caseSensitive = false, limits?: SearchLimits) =>
  searchDocument(doc, query, { caseSensitive }, limits)

/** Tiny blocks, so every test also crosses block boundaries. */
const tinyBlocks = (blockLines: number): SearchLimits => ({ ...DEFAULT_SEARCH_LIMITS, blockLines })

const at = (line: number, column: number, length: number): BodySearchMatch => ({
  line,
  column,
  length,
})

/** Line by line with indexOf: slow but obviously right, for documents without cut rows. */
async function reference(doc: LineDocument, query: string): Promise<BodySearchMatch[]> {
  const lines = await readLines(doc, 0, doc.lineCount)
  const found: BodySearchMatch[] = []
  lines.forEach((line, i) => {
    for (let c = line.indexOf(query); c !== -1; c = line.indexOf(query, c + query.length)) {
      found.push(at(i, c, query.length))
    }
  })
  return found
}

describe('searchDocument', () => {
  it('ignores case by default, for letters beyond ASCII too', async () => {
    const doc = memoryDocument('Äpfel und Birnen\nkeine äpfel\nÄPFEL\nApfel')
    const result = await find(doc, 'ÄPFEL')
    expect(result.matches).toEqual([at(0, 0, 5), at(1, 6, 5), at(2, 0, 5)])
    expect(result).toMatchObject({ total: 3, capped: false })
    expect((await find(doc, 'äpfel', true)).matches).toEqual([at(1, 6, 5)])
    // Outside the BMP (two UTF-16 units per letter): Deseret capital and small letters.
    expect((await find(memoryDocument('x 𐐨𐐯 y'), '𐐀𐐇')).matches).toEqual([at(0, 2, 4)])
  })

  it('counts columns in characters, not bytes', async () => {
    const doc = memoryDocument('äöü€ needle\n"ключ": "needle"')
    expect((await find(doc, 'needle')).matches).toEqual([at(0, 5, 6), at(1, 9, 6)])
  })

  it('takes the query as plain text, not as a pattern', async () => {
    const doc = memoryDocument('axbb a.b* end\n(x) x\n^$ \\d+ [a-z]{2} a|b /')
    expect((await find(doc, 'a.b*')).matches).toEqual([at(0, 5, 4)])
    expect((await find(doc, '(x)')).matches).toEqual([at(1, 0, 3)])
    expect((await find(doc, '^$')).matches).toEqual([at(2, 0, 2)])
    expect((await find(doc, '\\d+')).matches).toEqual([at(2, 3, 3)])
    expect((await find(doc, '[a-z]{2}')).matches).toEqual([at(2, 7, 8)])
    expect((await find(doc, 'a|b /')).matches).toEqual([at(2, 16, 5)])
  })

  it('finds several matches on a line, at its start and end, on the first and last line', async () => {
    const doc = memoryDocument('abXab ab\nmiddle\nxx ab\nab')
    expect((await find(doc, 'ab', true)).matches).toEqual([
      at(0, 0, 2),
      at(0, 3, 2),
      at(0, 6, 2),
      at(2, 3, 2),
      at(3, 0, 2),
    ])
    // Matches do not overlap: 'aaaa' holds two 'aa', not three.
    expect((await find(memoryDocument('aaaa'), 'aa')).total).toBe(2)
  })

  it('never matches across a line break, and ignores the \\r of CRLF lines', async () => {
    const doc = memoryDocument('one\r\ntwo\r\nthree\r\n')
    expect((await find(doc, 'one\ntwo')).total).toBe(0)
    expect((await find(doc, 'e\r')).total).toBe(0)
    expect((await find(doc, 'two')).matches).toEqual([at(1, 0, 3)])
    expect((await find(doc, 'e')).matches).toEqual([at(0, 2, 1), at(2, 3, 1), at(2, 4, 1)])
    expect((await find(doc, '')).total).toBe(0)
  })

  it('agrees with a line-by-line search for any block size, in memory and in a file', async () => {
    const lines = Array.from({ length: 500 }, (_, i) =>
      i % 7 === 0 ? `  "k${i}": "needle ${i} needle",` : `  "k${i}": ${i},`,
    )
    lines[499] = 'needle'
    const text = lines.join('\n')
    const expected = await reference(memoryDocument(text), 'needle')
    expect(expected.length).toBeGreaterThan(100)
    for (const doc of [memoryDocument(text), fileDocument(text, temp.dir)]) {
      for (const blockLines of [1, 3, 64, 20_000]) {
        const result = await find(doc, 'needle', true, tinyBlocks(blockLines))
        expect(result.matches).toEqual(expected)
        expect(result.total).toBe(expected.length)
      }
    }
  })

  it('keeps blocks small in bytes as well as in lines', async () => {
    const text = Array.from({ length: 50 }, (_, i) => `${'x'.repeat(100)} hit${i}`).join('\n')
    const limits = { ...DEFAULT_SEARCH_LIMITS, blockBytes: 250 }
    const result = await find(memoryDocument(text), 'hit', true, limits)
    expect(result.matches).toEqual(Array.from({ length: 50 }, (_, i) => at(i, 101, 3)))
  })

  it('finds a match running across rows cut from one long line, cut at the row end', async () => {
    //                                 cut after 'hello' and after 'wor'
    const doc = memoryDocument('hellowor\nldhello', { cuts: [5] })
    // Rows: 'hello' | 'wor' (ends with a line break) | 'ldhello'.
    for (const blockLines of [1, 2, 20_000]) {
      const limits = tinyBlocks(blockLines)
      expect((await find(doc, 'lowo', false, limits)).matches).toEqual([at(0, 3, 2)])
      expect((await find(doc, 'wor', false, limits)).matches).toEqual([at(1, 0, 3)])
      expect((await find(doc, 'world', false, limits)).total).toBe(0)
      expect((await find(doc, 'hello', false, limits)).matches).toEqual([at(0, 0, 5), at(2, 2, 5)])
    }
  })

  it('decides overlapping candidates across cut rows as one scan of the line would', async () => {
    const text = 'aaaaaaa'
    const doc = memoryDocument(text, { cuts: [1, 2, 3, 5] })
    // Rows: 'a' | 'a' | 'a' | 'aa' | 'aa'; one scan finds 'aa' at 0, 2 and 4.
    const expected = [at(0, 0, 1), at(2, 0, 1), at(3, 1, 1)]
    for (const blockLines of [1, 2, 3, 20_000]) {
      const result = await find(doc, 'aa', true, tinyBlocks(blockLines))
      expect(result.matches).toEqual(expected)
      expect(result.total).toBe(3)
    }
    const wide = memoryDocument('abcdefghij', { cuts: [2, 4, 6, 8] })
    for (const blockLines of [1, 2, 20_000]) {
      const result = await find(wide, 'cdefgh', false, tinyBlocks(blockLines))
      expect(result.matches).toEqual([at(1, 0, 2)])
    }
  })

  it('agrees with one scan of a long line however it is cut into rows and blocks', async () => {
    // A small deterministic generator, so a failure can be replayed.
    let seed = 7
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31
      return seed % n
    }
    for (let round = 0; round < 30; round++) {
      const text = Array.from({ length: 60 }, () => 'aab'[random(3)]).join('')
      const cuts = [...new Set(Array.from({ length: 15 }, () => 1 + random(59)))]
      const rowStarts = [0, ...cuts.sort((a, b) => a - b), text.length]
      const query = ['aa', 'aba', 'aab', 'abaab', 'baabaa'][random(5)]!
      const expected: BodySearchMatch[] = []
      for (const m of text.matchAll(new RegExp(query, 'g'))) {
        const row = rowStarts.findLastIndex((start) => start <= m.index)
        const length = Math.min(m.index + query.length, rowStarts[row + 1]!) - m.index
        expected.push(at(row, m.index - rowStarts[row]!, length))
      }
      const doc = memoryDocument(text, { cuts })
      for (const blockLines of [1, 2, 5, 1000]) {
        const result = await find(doc, query, true, tinyBlocks(blockLines))
        expect(result.matches, `${text} / ${query} / ${cuts.join()}`).toEqual(expected)
      }
    }
  })

  it('decodes line by line when the decoder does not keep line breaks as they are', async () => {
    // A decoder that turns ';' into a line break inside a line (as a strange charset might).
    const decoder = (bytes: Buffer) => bytes.toString('latin1').replaceAll(';', '\n')
    const doc = memoryDocument('a;b x\nx;y', { decoder })
    expect((await find(doc, 'x', true)).matches).toEqual([at(0, 4, 1), at(1, 0, 1)])
    expect((await find(doc, 'b x', true)).matches).toEqual([at(0, 2, 3)])
  })

  it(`lists the first ${MAX_SEARCH_MATCHES} matches and still counts the rest`, async () => {
    const lineCount = MAX_SEARCH_MATCHES + 1234
    const text = Array.from({ length: lineCount }, (_, i) => `row ${i} HIT`).join('\n')
    const result = await find(memoryDocument(text), 'hit')
    expect(result.matches).toHaveLength(MAX_SEARCH_MATCHES)
    expect(result.matches[0]).toEqual(at(0, 6, 3))
    const last = MAX_SEARCH_MATCHES - 1
    expect(result.matches.at(-1)).toEqual(at(last, `row ${last} `.length, 3))
    expect(result).toMatchObject({ total: lineCount, capped: false })
  })

  it('stops counting at the count limit and says so', async () => {
    const text = Array.from({ length: 40 }, () => 'x x').join('\n')
    const limits = { ...DEFAULT_SEARCH_LIMITS, matches: 3, count: 10, blockLines: 4 }
    const capped = await find(memoryDocument(text), 'x', true, limits)
    expect(capped).toMatchObject({ total: 10, capped: true })
    expect(capped.matches).toEqual([at(0, 0, 1), at(0, 2, 1), at(1, 0, 1)])
    // Exactly at the limit is not capped.
    const exact = await find(memoryDocument('x x\nx x\nx x\nx x\nx x'), 'x', true, limits)
    expect(exact).toMatchObject({ total: 10, capped: false })
  })

  it('stops when its signal is aborted, before or while it runs', async () => {
    const doc = memoryDocument(Array.from({ length: 1000 }, (_, i) => `line ${i}`).join('\n'))
    const before = new AbortController()
    before.abort()
    await expect(
      searchDocument(doc, 'line', { caseSensitive: false, signal: before.signal }),
    ).rejects.toMatchObject({ name: 'AbortError' })

    const during = new AbortController()
    const search = searchDocument(
      doc,
      'line',
      { caseSensitive: false, signal: during.signal },
      tinyBlocks(10),
    )
    during.abort()
    await expect(search).rejects.toMatchObject({ name: 'AbortError' })
  })

  it('lets other work run between blocks', async () => {
    const doc = memoryDocument(Array.from({ length: 2000 }, (_, i) => `line ${i}`).join('\n'))
    // A task that re-queues itself runs only when the search gives the event loop a turn.
    let turns = 0
    let running = true
    const spin = () => {
      turns++
      if (running) setImmediate(spin)
    }
    setImmediate(spin)
    const result = await find(doc, 'line', false, tinyBlocks(10))
    running = false
    expect(result.total).toBe(2000)
    expect(turns).toBeGreaterThan(100)
  })
})
