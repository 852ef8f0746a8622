import { createReadStream } from 'node:fs'
import { copyFile, open, rm, writeFile, type FileHandle } from 'node:fs/promises'
import { Readable } from 'node:stream'

/**
 * Bytes kept on the Node side: a response body, a pretty view of it, a filter result.
 * Small ones live in memory, big ones in a temporary file; readers never need to know.
 */
export interface ByteSource {
  readonly size: number
  /** Bytes [start, end), clamped to the size. */
  read(start: number, end: number): Promise<Buffer>
  /** The whole content as a stream (for a download). */
  stream(): Readable
  /** Writes the whole content to a new file at `path`. */
  saveTo(path: string): Promise<void>
  /** Frees the memory or deletes the file. */
  dispose(): Promise<void>
}

export class MemorySource implements ByteSource {
  constructor(private bytes: Buffer) {}
  get size(): number {
    return this.bytes.length
  }
  /** The bytes themselves, for code that works faster on one buffer. */
  get buffer(): Buffer {
    return this.bytes
  }
  async read(start: number, end: number): Promise<Buffer> {
    return this.bytes.subarray(Math.max(0, start), Math.min(end, this.bytes.length))
  }
  stream(): Readable {
    return Readable.from([this.bytes], { objectMode: false })
  }
  saveTo(path: string): Promise<void> {
    return writeFile(path, this.bytes, { mode: 0o644 })
  }
  async dispose(): Promise<void> {
    this.bytes = Buffer.alloc(0)
  }
}

export class FileSource implements ByteSource {
  /**
   * Opened on the first read and kept: each read is then one positioned read, not an
   * open, a read and a close (three trips through the event loop, each of which may wait
   * behind a slice of background formatting).
   */
  private handle: Promise<FileHandle> | null = null

  constructor(
    readonly path: string,
    readonly size: number,
  ) {}

  async read(start: number, end: number): Promise<Buffer> {
    const from = Math.max(0, start)
    const to = Math.min(end, this.size)
    if (to <= from) return Buffer.alloc(0)
    this.handle ??= open(this.path, 'r')
    const handle = await this.handle
    const buffer = Buffer.allocUnsafe(to - from)
    let done = 0
    while (done < buffer.length) {
      const { bytesRead } = await handle.read(buffer, done, buffer.length - done, from + done)
      if (bytesRead === 0) break
      done += bytesRead
    }
    return buffer.subarray(0, done)
  }

  stream(): Readable {
    return createReadStream(this.path)
  }

  /** A copy of the file (the kernel's, where the file system can). */
  saveTo(path: string): Promise<void> {
    return copyFile(this.path, path)
  }

  /** Closes the file, keeping it (another thread or the store owns it). */
  async close(): Promise<void> {
    const handle = this.handle
    this.handle = null
    if (handle) await (await handle.catch(() => null))?.close()
  }

  async dispose(): Promise<void> {
    await this.close()
    await rm(this.path, { force: true })
  }
}

/** Reads a source front to back, from byte `from`, in chunks of `chunkBytes` (the last one may be shorter). */
export async function* chunksOf(
  source: ByteSource,
  chunkBytes = 4 * 1024 * 1024,
  from = 0,
): AsyncGenerator<Buffer> {
  if (source instanceof MemorySource) {
    for (let at = from; at < source.size; at += chunkBytes)
      yield source.buffer.subarray(at, at + chunkBytes)
    return
  }
  for (let at = from; at < source.size; at += chunkBytes)
    yield await source.read(at, at + chunkBytes)
}
