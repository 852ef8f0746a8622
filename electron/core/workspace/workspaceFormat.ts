import type { z } from 'zod'
import { blankAuthSecret } from './authSecrets'
import { decodeScripts, encodeScripts } from './scriptLines'
import { findJsonProblem } from '../../../shared/logic/json'
import { migrate } from '../../../shared/model/migrate'
import type { VariableRow } from '../../../shared/model/variables'
import {
  EnvironmentSchema,
  FolderFileSchema,
  SavedRequestSchema,
  WORKSPACE_SCHEMA_VERSION,
  WorkspaceManifestSchema,
  type Environment,
  type FolderFile,
  type InheritedDefaults,
  type SavedRequest,
  type WorkspaceManifest,
  type WorkspaceProblem,
} from '../../../shared/model/workspace'

/** Format n -> n+1 steps for every workspace file; empty while there is only version 1. */
const MIGRATIONS: Record<number, (d: Record<string, unknown>) => Record<string, unknown>> = {}

/**
 * The order keys are written in, whatever the object: identity first, then the small
 * fields, then the long lists, so a file reads top-down and a diff stays put.
 */
const KEY_ORDER = [
  'schemaVersion',
  'name',
  'kind',
  'type',
  'method',
  'url',
  'target',
  'key',
  'value',
  'path',
  'operator',
  'expected',
  'in',
  'username',
  'password',
  'token',
  'contentType',
  'enabled',
  'secret',
  'lineBreak',
  'text',
  'textLines',
  'fields',
  'parts',
  'params',
  'headers',
  'body',
  'auth',
  'settings',
  'timeoutMs',
  'followRedirects',
  'maxRedirects',
  'verifyTls',
  'maxResponseBytes',
  'assertions',
  'scripts',
  'preRequest',
  'postResponse',
  'defaults',
  'variables',
]
const RANK = new Map(KEY_ORDER.map((k, i) => [k, i]))

function ordered(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(ordered)
  if (value === null || typeof value !== 'object') return value
  const keys = Object.keys(value).sort((a, b) => {
    const ra = RANK.get(a) ?? KEY_ORDER.length
    const rb = RANK.get(b) ?? KEY_ORDER.length
    return ra !== rb ? ra - rb : a < b ? -1 : a > b ? 1 : 0
  })
  const out: Record<string, unknown> = {}
  for (const k of keys) out[k] = ordered((value as Record<string, unknown>)[k])
  return out
}

/** Pretty, stably ordered JSON with a trailing newline: the text of every workspace file. */
function toFileText(doc: unknown): string {
  return `${JSON.stringify(ordered(doc), null, 2)}\n`
}

/** Secret values never reach a file: the row stays (name, flags) with an empty value. */
export function blankSecrets(variables: readonly VariableRow[]): VariableRow[] {
  return variables.map((v) => (v.secret ? { ...v, value: '' } : v))
}

/**
 * A multi-line text as a list of lines, so a diff shows the line that changed. Lines are
 * split at `\n`; when every break is `\r\n` that is noted once (`lineBreak: "crlf"`),
 * otherwise any `\r` stays in its line, so joining gives back exactly the text.
 */
function encodeText(text: string): Record<string, unknown> {
  if (!text.includes('\n')) return { text }
  const lines = text.split('\n')
  const crlf = lines.slice(0, -1).every((l) => l.endsWith('\r'))
  if (!crlf) return { textLines: lines }
  return {
    lineBreak: 'crlf',
    textLines: lines.map((l, i) => (i < lines.length - 1 ? l.slice(0, -1) : l)),
  }
}

/** The inverse of encodeText on a parsed file's body; a message when it is malformed. */
function decodeText(body: Record<string, unknown>): string | null {
  if (!('textLines' in body)) return null
  const { textLines, lineBreak } = body
  if ('text' in body) return 'field body: has both "text" and "textLines"; keep one'
  if (!Array.isArray(textLines) || textLines.some((l) => typeof l !== 'string'))
    return 'field body.textLines: must be a list of strings (one per line)'
  if (lineBreak !== undefined && lineBreak !== 'crlf' && lineBreak !== 'lf')
    return 'field body.lineBreak: must be "crlf" or "lf"'
  body.text = textLines.join(lineBreak === 'crlf' ? '\r\n' : '\n')
  delete body.textLines
  delete body.lineBreak
  return null
}

export function requestText(request: SavedRequest): string {
  const body: Record<string, unknown> =
    request.body.type === 'json' || request.body.type === 'raw'
      ? { ...request.body, text: undefined, ...encodeText(request.body.text) }
      : request.body
  return toFileText({
    ...request,
    schemaVersion: WORKSPACE_SCHEMA_VERSION,
    body,
    scripts: encodeScripts(request.scripts),
    variables: blankSecrets(request.variables),
    auth: blankAuthSecret(request.auth),
  })
}

export function manifestText(manifest: WorkspaceManifest): string {
  const { defaults } = manifest
  return toFileText({
    ...manifest,
    schemaVersion: WORKSPACE_SCHEMA_VERSION,
    defaults: defaultsForFile(defaults),
  })
}

/** A folder's or the workspace's defaults as written: no secrets, scripts as lines. */
function defaultsForFile(defaults: InheritedDefaults): Record<string, unknown> {
  return {
    ...defaults,
    auth: blankAuthSecret(defaults.auth),
    variables: blankSecrets(defaults.variables),
    scripts: encodeScripts(defaults.scripts),
  }
}

export function folderText(folder: FolderFile): string {
  const { defaults } = folder
  return toFileText({
    schemaVersion: WORKSPACE_SCHEMA_VERSION,
    defaults: defaultsForFile(defaults),
  })
}

export function environmentText(environment: Environment): string {
  return toFileText({
    ...environment,
    schemaVersion: WORKSPACE_SCHEMA_VERSION,
    variables: blankSecrets(environment.variables),
  })
}

export type Parsed<T> =
  | { ok: true; value: T }
  /** `newer`: written by a newer Courier, so it must not be overwritten by this one. */
  | { ok: false; problem: WorkspaceProblem; newer?: boolean }

const FIX = 'Fix it in an editor (or restore it from git); the rest of the workspace is open.'

function fail<T>(path: string, what: string, advice = FIX): Parsed<T> {
  const message = [`${path}: ${what}.`, advice].filter(Boolean).join(' ')
  return { ok: false, problem: { path, message } }
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const field = issue.path.length ? `field ${issue.path.join('.')}` : 'the file'
  const missing = issue.code === 'invalid_type' && /received undefined/.test(issue.message)
  return `${field}: ${missing ? `is missing (expected ${issue.expected})` : issue.message}`
}

function parseWith<T>(schema: z.ZodType<T>, text: string, path: string, isRequest = false) {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  if (source.trim() === '') return fail<T>(path, 'the file is empty')
  let raw: unknown
  try {
    raw = JSON.parse(source)
  } catch {
    const at = findJsonProblem(source)
    const where = at ? `line ${at.line}, column ${at.column}: ${at.reason}` : 'not valid JSON'
    return fail<T>(path, where)
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    return fail<T>(path, 'expected a JSON object ({ ... })')
  let doc: Record<string, unknown>
  try {
    doc = migrate(raw, WORKSPACE_SCHEMA_VERSION, MIGRATIONS) as Record<string, unknown>
  } catch (error) {
    const what = error instanceof Error ? error.message.replace(/\.$/, '') : 'unknown format'
    return { ...fail<T>(path, what, ''), newer: true } as Parsed<T>
  }
  if (isRequest && doc.body !== null && typeof doc.body === 'object') {
    doc = { ...doc, body: { ...doc.body } }
    const wrong = decodeText(doc.body as Record<string, unknown>)
    if (wrong) return fail<T>(path, wrong)
  }
  // Scripts are kept as lines in a request, and in a manifest's or folder's defaults.
  const scriptsHolder = isRequest
    ? (doc = { ...doc })
    : isRecord(doc.defaults)
      ? { ...doc.defaults }
      : null
  if (scriptsHolder && !isRequest) doc = { ...doc, defaults: scriptsHolder }
  const wrongScripts =
    scriptsHolder && decodeScripts(scriptsHolder, isRequest ? 'scripts' : 'defaults.scripts')
  if (wrongScripts) return fail<T>(path, wrongScripts)
  const result = schema.safeParse(doc)
  if (!result.success) return fail<T>(path, describeIssue(result.error.issues[0]!))
  return { ok: true, value: result.data } as Parsed<T>
}

/** Each `parse*` takes a file's text and its workspace path (named in any problem). */
export const parseRequest = (text: string, path: string) =>
  parseWith<SavedRequest>(SavedRequestSchema, text, path, true)
export const parseManifest = (text: string, path: string) =>
  parseWith<WorkspaceManifest>(WorkspaceManifestSchema, text, path)
export const parseFolder = (text: string, path: string) =>
  parseWith<FolderFile>(FolderFileSchema, text, path)
export const parseEnvironment = (text: string, path: string) =>
  parseWith<Environment>(EnvironmentSchema, text, path)

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}
