import { createHash, randomUUID } from 'node:crypto'
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs'
import { dirname, isAbsolute, join } from 'node:path'
import { DRAFT_MIN_BYTES, draftRef, draftRefHash } from '../../../shared/logic/draftRef'

/** A `state:save` referred to a draft that is not on disk (any more). */
export class DraftMissingError extends Error {
  constructor(ref: string) {
    super(
      `The saved draft ${draftRefHash(ref) ?? '(invalid reference)'} is gone; send the whole body again.`,
    )
    this.name = 'DraftMissingError'
  }
}

/** `<dataDir>/drafts` beside a store kept in a file; null for a store in memory. */
export function draftsDirOf(storePath: string): string | null {
  return isAbsolute(storePath) ? join(dirname(storePath), 'drafts') : null
}

const DRAFT_FILE = /^([0-9a-f]{64})\.txt$/
/** A temporary file older than this is left over from a crash, not a write in progress. */
const STALE_TEMP_MS = 10 * 60 * 1000

/**
 * Big draft texts, one file each, named by the SHA-256 of their UTF-8 bytes
 * (`<sha256>.txt`): the same text is written once however often the tabs are saved, and
 * a file's name says whether it is still referred to.
 */
export class DraftFiles {
  constructor(private readonly dir: string) {}

  fileOf(ref: string): string {
    return join(this.dir, `${draftRefHash(ref) ?? 'invalid'}.txt`)
  }

  /**
   * The text to keep in the settings file for `text`: itself when small, else a reference
   * to its draft file, written now if it is not there yet. Adds the hashes in use to `kept`.
   *
   * @throws DraftMissingError when `text` is a reference to a draft that is not on disk.
   */
  put(text: string, kept: Set<string>): string {
    const referred = draftRefHash(text)
    if (referred !== null) {
      if (!existsSync(this.fileOf(text))) throw new DraftMissingError(text)
      kept.add(referred)
      return text
    }
    // Cheap test first: no UTF-16 unit takes more than 3 UTF-8 bytes.
    if (text.length * 3 <= DRAFT_MIN_BYTES) return text
    const bytes = Buffer.from(text, 'utf8')
    if (bytes.length <= DRAFT_MIN_BYTES) return text
    const hash = createHash('sha256').update(bytes).digest('hex')
    const ref = draftRef(hash)
    if (!existsSync(this.fileOf(ref))) this.write(this.fileOf(ref), bytes)
    kept.add(hash)
    return ref
  }

  /** The text for a settings value: itself, a draft's text, or null when the draft is lost. */
  get(text: string): string | null {
    if (draftRefHash(text) === null) return text
    try {
      return readFileSync(this.fileOf(text), 'utf8')
    } catch {
      return null
    }
  }

  /** Deletes the drafts no longer referred to, and temporary files a crash left behind. */
  removeAllBut(kept: Set<string>): void {
    let names: string[]
    try {
      names = readdirSync(this.dir)
    } catch {
      return // no drafts written yet
    }
    for (const name of names) {
      const hash = DRAFT_FILE.exec(name)?.[1]
      const path = join(this.dir, name)
      try {
        if (hash !== undefined ? !kept.has(hash) : isStaleTemp(name, path)) unlinkSync(path)
      } catch {
        // Already gone, or held open on Windows: the next save tries again.
      }
    }
  }

  /**
   * Writes atomically: a temporary file, flushed to disk, then renamed over the name, so
   * the settings file never refers to a half-written draft, even after a power cut.
   */
  private write(path: string, bytes: Buffer): void {
    mkdirSync(this.dir, { recursive: true })
    const temp = join(this.dir, `.${randomUUID()}.tmp`)
    const fd = openSync(temp, 'w')
    try {
      for (let at = 0; at < bytes.length;) at += writeSync(fd, bytes, at)
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
    renameSync(temp, path)
  }
}

function isStaleTemp(name: string, path: string): boolean {
  return name.endsWith('.tmp') && Date.now() - statSync(path).mtimeMs > STALE_TEMP_MS
}
