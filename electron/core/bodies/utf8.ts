/** Drops a UTF-8 character cut in two at the end of a buffer. */
export function cutAtCharacter(bytes: Buffer): Buffer {
  let start = bytes.length - 1
  while (start > 0 && (bytes[start]! & 0xc0) === 0x80 && bytes.length - start < 4) start--
  if (start < 0) return bytes
  const lead = bytes[start]!
  const need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1
  return start + need <= bytes.length ? bytes : bytes.subarray(0, start)
}
