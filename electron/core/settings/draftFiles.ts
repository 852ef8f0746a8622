import { createHash, randomUUID } from 'node:crypto'
import {
  closeSync,
  existsSync,
  fsyncSync,
  openSync,
  readFileSync,
  readdirSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs'
import { dirname, isAbsolute, join } from 'node:path'
import { DRAFT_MIN_BYTES, type DraftRef } from '../../../shared/model/draftRef'
import { fsyncDirSync } from '../storage/durableFiles'
import { describeWriteFailure } from '../storage/writeFailure'
import { ensurePrivateDir, PRIVATE_FILE_MODE } from '../storage/privateFiles'

/** A draft's text as read; a damaged one was moved to `movedTo` (null: it could not be). */
export type DraftRead =
  { text: string; damaged: false } | { text: string; damaged: true; movedTo: string | null }

/** A `state:save` or `http:send` referred to a draft that is not on disk (any more). */
export class DraftMissingError extends Error {
  constructor(ref: DraftRef) {
    super(`The saved draft ${ref.sha256} is gone; send the whole body again.`)
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

  fileOf(ref: DraftRef): string {
    return join(this.dir, `${ref.sha256}.txt`)
  }

  /**
   * Where to keep `text`: null when it is small enough for the settings file, else the
   * reference to its draft file, written now if it is not there yet. Adds the hash to `kept`.
   */
  put(text: string, kept: Set<string>): DraftRef | null {
    // Cheap test first: no UTF-16 unit takes more than 3 UTF-8 bytes.
    if (text.length * 3 <= DRAFT_MIN_BYTES) return null
    const bytes = Buffer.from(text, 'utf8')
    if (bytes.length <= DRAFT_MIN_BYTES) return null
    const ref = { sha256: createHash('sha256').update(bytes).digest('hex') }
    if (!existsSync(this.fileOf(ref))) this.write(this.fileOf(ref), bytes)
    kept.add(ref.sha256)
    return ref
  }

  /**
   * Keeps a draft already on disk (a body unchanged since the save that named it).
   *
   * @throws DraftMissingError when it is not on disk.
   */
  keep(ref: DraftRef, kept: Set<string>): DraftRef {
    if (!existsSync(this.fileOf(ref))) throw new DraftMissingError(ref)
    kept.add(ref.sha256)
    return ref
  }

  /** A draft's text, or null when it is lost or damaged (see `read`). */
  get(ref: DraftRef): string | null {
    const found = this.read(ref)
    return found && !found.damaged ? found.text : null
  }

  /**
   * A draft's text, or null when it is lost. A file whose bytes no longer match the hash
   * it is named by (a disk error, a hand edit) is moved to `<dataDir>/quarantine/drafts/`
   * and its text returned as found, with where it went: nothing is dropped, and a later
   * save writes the text anew under its true hash.
   */
  read(ref: DraftRef): DraftRead | null {
    const file = this.fileOf(ref)
    let bytes: Buffer
    try {
      bytes = readFileSync(file)
    } catch {
      return null
    }
    const text = bytes.toString('utf8')
    if (createHash('sha256').update(bytes).digest('hex') === ref.sha256)
      return { text, damaged: false }
    return { text, damaged: true, movedTo: this.quarantine(file, ref) }
  }

  /** Moves a damaged draft aside (private, like the data directory); null if it cannot be. */
  private quarantine(file: string, ref: DraftRef): string | null {
    const dir = join(dirname(this.dir), 'quarantine', 'drafts')
    const aside = join(
      dir,
      `${ref.sha256}.txt.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`,
    )
    try {
      ensurePrivateDir(dir)
      renameSync(file, aside)
      return aside
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
   * the settings file never refers to a half-written draft, even after a power cut (the
   * folder is synced after the rename). Owner-only, like everything in the data directory.
   */
  private write(path: string, bytes: Buffer): void {
    ensurePrivateDir(this.dir)
    const temp = join(this.dir, `.${randomUUID()}.tmp`)
    try {
      const fd = openSync(temp, 'w', PRIVATE_FILE_MODE)
      try {
        for (let at = 0; at < bytes.length;) at += writeSync(fd, bytes, at)
        fsyncSync(fd)
      } finally {
        closeSync(fd)
      }
      renameSync(temp, path)
    } catch (error) {
      // A full disk or a read-only folder: no half-written temporary file is left behind.
      try {
        unlinkSync(temp)
      } catch {
        // Never created, or removeAllBut clears it once stale.
      }
      throw describeWriteFailure(path, error)
    }
    fsyncDirSync(this.dir)
  }
}

function isStaleTemp(name: string, path: string): boolean {
  return name.endsWith('.tmp') && Date.now() - statSync(path).mtimeMs > STALE_TEMP_MS
}
