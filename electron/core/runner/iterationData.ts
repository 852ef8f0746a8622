import { readFile } from 'node:fs/promises'
import { basename, extname } from 'node:path'
import { parse as parseCsv, type CsvError } from 'csv-parse/sync'
import { parseSource } from '../interop/import/parseSource'

/** One iteration's data: column (or key) → value as text, as `{{name}}` sees it. */
export type IterationRow = Record<string, string>

/**
 * The values of a row that scripts read as numbers, booleans or JSON data, as newman gives
 * them (`pm.iterationData.get('age') === 30`), kept beside the row they belong to, so
 * every caller that passes rows along carries them without a second list to keep in step.
 */
const typedValues = new WeakMap<IterationRow, Record<string, unknown>>()

/** A row's values that are not text (see typedValues); undefined when all are. */
export function typedValuesOf(row: IterationRow): Record<string, unknown> | undefined {
  return typedValues.get(row)
}

function withTyped(row: IterationRow, typed: Record<string, unknown>): IterationRow {
  if (Object.keys(typed).length > 0) typedValues.set(row, typed)
  return row
}

/** A data file that cannot be used, with the file, the line and what to change. */
export class IterationDataError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'IterationDataError'
  }
}

/**
 * Reads an iteration data file (newman's `-d`): CSV or JSON, told apart by the extension
 * (`.csv`, `.json`) or else by the content, as newman does (JSON if it parses as JSON).
 *
 * @throws IterationDataError when the file cannot be read or a row is malformed.
 */
export async function readIterationData(path: string): Promise<IterationRow[]> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const why =
      code === 'ENOENT'
        ? 'there is no such file'
        : code === 'EISDIR'
          ? 'it is a folder'
          : ((error as Error).message ?? String(error))
    throw new IterationDataError(
      `The iteration data file "${path}" cannot be read: ${why}. Give the path of a CSV or JSON file.`,
    )
  }
  return parseIterationData(text, basename(path), extname(path).toLowerCase())
}

/**
 * Parses the text of a data file. `extension` (`.csv`, `.json`) picks the format; any
 * other is decided by the content.
 *
 * @throws IterationDataError naming `label`, the line and what is wrong.
 */
export function parseIterationData(text: string, label: string, extension = ''): IterationRow[] {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text
  const looksJson = /^\s*[[{]/.test(body)
  if (extension === '.json' || (extension !== '.csv' && looksJson)) return jsonRows(body, label)
  return csvRows(body, label)
}

/**
 * A JSON data file: an array of objects. Scripts read each value with its JSON type, as in
 * newman; `{{name}}` gets text: numbers and booleans as written, objects and arrays as
 * JSON (newman writes `[object Object]`), null left out (the variable stays unresolved).
 */
function jsonRows(text: string, label: string): IterationRow[] {
  if (!/^\s*[[{]/.test(text)) {
    throw new IterationDataError(
      `"${label}" is not JSON: an iteration data file in JSON is an array of objects, [{"name": "value"}, …]. For a CSV file, name it .csv.`,
    )
  }
  let data: unknown
  try {
    data = parseSource(text, `"${label}"`).data
  } catch (error) {
    throw new IterationDataError(`${(error as Error).message} Fix the JSON, or give a CSV file.`)
  }
  if (!Array.isArray(data)) {
    throw new IterationDataError(
      `"${label}" holds ${describe(data)}; an iteration data file in JSON is an array of objects, one per iteration: [{"name": "value"}, …].`,
    )
  }
  return data.map((entry, index) => {
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
      throw new IterationDataError(
        `"${label}": item ${index + 1} of the array is ${describe(entry)}; each item must be an object of names and values, like {"name": "value"}.`,
      )
    }
    const row: IterationRow = {}
    const typed: Record<string, unknown> = {}
    for (const [name, value] of Object.entries(entry as Record<string, unknown>)) {
      if (value === null || value === undefined) continue
      row[name] = typeof value === 'string' ? value : JSON.stringify(value)
      if (typeof value !== 'string') typed[name] = value
    }
    return withTyped(row, typed)
  })
}

function describe(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'object') return 'an object'
  return `a ${typeof value} (${JSON.stringify(value)})`
}

/**
 * A CSV data file: the first row names the columns, each row after it is one iteration.
 * Values stay text for `{{name}}` (newman turns `007` into 7; Courier keeps what the file
 * says). Scripts read an unquoted number as a number, as in newman, when the number is
 * written as JavaScript writes it (30, -2.5): `007` and `1.50` stay text there too.
 * Whitespace around a delimiter is trimmed and a stray quote inside a value is kept, as
 * newman reads it; a row with more or fewer values than the header is refused, naming
 * its line, where newman would shift the values silently.
 */
/** A CSV value, and whether it was quoted. */
interface Cell {
  value: string
  quoted: boolean
}

function csvRows(text: string, label: string): IterationRow[] {
  let records: { record: Cell[]; info: { lines: number } }[]
  try {
    records = parseCsv(text, {
      bom: true,
      relax_quotes: true,
      trim: true,
      skip_empty_lines: true,
      info: true,
      // Whether each value was quoted: a quoted number stays text for scripts, as in newman.
      cast: (value, context) => ({ value, quoted: context.quoting }),
    }) as unknown as { record: Cell[]; info: { lines: number } }[]
  } catch (error) {
    throw new IterationDataError(csvProblem(error as CsvError, label, text))
  }
  const [header, ...rows] = records
  if (!header) return []
  const columns = header.record.map((cell) => cell.value.trim())
  const seen = new Set<string>()
  for (const name of columns) {
    if (name !== '' && seen.has(name)) {
      throw new IterationDataError(
        `"${label}", line ${header.info.lines}: the header row names the column "${name}" twice. Give each column its own name.`,
      )
    }
    seen.add(name)
  }
  return rows.map(({ record }) => {
    const row: IterationRow = {}
    const typed: Record<string, unknown> = {}
    // A column with no name (a trailing comma in the header) carries nothing to a request.
    columns.forEach((name, i) => {
      if (name === '') return
      const cell = record[i]
      row[name] = cell?.value ?? ''
      const number = Number(cell?.value)
      if (cell && !cell.quoted && Number.isFinite(number) && String(number) === cell.value) {
        typed[name] = number
      }
    })
    return withTyped(row, typed)
  })
}

/** csv-parse's error as a sentence naming the file, the line and what to change. */
function csvProblem(error: CsvError, label: string, text: string): string {
  const line = typeof error.lines === 'number' ? error.lines : null
  const at = line === null ? `"${label}"` : `"${label}", line ${line}`
  switch (error.code) {
    case 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH': {
      const match = /expect (\d+), got (\d+)/.exec(error.message)
      const header = text.split(/\r?\n/, 1)[0] ?? ''
      const counts = match
        ? `${match[2]} value${match[2] === '1' ? '' : 's'} where the header row (${header.trim()}) has ${match[1]} columns`
        : 'a different number of values than the header row has columns'
      return `${at}: ${counts}. Give every row one value per column (an empty value is written as nothing between two commas); quote values that contain a comma.`
    }
    case 'CSV_QUOTE_NOT_CLOSED':
      return `${at}: a quoted value is never closed. End it with a double quote (a quote inside a quoted value is written twice: "").`
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return `${at}: something follows the closing quote of a value before the next comma. Quote the whole value, and double any quote inside it ("").`
    default:
      return `${at}: ${error.message}. Check that it is a CSV file with a header row.`
  }
}
