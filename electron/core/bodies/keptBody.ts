import type { BodyView } from '../../../shared/model/body'
import type { ByteSource } from './byteSource'
import type { LineDocument } from './lineDocument'
import type { PrettyFeed } from './prettyInWorker'

/** What the store knows of one kept body. */
export interface KeptBody {
  readonly id: string
  readonly source: ByteSource
  /** Text bodies only: bytes to text for the lines shown. */
  readonly decoder: (bytes: Buffer) => string
  /** Built on first use; a promise so concurrent callers share the work. */
  readonly views: Map<BodyView, Promise<ViewResult>>
  /** Bodies derived from this one (filter results), dropped with it. */
  readonly derived: Set<string>
  /** Bytes of the texts its views built (a pretty view is ~1.7x its body), counted in the store's limit. */
  viewBytes: number
  /** Its pretty view, being built since the body arrived, until the view is asked for. */
  feed?: PrettyFeed
  /** Hears how far the pretty view is (the first listener given, see BodyStore.view). */
  onProgress?: (done: number) => void
}

export type ViewResult =
  | { ok: true; doc: LineDocument }
  | { ok: false; error: { line: number; column: number; reason: string } }

export class BodyNotKeptError extends Error {
  constructor() {
    super(
      'This body is no longer kept (only the latest responses of this session are). Send the request again to see it.',
    )
  }
}

/** Bytes to text in a charset; UTF-8 (and anything TextDecoder does not know) the fast way. */
export function decoderFor(charset: string): (bytes: Buffer) => string {
  const label = charset.toLowerCase()
  if (label === '' || label === 'utf-8' || label === 'utf8') return (b) => b.toString('utf8')
  try {
    const decoder = new TextDecoder(label)
    return (b) => decoder.decode(b)
  } catch {
    return (b) => b.toString('utf8')
  }
}
