import { isAbsolute, join, sep } from 'node:path'
import { WorkspaceError } from './workspaceApi'

/** The manifest at the root of every workspace folder. */
export const MANIFEST_FILE = 'courier.json'
/** A folder's defaults, inside the folder's directory. */
export const FOLDER_FILE = 'folder.json'
export const REQUEST_EXT = '.request.json'
export const ENV_EXT = '.env.json'
/** Environments live here, beside the requests. */
export const ENV_DIR = 'environments'
/** Local-only state; listed in the workspace's .gitignore. */
export const LOCAL_DIR = '.courier-local'

// Bytes, not characters: file systems cap a name at 255 bytes, and the suffix and
// extension (` (12).request.json`) must still fit after it.
const MAX_NAME_BYTES = 150
// Windows refuses these as file names, with or without an extension.
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i
// eslint-disable-next-line no-control-regex
const UNSAFE = /[/\\:*?"<>|\u0000-\u001f\u007f]/g

/**
 * A name made safe as a file or directory name on every OS: forbidden characters become
 * `_`, leading/trailing dots and spaces go, the length is capped, reserved names get `_`.
 */
export function safeName(name: string): string {
  let safe = name.replace(UNSAFE, '_').replace(/^[.\s]+|[.\s]+$/g, '')
  if (Buffer.byteLength(safe) > MAX_NAME_BYTES) {
    let bytes = 0
    let cut = ''
    for (const ch of safe) {
      bytes += Buffer.byteLength(ch)
      if (bytes > MAX_NAME_BYTES) break
      cut += ch
    }
    safe = cut.replace(/[.\s]+$/, '')
  }
  if (safe === '') return 'Untitled'
  return RESERVED.test(safe) ? `${safe}_` : safe
}

/** `name`, `name (2)`, `name (3)`, ... — the display names tried when one is taken. */
export function* numbered(name: string): Generator<string> {
  yield name
  for (let n = 2; ; n++) yield `${name} (${n})`
}

/** The last segment of a workspace path. */
export function baseOf(rel: string): string {
  return rel.slice(rel.lastIndexOf('/') + 1)
}

/** The folder a workspace path is in ('' = root). */
export function parentOf(rel: string): string {
  const at = rel.lastIndexOf('/')
  return at < 0 ? '' : rel.slice(0, at)
}

export function joinRel(folder: string, name: string): string {
  return folder === '' ? name : `${folder}/${name}`
}

/** A request's display name from its file name, for messages about files that do not parse. */
export function requestBaseName(fileName: string): string {
  return fileName.endsWith(REQUEST_EXT) ? fileName.slice(0, -REQUEST_EXT.length) : fileName
}

/**
 * The absolute path of a workspace path, refusing anything that could leave the workspace
 * (`..`, absolute paths, backslashes) or reach its hidden parts. '' is the root.
 */
export function resolveInside(root: string, rel: string): string {
  if (rel === '') return root
  const parts = rel.split('/')
  const bad = parts.some(
    (p) => p === '' || p === '.' || p === '..' || p.startsWith('.') || p.includes('\\'),
  )
  if (bad || isAbsolute(rel))
    throw new WorkspaceError(`"${rel}" is not a path inside the workspace.`)
  return join(root, ...parts)
}

/** A workspace path (with `/`) from a path relative to the root in OS form. */
export function toRel(osRelative: string): string {
  return osRelative.split(sep).join('/')
}
