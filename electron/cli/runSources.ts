import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import { detectFormat } from '../core/interop/import/detectFormat'
import { importPostmanCollection } from '../core/interop/import/postmanCollection'
import { checkSize, parseSource } from '../core/interop/import/parseSource'
import { ImportError, type ImportResult } from '../core/interop/interopTypes'
import { UsageError } from './cliIo'

/** A Postman environment or globals export, as a run uses it. */
export interface VariableFile {
  /** The environment's name in the file, or null. */
  name: string | null
  values: Record<string, string>
}

/** The text of a file named by a flag, or a UsageError naming the flag, the path and why. */
async function readNamed(what: string, path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const why =
      code === 'ENOENT'
        ? 'there is no such file'
        : code === 'EISDIR'
          ? 'it is a folder, not a file'
          : code === 'EACCES'
            ? 'permission denied'
            : (error as Error).message
    throw new UsageError(`The ${what} "${path}" cannot be read: ${why}.`)
  }
}

/**
 * Notes of the importer that say nothing about how a run behaves: descriptions and
 * examples are not run, files are read from --working-dir (runFiles.ts), not confirmed,
 * and path variables' values go into the URL as newman sends them.
 */
const QUIET_NOTES = [
  /its description was not carried over/,
  /saved example responses/,
  /must be confirmed before sending/,
  /path variables' values were written into its path/,
]

/**
 * A Postman collection file (v2.0 or v2.1) read by the importer, and the importer's notes
 * that matter to a run (descriptions and saved examples left out are not).
 *
 * @throws UsageError when the file cannot be read or is not a Postman collection.
 */
export async function readCollection(
  path: string,
): Promise<{ result: ImportResult; notes: string[] }> {
  const text = await readNamed('collection file', path)
  const label = `"${basename(path)}"`
  const advice =
    'courier run reads Postman collections (v2.0 and v2.1), as exported by Postman ("Export" → Collection v2.1).'
  // The Postman reader alone, not importText: that one loads every importer (OpenAPI,
  // curl's parser, ...), a quarter of a second of start-up no run needs.
  let result: ImportResult
  try {
    checkSize(text, label)
    const { data } = parseSource(text, label)
    if (detectFormat(data) !== 'postman-collection') {
      throw new ImportError(`${label} does not look like a Postman collection.`)
    }
    result = importPostmanCollection(data as Record<string, unknown>)
  } catch (error) {
    const message =
      error instanceof ImportError
        ? error.message
        : `${label} could not be read as a Postman collection: ${(error as Error).message.split('\n')[0]}`
    throw new UsageError(`${message} ${advice}`)
  }
  return { result, notes: result.notes.filter((n) => !QUIET_NOTES.some((q) => q.test(n))) }
}

/**
 * A Postman environment or globals export (`-e`, `-g`): its enabled values, secrets
 * included (newman sends them too), every value as text.
 *
 * @throws UsageError naming the flag and the file when it cannot be read or is not one.
 */
export async function readVariableFile(flag: string, path: string): Promise<VariableFile> {
  const what = flag === '-g/--globals' ? 'globals file' : 'environment file'
  const text = await readNamed(`${what} (${flag})`, path)
  let data: unknown
  try {
    data = parseSource(text, `"${basename(path)}"`).data
  } catch (error) {
    throw new UsageError(`${flag}: ${(error as Error).message}`)
  }
  const values = (data as { values?: unknown } | null)?.values
  if (data === null || typeof data !== 'object' || !Array.isArray(values)) {
    throw new UsageError(
      `${flag} "${path}" is not a Postman ${flag === '-g/--globals' ? 'globals' : 'environment'} export: it needs a "values" list of {"key", "value"} (Postman: Environments → ⋯ → Export).`,
    )
  }
  const out: Record<string, string> = {}
  for (const entry of values as unknown[]) {
    if (entry === null || typeof entry !== 'object') continue
    const { key, value, enabled } = entry as { key?: unknown; value?: unknown; enabled?: unknown }
    if (typeof key !== 'string' || key === '' || enabled === false) continue
    out[key] = value === undefined || value === null ? '' : String(value)
  }
  const name = (data as { name?: unknown }).name
  return { name: typeof name === 'string' && name !== '' ? name : null, values: out }
}
