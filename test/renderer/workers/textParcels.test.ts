import { describe, expect, it } from 'vitest'
import {
  PIECE_CHARS,
  parcelReceiver,
  postInPieces,
  toParcels,
  type Parcel,
} from '../../../renderer/src/workers/textParcels'

/** Sends `value` through parcels and returns what the receiving side gets. */
function roundTrip<T>(value: T): { got: T[]; messages: Parcel[] } {
  const got: T[] = []
  const messages = toParcels(value)
  const receive = parcelReceiver<T>((v) => got.push(v))
  for (const message of messages) receive(structuredClone(message))
  return { got, messages }
}

describe('text parcels', () => {
  // A pair of surrogates astride the first boundary: the pieces split it, the join mends it.
  const big = 'a'.repeat(PIECE_CHARS - 1) + '😀' + 'é\n'.repeat(PIECE_CHARS)

  it('carries a job with a big text in pieces no longer than PIECE_CHARS, and gives it back whole', () => {
    const job = { op: 'check', text: big, json: true }
    const { got, messages } = roundTrip(job)
    expect(got).toEqual([job])
    const pieces = messages.flatMap((m) => ('piece' in m ? [m.piece] : []))
    expect(pieces).toHaveLength(Math.ceil(big.length / PIECE_CHARS))
    expect(Math.max(...pieces.map((p) => p.length))).toBe(PIECE_CHARS)
    // The last message leaves the text out: nothing big goes in one message.
    expect(JSON.stringify(messages.at(-1)).length).toBeLessThan(200)
  })

  it('carries a bare string result, null, and a value without text as they are', () => {
    expect(roundTrip(big).got).toEqual([big])
    expect(roundTrip('').got).toEqual([''])
    expect(roundTrip(null).got).toEqual([null])
    const checked = { problem: null, bytes: 12 }
    expect(roundTrip(checked)).toEqual({
      got: [checked],
      messages: [{ last: checked, textIn: null }],
    })
  })

  it('delivers one value per last message, so parcels can follow each other', () => {
    const got: unknown[] = []
    const receive = parcelReceiver((v) => got.push(v))
    for (const m of [...toParcels({ text: big }), ...toParcels({ text: 'small' })]) receive(m)
    expect(got).toEqual([{ text: big }, { text: 'small' }])
  })

  it('posts one message a task, and stops once the receiver is gone', async () => {
    const posted: Parcel[] = []
    const sending = postInPieces((p) => posted.push(p), { text: big })
    // The first piece goes at once, the others only in later tasks.
    expect(posted).toHaveLength(1)
    await sending
    expect(posted).toEqual(toParcels({ text: big }))

    const before: Parcel[] = []
    await postInPieces(
      (p) => before.push(p),
      { text: big },
      () => before.length === 1,
    )
    expect(before).toHaveLength(1)
  })
})
