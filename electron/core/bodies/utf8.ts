import type { ByteSource } from './byteSource'

/** Drops a UTF-8 character cut in two at the end of a buffer. */
export function cutAtCharacter(bytes: Buffer): Buffer {
  let start = bytes.length - 1
  while (start > 0 && (bytes[start]! & 0xc0) === 0x80 && bytes.length - start < 4) start--
  if (start < 0) return bytes
  const lead = bytes[start]!
  const need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1
  return start + need <= bytes.length ? bytes : bytes.subarray(0, start)
}

/** The first `maxBytes` of a UTF-8 source as text (no character cut), and whether that is all. */
export async function textStart(
  source: ByteSource,
  maxBytes: number,
): Promise<{ start: string; complete: boolean }> {
  const bytes = await source.read(0, maxBytes)
  const complete = source.size <= maxBytes
  return { start: (complete ? bytes : cutAtCharacter(bytes)).toString('utf8'), complete }
}
