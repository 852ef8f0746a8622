import type { KeyValueRow } from '../../../../shared/model/keyValue'
import type { RequestSpec } from '../../../../shared/model/request'
import type { VariableRow } from '../../../../shared/model/variables'
import type { SavedRequest } from '../../../../shared/model/workspace'
import { WORKSPACE_SCHEMA_VERSION } from '../../../../shared/model/workspace'
import type { ImportedFolder } from '../interopTypes'

/** A plain object of the parsed source, or null. */
export type Obj = Record<string, unknown>

export function isObj(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export function obj(value: unknown): Obj {
  return isObj(value) ? value : {}
}

export function arr(value: unknown): unknown[] {
  return Array.isArray(value) ? value : []
}

/** A string for any scalar; '' for objects and missing values. */
export function str(value: unknown, fallback = ''): string {
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  return fallback
}

/** A name for the tree: one line, not empty, not absurdly long. */
export function cleanName(value: unknown, fallback: string): string {
  const name = str(value).replace(/\s+/g, ' ').trim().slice(0, 120)
  return name === '' ? fallback : name
}

/** A method token as RequestSpec accepts it; GET when the source has none or a bad one. */
export function cleanMethod(value: unknown): string {
  const method = str(value).trim().toUpperCase()
  return /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(method) ? method : 'GET'
}

export function row(key: unknown, value: unknown, enabled = true): KeyValueRow {
  return { key: str(key), value: str(value), enabled }
}

export function variable(
  name: string,
  value: unknown,
  enabled = true,
  secret = false,
): VariableRow {
  return { name, value: secret ? '' : str(value), enabled, secret }
}

/** A saved request from a partial spec, defaults filled in. */
export function savedRequest(
  name: string,
  spec: Partial<RequestSpec> & { method: string; url: string },
  variables: VariableRow[] = [],
): SavedRequest {
  return {
    schemaVersion: WORKSPACE_SCHEMA_VERSION,
    name,
    params: [],
    headers: [],
    body: { type: 'none' },
    auth: { type: 'inherit' },
    settings: {},
    ...spec,
    variables,
  }
}

export function emptyFolder(name: string): ImportedFolder {
  return { name, requests: [], folders: [] }
}

/** Counts what a folder tree holds. */
export function countTree(folder: ImportedFolder): { requests: number; folders: number } {
  let requests = folder.requests.length
  let folders = folder.folders.length
  for (const child of folder.folders) {
    const inner = countTree(child)
    requests += inner.requests
    folders += inner.folders
  }
  return { requests, folders }
}

/** Splits `url?query` at the first `?` (the fragment stays with the query). */
export function splitUrl(url: string): { base: string; query: string } {
  const at = url.indexOf('?')
  return at < 0 ? { base: url, query: '' } : { base: url.slice(0, at), query: url.slice(at + 1) }
}

/** Removes Content-Type rows (the body carries it) and returns the last value found. */
export function takeContentType(headers: KeyValueRow[]): string | undefined {
  let found: string | undefined
  for (let i = headers.length - 1; i >= 0; i--) {
    const h = headers[i]!
    if (h.key.toLowerCase() === 'content-type' && h.enabled) {
      found ??= h.value
      headers.splice(i, 1)
    }
  }
  return found
}
