import { randomUUID } from 'node:crypto'
import { once } from 'node:events'
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs'
import { rename, rm } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { reportWriteError } from './reportError'
import type { ReportKind } from './reportTarget'

/**
 * The middle of a report, written to disk as a run goes: a run may send 10,000 requests,
 * and a report keeps none of them in memory. At the end the report is assembled as head
 * (whose counts are only known then) + the spooled part + tail, streamed into a temporary
 * file that then replaces the target, so a report is either whole or not there.
 *
 * The spool lives beside the target (a hidden `.name.part` file): the target's disk is
 * the one with room for the report, and /tmp may be memory.
 */
export class ReportSpool {
  private failure: unknown = null

  private constructor(
    private readonly kind: ReportKind,
    private readonly target: string,
    private readonly path: string,
    private readonly stream: WriteStream,
  ) {
    // A failed write is reported once, when the report is assembled; the run goes on.
    stream.on('error', (error) => {
      this.failure ??= error
    })
  }

  /** @throws ReportError when the folder of `target` cannot take a file. */
  static async open(kind: ReportKind, target: string): Promise<ReportSpool> {
    const path = join(dirname(target), `.${basename(target)}.${randomUUID().slice(0, 8)}.part`)
    const stream = createWriteStream(path, { flags: 'wx', mode: 0o600 })
    try {
      await once(stream, 'open')
    } catch (error) {
      throw reportWriteError(kind.what, target, kind.flag, error)
    }
    return new ReportSpool(kind, target, path, stream)
  }

  /** Appends text; waits while the disk catches up, so memory stays flat. */
  async append(text: string): Promise<void> {
    if (this.failure !== null) return
    if (this.stream.write(text)) return
    try {
      await once(this.stream, 'drain')
    } catch (error) {
      this.failure ??= error
    }
  }

  /**
   * Writes the report: head, what was spooled, tail; then drops the spool.
   *
   * @throws ReportError when any write failed (the spool's or the report's).
   */
  async assemble(head: string, tail: string): Promise<void> {
    await this.closeSpool()
    const temp = `${this.path}.out`
    try {
      if (this.failure !== null) throw this.failure
      const out = createWriteStream(temp, { flags: 'wx', mode: 0o644 })
      const failed = new Promise<never>((_, reject) => out.on('error', reject))
      const written = (async () => {
        await write(out, head)
        for await (const chunk of createReadStream(this.path)) await write(out, chunk as Buffer)
        await write(out, tail)
        out.end()
        await once(out, 'finish')
        await once(out, 'close')
      })()
      await Promise.race([written, failed])
      await rename(temp, this.target)
    } catch (error) {
      await rm(temp, { force: true })
      throw reportWriteError(this.kind.what, this.target, this.kind.flag, error)
    } finally {
      await rm(this.path, { force: true })
    }
  }

  /** Drops the spool without writing a report (the run never finished). */
  async discard(): Promise<void> {
    await this.closeSpool()
    await rm(this.path, { force: true })
  }

  private async closeSpool(): Promise<void> {
    if (this.stream.closed) return
    this.stream.end()
    await once(this.stream, 'close').catch(() => undefined)
  }
}

async function write(out: WriteStream, chunk: string | Buffer): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain')
}
