import { randomBytes } from 'node:crypto'
import { readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import * as z from 'zod'
import { WorkspaceError } from './workspaceApi'
import { ensurePrivateDir, PRIVATE_FILE_MODE } from '../storage/privateFiles'
import { moveEntry, writeFileAtomic } from './atomicFiles'
import { baseOf } from './workspaceNames'

const META_FILE = '.trash.json'
const UNDO_ID = /^[0-9a-z]+-[0-9a-f]{8}$/

const TrashMetaSchema = z.object({
  /** The workspace the item was deleted from. */
  workspaceDir: z.string(),
  /** Its workspace path then. */
  path: z.string(),
  deletedAt: z.string(),
})
export type TrashMeta = z.infer<typeof TrashMetaSchema>

/**
 * Deleted requests, folders and environments, kept under `<dataDir>/trash/<undoId>/`
 * so a delete can be undone and nothing a user made is ever destroyed by Courier.
 */
export class WorkspaceTrash {
  constructor(private readonly dataDir: string) {}

  private entryDir(undoId: string): string {
    if (!UNDO_ID.test(undoId))
      throw new WorkspaceError(`"${undoId}" is not something Courier can undo.`)
    return join(this.dataDir, 'trash', undoId)
  }

  /** Moves `abs` (the item at workspace path `rel`) into the trash; returns the undo id. */
  async put(workspaceDir: string, rel: string, abs: string): Promise<string> {
    const undoId = `${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`
    const dir = this.entryDir(undoId)
    // In the data directory: private, like the rest of it.
    ensurePrivateDir(dir)
    const meta: TrashMeta = { workspaceDir, path: rel, deletedAt: new Date().toISOString() }
    await writeFileAtomic(join(dir, META_FILE), `${JSON.stringify(meta, null, 2)}\n`, {
      mode: PRIVATE_FILE_MODE,
    })
    try {
      await moveEntry(abs, join(dir, baseOf(rel)))
    } catch (error) {
      await rm(dir, { recursive: true, force: true })
      throw error
    }
    return undoId
  }

  /** What was deleted and where it is kept now. */
  async get(undoId: string): Promise<TrashMeta & { kept: string }> {
    const dir = this.entryDir(undoId)
    const text = await readFile(join(dir, META_FILE), 'utf8').catch(() => '')
    let meta: ReturnType<typeof TrashMetaSchema.safeParse> | null = null
    try {
      meta = TrashMetaSchema.safeParse(JSON.parse(text))
    } catch {
      meta = null
    }
    if (!meta?.success)
      throw new WorkspaceError('That delete can no longer be undone (it is not in the trash).')
    return { ...meta.data, kept: join(dir, baseOf(meta.data.path)) }
  }

  /** Forgets an entry once its item has been put back. */
  async drop(undoId: string): Promise<void> {
    await rm(this.entryDir(undoId), { recursive: true, force: true })
  }
}
