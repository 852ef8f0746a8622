import { setImmediate as yieldToEventLoop } from 'node:timers/promises'
import { RAW_ROW_BYTES } from '../../../shared/model/body'
import { chunksOf, type ByteSource } from './byteSource'
import { GrowableFloat64, type LineDocument } from './lineDocument'

const NEWLINE = 0x0a

/**
 * Indexes the lines of a body as received. A line longer than RAW_ROW_BYTES becomes
 * rows of at most that many bytes, cut before a UTF-8 continuation byte so no character
 * is split: a 100 MB JSON body on one line then scrolls like any other text.
 */
export async function indexRawLines(
  text: ByteSource,
  decoder: (bytes: Buffer) => string,
  signal?: AbortSignal,
): Promise<LineDocument> {
  const starts = new GrowableFloat64()
  starts.push(0)
  let rowStart = 0
  let offset = 0
  for await (const chunk of chunksOf(text)) {
    let at = 0
    while (at < chunk.length) {
      const newline = chunk.indexOf(NEWLINE, at)
      const lineEnd = newline === -1 ? chunk.length : newline
      // Cut the running row wherever it would pass the limit before this line ends.
      while (offset + lineEnd - rowStart > RAW_ROW_BYTES) {
        const limit = rowStart + RAW_ROW_BYTES - offset
        let cut = limit
        while (cut > at && (chunk[cut]! & 0xc0) === 0x80) cut--
        // No character boundary found (not UTF-8): cut at the limit rather than loop.
        if (cut <= at) cut = limit
        rowStart = offset + cut
        starts.push(rowStart)
      }
      if (newline === -1) break
      rowStart = offset + newline + 1
      starts.push(rowStart)
      at = newline + 1
    }
    offset += chunk.length
    signal?.throwIfAborted()
    // Lets the process answer other calls between chunks of a long scan.
    await yieldToEventLoop()
  }
  // A text ending with a line break has an empty last line, like an editor shows it.
  const lineCount = starts.length
  starts.push(text.size + 1)
  return { text, lineCount, lineStarts: starts.toArray(), decoder }
}
