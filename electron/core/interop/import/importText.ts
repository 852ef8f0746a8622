import type { ImportFormat } from '../../../../shared/model/interop'
import { ImportError, type ImportResult } from '../interopTypes'
import { importCurl, looksLikeCurl } from './curl'
import { detectFormat } from './detectFormat'
import { importHar } from './har'
import { obj } from './importHelpers'
import { importInsomnia } from './insomnia'
import { importOpenApi } from './openapi'
import { importPostmanCollection } from './postmanCollection'
import { importPostmanEnvironment } from './postmanEnvironment'
import { checkSize, parseSource } from './parseSource'

export interface ImportTextOptions {
  /** Shown in messages and used to name a collection that has no name of its own. */
  fileName?: string
  /** `auto` (default) looks at the content. */
  format?: ImportFormat
}

const LABELS: Record<Exclude<ImportFormat, 'auto'>, string> = {
  'postman-collection': 'a Postman collection',
  'postman-environment': 'a Postman environment',
  insomnia: 'an Insomnia export',
  har: 'a HAR file',
  openapi: 'an OpenAPI or Swagger document',
  curl: 'a curl command',
}

/**
 * Reads an exported collection, environment, HAR log, OpenAPI document or curl command
 * into Courier's terms. Pure: nothing is evaluated, no other file or URL is read, nothing
 * is written.
 *
 * @throws ImportError when the text is too big, unreadable, too deep or of no known format.
 */
export async function importText(
  text: string,
  options: ImportTextOptions = {},
): Promise<ImportResult> {
  const label = options.fileName ? `"${options.fileName}"` : 'The pasted text'
  checkSize(text, label)
  const wanted = options.format ?? 'auto'
  if (wanted === 'curl' || (wanted === 'auto' && looksLikeCurl(text)))
    return guard(() => importCurl(text, options.fileName), label, 'curl')
  const { data, droppedKeys } = parseSource(text, label)
  const format = wanted === 'auto' ? detectFormat(data) : wanted
  if (format === null)
    throw new ImportError(`${label} is not a Postman, Insomnia, HAR, OpenAPI or curl file.`)
  if (wanted !== 'auto' && detectFormat(data) !== wanted)
    throw new ImportError(`${label} does not look like ${LABELS[wanted]}.`)
  const result = await guard(() => dispatch(format, obj(data), options.fileName), label, format)
  if (droppedKeys > 0)
    result.notes.unshift(
      `${droppedKeys} keys named __proto__, constructor or prototype were dropped: Courier never imports them.`,
    )
  return result
}

function dispatch(
  format: Exclude<ImportFormat, 'auto'>,
  data: Record<string, unknown>,
  fileName?: string,
) {
  switch (format) {
    case 'postman-collection':
      return importPostmanCollection(data)
    case 'postman-environment':
      return importPostmanEnvironment(data)
    case 'insomnia':
      return importInsomnia(data)
    case 'har':
      return importHar(data, fileName)
    case 'openapi':
      return importOpenApi(data)
    case 'curl':
      throw new ImportError('A curl command is text, not JSON or YAML.')
  }
}

/** Any failure inside a reader becomes an ImportError naming the file and the format. */
async function guard<T>(read: () => T | Promise<T>, label: string, format: string): Promise<T> {
  try {
    return await read()
  } catch (error) {
    if (error instanceof ImportError) throw error
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error)
    throw new ImportError(`${label} could not be read as ${format}: ${message}`)
  }
}
