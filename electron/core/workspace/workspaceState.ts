import * as z from 'zod'
import { RecentWorkspaceSchema, type RecentWorkspace } from '../../../shared/ipc/contract'
import { VariableRowSchema, type VariableRow } from '../../../shared/model/variables'
import type { KeyValueStore } from '../storage/keyValueStore'

/** App-state keys (electron-store in the app, conf in Node). */
export const STATE_KEYS = {
  /** RecentWorkspace[], most recent first. */
  recent: 'workspace.recent',
  /** Record<workspace dir, environment name>. */
  activeEnvironment: 'workspace.activeEnvironment',
  /** VariableRow[] with secret values blank (those are in the secret store). */
  globals: 'globals',
} as const

const MAX_RECENT = 10
const RecentListSchema = z.array(RecentWorkspaceSchema)
const ActiveSchema = z.record(z.string(), z.string())
const GlobalsSchema = z.array(VariableRowSchema)

/**
 * The small app-state parts of workspaces, validated on the way out: a value another
 * version wrote in a shape we do not know reads as empty rather than crashing.
 */
export class WorkspaceState {
  constructor(private readonly store: KeyValueStore) {}

  recent(): RecentWorkspace[] {
    const parsed = RecentListSchema.safeParse(this.store.get(STATE_KEYS.recent))
    return parsed.success ? parsed.data : []
  }

  /** Puts `dir` first in the recent list. */
  remember(dir: string, name: string): void {
    const rest = this.recent().filter((r) => r.dir !== dir)
    this.store.set(STATE_KEYS.recent, [{ dir, name }, ...rest].slice(0, MAX_RECENT))
  }

  forget(dirs: readonly string[]): void {
    if (dirs.length === 0) return
    const next = this.recent().filter((r) => !dirs.includes(r.dir))
    this.store.set(STATE_KEYS.recent, next)
  }

  private activeMap(): Record<string, string> {
    const parsed = ActiveSchema.safeParse(this.store.get(STATE_KEYS.activeEnvironment))
    return parsed.success ? parsed.data : {}
  }

  activeEnvironment(dir: string): string | null {
    return this.activeMap()[dir] ?? null
  }

  setActiveEnvironment(dir: string, name: string | null): void {
    const map = this.activeMap()
    if (name === null) delete map[dir]
    else map[dir] = name
    this.store.set(STATE_KEYS.activeEnvironment, map)
  }

  /** The global rows as stored (secret values blank). */
  globals(): VariableRow[] {
    const parsed = GlobalsSchema.safeParse(this.store.get(STATE_KEYS.globals))
    return parsed.success ? parsed.data : []
  }

  setGlobals(rows: VariableRow[]): void {
    this.store.set(STATE_KEYS.globals, rows)
  }
}
