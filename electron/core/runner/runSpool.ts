import { createReadStream } from 'node:fs'
import { mkdir, open, rm, type FileHandle } from 'node:fs/promises'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import type { RunEvent, RunExecution } from '../../../shared/model/run'

/** Lines gathered before one write: a few hundred executions of a fast run. */
const FLUSH_BYTES = 256 * 1024

/**
 * One run's events kept on disk, one JSON line each, as the app's Runner streams them:
 * what an export replays into a report and where a row's details are read back from.
 * Memory holds only where each execution's line starts, so a run of 10,000 requests
 * (each with up to 64 KB of body for the reports) does not grow the process.
 */
export class RunSpool {
  private pending: Buffer[] = []
  private pendingBytes = 0
  /** Bytes written to the file so far. */
  private written = 0
  /** Per execution index: where its line starts and how long it is. */
  private readonly lines: { at: number; length: number }[] = []
  private writing: Promise<void> = Promise.resolve()
  /** The first write that failed (disk full...): the run goes on, reading it back fails. */
  private failure: unknown = null

  private constructor(
    readonly path: string,
    private readonly file: FileHandle,
  ) {}

  /** A new spool file `<dir>/<name>.jsonl` (the folder is made if needed). */
  static async create(dir: string, name: string): Promise<RunSpool> {
    await mkdir(dir, { recursive: true, mode: 0o700 })
    const path = join(dir, `${name.replace(/[^\w.-]/g, '_')}.jsonl`)
    return new RunSpool(path, await open(path, 'w+', 0o600))
  }

  /** Keeps an event; writes when enough has gathered. Never throws: see `failure`. */
  async append(event: RunEvent): Promise<void> {
    if (this.failure !== null) return
    const line = Buffer.from(`${JSON.stringify(event)}\n`)
    if (event.type === 'execution') {
      this.lines[event.execution.index] = {
        at: this.written + this.pendingBytes,
        length: line.length - 1,
      }
    }
    this.pending.push(line)
    this.pendingBytes += line.length
    if (this.pendingBytes >= FLUSH_BYTES || event.type === 'done') await this.flush()
  }

  /** Writes what has gathered; writes never overlap. */
  private flush(): Promise<void> {
    if (this.pendingBytes === 0) return this.writing
    const chunk = Buffer.concat(this.pending, this.pendingBytes)
    const at = this.written
    this.pending = []
    this.pendingBytes = 0
    this.written += chunk.length
    this.writing = this.writing.then(() =>
      this.failure === null
        ? this.writeAll(chunk, at).catch((error: unknown) => void (this.failure ??= error))
        : undefined,
    )
    return this.writing
  }

  /** @throws the write failure that lost part of the run, if one did. */
  private async settled(): Promise<void> {
    await this.flush()
    if (this.failure !== null) throw this.failure
  }

  private async writeAll(chunk: Buffer, at: number): Promise<void> {
    let done = 0
    while (done < chunk.length) {
      const { bytesWritten } = await this.file.write(chunk, done, chunk.length - done, at + done)
      done += bytesWritten
    }
  }

  /** Executions kept so far. */
  get executions(): number {
    return this.lines.length
  }

  /**
   * One execution, whole; null when the run has none with that index.
   *
   * @throws the write failure that lost part of the run.
   */
  async execution(index: number): Promise<RunExecution | null> {
    const line = this.lines[index]
    if (!line) return null
    await this.settled()
    const buffer = Buffer.alloc(line.length)
    await this.file.read(buffer, 0, line.length, line.at)
    const event = JSON.parse(buffer.toString('utf8')) as RunEvent
    return event.type === 'execution' ? event.execution : null
  }

  /**
   * Every event kept, in order, read from disk one line at a time.
   *
   * @throws the write failure that lost part of the run.
   */
  async *events(): AsyncGenerator<RunEvent> {
    await this.settled()
    const lines = createInterface({
      input: createReadStream(this.path, { encoding: 'utf8' }),
      crlfDelay: Infinity,
    })
    for await (const line of lines) if (line !== '') yield JSON.parse(line) as RunEvent
  }

  /** Closes the file and deletes it. */
  async remove(): Promise<void> {
    await this.writing
    await this.file.close().catch(() => undefined)
    await rm(this.path, { force: true })
  }
}
