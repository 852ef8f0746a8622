import { createReadStream, openAsBlob } from 'node:fs'
import { stat } from 'node:fs/promises'
import { basename } from 'node:path'
import type { Readable } from 'node:stream'
import { findJsonProblem } from '../../../shared/logic/json'
import type { RequestBody } from '../../../shared/model/request'
import { RequestFailure } from './requestFailure'

/** What axios sends, plus headers the body itself decides. */
export interface EncodedBody {
  data: string | FormData | Readable | undefined
  /** Headers only the body can know (Content-Length of a streamed file). */
  headers: [string, string][]
  /** A line for the history and the UI, e.g. "JSON, 42 bytes". */
  summary: string
}

/** The size of the file at `path`; a failure names the file, why, and what to do. */
export async function fileSize(path: string, what: string): Promise<number> {
  if (path.trim() === '') {
    throw new RequestFailure(
      'BODY_FILE',
      `No file chosen for the ${what}.`,
      'Pick a file, or remove the field.',
    )
  }
  try {
    const info = await stat(path)
    if (!info.isFile()) {
      throw new RequestFailure(
        'BODY_FILE',
        `"${path}" is not a file.`,
        'Pick a regular file for the ' + what + '.',
      )
    }
    return info.size
  } catch (error) {
    if (error instanceof RequestFailure) throw error
    const code = (error as NodeJS.ErrnoException).code
    const why =
      code === 'ENOENT'
        ? 'does not exist'
        : code === 'EACCES'
          ? 'cannot be read (permission denied)'
          : `cannot be read (${code})`
    throw new RequestFailure(
      'BODY_FILE',
      `The file "${path}" for the ${what} ${why}.`,
      'Pick the file again; it may have been moved or deleted.',
      code,
    )
  }
}

const bytes = (n: number) => `${n} byte${n === 1 ? '' : 's'}`

/** Encodes a body with `requests` semantics; files are streamed from disk, never read whole. */
export async function encodeBody(body: RequestBody): Promise<EncodedBody> {
  switch (body.type) {
    case 'none':
      return { data: undefined, headers: [], summary: 'no body' }
    case 'json': {
      const problem = findJsonProblem(body.text)
      if (problem) {
        throw new RequestFailure(
          'INVALID_BODY',
          `The JSON body is invalid at line ${problem.line}, column ${problem.column}: ${problem.reason}.`,
          'Fix the JSON (the Format button shows where), or choose the Raw body type to send it as it is.',
        )
      }
      return {
        data: body.text,
        headers: [],
        summary: `JSON, ${bytes(Buffer.byteLength(body.text))}`,
      }
    }
    case 'form': {
      const form = new URLSearchParams()
      for (const f of body.fields) if (f.enabled && f.key !== '') form.append(f.key, f.value)
      const text = form.toString()
      return { data: text, headers: [], summary: `form, ${bytes(Buffer.byteLength(text))}` }
    }
    case 'raw':
      return {
        data: body.text,
        headers: [],
        summary: `${body.contentType || 'text'}, ${bytes(Buffer.byteLength(body.text))}`,
      }
    case 'multipart': {
      const form = new FormData()
      let files = 0
      for (const part of body.parts) {
        if (!part.enabled || part.key === '') continue
        if (part.kind === 'text') {
          if (part.contentType)
            form.append(part.key, new Blob([part.value], { type: part.contentType }))
          else form.append(part.key, part.value)
          continue
        }
        await fileSize(part.path, `multipart field "${part.key}"`)
        const blob = await openAsBlob(part.path, {
          type: part.contentType || 'application/octet-stream',
        })
        form.append(part.key, blob, basename(part.path))
        files++
      }
      return {
        data: form,
        headers: [],
        summary: `multipart, ${[...form.keys()].length} fields (${files} files)`,
      }
    }
    case 'binary': {
      const size = await fileSize(body.path, 'binary body')
      return {
        data: createReadStream(body.path),
        headers: [['Content-Length', String(size)]],
        summary: `file ${basename(body.path)}, ${bytes(size)}`,
      }
    }
  }
}
