import { randomUUID } from 'node:crypto'
import { open, rm, type FileHandle } from 'node:fs/promises'
import { join } from 'node:path'
import { FileSource, MemorySource, type ByteSource } from './byteSource'

/** Sees what a writer is given, as it is given (BodyStore: a pretty view built as a body arrives). */
export interface WriteTap {
  write(chunk: Buffer): void
  finish(source: ByteSource): void
  abort(): void
}

/**
 * Collects bytes in memory up to `memoryLimit`, then moves them to a new file in `dir`
 * and appends there, so a body of any size costs at most `memoryLimit` of memory.
 * `finish` hands back what was written as a ByteSource.
 */
export class SpoolWriter {
  private chunks: Buffer[] = []
  private handle: FileHandle | null = null
  private path: string | null = null
  private written = 0
  private closed = false

  constructor(
    private readonly dir: string,
    private readonly memoryLimit: number,
    private readonly tap?: WriteTap,
  ) {}

  get size(): number {
    return this.written
  }

  /** True once the bytes went to a file. */
  get spooled(): boolean {
    return this.path !== null
  }

  async write(chunk: Buffer): Promise<void> {
    if (this.closed) throw new Error('SpoolWriter: write after finish')
    if (chunk.length === 0) return
    this.tap?.write(chunk)
    this.written += chunk.length
    if (!this.handle && this.written <= this.memoryLimit) {
      this.chunks.push(chunk)
      return
    }
    if (!this.handle) {
      this.path = join(this.dir, `${randomUUID()}.body`)
      this.handle = await open(this.path, 'wx', 0o600)
      const held = this.chunks
      this.chunks = []
      for (const c of held) await this.writeAll(c)
    }
    await this.writeAll(chunk)
  }

  private async writeAll(chunk: Buffer): Promise<void> {
    let done = 0
    while (done < chunk.length) {
      const { bytesWritten } = await this.handle!.write(chunk, done, chunk.length - done)
      done += bytesWritten
    }
  }

  async finish(): Promise<ByteSource> {
    this.closed = true
    let source: ByteSource
    if (!this.handle) {
      source = new MemorySource(Buffer.concat(this.chunks, this.written))
      this.chunks = []
    } else {
      await this.handle.close()
      this.handle = null
      source = new FileSource(this.path!, this.written)
    }
    this.tap?.finish(source)
    return source
  }

  /** Drops everything written (a failed or cancelled exchange). */
  async abort(): Promise<void> {
    this.closed = true
    this.tap?.abort()
    this.chunks = []
    if (this.handle) await this.handle.close().catch(() => undefined)
    this.handle = null
    if (this.path) await rm(this.path, { force: true })
  }
}
