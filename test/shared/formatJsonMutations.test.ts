import { describe, expect, it } from 'vitest'
import { formatJson } from '../../shared/logic/json'

/**
 * Generated JSON texts, each then broken (or not) by deleting, inserting or replacing one
 * character: formatJson must return null exactly when JSON.parse throws. The generator is
 * seeded so a failure names a text that comes back on every run.
 */
const SEED = 19
const TEXTS = 3000
const MUTATIONS_PER_TEXT = 8

/** mulberry32: a tiny seeded generator of numbers in [0, 1). */
function seeded(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = Math.imul(s ^ (s >>> 15), 1 | s)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

type Random = () => number
const pick = <T>(random: Random, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)]!
const upTo = (random: Random, max: number) => Math.floor(random() * (max + 1))

/** Characters the edits use: structure, number and literal parts, escapes, bad whitespace. */
const EDITS = [
  ...'{}[]",:\\ \t\n\r0123456789-+.eEtrufalsnxu/\'',
  '\v',
  '\f',
  '\u00a0',
  '\u0000',
].concat(['\u001f', '\uFEFF', '\uD800', '\uDC00', 'é', '😀'])
const SPACES = ['', '', ' ', '\n  ', '\t', '\r\n', ' \n ']
const CHARS = [...'abc xyz"\\/\n\t\u0001\u001f\u007f', 'é', '日', '😀', '\u2028', '\uFEFF']
const ESCAPES = [
  '\\"',
  '\\\\',
  '\\/',
  '\\b',
  '\\f',
  '\\n',
  '\\r',
  '\\t',
  '\\u00e9',
  '\\uD834\\uDD1E',
]

/**
 * A JSON text. Plain ones are written as JSON.stringify writes them (so its indented output
 * is the expected one); the others use spacing, escapes and number forms it never writes.
 */
function jsonText(random: Random, plain: boolean, depth = 0): string {
  const space = () => (plain ? '' : pick(random, SPACES))
  const kind = depth > 4 ? 2 + upTo(random, 2) : upTo(random, 4)
  if (kind === 0 || kind === 1) {
    const items: string[] = []
    for (let i = upTo(random, 4); i > 0; i--) {
      const item = jsonText(random, plain, depth + 1)
      // Plain keys are unique and not integers, which objects would reorder.
      items.push(
        kind === 0 ? item : `${jsonString(random, plain, `k${i}`)}${space()}:${space()}${item}`,
      )
    }
    const [open, close] = kind === 0 ? ['[', ']'] : ['{', '}']
    return open + space() + items.join(`${space()},${space()}`) + space() + close
  }
  if (kind === 2) return jsonString(random, plain)
  if (kind === 3) return jsonNumber(random, plain)
  return pick(random, ['true', 'false', 'null'])
}

function jsonString(random: Random, plain: boolean, prefix = ''): string {
  const chars = [prefix]
  for (let i = upTo(random, 8); i > 0; i--) chars.push(pick(random, CHARS))
  if (plain) return JSON.stringify(chars.join(''))
  // Each character as JSON.stringify writes it, with escapes it never writes between them.
  const written = chars.map((ch) => JSON.stringify(ch).slice(1, -1))
  for (let i = upTo(random, 2); i > 0; i--) {
    written.splice(upTo(random, written.length), 0, pick(random, ESCAPES))
  }
  return `"${written.join('')}"`
}

function jsonNumber(random: Random, plain: boolean): string {
  if (plain) return String(random() < 0.5 ? upTo(random, 1e6) - 5e5 : upTo(random, 400) / 8)
  const digits = (min: number) => {
    let d = ''
    for (let i = min + upTo(random, 3); i > 0; i--) d += upTo(random, 9)
    return d
  }
  const int = random() < 0.3 ? '0' : String(1 + upTo(random, 8)) + digits(0)
  const fraction = random() < 0.5 ? `.${digits(1)}` : ''
  const exponent =
    random() < 0.4 ? pick(random, ['e', 'E']) + pick(random, ['', '+', '-']) + digits(1) : ''
  return (random() < 0.3 ? '-' : '') + int + fraction + exponent
}

function mutated(random: Random, text: string): string {
  const at = upTo(random, text.length - 1)
  const edit = upTo(random, 2)
  if (edit === 0) return text.slice(0, at) + text.slice(at + 1)
  const ch = pick(random, EDITS)
  return text.slice(0, at) + ch + text.slice(edit === 1 ? at : at + 1)
}

function parsed(text: string): { value: unknown } | null {
  try {
    return { value: JSON.parse(text) }
  } catch {
    return null
  }
}

/** Valid: the same value with keys in the same order, and indenting it again changes nothing. */
function expectFormatted(pretty: string | null, text: string): void {
  expect(pretty, JSON.stringify(text)).not.toBeNull()
  expect(JSON.parse(pretty!), JSON.stringify(text)).toEqual(JSON.parse(text))
  expect(JSON.stringify(JSON.parse(pretty!))).toBe(JSON.stringify(JSON.parse(text)))
  expect(formatJson(pretty!)).toBe(pretty)
}

describe('formatJson against JSON.parse on generated texts with one character changed', () => {
  it('indents generated valid texts: plain ones exactly as JSON.stringify(value, null, 2)', () => {
    const random = seeded(SEED)
    for (let n = 0; n < TEXTS; n++) {
      const plain = n % 2 === 0
      const text = jsonText(random, plain)
      expect(parsed(text), JSON.stringify(text)).not.toBeNull()
      const pretty = formatJson(text)
      expectFormatted(pretty, text)
      if (plain) expect(pretty).toBe(JSON.stringify(JSON.parse(text), null, 2))
    }
  })

  it('returns null exactly when JSON.parse throws after a deletion, insertion or replacement', () => {
    const random = seeded(SEED + 1)
    let valid = 0
    let invalid = 0
    for (let n = 0; n < TEXTS; n++) {
      const original = jsonText(random, n % 2 === 0)
      for (let m = 0; m < MUTATIONS_PER_TEXT; m++) {
        const text = mutated(random, original)
        const pretty = formatJson(text)
        if (parsed(text) === null) {
          expect(pretty, JSON.stringify(text)).toBeNull()
          invalid++
        } else {
          expectFormatted(pretty, text)
          valid++
        }
      }
    }
    // Both sides were exercised, many times.
    expect(valid).toBeGreaterThan(TEXTS)
    expect(invalid).toBeGreaterThan(TEXTS)
  })
})
