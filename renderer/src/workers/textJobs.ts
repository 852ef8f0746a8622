/**
 * Work on big texts (request and response bodies) that would freeze the UI, with no DOM
 * or Vue: textJobs.worker.ts runs them off the UI thread, composables/inBackground.ts
 * inline where there is no Worker (happy-dom tests).
 */
import { findJsonProblem, formatJsonOrProblem, type JsonProblem } from '../../../shared/logic/json'

export type BodyJob =
  /** Reads a chosen file as UTF-8 text (and checks it when it is meant as JSON). */
  | { op: 'read'; file: Blob; json: boolean }
  /** The size of a text in UTF-8 bytes, and its first JSON problem when it is meant as JSON. */
  | { op: 'check'; text: string; json: boolean }
  /** The text pretty-printed, null when it is not JSON. */
  | { op: 'format'; text: string }
  /**
   * The SHA-256 (lowercase hex) of the text's UTF-8 bytes (encoding 50 MB alone takes
   * ~140 ms); null where there is no WebCrypto.
   */
  | { op: 'digest'; text: string }

export type ReadResult =
  | { ok: true; text: string; problem: JsonProblem | null; bytes: number }
  /** Not UTF-8 text (invalid UTF-8, or NUL bytes as binary formats have). */
  | { ok: false }
export interface CheckResult {
  problem: JsonProblem | null
  bytes: number
}
export type FormatResult = string | null

export type ResultOf<J extends BodyJob> = J extends { op: 'read' }
  ? ReadResult
  : J extends { op: 'check' }
    ? CheckResult
    : J extends { op: 'digest' }
      ? string | null
      : FormatResult

/** UTF-8 size of a text, counted rather than encoded so a 50 MB body costs no second copy. */
export function utf8Length(text: string): number {
  let bytes = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c < 0x80) bytes += 1
    else if (c < 0x800) bytes += 2
    else if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1)
      if (next >= 0xdc00 && next < 0xe000) {
        bytes += 4
        i++
      } else bytes += 3
    } else bytes += 3
  }
  return bytes
}

/**
 * findJsonProblem, with the engine's own parser first: valid JSON (the usual case) is
 * confirmed several times faster, and only an invalid text pays for locating its problem.
 */
export function checkJson(text: string): JsonProblem | null {
  try {
    JSON.parse(text)
    return null
  } catch {
    return findJsonProblem(text)
  }
}

async function read(file: Blob, json: boolean): Promise<ReadResult> {
  const bytes = new Uint8Array(await file.arrayBuffer())
  if (bytes.indexOf(0) !== -1) return { ok: false }
  let text: string
  try {
    // A BOM is dropped (ignoreBOM false): it is not part of a JSON or text body.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return { ok: false }
  }
  const problem = json && text.trim() !== '' ? checkJson(text) : null
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0
  return { ok: true, text, problem, bytes: bytes.length - bom }
}

async function digest(text: string): Promise<string | null> {
  if (!globalThis.crypto?.subtle) return null
  const hash = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))
  return Array.from(new Uint8Array(hash), (b) => b.toString(16).padStart(2, '0')).join('')
}

/** Runs one job (on whichever thread calls it). */
export async function runBodyJob<J extends BodyJob>(job: J): Promise<ResultOf<J>> {
  switch (job.op) {
    case 'read':
      return (await read(job.file, job.json)) as ResultOf<J>
    case 'check':
      return {
        problem: job.json ? checkJson(job.text) : null,
        bytes: utf8Length(job.text),
      } as ResultOf<J>
    case 'digest':
      return (await digest(job.text)) as ResultOf<J>
    default:
      // Valid JSON too deeply nested to indent comes back as null too: shown as received.
      return formatPlain(job.text) as ResultOf<J>
  }
}

function formatPlain(text: string): string | null {
  const pretty = formatJsonOrProblem(text)
  return typeof pretty === 'string' ? pretty : null
}
