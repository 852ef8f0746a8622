import { realpath } from 'node:fs/promises'
import { isAbsolute, resolve } from 'node:path'
import type { RequestBody } from '../../../shared/model/request'
import { fileSize } from './requestBody'
import { RequestFailure } from './requestFailure'

/**
 * Which local files a send may read as its body. A request can name any file of the
 * machine (`.ssh/id_rsa`) as a multipart field or a binary body, and requests come from
 * imports and shared workspace files: no file is read unless the gate allows it.
 */
export interface FileGate {
  /** The folder a relative path is read from (the workspace's); null: relative paths are refused. */
  readonly baseDir: string | null
  /** Whether the file at this absolute path, symbolic links resolved, may be read. */
  allows(realPath: string): boolean | Promise<boolean>
}

/** A gate that answers at once (the command line's, checked before a run starts). */
export interface ListedFileGate extends FileGate {
  allows(realPath: string): boolean
}

/** Allows nothing: the engine's gate when its caller gives none. */
export const CLOSED_GATE: ListedFileGate = { baseDir: null, allows: () => false }

/** Allows every file (`courier run --allow-files`, tests). */
export function openGate(baseDir: string | null): ListedFileGate {
  return { baseDir, allows: () => true }
}

/** Allows the files in `paths` (absolute, symbolic links resolved) and no other. */
export function listGate(baseDir: string | null, paths: Iterable<string>): ListedFileGate {
  const allowed = new Set(paths)
  return { baseDir, allows: (path) => allowed.has(path) }
}

/** The absolute path a body's file path names: relative ones from the gate's folder, never the process's. */
export function absoluteFilePath(path: string, gate: FileGate): string {
  if (isAbsolute(path)) return resolve(path)
  if (gate.baseDir === null) {
    throw new RequestFailure(
      'BODY_FILE',
      `The file path "${path}" is relative, and this request has no workspace folder to read it from.`,
      'Give the absolute path of the file, or pick it with Choose file….',
    )
  }
  return resolve(gate.baseDir, path)
}

/**
 * The path with symbolic links resolved. A file that is missing or unreadable is reported
 * as the send would report it (BODY_FILE), since confirming it would not help.
 */
async function realPathOf(path: string, what: string): Promise<string> {
  try {
    return await realpath(path)
  } catch {
    await fileSize(path, what)
    // It appeared meanwhile: checked under its own name.
    return path
  }
}

/** Refuses a file the gate does not allow, naming it (and where a link leads). */
async function checkFile(path: string, what: string, gate: FileGate): Promise<string> {
  if (path.trim() === '') return path
  const absolute = absoluteFilePath(path, gate)
  const real = await realPathOf(absolute, what)
  if (await gate.allows(real)) return absolute
  const leads = real === absolute ? '' : ` (a link to "${real}")`
  throw new RequestFailure(
    'FILE_NOT_CONFIRMED',
    `This request uploads the local file "${absolute}"${leads}, which you have not confirmed: it came from an import or a file Courier did not write. Nothing was read or sent.`,
    'Confirm the file to upload it (in the app, Send asks; on the command line, add --allow-file "' +
      absolute +
      '"), or pick another file.',
    undefined,
    absolute,
  )
}

/**
 * The body with every file path absolute, once the gate allows each file.
 *
 * @throws RequestFailure FILE_NOT_CONFIRMED naming the first file not allowed, or
 *   BODY_FILE for a relative path with no folder to read it from.
 */
export async function gatedBody(body: RequestBody, gate: FileGate): Promise<RequestBody> {
  if (body.type === 'binary') {
    return { ...body, path: await checkFile(body.path, 'binary body', gate) }
  }
  if (body.type !== 'multipart') return body
  const parts = []
  for (const part of body.parts) {
    const skip = part.kind !== 'file' || !part.enabled || part.key === ''
    const what = `multipart field "${part.key}"`
    parts.push(skip ? part : { ...part, path: await checkFile(part.path, what, gate) })
  }
  return { ...body, parts }
}

/**
 * The files these bodies would upload that the gate does not allow yet (absolute, as the
 * "Upload this file?" dialog names them), each once, in order: what the Runner asks about
 * before a run starts. A path still holding a `{{variable}}`, or one that cannot be
 * resolved or read, is left to the send, which reports it in its own words.
 */
export async function unconfirmedFiles(
  bodies: Iterable<RequestBody>,
  gate: FileGate,
): Promise<string[]> {
  const found: string[] = []
  for (const body of bodies) {
    const paths =
      body.type === 'binary'
        ? [body.path]
        : body.type === 'multipart'
          ? body.parts.flatMap((p) =>
              p.kind === 'file' && p.enabled && p.key !== '' ? [p.path] : [],
            )
          : []
    for (const path of paths) {
      if (path.trim() === '' || path.includes('{{') || (!isAbsolute(path) && !gate.baseDir))
        continue
      const absolute = absoluteFilePath(path, gate)
      if (found.includes(absolute)) continue
      const real = await realpath(absolute).catch(() => null)
      if (real !== null && !(await gate.allows(real))) found.push(absolute)
    }
  }
  return found
}
