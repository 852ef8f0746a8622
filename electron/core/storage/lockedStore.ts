import lockfile from 'proper-lockfile'
import type { KeyValueStore } from './keyValueStore'
import { describeWriteFailure } from './writeFailure'

/** A lock older than this belongs to a process that died holding it; it is taken over. */
const STALE_MS = 10_000
/** How long a write waits for another Courier process before it gives up with an error. */
const WAIT_MS = 15_000
const RETRY_MS = 5

/** The parts of conf / electron-store a locked store needs: both read the file on every get. */
export interface FileBackedStore {
  readonly path: string
  get(key: string): unknown
  set(key: string, value: unknown): void
}

/**
 * The settings file as a KeyValueStore whose writes cannot lose another process's update.
 * The app, `courier` and the web host share `config.json`; conf and electron-store read
 * the whole file, change one key and write the whole file back, so two processes writing
 * at once would each drop the other's key. Each `set` takes a lock beside the file
 * (proper-lockfile: `config.json.lock`, taken over when its holder died) and re-reads the
 * file under it before writing: the write merges into what is on disk now.
 */
export function lockedStore(store: FileBackedStore): KeyValueStore {
  return {
    path: store.path,
    get: (key) => store.get(key),
    set: (key, value) => {
      try {
        withFileLockSync(store.path, () => store.set(key, value))
      } catch (error) {
        throw describeWriteFailure(store.path, error)
      }
    },
  }
}

/**
 * Runs `fn` holding the lock of `file`. The stores are synchronous, so a busy lock is
 * waited for by blocking this thread in short steps (Atomics.wait) — at most a write's
 * time of another process.
 *
 * @throws Error naming the file when the lock stays held past WAIT_MS.
 */
export function withFileLockSync<T>(file: string, fn: () => T): T {
  const release = acquire(file)
  try {
    return fn()
  } finally {
    try {
      release()
    } catch {
      // Already released (its directory was removed, or the lock was taken over as stale).
    }
  }
}

function acquire(file: string): () => void {
  const deadline = Date.now() + WAIT_MS
  const pause = new Int32Array(new SharedArrayBuffer(4))
  for (;;) {
    try {
      return lockfile.lockSync(file, {
        realpath: false,
        stale: STALE_MS,
        // A lock found compromised (its folder removed by hand) must not crash the process.
        onCompromised: () => {},
      })
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error
      if (Date.now() > deadline)
        throw new Error(
          `Another Courier process has kept ${file} locked for ${WAIT_MS / 1000} s, so this change was not saved. Close other Courier windows or commands and try again; if none is running, delete ${file}.lock.`,
          { cause: error },
        )
      Atomics.wait(pause, 0, 0, RETRY_MS)
    }
  }
}
