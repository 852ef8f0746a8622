import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser'
import { parseDocument } from 'yaml'
import { ImportError } from '../interopTypes'

/** Largest import accepted, in bytes. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024
/** Deepest nesting of objects and arrays accepted. */
export const MAX_IMPORT_DEPTH = 64

/** Keys that could reach an object's prototype through a library's merge or spread. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype'])

/** A parsed source: plain data only, hostile keys removed and counted. */
export interface ParsedSource {
  data: unknown
  /** How many `__proto__` / `constructor` / `prototype` keys were dropped. */
  droppedKeys: number
}

/** Refuses a text over the size limit, naming its size. */
export function checkSize(text: string, label: string): void {
  const bytes = Buffer.byteLength(text, 'utf8')
  if (bytes > MAX_IMPORT_BYTES) {
    const mb = (bytes / 1024 / 1024).toFixed(1)
    throw new ImportError(`${label} is ${mb} MB; Courier imports files up to 20 MB.`)
  }
}

/** Parses JSON (when the text starts with `{` or `[`) or YAML, then sanitises it. */
export function parseSource(text: string, label: string): ParsedSource {
  const trimmed = text.trimStart()
  const looksJson = trimmed.startsWith('{') || trimmed.startsWith('[')
  if (looksJson) checkJsonDepth(text, label)
  const data = looksJson ? parseJson(text, label) : parseYaml(text, label)
  const counter = { dropped: 0 }
  return { data: sanitize(data, 0, label, counter), droppedKeys: counter.dropped }
}

/** Scans bracket depth outside strings, so a 10,000-deep file is refused before parsing. */
function checkJsonDepth(text: string, label: string): void {
  let depth = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 92) i++
      else if (c === 34) inString = false
    } else if (c === 34) inString = true
    else if (c === 123 || c === 91) {
      if (++depth > MAX_IMPORT_DEPTH) throw tooDeep(label)
    } else if (c === 125 || c === 93) depth--
  }
}

function tooDeep(label: string): ImportError {
  return new ImportError(
    `${label} is nested more than ${MAX_IMPORT_DEPTH} levels deep; Courier does not import it.`,
  )
}

function parseJson(text: string, label: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch {
    // JSON.parse's messages vary by Node version and rarely give a position: ask a
    // tolerant parser where the first error is.
    const errors: ParseError[] = []
    parseJsonc(text, errors, { disallowComments: true, allowTrailingComma: false })
    const first = errors[0]
    const where = first ? ` at ${lineColumn(text, first.offset)}` : ''
    const reason = first ? readable(printParseErrorCode(first.error)) : 'it does not parse'
    throw new ImportError(`${label} is not valid JSON${where}: ${reason}.`)
  }
}

/** `PropertyNameExpected` → `property name expected`. */
function readable(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()
}

function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset)
  const line = before.split('\n').length
  const column = offset - before.lastIndexOf('\n')
  return `line ${line}, column ${column}`
}

function parseYaml(text: string, label: string): unknown {
  try {
    const doc = parseDocument(text, { uniqueKeys: false, prettyErrors: true })
    const first = doc.errors[0]
    if (first && /call stack/i.test(first.message)) throw tooDeep(label)
    if (first) {
      const pos = first.linePos?.[0]
      const where = pos ? ` at line ${pos.line}, column ${pos.col}` : ''
      const reason = first.message.split('\n')[0] ?? first.message
      throw new ImportError(`${label} is not valid JSON or YAML${where}: ${reason}`)
    }
    return doc.toJS({ maxAliasCount: 100 }) as unknown
  } catch (error) {
    if (error instanceof ImportError) throw error
    if (error instanceof RangeError) throw tooDeep(label)
    const message = error instanceof Error ? error.message : String(error)
    throw new ImportError(`${label} could not be read as YAML: ${message}`)
  }
}

/**
 * Rebuilds the data from plain objects and arrays only: hostile keys are dropped, values
 * other than JSON's (dates, binary from YAML tags) become strings, depth is capped.
 */
function sanitize(
  value: unknown,
  depth: number,
  label: string,
  counter: { dropped: number },
): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value)
  if (typeof value === 'bigint') return value.toString()
  if (typeof value !== 'object') return String(value)
  if (depth >= MAX_IMPORT_DEPTH) throw tooDeep(label)
  if (Array.isArray(value)) return value.map((v) => sanitize(v, depth + 1, label, counter))
  if (value instanceof Date) return value.toISOString()
  if (value instanceof Map) value = Object.fromEntries(value)
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(value as object)) {
    if (FORBIDDEN_KEYS.has(key)) {
      counter.dropped++
      continue
    }
    out[key] = sanitize((value as Record<string, unknown>)[key], depth + 1, label, counter)
  }
  return out
}
