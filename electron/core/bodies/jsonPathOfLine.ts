import { readLines, type LineDocument } from './lineDocument'

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/
// RFC 9535 (normalized paths) escapes for characters that cannot stand in a quoted name.
const SHORT_ESCAPES: Record<string, string> = {
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  "'": "\\'",
  '\\': '\\\\',
}

/**
 * The JSONPath of the value on `line` of a pretty document, e.g. `$.items[3].name`,
 * `$['odd key']`. It climbs the `parents` index and reads only the lines it needs: the
 * opener of each enclosing block (object or array?) and, in objects, the member's own line
 * (for its key). Array indexes are counted from the index alone, jumping over nested blocks.
 */
export async function jsonPathOfLine(doc: LineDocument, line: number): Promise<string> {
  const { parents, foldEnds } = doc
  if (!parents || !foldEnds)
    throw new Error('This document has no JSON structure to name paths in.')
  if (!Number.isInteger(line) || line < 0 || line >= doc.lineCount) {
    throw new Error(`Line ${line} is outside the document (lines 0 to ${doc.lineCount - 1}).`)
  }
  // A closing line belongs to the block it closes, whose first line is its parent.
  let at = line
  if (parents[at]! >= 0 && foldEnds[parents[at]!] === at) at = parents[at]!
  const steps: string[] = []
  for (let up = parents[at]!; up >= 0; at = up, up = parents[at]!) {
    const [opener = ''] = await readLines(doc, up, 1)
    if (opener.endsWith('[')) {
      let index = 0
      // Each item takes one line, or runs from its opener to its fold end.
      for (let item = up + 1; item < at; item = Math.max(item, foldEnds[item]!) + 1) index++
      steps.push(`[${index}]`)
    } else {
      const [member = ''] = await readLines(doc, at, 1)
      steps.push(nameStep(keyOf(member, at)))
    }
  }
  return '$' + steps.reverse().join('')
}

/** The key of an object member's line: the indent, then `"key": `. */
function keyOf(text: string, line: number): string {
  const start = text.indexOf('"')
  let end = start + 1
  while (start >= 0 && end < text.length && text[end] !== '"') end += text[end] === '\\' ? 2 : 1
  if (start < 0 || end >= text.length) throw new Error(`Line ${line} is not an object member.`)
  return JSON.parse(text.slice(start, end + 1)) as string
}

function nameStep(key: string): string {
  if (IDENTIFIER.test(key)) return `.${key}`
  let quoted = ''
  for (const ch of key) {
    const code = ch.charCodeAt(0)
    const hex = code < 0x20 ? `\\u${code.toString(16).padStart(4, '0')}` : ch
    quoted += SHORT_ESCAPES[ch] ?? hex
  }
  return `['${quoted}']`
}
