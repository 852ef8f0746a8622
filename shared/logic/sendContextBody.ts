import type { z } from 'zod'
import type { SendContextSchema } from '../model/history'
import type { RequestBody, RequestSpec } from '../model/request'

type SendContextInput = z.input<typeof SendContextSchema>

/** Text bodies this long are sent once per http:send, not again inside its context. */
const REPEATED_BODY_MIN_CHARS = 256 * 1024

/** A body as sent or as given (before the schema's defaults). */
type AnyBody = { type: string; text?: unknown; contentType?: unknown }

/** The text of a JSON or raw body, '' for other kinds. */
function textOf(body: AnyBody): string {
  const isText = body.type === 'json' || body.type === 'raw'
  return isText && typeof body.text === 'string' ? body.text : ''
}

function sameBigText(a: AnyBody, b: RequestBody): boolean {
  const text = textOf(a)
  if (text.length < REPEATED_BODY_MIN_CHARS || text !== textOf(b)) return false
  return a.type === b.type && a.contentType === (b as AnyBody).contentType
}

/**
 * The context of a send, and whether its edited request was left without its body: it
 * is when that body is the big one sent (the usual case: inheritance and variables apply
 * later). Serialising a 50 MB body twice for the bridge took ~70 ms of UI thread.
 */
export function withoutRepeatedBody<C extends SendContextInput>(
  spec: RequestSpec,
  context: C,
): { context: C; editedBodyIsSent: boolean } {
  const { edited } = context
  if (!edited?.body || !sameBigText(edited.body, spec.body)) {
    return { context, editedBodyIsSent: false }
  }
  const withoutBody = { ...context, edited: { ...edited, body: { type: 'none' } } }
  return { context: withoutBody, editedBodyIsSent: true }
}

/** The context as the renderer meant it: the edited request's body put back. */
export function withRepeatedBody<C extends SendContextInput>(
  spec: RequestSpec,
  context: C,
  editedBodyIsSent: boolean,
): C {
  if (!editedBodyIsSent || !context.edited) return context
  return { ...context, edited: { ...context.edited, body: spec.body } }
}
