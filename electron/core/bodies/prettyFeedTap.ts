import type { ByteSource } from './byteSource'
import type { PrettyFeed } from './prettyInWorker'
import type { WriteTap } from './spoolWriter'

/**
 * What the writer of a JSON body passes on to a pretty feed: its bytes while the body may
 * still be shown (up to `upTo` bytes), then the finished body to `use` when its pretty
 * view will be wanted (it ended up bigger than `from`); otherwise the feed is dropped.
 */
export function prettyFeedTap(
  feed: PrettyFeed,
  range: { from: number; upTo: number },
  use: (source: ByteSource, feed: PrettyFeed) => void,
): WriteTap {
  let written = 0
  return {
    write: (chunk) => {
      written += chunk.length
      if (written <= range.upTo) feed.write(chunk)
      else feed.cancel()
    },
    finish: (source) => {
      if (source.size > range.from && source.size <= range.upTo) use(source, feed)
      else feed.cancel()
    },
    abort: () => feed.cancel(),
  }
}
