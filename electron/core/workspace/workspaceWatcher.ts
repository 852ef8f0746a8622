import { watch, type FSWatcher } from 'node:fs'

export interface WatcherOptions {
  /** Watch the folder for other programs' changes; false = only our own `touch()` calls. */
  watch: boolean
  /** Quiet time before `onChange` runs, so a `git pull` of 50 files is one change. */
  delayMs?: number
}

/**
 * Calls `onChange` (debounced) when anything Courier reads in a workspace folder changes:
 * after our own writes (`touch()`) and, when watching, after another program's (an
 * editor, git). Dotfiles and dot-directories (.git, .courier-local, our temp files) are
 * not Courier's to read, so their churn is ignored.
 */
export class WorkspaceWatcher {
  private timer: NodeJS.Timeout | null = null
  private watcher: FSWatcher | null = null
  private closed = false
  private readonly delayMs: number

  constructor(
    dir: string,
    private readonly onChange: () => void,
    options: WatcherOptions,
  ) {
    this.delayMs = options.delayMs ?? 100
    if (!options.watch) return
    try {
      this.watcher = watch(dir, { recursive: true }, (_event, file) => {
        if (
          file === null ||
          !String(file)
            .split(/[/\\]/)
            .some((p) => p.startsWith('.'))
        )
          this.touch()
      })
      // E.g. the folder itself was deleted: stop watching, let a last snapshot report it.
      this.watcher.on('error', () => {
        this.watcher?.close()
        this.watcher = null
        this.touch()
      })
    } catch {
      // A folder that cannot be watched (network share, inotify limit) still works;
      // changes made outside Courier then show on the next open.
      this.watcher = null
    }
  }

  /** Whether other programs' changes are being picked up. */
  get watching(): boolean {
    return this.watcher !== null
  }

  /** Schedules `onChange`; calls within the quiet time are merged into one. */
  touch(): void {
    if (this.closed) return
    if (this.timer) clearTimeout(this.timer)
    this.timer = setTimeout(() => {
      this.timer = null
      if (!this.closed) this.onChange()
    }, this.delayMs)
    this.timer.unref()
  }

  close(): void {
    this.closed = true
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    this.watcher?.close()
    this.watcher = null
  }
}
