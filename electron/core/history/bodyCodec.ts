import { promisify } from 'node:util'
import { brotliCompress, brotliCompressSync, brotliDecompressSync, constants } from 'node:zlib'

/** How a stored part is encoded: as is, or brotli. */
export type Codec = 'identity' | 'br'

/** Below this, compression saves too little to be worth the time. */
const MIN_COMPRESS_BYTES = 256
/** Quality 5: about 150 MB/s and a tenth of the size on JSON, where 11 would be 100 times slower. */
const QUALITY = 5
/** The search index reads at most this much of each body. */
export const MAX_INDEXED_BYTES = 1024 * 1024

const brotliOptions = (data: Buffer) => ({
  params: {
    [constants.BROTLI_PARAM_QUALITY]: QUALITY,
    [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
  },
})

const smaller = (data: Buffer, packed: Buffer): { codec: Codec; data: Buffer } =>
  packed.length < data.length ? { codec: 'br', data: packed } : { codec: 'identity', data }

/** Compresses `data` when that makes it smaller. */
export function pack(data: Buffer, compress: boolean): { codec: Codec; data: Buffer } {
  if (!compress || data.length < MIN_COMPRESS_BYTES) return { codec: 'identity', data }
  return smaller(data, brotliCompressSync(data, brotliOptions(data)))
}

/** `pack` on libuv's thread pool: megabytes of body compress without blocking the process. */
export async function packAsync(
  data: Buffer,
  compress: boolean,
): Promise<{ codec: Codec; data: Buffer }> {
  if (!compress || data.length < MIN_COMPRESS_BYTES) return { codec: 'identity', data }
  return smaller(data, await promisify(brotliCompress)(data, brotliOptions(data)))
}

export function unpack(codec: string, data: Buffer): Buffer {
  if (codec === 'identity') return data
  if (codec === 'br') return brotliDecompressSync(data)
  throw new Error(`Unknown history codec "${codec}".`)
}

/**
 * The first `max` bytes; for text, cut back to a whole UTF-8 character so the start still
 * decodes cleanly.
 */
export function cutBytes(bytes: Buffer, max: number, utf8: boolean): Buffer {
  if (bytes.length <= max) return bytes
  let end = max
  if (utf8) while (end > 0 && (bytes[end]! & 0xc0) === 0x80) end--
  return bytes.subarray(0, end)
}

/** The start of a text the search index takes (at most MAX_INDEXED_BYTES of UTF-8). */
export function indexedText(text: string): string {
  // A UTF-16 unit is at most 3 UTF-8 bytes: a short text needs no encoding to check.
  if (text.length * 3 <= MAX_INDEXED_BYTES) return text
  const bytes = Buffer.from(text, 'utf8')
  if (bytes.length <= MAX_INDEXED_BYTES) return text
  return cutBytes(bytes, MAX_INDEXED_BYTES, true).toString('utf8')
}
