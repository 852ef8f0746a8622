import { readFile, realpath, rename } from 'node:fs/promises'
import { isAbsolute, join, resolve } from 'node:path'
import {
  FILE_CONSENTS_VERSION,
  FileConsentsSchema,
  type FileConsents,
} from '../../../shared/model/fileConsents'
import { listGate, type FileGate } from '../http/fileGate'
import { PRIVATE_FILE_MODE } from '../storage/privateFiles'
import { writeFileAtomic } from '../workspace/atomicFiles'

/** The file in the data directory that keeps the consents. */
export const FILE_CONSENTS_FILE = 'file-consents.json'

/** The key of a scope: the workspace folder, or '' for requests outside one. */
const scopeKey = (workspace: string | null) => (workspace ? resolve(workspace) : '')

/** The absolute path with symbolic links resolved (as the engine checks it); itself when missing. */
async function realPathOf(path: string): Promise<string> {
  try {
    return await realpath(path)
  } catch {
    return path
  }
}

/**
 * Which local files the user confirmed for upload, per workspace, kept on this machine in
 * the data directory. The app's sends and runs get their FileGate here; a file picked in
 * the file dialog or confirmed in the "Upload this file?" dialog is added with `allow`.
 */
export class FileConsentStore {
  private loaded: Promise<FileConsents> | null = null
  private writing: Promise<void> = Promise.resolve()
  private readonly file: string

  constructor(
    dataDir: string,
    /** Tells the user something went wrong with the file (a corrupt one moved aside). */
    private readonly notice: (message: string) => void = () => {},
  ) {
    this.file = join(dataDir, FILE_CONSENTS_FILE)
  }

  /**
   * The gate for a send of this workspace (null: outside one): the confirmed files, and
   * `once`, files confirmed for this send only. Relative paths are read from the workspace.
   * Made at once and read when a body names a file, so a send starts (and can be
   * cancelled) without waiting for the file of consents.
   */
  gate(workspace: string | null, once: readonly string[] = []): FileGate {
    let allowed: Promise<FileGate> | null = null
    const baseDir = workspace ? resolve(workspace) : null
    const load = async () => {
      const kept = (await this.read()).scopes[scopeKey(workspace)] ?? []
      const onceReal = await Promise.all(once.map((p) => realPathOf(this.absolute(workspace, p))))
      return listGate(baseDir, [...kept, ...onceReal])
    }
    return {
      baseDir,
      allows: async (path) => (await (allowed ??= load())).allows(path),
    }
  }

  /** Confirms a file for this workspace from now on; returns the path as kept (links resolved). */
  async allow(workspace: string | null, path: string): Promise<string> {
    const real = await realPathOf(this.absolute(workspace, path))
    const next = this.writing.then(async () => {
      const consents = await this.read()
      const key = scopeKey(workspace)
      const kept = consents.scopes[key] ?? []
      if (kept.includes(real)) return
      const next = { ...consents, scopes: { ...consents.scopes, [key]: [...kept, real] } }
      await writeFileAtomic(this.file, JSON.stringify(next, null, 2) + '\n', {
        mode: PRIVATE_FILE_MODE,
      })
      // Only once written: a save that failed (a full disk) is asked again, not half kept.
      consents.scopes = next.scopes
    })
    this.writing = next.catch(() => {})
    await next
    return real
  }

  private absolute(workspace: string | null, path: string): string {
    if (isAbsolute(path)) return resolve(path)
    return resolve(workspace ?? '/', path)
  }

  private read(): Promise<FileConsents> {
    this.loaded ??= this.load()
    return this.loaded
  }

  private async load(): Promise<FileConsents> {
    const empty = (): FileConsents => ({ schemaVersion: FILE_CONSENTS_VERSION, scopes: {} })
    let text: string
    try {
      text = await readFile(this.file, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return empty()
      throw error
    }
    let parsed: ReturnType<typeof FileConsentsSchema.safeParse>
    try {
      parsed = FileConsentsSchema.safeParse(JSON.parse(text))
    } catch {
      parsed = FileConsentsSchema.safeParse(null)
    }
    if (parsed.success) return parsed.data
    // Never reset silently: the old file is kept beside, and Send asks again.
    const aside = `${this.file}.corrupt-${Date.now()}`
    await rename(this.file, aside).catch(() => {})
    this.notice(
      `The list of files you confirmed for upload (${this.file}) could not be read and was moved to ${aside}. Courier will ask again before uploading a file.`,
    )
    return empty()
  }
}
