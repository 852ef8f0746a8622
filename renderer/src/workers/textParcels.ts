/**
 * Moves a big text between the UI thread and a worker in pieces, one message each. A
 * message is copied whole in the task that posts it and again in the task that receives
 * it: a 50 MB body in one message held the UI thread ~45 ms, and over 100 ms on a loaded
 * machine. In 2 MB pieces each task copies ~1 ms, and input and painting run in between.
 */
import { nextTask } from '../composables/nextTask'

/** The most characters one message carries. */
export const PIECE_CHARS = 2 * 1024 * 1024

/**
 * One message of a parcel: a piece of its text, or its last message, which holds the
 * value with the text left out and says where the joined pieces go back.
 */
export type Parcel =
  | { piece: string }
  | {
      last: unknown
      /** 'whole': the value is the text itself; 'text': its `text` field; null: no text. */
      textIn: 'whole' | 'text' | null
    }

function hasText(value: unknown): value is { text: string } {
  return (
    typeof value === 'object' && value !== null && typeof Reflect.get(value, 'text') === 'string'
  )
}

/**
 * The messages that carry `value` (a job or its result): a string, or an object whose
 * `text` is the big part, goes as pieces first; anything else goes as it is.
 */
export function toParcels(value: unknown): Parcel[] {
  let text: string
  let last: unknown
  let textIn: 'whole' | 'text'
  if (typeof value === 'string') {
    text = value
    last = null
    textIn = 'whole'
  } else if (hasText(value)) {
    text = value.text
    last = { ...value, text: '' }
    textIn = 'text'
  } else return [{ last: value, textIn: null }]
  const parcels: Parcel[] = []
  for (let at = 0; at < text.length; at += PIECE_CHARS) {
    parcels.push({ piece: text.slice(at, at + PIECE_CHARS) })
  }
  parcels.push({ last, textIn })
  return parcels
}

/**
 * Takes the messages of parcels one by one and hands each value over whole once its last
 * message is in.
 */
export function parcelReceiver<T>(deliver: (value: T) => void): (parcel: Parcel) => void {
  let pieces: string[] = []
  return (parcel) => {
    if ('piece' in parcel) {
      pieces.push(parcel.piece)
      return
    }
    const text = pieces.join('')
    pieces = []
    if (parcel.textIn === 'whole') deliver(text as T)
    else if (parcel.textIn === 'text') deliver({ ...(parcel.last as object), text } as T)
    else deliver(parcel.last as T)
  }
}

/**
 * Posts the parcels of `value`, each message in a task of its own after the first, until
 * `stopped()` says the receiver is gone.
 */
export async function postInPieces(
  post: (parcel: Parcel) => void,
  value: unknown,
  stopped: () => boolean = () => false,
): Promise<void> {
  const parcels = toParcels(value)
  for (let i = 0; i < parcels.length; i++) {
    if (i > 0) await nextTask()
    if (stopped()) return
    post(parcels[i]!)
  }
}
